#!/usr/bin/python3
"""The fleet view: tools/prometheus/isoprobe-rules.yml and tools/grafana/isoprobe-dashboard.json against what isoprobe
writes. promtool checks and unit-tests the rules; every PromQL expression of the rules and of the dashboard (panels
and template variables) must parse (promtool check rules on a temporary recording rule each) and name only metrics
and labels isoprobe writes; the dashboard's status encodings are evaluated by promtool on one-hot series.
The metric names are the # TYPE lines of a real `isoprobe inspect --prom` run; the families only live runs write
(peers, controls) come from the e.family() calls of src/report/prometheus.cpp, which must include every family the
real run wrote. Usage: test-fleet.py ISOPROBE_BINARY. Exit 77 (skipped) without promtool or python3-yaml (both in
tools/install-deps). Ends with 'N passed, M failed'."""
import json, os, re, shutil, subprocess, sys, tempfile

try:
    import yaml
except ImportError:
    print("skipped: python3-yaml is missing (tools/install-deps installs it)")
    sys.exit(77)

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "../.."))
RULES = os.path.join(ROOT, "tools/prometheus/isoprobe-rules.yml")
RULES_TEST = os.path.join(ROOT, "tools/prometheus/isoprobe-rules.test.yml")
DASHBOARD = os.path.join(ROOT, "tools/grafana/isoprobe-dashboard.json")
# Labels Prometheus and the scrape configuration add to what the textfile says (site: README, "Fleet monitoring").
SCRAPE_LABELS = {"instance", "job", "site"}
PROMQL_KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset",
                   "bool", "atan2", "inf", "nan"}

promtool = shutil.which("promtool")
if not promtool:
    print("skipped: promtool is missing (Debian package prometheus, tools/install-deps)")
    sys.exit(77)
binary = os.path.realpath(sys.argv[1])
work = tempfile.mkdtemp(prefix="isoprobe-fleettest.")
passed = failed = 0


def check(name, problems):
    global passed, failed
    if problems:
        print(f"FAIL {name}: " + "; ".join(problems))
        failed += 1
    else:
        print(f"ok   {name}")
        passed += 1


def promtool_run(*args):
    p = subprocess.run([promtool, *args], capture_output=True, text=True)
    return [] if p.returncode == 0 else [(p.stdout + p.stderr).strip()]


