#!/usr/bin/python3
"""The Python peers of the automl-suite bench on one train/test split: fit each named tool on train.csv, predict
test.csv, print one JSON object with every tool's test predictions (the bench computes all metrics itself, the same
way for every tool).

Tools (scikit-learn 1.2 and XGBoost 1.7 from Debian, each at its library defaults unless said otherwise):
  hgb     HistGradientBoostingClassifier/Regressor; categorical columns ordinal-encoded and declared categorical
          (its native handling; columns of more than 255 categories stay ordinal numbers), missing values native
  xgb     XGBClassifier/Regressor(tree_method="hist"); categorical columns one-hot, missing numbers native
  rf      RandomForestClassifier/Regressor; median / most-frequent imputation, categorical columns one-hot
  linear  LogisticRegression(max_iter=1000) / Ridge after median imputation + standard scaling of numbers and
          one-hot encoding of categories (missing as its own category)
  optuna  XGBoost (as xgb) tuned by an Optuna TPE study for --budget seconds of wall-clock time, each trial scored by
          k-fold cross-validation on the training rows (stratified for classification, k = 5 or the rarest class's
          count) with --metric, the best parameters refit on all training rows

Output: {"versions": {...}, "threads": [...], "tools": {NAME: {"fit_seconds", "predict_seconds", and "classes" +
"labels" + "probabilities" (classification; classes in the order of the probability columns) or "predictions"
(regression), or "error"}}}. Missing values are empty fields, as Pipelines' CsvWriter writes them.

    /usr/bin/python3 bench/scripts/suite_peers.py train.csv test.csv --label y --task classification \
        --categorical a b --tools hgb xgb rf linear optuna --budget 30 --threads 2 --metric macro_f1
"""
import argparse
import json
import sys
import time
import traceback
import warnings

warnings.filterwarnings("ignore")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
import xgboost as xgb  # noqa: E402
from sklearn.compose import ColumnTransformer  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor  # noqa: E402
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor  # noqa: E402
from sklearn.impute import SimpleImputer  # noqa: E402
from sklearn.linear_model import LogisticRegression, Ridge  # noqa: E402
from sklearn.metrics import f1_score, r2_score, accuracy_score  # noqa: E402
from sklearn.model_selection import KFold, StratifiedKFold  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler  # noqa: E402
from xgboost_space import suggest  # noqa: E402

SEED = 0


def read(path, categorical):
    frame = pd.read_csv(path, dtype={c: str for c in categorical}, keep_default_na=False, na_values=[""])
    return frame


def one_hot():
    return OneHotEncoder(handle_unknown="ignore", sparse_output=False)


def encoded(numeric, categorical, numeric_steps, categorical_steps):
    parts = []
    if numeric:
        parts.append(("numeric", make_pipeline(*numeric_steps) if numeric_steps else "passthrough", numeric))
    if categorical:
        parts.append(("categorical", make_pipeline(*categorical_steps), categorical))
    return ColumnTransformer(parts)


def hgb(task, numeric, categorical, train, threads):
    # Ordinal codes first, numbers after; categories beyond HGB's 255 bins cannot be declared categorical.
    small = [c for c in categorical if train[c].nunique(dropna=True) <= 255]
    ordinal = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan)
    prep = ColumnTransformer(([("categorical", ordinal, categorical)] if categorical else []) + [("numeric", "passthrough", numeric)])
    mask = [c in small for c in categorical] + [False] * len(numeric)
    model_type = HistGradientBoostingClassifier if task == "classification" else HistGradientBoostingRegressor
    return make_pipeline(prep, model_type(categorical_features=mask if any(mask) else None, random_state=SEED))


def xgboost_model(task, threads, params=None):
    params = params or {}
    if task == "classification":
        return xgb.XGBClassifier(tree_method="hist", n_jobs=threads, random_state=SEED, **params)
    return xgb.XGBRegressor(tree_method="hist", n_jobs=threads, random_state=SEED, **params)


def xgb_pipeline(task, numeric, categorical, threads, params=None):
    prep = encoded(numeric, categorical, [], [SimpleImputer(strategy="constant", fill_value="(missing)"), one_hot()])
    return make_pipeline(prep, xgboost_model(task, threads, params))


def rf(task, numeric, categorical, threads):
    prep = encoded(numeric, categorical, [SimpleImputer(strategy="median")], [SimpleImputer(strategy="most_frequent"), one_hot()])
    model_type = RandomForestClassifier if task == "classification" else RandomForestRegressor
    return make_pipeline(prep, model_type(n_jobs=threads, random_state=SEED))


def linear(task, numeric, categorical, threads):
    prep = encoded(numeric, categorical, [SimpleImputer(strategy="median"), StandardScaler()],
                   [SimpleImputer(strategy="constant", fill_value="(missing)"), one_hot()])
    model = LogisticRegression(max_iter=1000) if task == "classification" else Ridge()
    return make_pipeline(prep, model)


