#!/usr/bin/python3
"""The golden cases of tests/golden/cases.txt, parsed here and nowhere else: the C++ golden test reads the JSON
this writes at build time, crosscheck_tshark.py and validate_schema.py import it, tools/update-golden asks it for
the names and the `isoprobe inspect` arguments of each case. A line it cannot read is an error naming the line,
never a case silently changed.

Usage: cases.py json OUT          every case as JSON, for tests/golden/test_golden.cpp
       cases.py names [NAME...]   the names of every case, or of the ones given (an unknown one is an error)
       cases.py argv NAME         the `isoprobe inspect` arguments of NAME, one a line
Errors are one line on standard error, exit 2."""
import dataclasses, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MANIFEST = os.path.join(ROOT, "tests/golden/cases.txt")
# The options a case may give once, and the Case field each fills (--infra and --gateway, repeatable, aside).
SINGLE = {"--self": "self_mac", "--subnet": "subnet", "--inventory": "inventory"}


@dataclasses.dataclass
class Case:
    name: str
    captures: list  # file names under captures/
    self_mac: str = ""  # --self MAC
    infra: list = dataclasses.field(default_factory=list)  # --infra MAC, repeatable
    gateways: list = dataclasses.field(default_factory=list)  # --gateway MAC, repeatable
    subnet: str = ""  # --subnet CIDR
    inventory: str = ""  # --inventory PATH, relative to the repository

    def capture_paths(self):
        return [os.path.join(ROOT, "captures", c) for c in self.captures]

    def expected_path(self):
        return os.path.join(ROOT, "tests/expected", self.name + ".json")

    def inspect_args(self):
        """Relative to the repository, as the expected files have them (capture.files)."""
        args = ["captures/" + c for c in self.captures]
        if self.self_mac:
            args += ["--self", self.self_mac]
        for mac in self.infra:
            args += ["--infra", mac]
        for mac in self.gateways:
            args += ["--gateway", mac]
        if self.subnet:
            args += ["--subnet", self.subnet]
        if self.inventory:
            args += ["--inventory", self.inventory]
        return args


def parse_line(words, where):
    case = Case(name=words[0], captures=[])
    i = 1
    while i < len(words):
        w = words[i]
        if not w.startswith("--"):
            case.captures.append(w)
            i += 1
            continue
        if i + 1 >= len(words) or words[i + 1].startswith("--"):
            raise ValueError(f"{where}: {w} needs a value")
        value = words[i + 1]
        if w == "--infra":
            case.infra.append(value)
        elif w == "--gateway":
            case.gateways.append(value)
        elif w in SINGLE:
            field = SINGLE[w]
            if getattr(case, field):
                raise ValueError(f"{where}: {w} given twice")
            setattr(case, field, value)
        else:
            raise ValueError(f"{where}: unknown option {w} (--self, --infra, --gateway, --subnet, --inventory)")
        i += 2
    if not case.captures:
        raise ValueError(f"{where}: case {case.name} names no capture")
    return case


def load(path=MANIFEST):
    """Every case, in file order; raises ValueError naming the line of the first one that cannot be read."""
    cases, seen = [], set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            case = parse_line(words, f"{os.path.relpath(path, ROOT)}:{number}")
            if case.name in seen:
                raise ValueError(f"{os.path.relpath(path, ROOT)}:{number}: case {case.name} given twice")
            seen.add(case.name)
            cases.append(case)
    if not cases:
        raise ValueError(f"{os.path.relpath(path, ROOT)}: no cases")
    return cases


def select(cases, names):
    """The named cases in the order given; every name must be a case."""
    by_name = {c.name: c for c in cases}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ValueError(f"no golden case named {', '.join(unknown)} (see tests/golden/cases.txt)")
    return [by_name[n] for n in names]


def main(argv):
    try:
        cases = load()
        if len(argv) == 2 and argv[0] == "json":
            with open(argv[1], "w", encoding="utf-8") as out:
                json.dump([dataclasses.asdict(c) for c in cases], out, indent=1)
                out.write("\n")
        elif argv and argv[0] == "names":
            for c in select(cases, argv[1:]) if argv[1:] else cases:
                print(c.name)
        elif len(argv) == 2 and argv[0] == "argv":
            for arg in select(cases, argv[1:])[0].inspect_args():
                print(arg)
        else:
            raise ValueError("usage: cases.py json OUT | names [NAME...] | argv NAME")
    except (OSError, ValueError) as e:
        print(f"cases.py: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
