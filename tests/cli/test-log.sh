#!/usr/bin/env bash
# The diagnostic log (-v, --log-level): log lines go to standard error, before or after the subcommand or from a
# top-level key of the config file; the report is the same bytes with and without them (its run times, command line
# and clock state aside);
# warnings are its warn level; a bad level is one line and exit 2.
# Usage: test-log.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-logtest.XXXXXX)
trap 'rm -rf -- "$work"' EXIT
passed=0 failed=0
capture=$root/captures/h1-open.pcap

check() {
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; passed=$((passed + 1)); else echo "FAIL $what"; failed=$((failed + 1)); fi
}
has_info() { grep -q '^isoprobe: info: ' "$1"; }
# The report without the members that differ from run to run: when it started and finished, how long it took, and
# in its provenance the command line (-v is in it) and the clock's state (its error estimates move).
timing='^    "(started|finished|duration_s)": '
timeless() {
    grep -E -v "$timing" "$1" | /usr/bin/python3 -c 'import json, sys
r = json.load(sys.stdin)
for key in ("command_line", "clock"):
    r["run"]["provenance"].pop(key)
json.dump(r, sys.stdout, indent=2, ensure_ascii=False)'
}

"$bin" inspect "$capture" --json - >"$work/quiet.json" 2>"$work/quiet.err"
check "without -v: nothing on standard error" test ! -s "$work/quiet.err"
"$bin" -v inspect "$capture" --json - >"$work/verbose.json" 2>"$work/verbose.err"
check "-v before the subcommand: log lines on standard error" has_info "$work/verbose.err"
check "... naming the capture read" grep -q "read $capture: 19 frames" "$work/verbose.err"
check "... and nothing else there" test -z "$(grep -v '^isoprobe: info: ' "$work/verbose.err")"
check "the report on standard output has no log line" test -z "$(grep 'isoprobe: info' "$work/verbose.json")"
check "the report's timing members are where timeless() looks" \
    test "$(grep -E -c "$timing" "$work/quiet.json")" = 3
check "the JSON report is byte-identical with and without -v" cmp -s <(timeless "$work/quiet.json") <(timeless "$work/verbose.json")

# A report written to a file lists its own path: the same path for both.
"$bin" inspect "$capture" --json "$work/file.json" 2>/dev/null; mv "$work/file.json" "$work/quiet-file.json"
"$bin" inspect -v "$capture" --json "$work/file.json" 2>"$work/after.err"
check "-v after the subcommand works too" has_info "$work/after.err"
check "... and says which file it wrote" grep -q "wrote --json $work/file.json" "$work/after.err"
check "... whose report is the same bytes" cmp -s <(timeless "$work/quiet-file.json") <(timeless "$work/file.json")

"$bin" --log-level debug inspect "$capture" --json "$work/debug.json" 2>"$work/debug.err"
check "--log-level debug adds debug lines" grep -q '^isoprobe: debug: ' "$work/debug.err"
"$bin" -v --log-level off inspect "$capture" --json "$work/off.json" 2>"$work/off.err"
check "--log-level wins over -v" test ! -s "$work/off.err"

truncated=$root/captures/scapy-bad_rsn_parsing_overrides_ssid.pcap
"$bin" inspect "$truncated" --json "$work/cut.json" 2>"$work/cut.err"
check "a warning by default, in the same words as before the log" \
    grep -q '^isoprobe: warning: .*truncated: .*(the frames before the cut were analysed)$' "$work/cut.err"
"$bin" inspect "$truncated" --json "$work/cut.json" --log-level error 2>"$work/cut-error.err"
check "--log-level error leaves the warning out" test ! -s "$work/cut-error.err"

printf 'log-level = "info"\n[inspect]\njson = "%s"\n' "$work/config.json" >"$work/site.toml"
"$bin" inspect "$capture" --config "$work/site.toml" 2>"$work/config.err"
check "log-level as a top-level key of the config file" has_info "$work/config.err"

printf 'log-level = "loud"\n' >"$work/loud.toml"
for args in "--log-level loud inspect $capture" "inspect $capture --log-level=LOUD" "--config $work/loud.toml inspect $capture"; do
    # shellcheck disable=SC2086 # the words of $args are the arguments
    out=$("$bin" $args --json "$work/bad.json" 2>&1); rc=$?
    check "'$args': exit 2 (got $rc)" test "$rc" = 2
    check "'$args': one line naming --log-level ($out)" test "$(wc -l <<<"$out")" = 1 -a "${out#*--log-level}" != "$out"
    check "'$args': no report written" test ! -e "$work/bad.json"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
