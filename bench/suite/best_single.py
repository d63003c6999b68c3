#!/usr/bin/env python3
"""Ours' shipped model against the best single trial of the same search (OursContender's best_single_* metrics).

Usage: best_single.py FILE... -- per set, the mean over its splits of the shipped model's primary metric and ROC AUC
(R² for regression) beside the best single trial's, refit as it would ship alone; where no ensemble shipped the two
are the same model, so the single trial's figure is the shipped one.
"""
import json
import sys
from collections import defaultdict


def main(paths):
    by_set = defaultdict(list)
    for path in paths:
        with open(path) as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    if row["tool"] == "ours" and row["metrics"]:
                        by_set[row["set"]].append(row["metrics"])
    if not by_set:
        sys.exit("no ours rows in " + ", ".join(paths))
    print("| set | splits | ensembles | shipped | best single | shipped ROC AUC / R² | best single |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    change = 0.0
    for name, rows in by_set.items():
        primary, ranking = ("macro_f1", "roc_auc") if "macro_f1" in rows[0] else ("r2", "r2")
        def mean(key, fallback):
            return sum(m.get(key, m[fallback]) for m in rows) / len(rows)
        ensembles = sum("best_single_" + primary in m for m in rows)
        shipped, single = mean(primary, primary), mean("best_single_" + primary, primary)
        change += shipped - single
        print(f"| {name} | {len(rows)} | {ensembles} | {shipped:.4f} | {single:.4f} | {mean(ranking, ranking):.4f} | "
              f"{mean('best_single_' + ranking, ranking):.4f} |")
    print(f"\nshipped against the best single trial: {100 * change / len(by_set):+.3f} points a set on the primary metric")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
