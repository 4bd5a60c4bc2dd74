#!/usr/bin/env bash
# --prom PATH: the Prometheus textfile passes `promtool check metrics` (format and lint) and says what the JSON
# report of the same run says (requirement and verdict one-hot, conversations, duration, timestamp), for replays of
# wired, Wi-Fi, 802.1X and inventory captures. Needs promtool (Debian package prometheus).
# Usage: test-prom.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-promtest.XXXXXX)
passed=0 failed=0
trap 'rm -rf -- "$work"' EXIT
command -v promtool >/dev/null || { echo "FAIL promtool is missing (tools/install-deps installs prometheus)"; exit 1; }
cd "$root" || exit 1 # the cases name files relative to the repository, as tests/golden/cases.txt does

while read -r name capture args; do
    prom=$work/$name.prom json=$work/$name.json
    # shellcheck disable=SC2086 # the options are words
    "$bin" inspect "$root/captures/$capture" $args --prom "$prom" --json "$json" >/dev/null 2>&1
    if out=$(promtool check metrics <"$prom" 2>&1) && [ -z "$out" ]; then
        echo "ok   $name: promtool check metrics: no error, no lint problem"; passed=$((passed + 1))
    else
        echo "FAIL $name: promtool check metrics: $out"; failed=$((failed + 1))
    fi
    if out=$(/usr/bin/python3 - "$prom" "$json" <<'PY' 2>&1
import json, re, sys
from datetime import datetime
samples = {}
for line in open(sys.argv[1]):
    if line.startswith("#"):
        continue
    m = re.fullmatch(r'(\w+)\{(.*)\} (\S+)\n', line)
    labels = tuple(sorted(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2))))
    samples[(m.group(1), labels)] = float(m.group(3))
r = json.load(open(sys.argv[2]))
def value(name, **labels):
    return samples[(name, tuple(sorted({"command": r["command"], **labels}.items())))]
problems = []
def expect(what, got, want):
    if abs(got - want) > 1e-3:
        problems.append("%s: %s, the JSON report says %s" % (what, got, want))
for q in r["requirements"]:
    for s in ["pass", "fail", "inconclusive", "not-tested"]:
        expect("%s %s" % (q["id"], s), value("isoprobe_requirement_status", requirement=q["id"], status=s), q["status"] == s)
for s in ["pass", "fail", "inconclusive"]:
    expect("verdict " + s, value("isoprobe_verdict", status=s), r["verdict"] == s)
expect("conversations", value("isoprobe_conversations"), len(r["conversations"]))
expect("interrupted", value("isoprobe_run_interrupted"), r.get("interrupted", False))
expect("duration", value("isoprobe_run_duration_seconds"), r["run"]["duration_s"])
finished = datetime.fromisoformat(r["run"]["finished"].replace("Z", "+00:00")).timestamp()
expect("timestamp", value("isoprobe_last_run_timestamp_seconds"), finished)
expected_series = 4 * len(r["requirements"]) + 3 + 4
if len(samples) != expected_series:
    problems.append("%d series, expected %d" % (len(samples), expected_series))
print("; ".join(problems))
sys.exit(1 if problems else 0)
PY
    ); then
        echo "ok   $name: every series matches the JSON report of the same run"; passed=$((passed + 1))
    else
        echo "FAIL $name: $out"; failed=$((failed + 1))
    fi
done <<'CASES'
h1-open h1-open.pcap
h1-isolated-h3-infra h1-isolated.pcap --self 02:13:00:00:00:01 --infra 02:13:00:00:00:03
ws-wpa2-ft-eap-inventory ws-wpa2-ft-eap.pcapng.gz --inventory captures/inventory/ft-eap.json
eap-tls-wired eap-tls-wired.pcap
ws-empty ws-empty.pcap
CASES

# The file appears whole (written beside it, then renamed): no temporary is left.
leftovers=$(find "$work" -name '*.tmp-*' | wc -l)
[ "$leftovers" = 0 ] && { echo "ok   no temporary left beside the metrics files"; passed=$((passed + 1)); } ||
    { echo "FAIL $leftovers temporaries left"; failed=$((failed + 1)); }
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
