#!/usr/bin/python3
"""Validates JSON reports against docs/report.schema.json (Debian's python3-jsonschema, Draft 2020-12).
Usage: validate_schema.py [FILE...]; without files, the expected report of every golden case (tests/golden/cases.py),
and an expected report that no case names fails too (nothing would ever check it). Ends with 'N passed, M failed'."""
import glob, json, os, sys

import jsonschema

import cases

ROOT = cases.ROOT
schema = json.load(open(os.path.join(ROOT, "docs/report.schema.json")))
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0
files = sys.argv[1:]
if not files:
    files = [c.expected_path() for c in cases.load()]
    for orphan in sorted(set(glob.glob(os.path.join(ROOT, "tests/expected/*.json"))) - set(files)):
        print(f"FAIL {os.path.relpath(orphan, ROOT)}: no golden case in tests/golden/cases.txt")
        failed += 1
for path in files:
    if not os.path.exists(path):
        print(f"FAIL {os.path.relpath(path, ROOT)}: missing")
        failed += 1
        continue
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
    for e in errors:
        print(f"FAIL {os.path.relpath(path, ROOT)}: /{'/'.join(map(str, e.path))}: {e.message}")
    failed += bool(errors)
    passed += not errors
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
