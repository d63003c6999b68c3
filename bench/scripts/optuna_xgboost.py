#!/usr/bin/python3
"""Optuna-tuned XGBoost on a fixed train/test split, the peer of the automl-vs-optuna bench.

Reads train.csv and test.csv (header row, missing values as empty fields, as Pipelines' CsvWriter writes them),
one-hot encodes the named categorical columns (categories seen in training; a missing or unseen category is all
zeros) and leaves missing numbers as NaN, which XGBoost routes natively. An Optuna TPE study (seed 0) searches
XGBoost's usual space for --timeout seconds of wall-clock time, scoring each trial by 5-fold stratified
cross-validation on the training rows with --metric; the best parameters are refit on all training rows and scored
on the test rows. Prints one JSON object on stdout.

Run with Debian's /usr/bin/python3 (python3-optuna, python3-xgboost, python3-sklearn; see
bench/setup-python-reference.sh):

    /usr/bin/python3 bench/scripts/optuna_xgboost.py train.csv test.csv --label species --metric accuracy \
        --categorical contract city --timeout 60 --threads 2
"""
import argparse
import csv
import json
import math
import os
import time
import warnings

import numpy as np

warnings.filterwarnings("ignore")


def other_runnable_tasks(samples=9, interval=0.1):
    """Median count of runnable tasks on the machine besides this one, from /proc/stat (Linux), or 0 elsewhere."""
    counts = []
    for _ in range(samples):
        try:
            with open("/proc/stat", encoding="ascii") as stat:
                counts += [int(line.split()[1]) - 1 for line in stat if line.startswith("procs_running")]
        except OSError:
            return 0
        time.sleep(interval)
    return sorted(counts)[len(counts) // 2] if counts else 0


# XGBoost's OpenMP threads spin while they wait for work by default. When other work already fills the cores that
# spinning steals them from the threads with work: measured here, passive waiting made a small fit 8x faster at load
# average 8 on 2 cores, but made a study 4x slower (6 trials in 20 s instead of 27) on the idle machine. So the peer
# waits passively only when other runnable tasks fill every core at its start (sampled now, not the load average,
# which still counts the contender that ran just before), unless OMP_WAIT_POLICY is given. Set before libgomp loads.
OTHERS_RUNNING = other_runnable_tasks()
if "OMP_WAIT_POLICY" not in os.environ and OTHERS_RUNNING >= (os.cpu_count() or 1):
    os.environ["OMP_WAIT_POLICY"] = "passive"

import optuna  # noqa: E402
import xgboost as xgb  # noqa: E402
from sklearn.metrics import accuracy_score, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from xgboost_space import suggest  # noqa: E402

METRICS = {
    "accuracy": accuracy_score,
    "macro_f1": lambda actual, predicted: f1_score(actual, predicted, average="macro", zero_division=0),
}


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    return {name: [row[j] for row in body] for j, name in enumerate(header)}


def to_number(text):
    return math.nan if text == "" else float(text)


class Encoder:
    """Numeric columns as floats (NaN when missing), categorical ones as one-hot blocks over the training categories."""

    def __init__(self, train, label, categorical):
        self.numeric = [c for c in train if c != label and c not in categorical]
        self.categories = {c: sorted({v for v in train[c] if v != ""}) for c in categorical}

    def transform(self, columns):
        features = [[to_number(v) for v in columns[c]] for c in self.numeric]
        for column, categories in self.categories.items():
            features += [[1.0 if v == k else 0.0 for v in columns[column]] for k in categories]
        return np.array(features, dtype=np.float64).T

    @property
    def width(self):
        return len(self.numeric) + sum(len(k) for k in self.categories.values())


def model(params, threads, seed):
    return xgb.XGBClassifier(tree_method="hist", n_jobs=threads, random_state=seed, **params)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train")
    parser.add_argument("test")
    parser.add_argument("--label", required=True)
    parser.add_argument("--metric", choices=sorted(METRICS), required=True)
    parser.add_argument("--categorical", nargs="*", default=[])
    parser.add_argument("--timeout", type=float, default=60.0, help="wall-clock seconds for the study (Optuna stops between trials)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()

    train, test = read_csv(args.train), read_csv(args.test)
    encoder = Encoder(train, args.label, args.categorical)
    x_train, x_test = encoder.transform(train), encoder.transform(test)
    classes = sorted(set(train[args.label]))
    code = {name: i for i, name in enumerate(classes)}
    y_train = np.array([code[v] for v in train[args.label]])
    y_test = np.array([code.get(v, -1) for v in test[args.label]])
    score = METRICS[args.metric]
    folds = list(StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=args.seed).split(x_train, y_train))

    def objective(trial):
        params = suggest(trial)
        predicted = np.empty_like(y_train)
        for fit_rows, held_out in folds:
            predicted[held_out] = model(params, args.threads, args.seed).fit(x_train[fit_rows], y_train[fit_rows]).predict(x_train[held_out])
        return score(y_train, predicted)

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=args.seed))
    search_started = time.perf_counter()
    study.optimize(objective, timeout=args.timeout)
    search_seconds = time.perf_counter() - search_started

    final = model(study.best_params, args.threads, args.seed).fit(x_train, y_train)
    predicted = final.predict(x_test)
    print(json.dumps({
        "metric": args.metric,
        "test_score": score(y_test, predicted),
        "test_accuracy": accuracy_score(y_test, predicted),
        "cv_score": study.best_value,
        "trials": len(study.trials),
        "features": encoder.width,
        "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY", "default"),
        "other_runnable_tasks": OTHERS_RUNNING,
        "search_seconds": round(search_seconds, 2),
        "total_seconds": round(time.perf_counter() - started, 2),
        "best_params": study.best_params,
    }))


if __name__ == "__main__":
    main()
