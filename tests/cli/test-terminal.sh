#!/usr/bin/env bash
# Text output on a terminal (under script(1), a real pty): the verdict comes first, colours only on a terminal, and
# a progress line while a large capture is read, gone before the report. Piped, the same text has no escape at all.
# Usage: test-terminal.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-tty.XXXXXX)
trap 'rm -rf -- "$work"' EXIT
passed=0 failed=0
check() {
    local what=$1
    shift
    if "$@"; then echo "ok   $what"; passed=$((passed + 1)); else echo "FAIL $what"; failed=$((failed + 1)); fi
}
esc=$'\033'

script -qec "$bin inspect $root/captures/h1-open.pcap" /dev/null >"$work/tty.out"
first=$(tr -d '\r' <"$work/tty.out" | head -1)
check "on a terminal the first line is the verdict ($first)" grep -q "^isoprobe inspect: ${esc}\[1;31mfail" <<<"$first"
check "on a terminal statuses are coloured" grep -q "${esc}\[" "$work/tty.out"
"$bin" inspect "$root/captures/h1-open.pcap" --text >"$work/pipe.out"
check "piped, the first line is the verdict" test "$(head -1 "$work/pipe.out")" = "isoprobe inspect: fail"
check "piped, no escape sequence at all" test "$(grep -c "$esc" "$work/pipe.out")" = 0

# 200000 copies of one small frame: enough for several progress lines (one per 65536 frames).
/usr/bin/python3 - "$work/many.pcap" <<'PY'
import struct, sys
frame = bytes.fromhex("ffffffffffff021300000001" "0806" "0001080006040001" "021300000001" "0a d5 00 01".replace(" ", "") + "000000000000" "0ad50002")
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    rec = struct.pack("<IIII", 1, 0, len(frame), len(frame)) + frame
    f.write(rec * 200000)
PY
script -qec "$bin inspect $work/many.pcap --json $work/many.json" /dev/null >"$work/progress.out"
check "a progress line while reading a large capture" grep -q "reading .*many.pcap: 131072 frames" "$work/progress.out"
check "the progress line is cleared before the report" /usr/bin/python3 -c '
import sys
out = open(sys.argv[1], "rb").read()
last = out.rindex(b"frames...")
sys.exit(0 if out[last:].startswith(b"frames...\r\x1b[K") and b"isoprobe inspect:" in out[last:] else 1)' "$work/progress.out"
check "the report of the large capture was written" test -s "$work/many.json"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
