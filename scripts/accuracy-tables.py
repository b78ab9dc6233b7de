#!/usr/bin/env python3
"""Prints the README's held-out Accuracy tables from `postlint eval --cv --json`.

    cargo run --release -p postlint-cli -- eval --cv --data ../shared --json \
        | python3 scripts/accuracy-tables.py
"""
import json
import sys
from collections import defaultdict


def f3(x):
    return "" if x is None else f"{x:.3f}"


def main() -> None:
    folds = json.load(sys.stdin)
    print("| held out | dimension | precision | recall | F1 | ROC AUC | Brier |")
    print("|---|---|---|---|---|---|---|")
    for f in folds:
        name = f"writer `{f['held_out']}-`" if f["writer"] else f["held_out"]
        label = f"{name} ({f['rows']:,})"
        for i, d in enumerate(f["dimensions"]):
            first = label if i == 0 else ""
            print(f"| {first} | {d['dimension']} | {f3(d['precision'])} | {f3(d['recall'])} "
                  f"| {f3(d['f1'])} | {f3(d['auc'])} | {f3(d['brier'])} |")
        if f["writer"]:
            lo, hi = f["macro_f1_interval"]
            print(f"| | **macro-F1** | | | **{f['macro_f1']:.3f}** ({lo:.2f}-{hi:.2f}) | | |")
    print()
    pooled = defaultdict(lambda: [0, 0, 0])
    for f in folds:
        if f["writer"]:
            for rule, r in f["rules"].items():
                p = pooled[rule]
                p[0] += r["gold"]
                p[1] += r["predicted"]
                p[2] += r["tp"]
    dev = next(f for f in folds if f["writer"] and f["held_out"] == "a")["rules"]
    print("| rule | gold | precision | recall | dev gold | dev precision |")
    print("|---|---|---|---|---|---|")
    for rule, (gold, predicted, tp) in sorted(pooled.items()):
        if gold == 0:
            continue
        d = dev.get(rule, {"gold": 0, "predicted": 0, "tp": 0})
        dev_p = d["tp"] / d["predicted"] if d["predicted"] else 0.0
        print(f"| {rule} | {gold} | {f3(tp / predicted if predicted else 0.0)} | {f3(tp / gold)} "
              f"| {d['gold']} | {dev_p:.3f} |")


if __name__ == "__main__":
    main()
