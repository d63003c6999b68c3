#!/usr/bin/python3
"""Peak resident memory of the whole `pipelines automl` job against the size of the data, by rows.

For each row count, writes (once, then reuses) a synthetic CSV of that many rows and 30 columns: 25 numeric, 5
categorical (3 to 40 levels), about 3% of cells missing, and a binary label that depends on a few of them. Runs
`pipelines automl FILE --label y --time T` on it and prints the process's peak resident memory (VmHWM, sampled every
0.2 s, and the job's own per-phase peaks from metrics.json), the size of the data as columns (rows x 31 x 4 bytes:
float numbers and int category codes, the label included) and their ratio (the goal: at most 5), and the wall seconds.

    bench/scripts/automl_memory.py --rows 200000 1000000 2000000 [--time 120 | --trials N] [--work /tmp/automl-memory] [--cli CMD]

--trials N runs the job's reproducible mode instead of a time budget: the same trials, so the same final model, whatever
the machine's load (the peak depends on which pipeline ships, so compare builds this way). --cli runs another command
instead of ./pipelines (a copy of an earlier build, to put its row beside this one's).
Needs numpy (Debian python3-numpy; bench/setup-python-reference.sh installs it).
"""
import argparse
import json
import os
import shutil
import subprocess
import time

import pipelines_command

COLUMNS = 31  # 25 numeric, 5 categorical, the label


def write_data(rows, path):
    """The synthetic file of `rows` rows (seeded, so every run and build reads the same file)."""
    import numpy as np

    rng = np.random.default_rng(0)
    numbers = rng.normal(size=(rows, 25)).astype(np.float32)
    levels = (3, 5, 8, 12, 40)
    categories = [rng.integers(0, k, size=rows) for k in levels]
    logit = numbers[:, 0] * 1.2 - numbers[:, 1] + 0.5 * numbers[:, 2] * numbers[:, 3] + (categories[0] == 1) * 0.8 - (categories[2] % 3 == 0) * 0.6
    label = rng.random(rows) < 1 / (1 + np.exp(-logit))
    missing = rng.random(size=(rows, 30)) < 0.03
    partial = path + ".partial"
    with open(partial, "w", encoding="ascii") as f:
        f.write(",".join([f"x{i}" for i in range(25)] + [f"c{j}" for j in range(5)] + ["y"]) + "\n")
        for r in range(rows):
            cells = ["" if missing[r, i] else f"{numbers[r, i]:.5g}" for i in range(25)]
            cells += ["" if missing[r, 25 + j] else f"k{categories[j][r]}" for j in range(5)]
            cells.append("yes" if label[r] else "no")
            f.write(",".join(cells) + "\n")
    os.replace(partial, path)


def peak_resident_kb(pid):
    """VmHWM of a running process in kB, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (FileNotFoundError, ProcessLookupError, StopIteration):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[200_000, 1_000_000, 2_000_000])
    bound = parser.add_mutually_exclusive_group()
    bound.add_argument("--time", type=float, default=120, help="the --time budget in seconds")
    bound.add_argument("--trials", type=int, help="a trial count instead of a time budget (the same trials on any machine)")
    parser.add_argument("--work", default="/tmp/automl-memory", help="folder for the data files (kept) and outputs (replaced)")
    pipelines_command.add_option(parser)
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    pipelines = pipelines_command.built(args.cli)

    bound = ["--trials", str(args.trials)] if args.trials else ["--time", f"{args.time:g}"]
    print(f"{' '.join(bound)}; {os.cpu_count()} cores; peak = VmHWM of the job's process; data = rows x {COLUMNS} x 4 bytes")
    header = f"{'rows':>10} {'csv MB':>7} {'data MB':>8} {'peak MB':>8} {'ratio':>6} {'wall s':>7} | phase that raised the peak (MB)"
    print(header)
    print("-" * len(header))
    for rows in args.rows:
        data = os.path.join(args.work, f"synthetic-{rows}.csv")
        if not os.path.exists(data):
            write_data(rows, data)
        out = os.path.join(args.work, f"out-{rows}")
        shutil.rmtree(out, ignore_errors=True)
        command = [*pipelines, "automl", data, "--label", "y", *bound, "--out", out]
        start = time.monotonic()
        run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak = 0
        while run.poll() is None:
            # `pipelines` is a script that execs dotnet, so the pid is the job's own process.
            peak = max(peak, peak_resident_kb(run.pid) or 0)
            time.sleep(0.2)
        wall = time.monotonic() - start
        stderr = run.stderr.read()
        if run.returncode != 0:
            print(f"{rows:>10,} failed (exit {run.returncode}): {stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        with open(os.path.join(out, "metrics.json"), encoding="utf-8") as f:
            phases = json.load(f).get("phases_peak_resident_bytes", {})
        raised, previous = [], 0
        for name, peak_bytes in phases.items():
            if peak_bytes > previous * 1.05:
                raised.append(f"{name} {peak_bytes / 1e6:,.0f}")
            previous = max(previous, peak_bytes)
        data_mb = rows * COLUMNS * 4 / 1e6
        peak_mb = peak * 1024 / 1e6
        print(f"{rows:>10,} {os.path.getsize(data) / 1e6:>7.0f} {data_mb:>8.0f} {peak_mb:>8.0f} {peak_mb / data_mb:>6.1f} {wall:>7.1f} | "
              f"{', '.join(raised)}", flush=True)


if __name__ == "__main__":
    main()
