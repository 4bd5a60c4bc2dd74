#!/usr/bin/env bash
# Live tests of `isoprobe eap --enumerate` against hostapd as a wired 802.1X authenticator (tools/lab dot1x-*
# scenarios, each in its own namespaces): the 8021x-eap-tls verdict, the per-method results, the schema.
# Needs root (network namespaces). Usage: test-eap-enumeration.sh ISOPROBE_BINARY [SCENARIO...]
# Prints one line per check and ends with 'N passed, M failed'; exit status 0 only when nothing failed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
shift
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(dot1x-tls dot1x-tls-peap dot1x-ttls dot1x-md5)
work=$(mktemp -d /tmp/isoprobe-eaptest.XXXXXX)
passed=0 failed=0
# The scenarios run at once, each in its own lab (their minutes are hostapd's hold-down timer, not CPU).
lab_id() { local id="eap$1$$"; echo "${id:0:12}"; }

cleanup() {
    local i
    for i in "${!scenarios[@]}"; do "$root/tools/lab" down --id "$(lab_id "$i")" >/dev/null 2>&1; done
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

check() {
    local what=$1
    shift
    if "$@"; then
        echo "ok   $what"
        passed=$((passed + 1))
    else
        echo "FAIL $what"
        failed=$((failed + 1))
    fi
}

# quiet CMD...: runs CMD, showing its output only when it fails.
quiet() {
    local out
    out=$("$@" 2>&1) && return 0
    echo "$out" | sed 's/^/     | /' | tail -5
    return 1
}

# expect REPORT EXPR: EXPR is a Python expression over `r` (the JSON report) and `method(name)` (its result).
expect() {
    /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
def method(name):
    hits = [e["result"] for e in r.get("enumeration", []) if e["name"] == name]
    return hits[0] if hits else "absent"
def requirement(rid):
    return [q["status"] for q in r["requirements"] if q["id"] == rid][0]
ok = eval(sys.argv[2])
if not ok:
    print("     | verdict=%s enumeration=%s" % (r["verdict"], [(e["name"], e["result"], e["detail"]) for e in r.get("enumeration", [])]))
sys.exit(0 if ok else 1)
PY
}

run_scenario() {
    local scenario=$1 id=$LAB_ID report rc
    shift
    if ! "$root/tools/lab" up "$scenario" --id "$id" >"$work/$id.up" 2>&1; then
        echo "FAIL $scenario: lab up"
        sed 's/^/     | /' "$work/$id.up" | tail -5
        failed=$((failed + 1))
        return
    fi
    report="$work/$scenario.json"
    # An unauthorised port has no address yet: the check must work on a port without IPv4.
    check "$scenario: the probe's port has no IPv4 address" \
        test -z "$("$root/tools/lab" exec --id "$id" probe ip -4 -o addr show dev probe0)"
    "$root/tools/lab" exec --id "$id" probe "$bin" eap -i probe0 --enumerate --timeout 3 --no-db --json "$report" 2>"$work/$scenario.err"
    rc=$?
    check "$scenario: isoprobe ran and wrote a report (exit $rc)" test -s "$report"
    if [ -s "$report" ]; then
        check "$scenario: the report validates against docs/report.schema.json" \
            quiet /usr/bin/python3 "$root/tests/golden/validate_schema.py" "$report"
        check "$scenario: command is eap" expect "$report" 'r["command"] == "eap"'
        check "$scenario: every enumerated method has a result" expect "$report" 'len(r["enumeration"]) == 10'
        check "$scenario: the eap section lists the conversations" expect "$report" 'len(r.get("eap", [])) >= 1'
        local e
        for e in "$@"; do check "$scenario: $e" expect "$report" "$e"; done
    fi
    "$root/tools/lab" down --id "$id" >/dev/null 2>&1
}

# test_scenario SCENARIO: the checks of one scenario (run in the background, output to its own log).
test_scenario() {
    local scenario=$1
    case $scenario in
        dot1x-tls)
            run_scenario dot1x-tls 'requirement("8021x-eap-tls") == "pass"' 'r["verdict"] == "pass"' \
                'method("tls") == "accepted"' 'method("peap") == "refused"' 'method("md5") == "refused"' \
                'all(method(m) == "refused" for m in ["ttls", "fast", "teap", "gtc", "mschapv2", "leap", "pwd"])'
            ;;
        dot1x-tls-peap)
            run_scenario dot1x-tls-peap 'requirement("8021x-eap-tls") == "fail"' 'method("peap") == "accepted"' \
                'method("tls") == "accepted"' 'method("md5") == "refused"'
            ;;
        dot1x-ttls)
            run_scenario dot1x-ttls 'requirement("8021x-eap-tls") == "fail"' 'method("ttls") == "accepted"' \
                'method("tls") == "refused"'
            ;;
        dot1x-md5)
            run_scenario dot1x-md5 'requirement("8021x-eap-tls") == "fail"' 'method("md5") == "accepted"' \
                'method("peap") == "refused"' 'method("tls") == "refused"'
            ;;
        *) echo "FAIL unknown scenario $scenario" ;;
    esac
}

for i in "${!scenarios[@]}"; do
    LAB_ID=$(lab_id "$i") test_scenario "${scenarios[$i]}" >"$work/${scenarios[$i]}.log" 2>&1 &
done
wait
for scenario in "${scenarios[@]}"; do
    cat "$work/$scenario.log"
    passed=$((passed + $(grep -c '^ok ' "$work/$scenario.log")))
    failed=$((failed + $(grep -c '^FAIL' "$work/$scenario.log")))
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
