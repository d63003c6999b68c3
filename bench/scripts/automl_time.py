#!/usr/bin/python3
"""Wall-clock time of the whole `pipelines automl` job against its --time budget, set by set.

Runs `./pipelines automl FILE --label L --time T --out DIR/NAME` for each data set of a manifest (manifest.tsv with
columns name, file, label, task, as the automl-suite setup writes it) and prints, per set, the rows, the wall-clock
seconds from process start to exit, their ratio to T (the bound: at most 1.10), and the job's own phases from
metrics.json (search, refit on all rows, export and checks, student, report). The machine's load is sampled during
each run (runnable tasks besides the run, /proc/stat) and printed, since load stretches every phase alike.

    bench/scripts/automl_time.py --data /path/to/suite-data --time 60 [--only shuttle dna] [--out /tmp/automl-time]

The CLI is built first (./pipelines builds when a source changed), so no run pays for a build. --cli runs another
command instead of ./pipelines (a copy of a build, say, while the sources change).
"""
import argparse
import csv
import json
import os
import shutil
import subprocess
import threading
import time

import pipelines_command


def runnable_others():
    """Runnable tasks on the machine right now besides the sampler, from /proc/stat."""
    with open("/proc/stat", encoding="ascii") as stat:
        return next(int(line.split()[1]) - 1 for line in stat if line.startswith("procs_running"))


class LoadSampler(threading.Thread):
    """Samples runnable tasks every half second while a run goes on."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(0.5):
            self.samples.append(runnable_others())

    def median(self):
        return sorted(self.samples)[len(self.samples) // 2] if self.samples else 0


def phases(metrics_path):
    """The job's phases (seconds) from metrics.json, grouped as the table prints them."""
    with open(metrics_path, encoding="utf-8") as f:
        seconds = json.load(f)["phases_seconds"]
    get = lambda *names: sum(seconds.get(n, 0.0) for n in names)
    return {
        "search": get("search"),
        "refit": get("held-out score", "refit on all rows"),
        "export": get("save and export", "ONNX check"),
        "student": get("student"),
        "report": get("leaderboard", "report data", "report"),
        "other": get("read and clean"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder with manifest.tsv and the CSV files")
    parser.add_argument("--time", type=float, default=60, help="the --time budget in seconds")
    parser.add_argument("--only", nargs="*", help="names of the sets to run (default: all)")
    parser.add_argument("--out", default="/tmp/automl-time", help="folder for the runs' outputs (replaced per set)")
    pipelines_command.add_option(parser)
    args = parser.parse_args()

    with open(os.path.join(args.data, "manifest.tsv"), encoding="utf-8") as f:
        sets = [row for row in csv.DictReader(f, delimiter="\t") if not args.only or row["name"] in args.only]
    pipelines = pipelines_command.built(args.cli)

    print(f"--time {args.time:g}; load: median runnable tasks besides the run, on {os.cpu_count()} cores")
    header = f"{'set':<18} {'rows':>7} {'wall s':>7} {'ratio':>6} {'load':>5} | {'search':>6} {'refit':>6} {'export':>6} {'student':>7} {'report':>6}"
    print(header)
    print("-" * len(header))
    ratios = []
    for row in sets:
        out = os.path.join(args.out, row["name"])
        shutil.rmtree(out, ignore_errors=True)
        command = [*pipelines, "automl", os.path.join(args.data, row["file"]), "--label", row["label"], "--time", f"{args.time:g}", "--out", out]
        sampler = LoadSampler()
        sampler.start()
        start = time.monotonic()
        run = subprocess.run(command, capture_output=True, text=True)
        wall = time.monotonic() - start
        sampler.done.set()
        sampler.join()
        if run.returncode != 0:
            print(f"{row['name']:<18} failed (exit {run.returncode}): {run.stderr.strip().splitlines()[-1:]}")
            continue
        ratio = wall / args.time
        ratios.append((row["name"], ratio))
        p = phases(os.path.join(out, "metrics.json"))
        print(f"{row['name']:<18} {int(row['rows']):>7,} {wall:>7.1f} {ratio:>6.3f} {sampler.median():>5} | "
              f"{p['search']:>6.1f} {p['refit']:>6.1f} {p['export']:>6.1f} {p['student']:>7.1f} {p['report']:>6.1f}", flush=True)
    if ratios:
        worst = max(ratios, key=lambda r: r[1])
        over = [name for name, ratio in ratios if ratio > 1.10]
        print(f"{len(ratios)} sets; ratio mean {sum(r for _, r in ratios) / len(ratios):.3f}, worst {worst[1]:.3f} ({worst[0]}); "
              f"over 1.10: {', '.join(over) if over else 'none'}")


if __name__ == "__main__":
    main()
