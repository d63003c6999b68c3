#!/usr/bin/python3
"""Converts the data sets bundled with Debian's python3-sklearn into plain CSV files.

scikit-learn stores them with a custom first row (row count, feature count, class names) and no
feature names. This script writes a real header row (feature names from sklearn's own loaders) and
a label column holding class names. Values are copied as text, unchanged.

Run from anywhere with Debian's interpreter:  /usr/bin/python3 data/scripts/convert_sklearn.py
"""
import csv
import gzip
import io
import os
import sys

from sklearn import datasets

SOURCE = os.path.join(os.path.dirname(datasets.__file__), "data")
TARGET = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


def read_bundled(name, has_header=True, compressed=False):
    """Returns (class names from the sklearn header or None, rows of text values)."""
    path = os.path.join(SOURCE, name)
    opener = gzip.open if compressed else open
    with opener(path, "rt", newline="") as f:
        rows = list(csv.reader(f))
    if not has_header:
        return None, rows
    header, body = rows[0], rows[1:]
    count, features = int(header[0]), int(header[1])
    assert len(body) == count, f"{name}: header says {count} rows, found {len(body)}"
    assert all(len(r) == features + 1 for r in body), f"{name}: ragged rows"
    return header[2:], body


def write(name, feature_names, label_name, class_names, rows, compressed=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(feature_names) + [label_name])
    for row in rows:
        *features, code = row
        # Digits stores its label as a float-looking integer in some versions; normalise through int.
        writer.writerow(features + [class_names[int(float(code))]])
    data = buffer.getvalue().encode("utf-8")
    path = os.path.join(TARGET, name)
    if compressed:
        # mtime=0 and no file name keep the archive byte-for-byte reproducible.
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
    print(f"wrote {path}: {len(rows)} rows, {len(feature_names)} features + {label_name}")


def main():
    classes, rows = read_bundled("breast_cancer.csv")
    write("breast_cancer.csv", datasets.load_breast_cancer().feature_names, "diagnosis", classes, rows)

    classes, rows = read_bundled("iris.csv")
    write("iris.csv", datasets.load_iris().feature_names, "species", classes, rows)

    classes, rows = read_bundled("wine_data.csv")
    write("wine.csv", datasets.load_wine().feature_names, "cultivar", classes, rows)

    _, rows = read_bundled("digits.csv.gz", has_header=False, compressed=True)
    names = datasets.load_digits().feature_names
    assert len(names) == 64 and all(len(r) == 65 for r in rows)
    write("digits.csv.gz", names, "digit", [str(d) for d in range(10)], rows, compressed=True)


if __name__ == "__main__":
    sys.exit(main())
