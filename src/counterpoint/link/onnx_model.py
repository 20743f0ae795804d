"""Relation models as ONNX: run one with onnxruntime, or export ours to one (to serve it elsewhere).

An ONNX model folder holds `model.onnx`, its tokenizer files and a `config.json` giving the labels (ours:
`labels`; a Hugging Face export: `id2label`). onnxruntime is optional (`pip install "counterpoint[onnx]"`);
exporting also needs torch's exporter and the `onnx` package.
"""

from __future__ import annotations

import json
import logging
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.errors import ModelError

INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def is_onnx(path: Path) -> bool:
    return (path / "model.onnx").exists()


class OnnxClassifier:
    """A sequence-pair classifier from an ONNX model folder: inputs as numpy, logits out."""

    def __init__(self, folder: Path) -> None:
        try:
            import onnxruntime
        except ImportError as e:
            raise ModelError(f'{folder}: ONNX needs onnxruntime: pip install "counterpoint[onnx]"') from e
        from transformers import AutoTokenizer

        self.session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), providers=["CPUExecutionProvider"]
        )
        self.inputs = [i.name for i in self.session.get_inputs()]
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder))
        self.config: dict[str, Any] = json.loads((folder / "config.json").read_text())
        id2label = self.config.get("id2label", {})
        self.labels: list[str] = self.config.get("labels") or [id2label[str(i)] for i in range(len(id2label))]

    def __call__(self, inputs: dict[str, np.ndarray]) -> np.ndarray:
        feed = {name: inputs[name].astype(np.int64) for name in self.inputs}
        return self.session.run(None, feed)[0]


def export(encoder: Any, out: Path, int8: bool = False) -> Path:
    """Write a CrossEncoder's torch model as an ONNX model folder; --int8 quantizes the weights (dynamic
    quantization: about a quarter of the size, slightly less exact)."""
    import torch

    class Logits(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).logits

    out.mkdir(parents=True, exist_ok=True)
    sample = encoder.tokenizer(["a claim"], ["a text to check it against"], return_tensors="pt")
    target = out / ("model.fp32.onnx" if int8 else "model.onnx")
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with warnings.catch_warnings():  # the tracer's notes on shapes it fixes: none matter for this graph
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Logits(encoder.model),
            tuple(sample[name] for name in INPUTS),
            str(target),
            input_names=list(INPUTS),
            output_names=["logits"],
            dynamic_axes={**axes, "logits": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
    if int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        root = logging.getLogger()  # quantize_dynamic logs a pre-processing hint there
        level = root.level
        root.setLevel(logging.ERROR)
        try:
            quantize_dynamic(str(target), str(out / "model.onnx"), weight_type=QuantType.QInt8)
        finally:
            root.setLevel(level)
        target.unlink()
    encoder.tokenizer.save_pretrained(str(out))
    config = {
        "labels": encoder.labels,
        "max_tokens": encoder.max_tokens,
        "passage_sentences": encoder.passage_sentences,
        "exported_from": encoder.name,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    return out / "model.onnx"
