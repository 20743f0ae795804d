"""Shared fixtures: stores on real SQLite and, when COUNTERPOINT_TEST_PG names a server, real PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterpoint.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PG = os.environ.get(
    "COUNTERPOINT_TEST_PG"
)  # e.g. postgresql://counterpoint:counterpoint@127.0.0.1/counterpoint


def _postgres_schema_url() -> Iterator[str]:
    """A fresh schema per test, dropped afterwards, so tests never see each other's rows."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{PG}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each store test runs on both backends; PostgreSQL is skipped only where no server is configured."""
    if request.param == "sqlite":
        yield str(tmp_path / "counterpoint.db")
        return
    if not PG:
        pytest.skip("COUNTERPOINT_TEST_PG is not set (.ci/run starts a PostgreSQL server and sets it)")
    yield from _postgres_schema_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as opened:
        yield opened


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "counterpoint.db")
