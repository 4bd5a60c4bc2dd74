#!/usr/bin/env bash
# A real audit's evidence, end to end, in lab ev1 (tools/lab, namespaces of its own): `audit --out DIR` on the open
# segment (fail) and, with --intrusive, on the port-steal one (forged frames the passive watch must leave out); each
# directory's SHA256SUMS passes coreutils' `sha256sum -c`, the report's capture_sha256 is the capture's,
# `isoprobe verify` reproduces the verdict (exit 0), and a modified capture or report exits 1 naming it. Needs root.
# Usage: test-verify-audit.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
lab=$root/tools/lab
readonly lab_id=ev1
work=$(mktemp -d /tmp/isoprobe-verifyaudit.XXXXXX)
passed=0 failed=0
cleanup() { "$lab" down --id "$lab_id" >/dev/null 2>&1; rm -rf -- "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

check() { # check NAME CONDITION-EXIT-STATUS [DETAIL]
    if [ "$2" = 0 ]; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1${3:+: $3}"; failed=$((failed + 1)); fi
}
field() { /usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

audit_and_verify() { # SCENARIO EXPECTED-VERDICT [AUDIT OPTIONS...]
    local scenario=$1 want=$2 dir=$work/$1 rc out
    shift 2
    "$lab" down --id "$lab_id" >/dev/null 2>&1
    "$lab" up "$scenario" --id "$lab_id" >/dev/null || { check "$scenario: lab up" 1; return; }
    local pinger=""
    if [ "$scenario" = port-steal ]; then
        # Traffic for the victim (the sentinel) must flow while its MAC is claimed: the gateway pings it.
        "$lab" exec --id "$lab_id" gw ping -q -i 0.05 -w 30 198.51.100.11 >/dev/null 2>&1 &
        pinger=$!
    fi
    rc=0
    "$lab" exec --id "$lab_id" probe "$bin" audit -i probe0 --sentinel sentinel0 --out "$dir" --no-db -q \
        --rate 2000 --timeout 1.5 --operator "lab test" --note "issue 12" "$@" || rc=$?
    [ -n "$pinger" ] && kill "$pinger" 2>/dev/null && wait "$pinger" 2>/dev/null
    "$lab" down --id "$lab_id" >/dev/null
    [ "$(field "$dir/report.json" 'r["verdict"]')" = "$want" ]; check "$scenario: verdict $want" $? "exit $rc"
    out=$(cd "$dir" && sha256sum -c SHA256SUMS 2>&1); check "$scenario: sha256sum -c SHA256SUMS" $? "$out"
    [ "$(wc -l <"$dir/SHA256SUMS")" = 4 ]; check "$scenario: SHA256SUMS lists the capture and the three reports" $?
    [ "$(field "$dir/report.json" 'r["run"]["provenance"]["capture_sha256"]')" = "$(sha256sum <"$dir/capture.pcapng" | cut -d' ' -f1)" ]
    check "$scenario: the report's capture_sha256 is the capture's" $?
    [ "$(field "$dir/report.json" 'r["run"]["provenance"]["operator"]')" = "lab test" ]; check "$scenario: operator recorded" $?
    out=$(/usr/bin/python3 "$root/tests/golden/validate_schema.py" "$dir/report.json" 2>&1)
    check "$scenario: report.json follows docs/report.schema.json" $? "$out"
    field "$dir/report.json" 'len(r["run"]["analysis"]["live"]["forged_frames"])' >"$work/forged"
    echo "   $scenario: $(cat "$work/forged") forged frames"
    rc=0; out=$("$bin" verify "$dir" 2>&1) || rc=$?
    [ "$rc" = 0 ]; check "$scenario: verify reproduces the verdict (exit 0)" $? "exit $rc: $out"
    cp -r "$dir" "$dir-tampered"; printf 'x' >>"$dir-tampered/capture.pcapng"
    rc=0; out=$("$bin" verify "$dir-tampered" 2>&1) || rc=$?
    [ "$rc" = 1 ] && grep -q "DIFFERS  capture.pcapng: digest mismatch" <<<"$out"
    check "$scenario: a modified capture is named (exit 1)" $? "exit $rc: $out"
    cp -r "$dir" "$dir-report"; sed -i 's/"verdict": "fail"/"verdict": "pass"/' "$dir-report/report.json"
    rc=0; out=$("$bin" verify "$dir-report" 2>&1) || rc=$?
    [ "$rc" = 1 ] && grep -q "DIFFERS  report.json: digest mismatch" <<<"$out"
    check "$scenario: a modified report is named (exit 1)" $? "exit $rc: $out"
}

audit_and_verify open fail
audit_and_verify port-steal fail --intrusive
[ "$(cat "$work/forged")" -gt 0 ]; check "port-steal: the run forged frames, and verify left them out" $?

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
