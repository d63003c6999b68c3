#!/usr/bin/python3
"""Generates data/messy_churn.csv: a synthetic, deliberately messy, imbalanced telecom churn table.

Generative story (one customer per row, seed 20251122, Python's `random` only so output is stable):
  contract          Month-to-month 55% / One year 25% / Two year 20%; 4% left blank.
  internet_service  Fiber optic 45% / DSL 35% / No 20%.
  payment_method    four common methods (two contain a comma, so they are quoted) and a rare
                    "Crypto wallet" (~0.5%).
  tenure_months     0..72, longer on longer contracts; 5% missing (written as empty, NA or ?).
  monthly_charges   base by internet service + noise; 3% missing; 6 data-entry outliers (x100).
  total_charges     tenure * monthly + noise; missing when tenure is; some written as "?".
  data_usage_gb     log-normal (strongly right-skewed, positive).
  support_calls     Poisson-like count, more for fiber.
  city              ~200 cities "Name, ST" with Zipf-like frequencies (high cardinality, quoted).
  country           always "US" (a constant column).
  fax_number        always empty (an all-missing column).
  notes             free text with commas and quotes, often empty.
  churned           yes/no from a logistic model: month-to-month, fiber, electronic check, support calls
                    and short tenure raise the odds; intercept solved so that ~8% are "yes".
Then ~2% of rows are repeated exactly (duplicates), at random positions. Total 3000 rows.

Run: /usr/bin/python3 data/scripts/make_messy_churn.py
"""
import csv
import math
import os
import random

SEED = 20251122
UNIQUE_ROWS = 2940
DUPLICATES = 60
TARGET_RATE = 0.08
OUT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "messy_churn.csv"))

PAYMENTS = [("Electronic check", 0.33), ("Mailed check", 0.22), ("Bank transfer, automatic", 0.22),
            ("Credit card, automatic", 0.225), ("Crypto wallet", 0.005)]
CITY_STEMS = ["Spring", "River", "Oak", "Maple", "Cedar", "Lake", "Hill", "Green", "Fair", "Clear",
              "Pine", "Elm", "Ash", "Stone", "Brook"]
CITY_SUFFIXES = ["field", "ton", "ville", "wood", "view", "port", "dale", "burg", "side", "ford",
                 "haven", "mont", "ridge", "crest"]
STATES = ["CA", "TX", "NY", "FL", "IL", "OH", "WA", "GA", "PA", "AZ"]
NOTES = ["", "", "", "", "called about billing", "asked for a discount, declined",
         'said "too expensive"', "moved house, kept service", "complained about outages, twice",
         "upgraded plan", "requested paper bill", "wants faster speed; considering competitor"]


def pick(rng, weighted):
    x, acc = rng.random(), 0.0
    for value, weight in weighted:
        acc += weight
        if x < acc:
            return value
    return weighted[-1][0]


def make_cities(rng):
    names = set()
    while len(names) < 200:
        names.add(f"{rng.choice(CITY_STEMS)}{rng.choice(CITY_SUFFIXES)}, {rng.choice(STATES)}")
    cities = sorted(names)
    rng.shuffle(cities)
    weights = [1.0 / (k + 1) ** 0.9 for k in range(len(cities))]
    total = sum(weights)
    return [(c, w / total) for c, w in zip(cities, weights)]


def missing_token(rng):
    return rng.choice(["", "NA", "?"])


def customer(rng, cities, index):
    contract = pick(rng, [("Month-to-month", 0.55), ("One year", 0.25), ("Two year", 0.20)])
    internet = pick(rng, [("Fiber optic", 0.45), ("DSL", 0.35), ("No", 0.20)])
    payment = pick(rng, PAYMENTS)
    years = {"Month-to-month": 1.2, "One year": 2.8, "Two year": 4.2}[contract]
    tenure = min(72, int(rng.expovariate(1 / (12 * years))))
    base = {"Fiber optic": 80.0, "DSL": 55.0, "No": 22.0}[internet]
    monthly = round(max(18.0, rng.gauss(base, 12.0)), 2)
    total = round(tenure * monthly * rng.uniform(0.95, 1.05), 2)
    usage = round(rng.lognormvariate(2.0, 1.1), 2)
    calls = 0
    rate = 0.8 if internet == "Fiber optic" else 0.4
    while rng.random() < rate / (1 + calls * 0.35):
        calls += 1
    logit = (1.3 * (contract == "Month-to-month") - 0.9 * (contract == "Two year")
             + 0.8 * (internet == "Fiber optic") + 0.7 * (payment == "Electronic check")
             + 0.45 * calls - 0.035 * tenure + 0.01 * (monthly - 60))
    return {
        "customer_id": f"C{index:05d}",
        "tenure_months": tenure, "monthly_charges": monthly, "total_charges": total,
        "contract": contract, "payment_method": payment, "internet_service": internet,
        "data_usage_gb": usage, "support_calls": calls, "city": pick(rng, cities),
        "country": "US", "fax_number": "", "notes": rng.choice(NOTES), "_logit": logit,
    }


def solve_intercept(logits):
    """Bisection for b so the mean of sigmoid(logit + b) is TARGET_RATE."""
    lo, hi = -20.0, 20.0
    for _ in range(100):
        mid = (lo + hi) / 2
        rate = sum(1 / (1 + math.exp(-(z + mid))) for z in logits) / len(logits)
        lo, hi = (mid, hi) if rate < TARGET_RATE else (lo, mid)
    return (lo + hi) / 2


def make_messy(rng, row):
    """Blanks and corrupts some values after the label is drawn, as a real export would."""
    if rng.random() < 0.05:
        row["tenure_months"] = missing_token(rng)
        row["total_charges"] = missing_token(rng)
    if rng.random() < 0.03:
        row["monthly_charges"] = missing_token(rng)
    if rng.random() < 0.01:
        row["total_charges"] = "?"
    if rng.random() < 0.04:
        row["contract"] = ""
    if rng.random() < 0.01:
        row["internet_service"] = "NA"


def main():
    rng = random.Random(SEED)
    cities = make_cities(rng)
    rows = [customer(rng, cities, i + 1) for i in range(UNIQUE_ROWS)]
    intercept = solve_intercept([r["_logit"] for r in rows])
    for r in rows:
        r["churned"] = "yes" if rng.random() < 1 / (1 + math.exp(-(r.pop("_logit") + intercept))) else "no"
        make_messy(rng, r)
    for r in rng.sample(rows, 6):
        if isinstance(r["monthly_charges"], float):
            r["monthly_charges"] = round(r["monthly_charges"] * 100, 2)
    for source in rng.sample(range(UNIQUE_ROWS), DUPLICATES):
        rows.insert(rng.randrange(len(rows) + 1), dict(rows[source]))
    columns = ["customer_id", "tenure_months", "monthly_charges", "total_charges", "contract",
               "payment_method", "internet_service", "data_usage_gb", "support_calls", "city",
               "country", "fax_number", "notes", "churned"]
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    yes = sum(r["churned"] == "yes" for r in rows)
    print(f"wrote {OUT}: {len(rows)} rows, churned yes {yes} ({yes / len(rows):.1%})")


if __name__ == "__main__":
    main()
