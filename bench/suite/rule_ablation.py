#!/usr/bin/env python3
"""Tables of ours' decision-rule variants from automl-suite results files (DecisionRuleAblation's metrics).

Usage: rule_ablation.py FILE... -- per set, the mean test macro-F1 over its splits of each variant, then each
variant's mean change per set against the shipped rule (the held-out check without a margin) and the paired
per-split mean and standard error of the unchecked rule's change.
"""
import json
import math
import sys
from collections import defaultdict

BASE = "macro_f1_margin_0"
VARIANTS = [("macro_f1_argmax", "argmax"), ("macro_f1_unchecked", "tuned, unchecked"), (BASE, "held-out check (shipped)"),
            ("macro_f1_margin_0.5", "margin 0.5 SE"), ("macro_f1_margin_1", "margin 1 SE"),
            # Files written before the rule was tuned on the cross-validated calibration hold the first; later ones the second.
            ("macro_f1_cross_calibrated", "held-out check on cross-validated calibration"),
            ("macro_f1_all_rows_calibrated", "held-out check on the all-rows calibration")]


def main(paths):
    by_set = defaultdict(list)
    for path in paths:
        with open(path) as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                if row["tool"] == "ours" and BASE in row["metrics"]:
                    by_set[row["set"]].append(row["metrics"])
    if not by_set:
        sys.exit("no ours rows with decision-rule variants in " + ", ".join(paths))
    keys = [k for k, _ in VARIANTS if all(k in m for ms in by_set.values() for m in ms)]
    names = dict(VARIANTS)
    print("| set | splits | " + " | ".join(names[k] for k in keys) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in keys) + " |")
    change, better, worse = defaultdict(float), defaultdict(int), defaultdict(int)
    for name, rows in by_set.items():
        means = {k: sum(m[k] for m in rows) / len(rows) for k in keys}
        print(f"| {name} | {len(rows)} | " + " | ".join(f"{means[k]:.4f}" for k in keys) + " |")
        for k in keys:
            d = means[k] - means[BASE]
            change[k] += d
            better[k] += d > 1e-9
            worse[k] += d < -1e-9
    print()
    for k in keys:
        if k != BASE:
            print(f"{names[k]}: {100 * change[k] / len(by_set):+.3f} macro-F1 points a set against the shipped rule; "
                  f"better on {better[k]}, worse on {worse[k]} of {len(by_set)}")
    if "macro_f1_unchecked" in keys:
        d = [m["macro_f1_unchecked"] - m[BASE] for rows in by_set.values() for m in rows]
        mean = sum(d) / len(d)
        se = math.sqrt(sum((x - mean) ** 2 for x in d) / (len(d) - 1) / len(d)) if len(d) > 1 else float("nan")
        print(f"unchecked over {len(d)} paired splits: {100 * mean:+.3f} points (standard error {100 * se:.3f}); "
              f"{sum(x > 1e-9 for x in d)} up, {sum(x < -1e-9 for x in d)} down")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
