#!/usr/bin/env python3
"""Writes Tests/DiploGraphTests/Fixtures/alpha-reference.json: Krippendorff's alpha (nominal)
computed by the Python package krippendorff 0.9 on seeded random reliability data (coders x
units, some values missing), for KrippendorffAlpha's tests.

Run from the repository root:
    pip install --target .build/krippendorff 'krippendorff==0.9.*'
    PYTHONPATH=.build/krippendorff python3 Scripts/reference/make_alpha_fixtures.py
The JSON is committed, so the Swift tests need no Python."""
import importlib.metadata, json, random
import numpy as np
import krippendorff

rng = random.Random(2026)
cases = []
for trial in range(12):
    coders = 2 if trial < 8 else 3 + trial % 2
    units = rng.randint(5, 60)
    values = rng.randint(2, 6)
    agreement = rng.random()
    data = []
    truth = [rng.randrange(values) for _ in range(units)]
    for _ in range(coders):
        row = []
        for u in range(units):
            if trial >= 4 and rng.random() < 0.15:
                row.append(None)
            elif rng.random() < agreement:
                row.append(truth[u])
            else:
                row.append(rng.randrange(values))
        data.append(row)
    matrix = np.array([[np.nan if v is None else float(v) for v in row] for row in data])
    alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    cases.append({"data": data, "alpha": float(alpha)})
with open("Tests/DiploGraphTests/Fixtures/alpha-reference.json", "w") as f:
    json.dump({"package": "krippendorff " + importlib.metadata.version("krippendorff"),
               "cases": cases}, f, indent=1)
