#!/usr/bin/python3
"""Validates JSON reports against docs/report.schema.json (Debian's python3-jsonschema, Draft 2020-12).
Usage: validate_schema.py [FILE...]; without files, every tests/expected/*.json. Ends with 'N passed, M failed'."""
import glob, json, os, sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schema = json.load(open(os.path.join(ROOT, "docs/report.schema.json")))
validator = jsonschema.Draft202012Validator(schema)
files = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "tests/expected/*.json")))
passed = failed = 0
for path in files:
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
    for e in errors:
        print(f"FAIL {os.path.relpath(path, ROOT)}: /{'/'.join(map(str, e.path))}: {e.message}")
    failed += bool(errors)
    passed += not errors
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
