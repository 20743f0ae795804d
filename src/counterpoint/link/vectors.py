"""Statement embeddings and their nearest-neighbour index kept beside the store, so `link` only embeds and
indexes statements it has not seen.

A SQLite store `news.db` keeps them in `news.db.vectors/`; any other store under ~/.cache/counterpoint/. The
cache is derived data: deleting it only costs re-embedding.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from usearch.index import Index

from counterpoint.link.candidates import build_index, empty_index, extend_index
from counterpoint.link.encoder import embed


def cache_dir(url: str) -> Path | None:
    """Where a store's vectors live; None for an in-memory store."""
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        return Path(f"{path}.vectors") if path and path != ":memory:" else None
    return Path.home() / ".cache" / "counterpoint" / hashlib.sha256(url.encode()).hexdigest()[:16]


class Vectors:
    """id → unit embedding (float16 on disk), appended to as new statements arrive."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.ids: list[str] = []
        self.matrix = np.zeros((0, 384), dtype=np.float32)
        if directory and (directory / "ids.json").exists() and (directory / "vectors.npy").exists():
            self.ids = json.loads((directory / "ids.json").read_text())
            self.matrix = np.load(directory / "vectors.npy").astype(np.float32)
            # a run killed between the two writes leaves one longer than the other: keep what both have
            rows = min(len(self.ids), len(self.matrix))
            self.ids, self.matrix = self.ids[:rows], self.matrix[:rows]
        self.row = {i: n for n, i in enumerate(self.ids)}

    def ensure(self, ids: list[str], texts: list[str]) -> np.ndarray:
        """Embeddings for these statements, in order, embedding only the missing ones."""
        missing = [n for n, i in enumerate(ids) if i not in self.row]
        if missing:
            # as they are stored: a run on a fresh cache and a run on a kept one read the same numbers
            new = embed([texts[n] for n in missing]).astype(np.float16).astype(np.float32)
            for n in missing:
                self.row[ids[n]] = len(self.ids)
                self.ids.append(ids[n])
            self.matrix = np.vstack([self.matrix, new])
            self.save()
        return self.matrix[[self.row[i] for i in ids]]

    def save(self) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        with _replacing(self.directory / "vectors.npy") as tmp, tmp.open("wb") as f:
            np.save(f, self.matrix.astype(np.float16))
        with _replacing(self.directory / "ids.json") as tmp:
            tmp.write_text(json.dumps(self.ids))

    def index(self) -> Index:
        """The index over every cached row (key = row), loaded from disk and extended with new rows.

        The index records the id of its last row; if the cache no longer has that id at that row (the
        vectors were deleted and rebuilt), the index is rebuilt rather than trusted."""
        if self.directory is None:
            return build_index(self.matrix)
        path, meta = self.directory / "index.usearch", self.directory / "index.json"
        index = self._saved_index(path, meta)
        held = len(index)
        extend_index(index, self.matrix)
        if len(index) > held:
            with _replacing(path) as tmp:
                index.save(str(tmp))
            with _replacing(meta) as tmp:
                tmp.write_text(json.dumps({"last": self.ids[len(index) - 1]}))
        return index

    def _saved_index(self, path: Path, meta: Path) -> Index:
        """The index on disk if it still matches the cache's rows, else an empty one."""
        index = empty_index(self.matrix.shape[1])
        if not (path.exists() and meta.exists()):
            return index
        try:
            last = json.loads(meta.read_text())["last"]
            index.load(str(path))
        except (OSError, RuntimeError, ValueError, KeyError):  # unreadable: derived data, so rebuild
            return empty_index(self.matrix.shape[1])
        if not len(index) or len(index) > len(self.ids) or self.ids[len(index) - 1] != last:
            return empty_index(self.matrix.shape[1])
        return index


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it atomically once written."""
    tmp = path.with_name(path.name + ".tmp")
    yield tmp
    tmp.replace(path)