def optuna_tuned(task, numeric, categorical, threads, x, y, budget, metric, info):
    import optuna

    score = {"macro_f1": lambda a, p: f1_score(a, p, average="macro", zero_division=0),
             "accuracy": accuracy_score, "r2": r2_score}[metric]
    if task == "classification":
        rarest = int(np.bincount(y).min())
        if rarest < 2:
            raise ValueError(f"a class has {rarest} training row(s): no stratified folds")
        folds = list(StratifiedKFold(n_splits=min(5, rarest), shuffle=True, random_state=SEED).split(x, y))
    else:
        folds = list(KFold(n_splits=5, shuffle=True, random_state=SEED).split(x))

    def objective(trial):
        params = suggest(trial)
        predicted = np.empty(len(y), dtype=np.float64)
        for fit_rows, held_out in folds:
            model = xgb_pipeline(task, numeric, categorical, threads, params).fit(x.iloc[fit_rows], y[fit_rows])
            predicted[held_out] = model.predict(x.iloc[held_out])
        return score(y, predicted.astype(y.dtype) if task == "classification" else predicted)

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
    study.optimize(objective, timeout=budget)
    info["trials"] = len(study.trials)
    info["cv_score"] = study.best_value
    info["best_params"] = study.best_params
    return xgb_pipeline(task, numeric, categorical, threads, study.best_params)


def build(name, args, numeric, categorical, x_train):
    """A default tool's unfitted pipeline."""
    if name == "hgb":
        return hgb(args.task, numeric, categorical, x_train, args.threads)
    if name == "xgb":
        return xgb_pipeline(args.task, numeric, categorical, args.threads)
    if name == "rf":
        return rf(args.task, numeric, categorical, args.threads)
    if name == "linear":
        return linear(args.task, numeric, categorical, args.threads)
    raise ValueError(f"unknown tool {name}")


def run_tool(name, args, numeric, categorical, x_train, y_train, x_test, classes):
    info = {}
    if name != "optuna":
        # Warm-up: the first fit of a process loads thread pools and caches; time the steady state.
        try:
            build(name, args, numeric, categorical, x_train).fit(x_train.iloc[:200], y_train[:200])
        except Exception:  # a sample without two classes, say; the timed fit reports real errors
            pass
    started = time.perf_counter()
    if name == "optuna":
        model = optuna_tuned(args.task, numeric, categorical, args.threads, x_train, y_train, args.budget, args.metric, info)
    else:
        model = build(name, args, numeric, categorical, x_train)
    model.fit(x_train, y_train)
    info["fit_seconds"] = time.perf_counter() - started
    started = time.perf_counter()
    if args.task == "classification":
        probabilities = model.predict_proba(x_test)
        info["classes"] = [str(c) for c in classes]
        info["labels"] = [str(classes[i]) for i in np.argmax(probabilities, axis=1)]
        info["probabilities"] = [[round(float(p), 7) for p in row] for row in probabilities]
    else:
        info["predictions"] = [float(p) for p in model.predict(x_test)]
    info["predict_seconds"] = time.perf_counter() - started
    return info


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train")
    parser.add_argument("test")
    parser.add_argument("--label", required=True)
    parser.add_argument("--task", choices=["classification", "regression"], required=True)
    parser.add_argument("--categorical", nargs="*", default=[])
    parser.add_argument("--tools", nargs="+", default=["hgb", "xgb", "rf", "linear"])
    parser.add_argument("--budget", type=float, default=30.0, help="wall-clock seconds of the Optuna study")
    parser.add_argument("--metric", choices=["macro_f1", "accuracy", "r2"], default="macro_f1")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    train, test = read(args.train, args.categorical), read(args.test, args.categorical)
    categorical = [c for c in args.categorical if c != args.label]
    numeric = [c for c in train.columns if c != args.label and c not in categorical]
    x_train, x_test = train[numeric + categorical], test[numeric + categorical]
    classes = None
    if args.task == "classification":
        classes = sorted(train[args.label].astype(str).unique())
        code = {name: i for i, name in enumerate(classes)}
        y_train = np.array([code[v] for v in train[args.label].astype(str)])
    else:
        y_train = train[args.label].to_numpy(dtype=np.float64)

    from threadpoolctl import threadpool_info
    result = {
        "versions": {"python": sys.version.split()[0], "sklearn": sklearn.__version__, "xgboost": xgb.__version__, "numpy": np.__version__},
        "tools": {},
    }
    for name in args.tools:
        try:
            result["tools"][name] = run_tool(name, args, numeric, categorical, x_train, y_train, x_test, classes)
        except Exception as error:  # a failed peer is a result of the bench, reported in its row
            result["tools"][name] = {"error": f"{type(error).__name__}: {error}", "trace": traceback.format_exc(limit=3)}
    # Read after fitting: the thread pools (OpenMP, BLAS) are loaded by then.
    result["threads"] = [{k: p.get(k) for k in ("user_api", "internal_api", "num_threads", "version", "architecture")} for p in threadpool_info()]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
