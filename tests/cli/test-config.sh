#!/usr/bin/env bash
# Config files (CLI11 TOML, one [section] per command): options are read from the file, the command line wins, and
# --config works before or after the subcommand (a systemd unit writes `isoprobe audit --config F`).
# Usage: test-config.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-config.XXXXXX)
trap 'rm -rf -- "$work"' EXIT
passed=0 failed=0
capture=$root/captures/h1-open.pcap

check() {
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; passed=$((passed + 1)); else echo "FAIL $what"; failed=$((failed + 1)); fi
}
# self_of REPORT: the self MAC and how it was learnt, as "MAC|HOW"
self_of() { /usr/bin/python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["self"]; print("%s|%s" % (s["mac"], s["how"]))' "$1"; }

cat >"$work/site.toml" <<TOML
# what a monitoring box keeps in /etc/isoprobe/isoprobe.toml
[inspect]
self = "02:13:00:00:00:03"
json = "$work/from-config.json"
text-file = "$work/from-config.txt"
TOML

"$bin" inspect "$capture" --config "$work/site.toml" >/dev/null
check "inspect --config F (after the subcommand) writes the outputs the file names" test -s "$work/from-config.json" -a -s "$work/from-config.txt"
check "the file's self is used" test "$(self_of "$work/from-config.json")" = "02:13:00:00:00:03|given with --self"
# provenance: the file read and its SHA-256, the operator from the file
config_of() { /usr/bin/python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["run"]["provenance"]; print("%s|%s|%s" % (p["config"], p["config_sha256"], p["operator"]))' "$1"; }
check "the report records the config file and its SHA-256" test "$(config_of "$work/from-config.json")" = "$work/site.toml|$(sha256sum <"$work/site.toml" | cut -d' ' -f1)|None"
rm -f "$work"/from-config.*
"$bin" --config "$work/site.toml" inspect "$capture" --self 02:13:00:00:00:01 >/dev/null
check "--config F before the subcommand works too" test -s "$work/from-config.json"
check "an option on the command line wins over the file" test "$(self_of "$work/from-config.json")" = "02:13:00:00:00:01|given with --self"
printf '[audit]\nrate = 50\n' >"$work/audit.toml"
"$bin" inspect "$capture" --config "$work/audit.toml" --json "$work/other.json" 2>/dev/null
check "another command's section leaves inspect alone" test -s "$work/other.json"
# Every section is checked whichever command runs: a wrong file is an error, never half-applied.
printf '[audit]\nrate = 9999\n' >"$work/fast.toml"
out=$("$bin" inspect "$capture" --config "$work/fast.toml" --json "$work/bad.json" 2>&1); rc=$?
check "values from the file are validated like options (exit $rc: $out)" test "$rc" = 2 -a ! -e "$work/bad.json"
# A method list from the file is split like --methods: the unknown name is named alone, empty ones are skipped.
printf '[probe]\nmethods = "icmp,,teleport"\n' >"$work/methods.toml"
out=$("$bin" probe --config "$work/methods.toml" -i isoprobe-nonexistent0 --no-db 2>&1); rc=$?
check "methods = \"icmp,,teleport\" names 'teleport' alone (exit $rc: $out)" test "$rc" = 2 -a "${out#*unknown method }" != "$out" \
    -a "$(sed -n "s/.*unknown method '\([^']*\)'.*/\1/p" <<<"$out")" = teleport
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
