#!/usr/bin/env python3
"""Ours in one results file against ours in another, paired on the splits both ran.

Usage: compare_ours.py BASE NEW -- per set (those both files hold), the mean over the shared splits of ours' primary
metric (macro-F1, or R² for regression), ROC AUC and log loss in each file and the change in points; then the mean
change a set, once over every set and once without the set that moved most (one set can carry a mean). For an A/B of
two builds or switches on the same sets, splits and budget (or trial count); peers are ignored.
"""
import json
import sys
from collections import defaultdict


def load(path):
    runs = defaultdict(dict)
    with open(path) as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                if row["tool"] == "ours" and row["metrics"]:
                    runs[row["set"]][row["split"]] = row["metrics"]
    if not runs:
        sys.exit("no ours rows in " + path)
    return runs


def main(base_path, new_path):
    base, new = load(base_path), load(new_path)
    sets = sorted(set(base) & set(new))
    if not sets:
        sys.exit("the two files share no set")
    print("| set | splits | metric | base | new | change | ROC AUC base | new | log loss base | new |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    changes = {}
    for name in sets:
        splits = sorted(set(base[name]) & set(new[name]))
        primary = "macro_f1" if "macro_f1" in base[name][splits[0]] else "r2"

        def mean(runs, key):
            values = [runs[name][s][key] for s in splits if key in runs[name][s]]
            return sum(values) / len(values) if values else float("nan")

        b, n = mean(base, primary), mean(new, primary)
        changes[name] = 100 * (n - b)
        extra = " | ".join(f"{mean(base, k):.4f} | {mean(new, k):.4f}" for k in ("roc_auc", "log_loss"))
        print(f"| {name} | {len(splits)} | {primary} | {b:.4f} | {n:.4f} | {changes[name]:+.2f} | {extra} |")
    total = sum(changes.values())
    print(f"\nchange on the primary metric: {total / len(changes):+.2f} points a set over {len(changes)} sets", end="")
    if len(changes) > 1:
        most = max(changes, key=lambda k: abs(changes[k]))
        print(f"; {(total - changes[most]) / (len(changes) - 1):+.2f} without {most} ({changes[most]:+.2f})", end="")
    print()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
