#!/usr/bin/python3
"""Every sentence of every expected report is written twice (docs/report.md, "Sentences"): its English text
under its old name, and {"code", "params", "text"} under the same name with "_coded". Checks that each coded
sentence's text is the plain one, byte for byte, and that its code is a catalogue code's shape.

With two directories (check_coded.py OLD NEW), also checks that NEW is OLD plus the "_coded" fields alone:
the proof that giving sentences codes changed no text."""
import json
import re
import sys
from pathlib import Path

CODE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


def sentence_ok(coded, text, where, problems):
    if not isinstance(coded, dict) or set(coded) - {"code", "params", "text", "text_ja"} or "code" not in coded:
        problems.append(f"{where}: not a coded sentence: {coded!r}")
        return
    if not CODE.match(coded["code"]):
        problems.append(f"{where}: bad code {coded['code']!r}")
    if coded["text"] != text:
        problems.append(f"{where}: coded text {coded['text']!r} != {text!r}")
    for name, value in coded["params"].items():
        for i, v in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(v, dict):
                sentence_ok(v, v.get("text"), f"{where}.params.{name}[{i}]", problems)
            elif not isinstance(v, str):
                problems.append(f"{where}.params.{name}: {v!r} is neither text nor a sentence")


def walk(node, where, problems):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("_coded"):
                plain = node.get(key[: -len("_coded")])
                if plain is None:
                    problems.append(f"{where}.{key}: no plain {key[:-6]!r} beside it")
                elif isinstance(value, list):
                    if len(value) != len(plain):
                        problems.append(f"{where}.{key}: {len(value)} items, the plain list has {len(plain)}")
                    for i, (c, p) in enumerate(zip(value, plain)):
                        if isinstance(p, int):
                            if c != p:
                                problems.append(f"{where}.{key}[{i}]: {c!r} != {p!r}")
                        else:
                            sentence_ok(c, p, f"{where}.{key}[{i}]", problems)
                else:
                    sentence_ok(value, plain, f"{where}.{key}", problems)
            else:
                walk(value, f"{where}.{key}", problems)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            walk(v, f"{where}[{i}]", problems)


def without_coded(node):
    if isinstance(node, dict):
        return {k: without_coded(v) for k, v in node.items() if not k.endswith("_coded")}
    if isinstance(node, list):
        return [without_coded(v) for v in node]
    return node


def main(argv):
    root = Path(__file__).resolve().parents[1] / "expected"
    new_dir = Path(argv[2]) if len(argv) > 2 else root
    problems, sentences = [], 0
    files = sorted(new_dir.glob("*.json"))
    for path in files:
        report = json.loads(path.read_text())
        walk(report, path.name, problems)
        sentences += json.dumps(report).count('"code": ')
        if len(argv) > 2:
            old = json.loads((Path(argv[1]) / path.name).read_text())
            if without_coded(report) != old:
                problems.append(f"{path.name}: differs from {argv[1]} beyond the _coded fields")
    for p in problems[:50]:
        print(p)
    print(f"{len(files)} reports, {sentences} coded sentences (nested ones included), {len(problems)} problem(s)")
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
