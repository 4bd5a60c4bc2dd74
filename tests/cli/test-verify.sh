#!/usr/bin/env bash
# `isoprobe verify DIR` without root: an audit-shaped directory built from a golden capture (inspect's report of
# it, SHA256SUMS by coreutils' sha256sum), verified as written, then tampered with: a modified capture or report is
# named and exits 1, a report whose sums were recomputed still fails on the re-analysis, an unlisted file is named
# without failing; a missing directory or SHA256SUMS is a user error (exit 2). Also the provenance inspect records.
# Usage: test-verify.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-verifytest.XXXXXX)
passed=0 failed=0
trap 'rm -rf -- "$work"' EXIT

check() { # check NAME CONDITION-EXIT-STATUS [DETAIL]
    if [ "$2" = 0 ]; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1${3:+: $3}"; failed=$((failed + 1)); fi
}
py() { # py NAME JSON-FILE EXPR: EXPR over `r` (the parsed file) must be true
    local out rc=0
    out=$(/usr/bin/python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); ok = eval(sys.argv[2]); print("" if ok else json.dumps(r)[:600]); sys.exit(0 if ok else 1)' "$2" "$3" 2>&1) || rc=$?
    check "$1: $3" "$rc" "$out"
}
# verify_is NAME DIR EXIT PATTERN...: verify DIR exits EXIT and prints a line matching every PATTERN (grep -E).
verify_is() {
    local name=$1 dir=$2 want=$3 rc=0 out
    shift 3
    out=$("$bin" verify "$dir" 2>&1) || rc=$?
    [ "$rc" = "$want" ]; check "$name: exit $want" $? "exit $rc: $out"
    for pattern in "$@"; do
        grep -qE -- "$pattern" <<<"$out"; check "$name: prints /$pattern/" $? "$out"
    done
}

# An audit-shaped directory: h1-open (two terminals talking: terminal-isolation fails) as capture.pcapng, inspect's
# reports of it, and the sums in sha256sum's own format.
make_dir() {
    local dir=$1
    mkdir -p "$dir"
    cp "$root/captures/h1-open.pcap" "$dir/capture.pcapng" # the reader goes by magic, not by name
    (cd "$dir" && "$bin" inspect capture.pcapng --self 02:13:00:00:00:01 --json report.json --text-file report.txt \
        --html report.html --lang en --operator "Tanaka Hanako" --note "ticket #42; approved by 情報政策課") >/dev/null
    (cd "$dir" && sha256sum capture.pcapng report.json report.txt report.html >SHA256SUMS)
}

dir=$work/audit
make_dir "$dir"
py "provenance" "$dir/report.json" 'r["run"]["provenance"]["operator"] == "Tanaka Hanako"'
py "provenance" "$dir/report.json" 'r["run"]["provenance"]["note"] == "ticket #42; approved by 情報政策課"'
py "provenance" "$dir/report.json" "r['run']['provenance']['command_line'].endswith(\"--operator 'Tanaka Hanako' --note 'ticket #42; approved by 情報政策課'\")"
py "provenance" "$dir/report.json" 'r["run"]["provenance"]["config"] is None and r["run"]["provenance"]["config_sha256"] == "none"'
py "provenance" "$dir/report.json" 'r["run"]["provenance"]["revision"] != "" and r["run"]["provenance"]["build_type"] != ""'
py "provenance" "$dir/report.json" 'r["run"]["provenance"]["clock"]["start"]["sync"] in ("synchronised", "not synchronised", "unknown")'
py "analysis inputs" "$dir/report.json" 'r["run"]["analysis"]["self"] == "02:13:00:00:00:01" and r["run"]["analysis"]["live"] is None'
out=$(/usr/bin/python3 "$root/tests/golden/validate_schema.py" "$dir/report.json" 2>&1)
check "report.json with run.provenance and run.analysis follows docs/report.schema.json" $? "$out"
grep -q "operator: Tanaka Hanako" "$dir/report.txt"; check "the text report names the operator" $?
grep -q "Tanaka Hanako" "$dir/report.html" && grep -q "ticket #42; approved by 情報政策課" "$dir/report.html"
check "the HTML header names the operator and the note" $?

verify_is "as written" "$dir" 0 "report.json: digest matches" "capture.pcapng: digest matches" \
    "requirement terminal-isolation: fail reproduced" "verdict: fail reproduced" "^verified"

# A capture changed after the run: named, exit 1.
t=$work/capture-modified; cp -r "$dir" "$t"; printf 'x' >>"$t/capture.pcapng"
verify_is "modified capture" "$t" 1 "DIFFERS +capture.pcapng: digest mismatch" "^NOT verified"

# A report edited to pass: its digest, and once the sums are recomputed to match, the re-analysis.
t=$work/report-modified; cp -r "$dir" "$t"
/usr/bin/python3 - "$t/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["verdict"] = "pass"
for q in r["requirements"]:
    if q["id"] == "terminal-isolation":
        q["status"] = "pass"
json.dump(r, open(sys.argv[1], "w"), indent=2)
PY
verify_is "modified report" "$t" 1 "DIFFERS +report.json: digest mismatch" \
    "DIFFERS +requirement terminal-isolation: recorded pass, now fail" "DIFFERS +verdict: recorded pass, now fail"
(cd "$t" && sha256sum capture.pcapng report.json report.txt report.html >SHA256SUMS)
verify_is "modified report, sums recomputed" "$t" 1 "report.json: digest matches" \
    "DIFFERS +requirement terminal-isolation: recorded pass, now fail"

# A capture replaced by another one and the sums recomputed: the recorded verdict does not come back.
t=$work/capture-replaced; cp -r "$dir" "$t"; cp "$root/captures/eap-tls-wired.pcap" "$t/capture.pcapng"
(cd "$t" && sha256sum capture.pcapng report.json report.txt report.html >SHA256SUMS)
verify_is "capture replaced, sums recomputed" "$t" 1 "DIFFERS +requirement 8021x-eap-tls: recorded not-tested, now pass"

# A file the sums do not list is named, but is no difference: it is not part of the evidence.
t=$work/extra; cp -r "$dir" "$t"; echo "added later" >"$t/notes.txt"
verify_is "unlisted file" "$t" 0 "note +notes.txt: in the directory but not listed in SHA256SUMS"

# A listed file that is gone, and a SHA256SUMS line that is not sha256sum's format.
t=$work/missing; cp -r "$dir" "$t"; rm "$t/report.html"
verify_is "missing file" "$t" 1 "DIFFERS +report.html: listed in SHA256SUMS but missing"
t=$work/badline; cp -r "$dir" "$t"; echo "not a digest line" >>"$t/SHA256SUMS"
verify_is "malformed SHA256SUMS" "$t" 1 "DIFFERS +SHA256SUMS: line 5 is not"

# User errors: one line, exit 2.
verify_is "no such directory" "$work/nonexistent" 2 "^isoprobe: .*nonexistent: No such file or directory$"
t=$work/nosums; cp -r "$dir" "$t"; rm "$t/SHA256SUMS"
verify_is "no SHA256SUMS" "$t" 2 "^isoprobe: .*SHA256SUMS: cannot read"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
