#!/usr/bin/env bash
# File names that are not UTF-8 (a Shift_JIS name, a stray 0xff): `isoprobe inspect` of a capture named
# $'bad\xffname.pcap' writes every output (--json, --text-file, --html, --db, --jsonl, `history --json`), exits with
# its verdict's code, and shows the name escaped (bad\xffname.pcap) with its exact bytes in hex. Needs sqlite3.
# Usage: test-names.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-namestest.XXXXXX)
passed=0 failed=0
trap 'rm -rf -- "$work"' EXIT

check() { # check NAME CONDITION-EXIT-STATUS [DETAIL]
    if [ "$2" = 0 ]; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1${3:+: $3}"; failed=$((failed + 1)); fi
}
hex() { printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n'; }
# py NAME JSON-FILE EXPR: EXPR over `h` (the parsed file), `cap` and `page` (the names as the report should escape
# them) and `cap_hex`, `page_hex` must be true.
py() {
    local out rc=0
    out=$(/usr/bin/python3 -c 'import json, sys
h = json.load(open(sys.argv[1]))
cap, cap_hex, page, page_hex = sys.argv[3:7]
ok = eval(sys.argv[2])
print("" if ok else json.dumps(h)[:800]); sys.exit(0 if ok else 1)' "$2" "$3" "$cap_text" "$cap_hex" "$page_text" "$page_hex" 2>&1) || rc=$?
    check "$1: $3" "$rc" "$out"
}
utf8() { iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; }

cap=$work/$'bad\xffname.pcap'
page=$work/$'page\xfe.html' # an output name that is not UTF-8 either: it is in run.files and the history
cp "$root/captures/wifi-client-isolated-wpa3e.pcap" "$cap"
cap_text=$work/'bad\xffname.pcap' cap_hex=$(hex "$cap")
page_text=$work/'page\xfe.html' page_hex=$(hex "$page")
roles=() # this capture's verdict is pass: exit 0

rc=0
"$bin" inspect "$cap" "${roles[@]}" --json "$work/r.json" --text-file "$work/r.txt" --html "$page" --db "$work/h.db" \
    >"$work/out" 2>"$work/err" || rc=$?
check "inspect with --json --text-file --html --db exits 0 (pass)" "$rc" "exit $rc: $(head -c 300 "$work/err")"
py "JSON" "$work/r.json" "h['verdict'] == 'pass' and h['capture']['files'][0]['path'] == cap and h['capture']['files'][0]['path_hex'] == cap_hex"
py "JSON run.files" "$work/r.json" "page in h['run']['files'] and page_hex in h['run']['files_hex']"
grep -qF "$cap_text (hex $cap_hex)" "$work/r.txt"; check "text: escaped name and hex" $? "$(grep -a Capture "$work/r.txt")"
utf8 "$work/r.txt"; check "text is UTF-8" $?
grep -qF "$cap_text</span> (hex $cap_hex)" "$page"; check "HTML: escaped name and hex" $?
utf8 "$page"; check "HTML is UTF-8" $?

rc=0
"$bin" inspect "$cap" "${roles[@]}" --jsonl --db "$work/h.db" >"$work/r.jsonl" 2>"$work/err" || rc=$?
check "inspect --jsonl --db exits 0 (pass)" "$rc" "exit $rc: $(head -c 300 "$work/err")"
/usr/bin/python3 -c 'import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(0 if lines and all(l["scope"] == sys.argv[2] and l["scope_hex"] == sys.argv[3] for l in lines) else 1)' \
    "$work/r.jsonl" "$cap_text" "$cap_hex"
check "JSONL: every line parses, scope escaped with scope_hex" $? "$(head -c 400 "$work/r.jsonl")"

rc=0
"$bin" history --db "$work/h.db" --json >"$work/h.json" 2>"$work/err" || rc=$?
check "history --json exits 0" "$rc" "$(head -c 300 "$work/err")"
py "history" "$work/h.json" "len(h['runs']) == 2 and all(r['scope'] == cap and r['scope_hex'] == cap_hex for r in h['runs'])"
py "history files" "$work/h.json" "h['runs'][0]['files_hex'][h['runs'][0]['files'].index(page)] == page_hex"
"$bin" history --db "$work/h.db" >"$work/h.txt" 2>&1; rc=$?
grep -qF "$cap_text" "$work/h.txt" && utf8 "$work/h.txt"; check "history table shows the escaped scope" $(( rc || $? ))
stored=$(sqlite3 "$work/h.db" "SELECT count(*) FROM runs WHERE json_valid(report)
    AND json_extract(report, '\$.capture.files[0].path_hex') = '$cap_hex'")
[ "$stored" = 2 ]; check "the stored reports are valid JSON with the name's hex" $? "$stored"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
