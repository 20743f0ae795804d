"""A learned span tagger: where contents, sources and cues lie, as PolNeAR's annotators mark them.

The rules read syntax and miss what their lexicon does not know ("Clinton's campaign has hammered Trump
over ..."); the tagger, the packaged MiniLM fine-tuned on PolNeAR train (training/train_tagger.py), reads
word pieces in windows and marks three BIO layers (content, source, cue), so a token can be a cue and inside
another statement's content at once. It reads the rules' own spans as hints. Its spans are proposals:
tagged.py uses them to correct the rules' bounds and to add the statements the rules did not find.

This module needs only torch, numpy and transformers (no spaCy), so the trainer loads it by path where
counterpoint is not installed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROLES = ("content", "source", "cue")
STRIP = " \t\n\"'\u201c\u201d\u2018\u2019,.:;"  # what PolNeAR's scorer trims from both ends of a span
WEIGHTS = Path(__file__).with_name("tagger.safetensors")


@dataclass(frozen=True)
class TaggedSpan:
    start: int
    end: int
    probability: float  # mean over its word pieces of the probability of not being outside a span


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def windows(n: int, size: int, stride: int) -> list[tuple[int, int]]:
    """Token windows over a document: `size` long, one every `stride` tokens, the last flush with the end."""
    if n <= size:
        return [(0, n)]
    return [*((s, s + size) for s in range(0, n - size, stride)), (n - size, n)]


def token_bio(offsets: list[tuple[int, int]], spans: dict[str, list[tuple[int, int]]]) -> np.ndarray:
    """BIO (0 O, 1 B, 2 I) per word piece and role, from character spans; outermost spans first, so a span
    nested in another of its role is left out (the gold the tagger learns, and the rules' hints it reads)."""
    labels = np.zeros((len(offsets), len(ROLES)), dtype=np.int64)
    starts = np.array([s for s, _ in offsets], dtype=np.int64)
    ends = np.array([e for _, e in offsets], dtype=np.int64)
    for r, role in enumerate(ROLES):
        taken = np.zeros(len(offsets), dtype=bool)
        for start, end in sorted(spans.get(role, ()), key=lambda s: s[0] - s[1]):
            inside = np.flatnonzero((ends > start) & (starts < end) & (ends > starts))
            if len(inside) == 0 or taken[inside].any():
                continue
            labels[inside, r] = 2
            labels[inside[0], r] = 1
            taken[inside] = True
    return labels


def hint_ids(bio: np.ndarray) -> np.ndarray:
    """The rules' BIO tags of the three roles as one id per word piece (0..26), embedded as an input."""
    return bio[:, 0] + 3 * bio[:, 1] + 9 * bio[:, 2]


def decode(probs: np.ndarray, offsets: list[tuple[int, int]], text: str) -> dict[str, list[TaggedSpan]]:
    """Spans per role from BIO probabilities (token, role, [O, B, I]); an I after an O opens a span."""
    best = probs.argmax(-1)
    spans: dict[str, list[TaggedSpan]] = {}
    for r, role in enumerate(ROLES):
        found, open_at = [], None
        for t in range(len(offsets) + 1):
            tag = best[t, r] if t < len(offsets) else 0
            if open_at is not None and tag != 2:
                start, end = trim(text, offsets[open_at][0], offsets[t - 1][1])
                if end > start:
                    found.append(TaggedSpan(start, end, float(1 - probs[open_at:t, r, 0].mean())))
                open_at = None
            if tag == 1 or (tag == 2 and open_at is None):
                open_at = t
        spans[role] = found
    return spans


def build(encoder: Any, layers: int = 0, hints: bool = False) -> Any:
    """The tagger network: the encoder (its first `layers` layers, when given) and one linear head giving BIO
    logits for each role. With `hints`, the rules' own spans are an input, added to the word embeddings."""
    import torch

    if layers:
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            size = encoder.config.hidden_size
            self.head = torch.nn.Linear(size, 3 * len(ROLES))
            self.hints = torch.nn.Embedding(27, size) if hints else None
            if self.hints is not None:
                torch.nn.init.zeros_(self.hints.weight)

        def forward(
            self, ids: torch.Tensor, mask: torch.Tensor, hints: torch.Tensor | None = None
        ) -> torch.Tensor:
            if self.hints is None or hints is None:
                hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            else:
                embedded = self.encoder.embeddings.word_embeddings(ids) + self.hints(hints)
                hidden = self.encoder(inputs_embeds=embedded, attention_mask=mask).last_hidden_state
            return self.head(hidden).view(*ids.shape, len(ROLES), 3)

    return Tagger()


def dequantize(tensors: dict[str, Any]) -> dict[str, Any]:
    """Weights saved as int8 rows with one scale each (`name.q`, `name.scale`) back to float32."""
    out = {}
    for name, value in tensors.items():
        if name.endswith(".q"):
            stem = name[:-2]
            out[stem] = value.float() * tensors[stem + ".scale"].float()[:, None]
        elif not name.endswith(".scale"):
            out[name] = value.float()
    return out


class SpanTagger:
    """Text in, spans per role out, on CPU. A long text is read in overlapping windows whose probabilities
    are averaged where they overlap, so every token sees context on both sides."""

    def __init__(
        self, weights: Path = WEIGHTS, base: Path | None = None, stride: int = 192, bf16: bool | None = None
    ):
        """`bf16`: run the encoder in bfloat16, 1.6 times as fast on CPUs with native bfloat16 (AVX512-BF16,
        AMX), where it is on by default; elsewhere it would be emulated and slower."""
        import torch
        from safetensors.torch import load_file
        from transformers import AutoModel, AutoTokenizer

        if base is None:
            from counterpoint.link.encoder import base_model_dir, quiet_transformers

            quiet_transformers()
            base = base_model_dir()
        self.weights, self.base = weights, base  # what a worker process needs to load the same tagger
        self.tokenizer = AutoTokenizer.from_pretrained(str(base))
        self.tokenizer.model_max_length = 1_000_000  # windows are cut here, not by the tokenizer
        config = json.loads(weights.with_suffix(".json").read_text(encoding="utf-8"))
        self.hints, self.window, self.stride = config["hints"], config["window"], stride
        encoder = AutoModel.from_pretrained(str(base), add_pooling_layer=False)
        self.model = build(encoder, config.get("layers") or 0, self.hints)
        missing = self.model.load_state_dict(dequantize(load_file(str(weights))), strict=False).missing_keys
        if any(not k.startswith("encoder.embeddings.") for k in missing):
            raise ValueError(f"{weights}: not a tagger overlay for this base model (lacks {missing[:2]})")
        self.model.eval()
        self._torch = torch
        self.bf16 = torch.ops.mkldnn._is_mkldnn_bf16_supported() if bf16 is None else bf16

    @contextmanager
    def threads(self, n: int) -> Iterator[None]:
        """Torch's threads for the tagging inside, as they were after (they are the process's)."""
        before = self._torch.get_num_threads()
        self._torch.set_num_threads(n)
        try:
            yield
        finally:
            self._torch.set_num_threads(before)

    def tag(
        self, text: str, hints: dict[str, list[tuple[int, int]]] | None = None, batch_size: int = 16
    ) -> dict[str, list[TaggedSpan]]:
        """`hints`: the rules' spans by role, which a tagger trained with them reads as an input."""
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        if not ids:
            return {role: [] for role in ROLES}
        given = hint_ids(token_bio(offsets, hints or {})) if self.hints else None
        sums = np.zeros((len(ids), len(ROLES), 3), dtype=np.float32)
        counts = np.zeros(len(ids), dtype=np.float32)
        spans = windows(len(ids), self.window - 2, self.stride)
        cls, sep = self.tokenizer.cls_token_id, self.tokenizer.sep_token_id
        for i in range(0, len(spans), batch_size):
            chunk = spans[i : i + batch_size]
            width = max(end - start for start, end in chunk) + 2
            batch = np.zeros((len(chunk), width), dtype=np.int64)
            mask, marks = np.zeros_like(batch), np.zeros_like(batch)
            for j, (start, end) in enumerate(chunk):
                batch[j, : end - start + 2] = [cls, *ids[start:end], sep]
                mask[j, : end - start + 2] = 1
                if given is not None:
                    marks[j, 1 : end - start + 1] = given[start:end]
            t = self._torch.from_numpy
            with self._torch.inference_mode(), self._torch.autocast("cpu", self._torch.bfloat16, self.bf16):
                logits = self.model(t(batch), t(mask), t(marks) if given is not None else None)
            probs = logits.float().softmax(-1).numpy()
            for j, (start, end) in enumerate(chunk):
                sums[start:end] += probs[j, 1 : end - start + 1]
                counts[start:end] += 1
        return decode(sums / counts[:, None, None], offsets, text)