# What isoprobe writes: a real run's families and labels, and the families of the renderer's source.
prom = os.path.join(work, "h1-open.prom")
try:
    subprocess.run([binary, "inspect", os.path.join(ROOT, "captures/h1-open.pcap"), "--prom", prom],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
except OSError as e:
    print(f"note: {binary}: {e}")
written, labels = set(), set(SCRAPE_LABELS)
for line in open(prom) if os.path.exists(prom) else []:
    if line.startswith("# TYPE "):
        written.add(line.split()[2])
    elif not line.startswith("#"):
        labels |= set(re.findall(r'(\w+)="', line))
source = open(os.path.join(ROOT, "src/report/prometheus.cpp")).read()
families = set(re.findall(r'\.family\("(isoprobe_\w+)"', source))
labels |= set(re.findall(r'\{"(\w+)", ', source)) | set(re.findall(r'(\w+)=\\"', source))
check(f"isoprobe inspect --prom wrote {len(written)} families, all among the {len(families)} of the renderer",
      ([] if written else ["no # TYPE line in " + prom]) +
      [f"{n} is written but no .family() call names it" for n in sorted(written - families)])
metrics = written | families


def names_in(expr):
    """Metric names and label names an expression uses, by elimination: strings, matchers, ranges and the label
    lists of by/on/ignoring/... removed, what remains not followed by '(' and not a keyword is a metric."""
    used_labels = set(re.findall(r'(\w+)\s*(?:=~|!~|!=|=)\s*"', expr))
    for clause in re.findall(r'\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)', expr):
        used_labels |= {x.strip() for x in clause.split(",") if x.strip()}
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    e = re.sub(r'\{[^}]*\}|\[[^\]]*\]', ' ', e)
    e = re.sub(r'\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)', ' ', e)
    used_metrics = set()
    for m in re.finditer(r'(?<![\w.:])[a-zA-Z_:][\w:]*', e):
        if not e[m.end():].lstrip().startswith("(") and m.group() not in PROMQL_KEYWORDS:
            used_metrics.add(m.group())
    return used_metrics, used_labels


def unknown(where, expr, extra_labels=()):
    used_metrics, used_labels = names_in(expr)
    problems = [f"{where}: no isoprobe metric in {expr!r}"] if not used_metrics else []
    problems += [f"{where}: metric {n} is not one isoprobe writes" for n in sorted(used_metrics - metrics)]
    problems += [f"{where}: label {n} is not one isoprobe or the scrape writes"
                 for n in sorted((used_labels | set(extra_labels)) - labels)]
    return problems


# The rules: valid, unit-tested, every alert tested firing and quiet, every name known.
check("promtool check rules isoprobe-rules.yml", promtool_run("check", "rules", RULES))
check("promtool test rules isoprobe-rules.test.yml", promtool_run("test", "rules", RULES_TEST))
rules = [r for g in yaml.safe_load(open(RULES))["groups"] for r in g["rules"]]
tests = [t for group in yaml.safe_load(open(RULES_TEST))["tests"] for t in group.get("alert_rule_test", [])]
problems = []
for r in rules:
    name = r.get("alert") or r.get("record")
    problems += unknown(name, r["expr"], re.findall(r"\$labels\.(\w+)", json.dumps(r.get("annotations", {}))))
    if "alert" in r:
        cases = [t for t in tests if t["alertname"] == name]
        if not any(t.get("exp_alerts") for t in cases) or all(t.get("exp_alerts") for t in cases):
            problems.append(f"{name}: isoprobe-rules.test.yml must test it both firing and quiet")
    for key in ("summary", "description"):
        if "alert" in r and not (r.get("annotations", {}).get(key) and r["annotations"].get(key + "_ja")):
            problems.append(f"{name}: annotations {key} and {key}_ja are both needed")
check(f"{len(rules)} rules name only isoprobe's metrics and labels, each alert tested firing and quiet, in en and ja",
      problems)

# The dashboard: every expression, with its template variables replaced by what "All" selects.
dash = json.load(open(DASHBOARD))
variables = dash.get("templating", {}).get("list", [])
problems = []
if not any(v["name"] == "DS_PROMETHEUS" and v["type"] == "datasource" for v in variables):
    problems.append("no datasource variable DS_PROMETHEUS")
exprs = []  # (where, expr, legend)
panels = [p for top in dash["panels"] for p in [top, *top.get("panels", [])]]
for p in panels:
    if p.get("type") == "row":
        continue
    where = f"panel {p.get('title')!r}"
    for ds in [p.get("datasource"), *(t.get("datasource") for t in p.get("targets", []))]:
        if ds != {"type": "prometheus", "uid": "${DS_PROMETHEUS}"}:
            problems.append(f"{where}: data source {ds}, not ${{DS_PROMETHEUS}}")
    if not p.get("targets"):
        problems.append(f"{where}: no query")
    exprs += [(where, t.get("expr", ""), t.get("legendFormat", "")) for t in p.get("targets", [])]
for v in variables:
    if v["type"] == "query":
        q = v["query"]["query"] if isinstance(v["query"], dict) else v["query"]
        m = re.fullmatch(r"\s*(?:label_values|query_result)\((.*?)(?:,\s*(\w+))?\)\s*", q, re.S)
        if not m:
            problems.append(f"variable {v['name']}: query {q!r} is not label_values() or query_result()")
            continue
        exprs.append((f"variable {v['name']}", m.group(1), "{{%s}}" % m.group(2) if m.group(2) else ""))
names = sorted((v["name"] for v in variables), key=len, reverse=True)


def substituted(expr):
    expr = re.sub(r"\$\{?__(?:rate_interval|interval|range)\}?", "5m", expr)
    for n in names:
        expr = re.sub(r"\$\{%s(?::\w+)?\}|\$%s\b" % (n, n), ".*", expr)
    return expr


recording = []
for i, (where, expr, legend) in enumerate(exprs):
    e = substituted(expr)
    if "$" in e:
        problems.append(f"{where}: unknown variable in {expr!r}")
    problems += unknown(where, e, re.findall(r"\{\{\s*(\w+)\s*\}\}", legend))
    recording.append({"record": f"dashboard:expr_{i}", "expr": e})
check(f"dashboard: {len(exprs)} expressions of {len(panels)} panels and {len(variables)} variables name only "
      "isoprobe's metrics and labels, data source ${DS_PROMETHEUS}", problems)
parse_file = os.path.join(work, "dashboard-exprs.yml")
json.dump({"groups": [{"name": "dashboard", "rules": recording}]}, open(parse_file, "w"))  # JSON is YAML
check("dashboard: every expression parses (promtool check rules)", promtool_run("check", "rules", parse_file))

# The status encodings of the timeline panels, evaluated by promtool on one-hot series of one host.
host = 'command="audit",instance="kawasaki-2f:9100",interface="eth0",job="node"'
encodings = {"Verdict per site": ("isoprobe_verdict", {"pass": 1, "inconclusive": 2, "fail": 3}, ""),
             "Requirements": ("isoprobe_requirement_status",
                              {"pass": 1, "not-tested": 2, "inconclusive": 3, "fail": 4}, ',requirement="ap-inventory"')}
expr_tests, problems = [], []
for title, (metric, codes, extra) in encodings.items():
    panel = next((p for p in panels if p.get("title") == title), None)
    if not panel:
        problems.append(f"no panel {title!r}")
        continue
    mappings = panel["fieldConfig"]["defaults"]["mappings"][0]["options"]
    for status, code in codes.items():
        if mappings.get(str(code), {}).get("text", "").replace(" ", "-") != status:
            problems.append(f"{title}: value {code} is shown as {mappings.get(str(code), {}).get('text')}, not {status}")
        expr_tests.append({
            "interval": "1m",
            "input_series": [{"series": f'{metric}{{{host}{extra},status="{s}"}}', "values": "1" if s == status else "0"}
                             for s in codes],
            "promql_expr_test": [{"expr": substituted(panel["targets"][0]["expr"]), "eval_time": "0m",
                                  "exp_samples": [{"labels": f"{{{host}{extra}}}", "value": code}]}]})
tests_file = os.path.join(work, "dashboard-encodings.test.yml")
json.dump({"rule_files": [], "tests": expr_tests}, open(tests_file, "w"))
check("dashboard: verdict and requirement timelines show each one-hot status as its mapped name (promtool test rules)",
      problems + promtool_run("test", "rules", tests_file))

shutil.rmtree(work)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
