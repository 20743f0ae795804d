"""The relation model exported to ONNX runs with onnxruntime and says what the shipped model says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterpoint.cli import app
from counterpoint.link.relation import CrossEncoder, Relater

runner = CliRunner()
PAIRS = [
    ("The library will close next year.", "The library will never close."),
    ("Russia annexed Crimea in 2014.", "Crimea was annexed by Russia in 2014."),
    (
        "The council will review bus fares.",
        "Officials said on Monday that the council would review bus fares, rent controls and the budget "
        "before the end of the year, after months of protests outside the town hall.",
    ),
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("onnx")
    for name, flags in (("fp32", []), ("int8", ["--int8"])):
        result = runner.invoke(app, ["export-model", str(root / name), *flags])
        assert result.exit_code == 0, result.output
    return {"fp32": root / "fp32", "int8": root / "int8"}


def test_an_onnx_export_gives_the_shipped_models_probabilities(exported: dict[str, Path]) -> None:
    ours = CrossEncoder().probabilities(PAIRS, batch_size=3)  # one padded batch of three lengths
    onnx = CrossEncoder(exported["fp32"]).probabilities(PAIRS, batch_size=3)
    for mine, theirs in zip(ours, onnx, strict=True):
        assert max(abs(mine[k] - theirs[k]) for k in mine) < 1e-3


def test_int8_is_smaller_and_agrees_on_clear_cases(exported: dict[str, Path]) -> None:
    fp32, int8 = (exported[k] / "model.onnx" for k in ("fp32", "int8"))
    assert int8.stat().st_size < fp32.stat().st_size / 3
    verdicts = Relater(exported["int8"]).relate(PAIRS[:2])
    assert [v.relation for v in verdicts] == ["contradict", "agree"]


def test_relate_cli_takes_an_onnx_folder(tmp_path: Path, exported: dict[str, Path]) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps({"a": a, "b": b}) + "\n" for a, b in PAIRS[:2]))
    result = runner.invoke(app, ["relate", "--input", str(pairs), "--relation-model", str(exported["fp32"])])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["relation"] for line in result.stdout.splitlines()] == ["contradict", "agree"]


def test_export_model_refuses_an_onnx_folder(tmp_path: Path, exported: dict[str, Path]) -> None:
    result = runner.invoke(
        app, ["export-model", str(tmp_path / "again"), "--relation-model", str(exported["fp32"])]
    )
    assert result.exit_code == 2
    assert "ONNX folder already" in " ".join(result.output.replace("│", " ").split())
