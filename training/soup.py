"""Average the overlays of several training runs into one model (a "model soup", Wortsman et al. 2022).

Runs that start from the same head (same --seed) and differ in data order (--order-seed) or mix land in one
basin, so their weight average is a single model of the same size that is usually better than any member.
With --greedy, members are tried best first (by the development score) and kept only if the average
improves; without it all runs given are averaged. A member may be a soup itself, or a run that started from
one (train_relation.py --init): averaging such a run with its starting point keeps most of what the starting
point knew while taking in what the run learned (Wortsman et al. 2022, "WiSE-FT").

    python training/soup.py --pairs pairs.json.gz --out src/counterpoint/link/model [--greedy] RUN_DIR...
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from train_relation import Encoded, build, evaluate, load_pairs

SHARED = ("base", "labels", "max_tokens", "passage_sentences", "frozen_layers")


def head_seed(config: dict) -> int:
    """The seed of the head a model's weights descend from, through soups and --init starting points."""
    if "init" in config:
        return head_seed(config["init"])
    if "soup" in config:
        return head_seed(config["soup"][0])
    return config["seed"]


def merit(row: dict[str, dict[str, float]]) -> float:
    """The selection score: FNC-1 related accuracy, macro-F1 and contradict F1, plus SNLI accuracy."""
    fnc = row["fnc1"]
    return fnc["acc"] + fnc["macro_f1"] + fnc["f1_contradict"] + row["snli"]["acc"]


def average(overlays: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    return {k: sum(o[k].float() for o in overlays) / len(overlays) for k in overlays[0]}


def greedy(overlays: list[dict[str, torch.Tensor]], scored: Callable, names: list[str]) -> list[int]:
    alone = [merit(scored(o)) for o in overlays]
    order = sorted(range(len(overlays)), key=alone.__getitem__, reverse=True)
    kept, best = [order[0]], alone[order[0]]
    for i in order[1:]:
        score = merit(scored(average([overlays[j] for j in [*kept, i]])))
        if score > best:
            kept, best = [*kept, i], score
        print(f"{names[i]}: alone {alone[i]:.4f}, soup {score:.4f}, kept {kept}", flush=True)
    return kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path, help="--out folders of train_relation.py runs")
    ap.add_argument("--pairs", required=True, help="relation_data.py's pairs (for dev sets)")
    ap.add_argument("--base", help="the base MiniLM directory (default: the installed PyPI package)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--greedy", action="store_true", help="keep only runs that improve the dev score")
    args = ap.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    configs = [json.loads((run / "config.json").read_text()) for run in args.runs]
    if len({json.dumps([*(c[k] for k in SHARED), head_seed(c)]) for c in configs}) > 1:
        raise SystemExit("runs differ in base, labels, length, frozen layers or head seed: cannot average")
    data = load_pairs(args.pairs)
    setup = argparse.Namespace(base=args.base, freeze=configs[0]["frozen_layers"], init=None)
    tokenizer, model = build(setup, data["labels"])
    model.to(device)
    dev = {k: Encoded(tokenizer, v, data["labels"], configs[0]["max_tokens"]) for k, v in data["dev"].items()}

    def scored(overlay: dict[str, torch.Tensor]) -> dict[str, dict[str, float]]:
        model.load_state_dict({k: v.float() for k, v in overlay.items()}, strict=False)
        return evaluate(model, dev, device, data["labels"])

    overlays = [load_file(str(run / "overlay.safetensors")) for run in args.runs]
    kept = list(range(len(overlays)))
    if args.greedy:
        kept = greedy(overlays, scored, [str(r) for r in args.runs])
    soup = {k: v.half().contiguous() for k, v in average([overlays[j] for j in kept]).items()}
    args.out.mkdir(parents=True, exist_ok=True)
    save_file(soup, str(args.out / "overlay.safetensors"))
    config = {k: configs[0][k] for k in SHARED}
    config["soup"] = [{k: v for k, v in configs[j].items() if k not in SHARED} for j in kept]
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    print(json.dumps({"kept": [str(args.runs[j]) for j in kept], "dev": scored(soup)}))


if __name__ == "__main__":
    main()
