#!/usr/bin/env bash
# The command line's error tier: every bad input (file, option, interface, permission) gives exactly one line on
# stderr starting "isoprobe: ", exit code 2, and no report file (not even a temporary). Live checks run inside a
# namespace this test creates (198.51.100.0/24 on a dummy interface) and are skipped, not passed, without root.
# Live commands get --no-db: as root they would otherwise open the machine's own history before failing.
# Usage: test_errors.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-clitest.XXXXXX)
ns=ipb-cli$$
passed=0 failed=0 skipped=0
cleanup() { ip netns del "$ns" 2>/dev/null; rm -rf -- "$work"; }
trap cleanup EXIT

# expect_error NAME EXPECTED_SUBSTRING CMD...
expect_error() {
    local name=$1 want=$2 rc=0
    shift 2
    rm -rf "$work/out"*
    "$@" >"$work/out" 2>"$work/err" || rc=$?
    local lines
    lines=$(wc -l <"$work/err")
    local leftovers
    leftovers=$(find "$work" -name 'report*' | wc -l)
    rm -f "$work"/report*
    if [ "$rc" = 2 ] && [ "$lines" = 1 ] && grep -q "^isoprobe: .*$want" "$work/err" && [ "$leftovers" = 0 ] && [ ! -s "$work/out" ]; then
        echo "ok   $name: $(cat "$work/err")"
        passed=$((passed + 1))
    else
        echo "FAIL $name: exit $rc, $lines stderr line(s), $leftovers report file(s); stderr: $(head -c 300 "$work/err")"
        failed=$((failed + 1))
    fi
}

for f in wrong-magic zero-bytes truncated-global-header oversized-frame corrupt-gzip.pcap \
         bad-block-length trailing-length-mismatch unknown-interface; do
    path=$(ls "$root"/captures/bad/"$f"* | head -1)
    case $f in
        wrong-magic) want="not a pcap or pcapng file" ;;
        zero-bytes) want="empty" ;;
        *) want="$(basename "$path")" ;;
    esac
    expect_error "inspect $(basename "$path")" "$want" "$bin" inspect "$path" --json "$work/report.json"
done
"$bin" inspect "$root/captures/bad/truncated-record-header.pcap" --json "$work/report.json" 2>"$work/err"; rc=$?
if [ "$rc" = 3 ] && grep -q "^isoprobe: warning: .*truncated" "$work/err" && [ -s "$work/report.json" ]; then
    echo "ok   truncated record header: analysed up to the cut, warned, exit 3"; passed=$((passed + 1))
else
    echo "FAIL truncated record header: exit $rc, stderr $(head -c 200 "$work/err")"; failed=$((failed + 1))
fi
rm -f "$work"/report*
expect_error "missing file" "No such file" "$bin" inspect "$work/nope.pcap" --json "$work/report.json"
expect_error "a directory" "$work" "$bin" inspect "$work" --json "$work/report.json"
expect_error "bad --self" "not a MAC address" "$bin" inspect "$root/captures/h1-open.pcap" --self 02:13:00 --json "$work/report.json"
expect_error "bad --gateway" "--gateway" "$bin" inspect "$root/captures/h1-open.pcap" --gateway 02:13:zz --json "$work/report.json"
expect_error "bad --infra" "--infra" "$bin" inspect "$root/captures/h1-open.pcap" --infra nonsense --json "$work/report.json"
expect_error "bad --subnet" "not an IPv4 subnet" "$bin" inspect "$root/captures/h1-open.pcap" --subnet 198.51.100.0/33 --json "$work/report.json"
expect_error "unwritable --json" "cannot write" "$bin" inspect "$root/captures/h1-open.pcap" --json "$work/no/such/dir/report.json"
expect_error "unknown option" "" "$bin" inspect --frobnicate "$root/captures/h1-open.pcap"
expect_error "unknown --lang" "--lang" "$bin" inspect "$root/captures/h1-open.pcap" --lang fr --html "$work/report.html"
expect_error "--jsonl with --json -" "choose one" "$bin" inspect "$root/captures/h1-open.pcap" --jsonl --json -
expect_error "unwritable --html" "cannot write" "$bin" inspect "$root/captures/h1-open.pcap" --html "$work/no/such/dir/report.html"
expect_error "unwritable --prom" "cannot write" "$bin" inspect "$root/captures/h1-open.pcap" --prom "$work/no/such/dir/isoprobe.prom"
printf '[inspect]\nself = "02:13:00:00:00:01"\nbogus = 1\n' >"$work/bad.toml"
expect_error "unknown setting in a config file" "inspect.bogus" "$bin" inspect "$root/captures/h1-open.pcap" --config "$work/bad.toml" --json "$work/report.json"
expect_error "missing config file" "not readable" "$bin" inspect "$root/captures/h1-open.pcap" --config "$work/nope.toml" --json "$work/report.json"
expect_error "probe without -i" "interface" "$bin" probe
expect_error "probe on an unknown interface" "no such interface" "$bin" probe -i isoprobe-nonexistent0 --no-db
expect_error "unknown method" "unknown method 'teleport'" "$bin" probe -i isoprobe-nonexistent0 --methods teleport --no-db
expect_error "audit on an unknown interface" "no such interface" "$bin" audit -i isoprobe-nonexistent0 --no-db --out "$work/audit-dir"
if [ ! -e "$work/audit-dir" ]; then
    echo "ok   an audit stopped before any traffic leaves no empty output directory"; passed=$((passed + 1))
else
    echo "FAIL an audit stopped before any traffic left $work/audit-dir behind: $(ls -A "$work/audit-dir")"; failed=$((failed + 1))
fi

# check NAME CMD...: one more assertion that is not about an error line.
check() {
    local name=$1
    shift
    if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}

# Outputs that would destroy evidence: an output that is an input (same device and inode, whatever the spelling),
# two outputs on one file, an audit directory holding an earlier run.
cp "$root/captures/h1-open.pcap" "$work/cap.pcap"
expect_error "--json onto the capture" "is the input" "$bin" inspect "$work/cap.pcap" --json "$work/cap.pcap"
expect_error "--html onto the capture spelt differently" "is the input" "$bin" inspect "$work/cap.pcap" --html "$work/./cap.pcap"
expect_error "--text-file onto the capture" "is the input" "$bin" inspect "$work/cap.pcap" --text-file "$work/cap.pcap"
expect_error "--prom onto the capture" "is the input" "$bin" inspect "$work/cap.pcap" --prom "$work/cap.pcap"
expect_error "--db onto the capture" "is the input" "$bin" inspect "$work/cap.pcap" --db "$work/cap.pcap"
ln -s cap.pcap "$work/cap-link.pcap"
expect_error "--json onto a link to the capture" "is the input" "$bin" inspect "$work/cap-link.pcap" --json "$work/cap.pcap"
check "the capture is untouched" cmp -s "$root/captures/h1-open.pcap" "$work/cap.pcap"
cp "$root/captures/h1-open.pcap" "$work/cap.pcap" # what follows needs it, even after a failure above
printf '{"networks": []}\n' >"$work/inv.json"
expect_error "--json onto the inventory" "is the input" "$bin" inspect "$work/cap.pcap" --inventory "$work/inv.json" --json "$work/inv.json"
expect_error "--json and --html on one file" "same file" "$bin" inspect "$work/cap.pcap" --json "$work/report.x" --html "$work/report.x"
expect_error "-w and --json on one file" "same file" "$bin" probe -i isoprobe-nonexistent0 --no-db -w "$work/report.x" --json "$work/report.x"
mkdir "$work/earlier"
echo evidence >"$work/earlier/capture.pcapng"
expect_error "audit into a directory holding an earlier run" "not empty" "$bin" audit -i isoprobe-nonexistent0 --no-db --out "$work/earlier"
check "the earlier run's capture is untouched" grep -qx evidence "$work/earlier/capture.pcapng"
expect_error "audit --force into it gets as far as the interface" "no such interface" "$bin" audit -i isoprobe-nonexistent0 --no-db --force --out "$work/earlier"
rm -rf "$work/earlier"

# A run that exits 2 leaves nothing behind: a history that refuses the record takes the reports with it.
"$bin" inspect "$work/cap.pcap" --db "$work/h.db" --json /dev/null
/usr/bin/python3 - "$work/h.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TRIGGER refuse BEFORE INSERT ON runs BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
db.commit()
PY
expect_error "a history write failing after the files" "refused by the test" "$bin" inspect "$work/cap.pcap" --db "$work/h.db" \
    --json "$work/report.json" --html "$work/report.html" --prom "$work/report.prom"
echo earlier >"$work/kept.json"
expect_error "a history write failing keeps the file it would replace" "refused by the test" "$bin" inspect "$work/cap.pcap" --db "$work/h.db" --json "$work/kept.json"
check "the replaced file is back, no temporary left" sh -c "grep -qx earlier '$work/kept.json' && [ -z \"\$(ls '$work' | grep tmp-)\" ]"

# Non-finite numbers pass a range check (nan compares false): refused for every floating option and in config files.
expect_error "--rate nan" "not a finite number" "$bin" probe -i isoprobe-nonexistent0 --no-db --rate nan
expect_error "--timeout nan" "not a finite number" "$bin" probe -i isoprobe-nonexistent0 --no-db --timeout nan
expect_error "audit --timeout NAN" "not a finite number" "$bin" audit -i isoprobe-nonexistent0 --no-db --timeout NAN --out "$work/audit-dir"
expect_error "eap --timeout nan" "not a finite number" "$bin" eap -i isoprobe-nonexistent0 --no-db --timeout nan
printf '[probe]\nrate = nan\n' >"$work/nan.toml"
expect_error "rate = nan in a config file" "not a finite number" "$bin" probe -i isoprobe-nonexistent0 --no-db --config "$work/nan.toml"
printf '[eap]\ntimeout = "NaN"\n' >"$work/nan.toml"
expect_error "eap timeout = NaN in a config file" "not a finite number" "$bin" eap -i isoprobe-nonexistent0 --no-db --config "$work/nan.toml"

# Reports get 0666 & ~umask, like any file a tool creates.
(umask 077 && "$bin" inspect "$work/cap.pcap" --json "$work/umask.json")
check "umask 077 gives a 0600 report" test "$(stat -c %a "$work/umask.json")" = 600
(umask 002 && "$bin" inspect "$work/cap.pcap" --json "$work/umask.json")
check "umask 002 gives a 0664 report" test "$(stat -c %a "$work/umask.json")" = 664

# Temporaries: a killed run's stale ones are removed by the next run, a live run's (locked) and others' are kept.
mkdir "$work/tmpdir"
head -c 1048576 /dev/zero >"$work/tmpdir/report.json.tmp-Stale1"
touch "$work/tmpdir/notes.txt.tmp-ABCDEF" "$work/tmpdir/report.json.tmp-toolong1"
/usr/bin/python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); print("locked", flush=True); time.sleep(60)' \
    "$work/tmpdir/report.json.tmp-Held01" >"$work/locker.out" &
locker=$!
for _ in $(seq 50); do grep -q locked "$work/locker.out" && break; sleep 0.1; done
"$bin" inspect "$work/cap.pcap" --json "$work/tmpdir/report.json"
check "a stale temporary of the target is removed" test ! -e "$work/tmpdir/report.json.tmp-Stale1"
check "a temporary locked by a live run is kept" test -e "$work/tmpdir/report.json.tmp-Held01"
check "other files are kept" test -e "$work/tmpdir/notes.txt.tmp-ABCDEF" -a -e "$work/tmpdir/report.json.tmp-toolong1"
kill "$locker"; wait "$locker" 2>/dev/null
rm -rf "$work/tmpdir"

# An interrupted inspect removes its temporaries and exits 3 (interrupted), like the live commands. The capture comes
# through a FIFO whose writer waits for the signal before sending the rest, so that the signal always lands mid-read.
cat >"$work/writer.py" <<'PY'
import os, struct, sys, time
frame = bytes.fromhex("ffffffffffff021300000001" "0806" "0001080006040001" "021300000001" "0ad50001" "000000000000" "0ad50002")
rec = struct.pack("<IIII", 1, 0, len(frame), len(frame)) + frame
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1) + rec * 70000)
    f.flush()
    while not os.path.exists(sys.argv[2]):
        time.sleep(0.05)
    try:
        f.write(rec * 70000)  # past the next progress call, where the reading stops
    except BrokenPipeError:
        pass
PY
for sig in INT TERM; do
    rm -f "$work/fifo.pcap" "$work/go"
    mkfifo "$work/fifo.pcap"
    /usr/bin/python3 "$work/writer.py" "$work/fifo.pcap" "$work/go" 2>/dev/null &
    writer=$!
    "$bin" inspect "$work/fifo.pcap" --json "$work/report-int.json" >"$work/out" 2>"$work/err" &
    pid=$!
    for _ in $(seq 200); do ls "$work" | grep -q 'report-int.json.tmp-' && break; sleep 0.05; done
    sleep 0.2
    kill -"$sig" "$pid"
    sleep 0.2
    touch "$work/go"
    rc=0; wait "$pid" || rc=$?
    wait "$writer"
    check "SIG$sig during inspect: exit 3 ($rc), one line, no report, no temporary" \
        sh -c "[ $rc = 3 ] && [ \"\$(wc -l <'$work/err')\" = 1 ] && grep -q '^isoprobe: interrupted' '$work/err' && [ -z \"\$(ls '$work' | grep report-int)\" ]"
done
rm -f "$work/fifo.pcap" "$work/go" "$work/writer.py"

if [ "$(id -u)" -eq 0 ]; then
    ip netns add "$ns"
    # veth pairs inside the namespace (this kernel has no dummy interfaces); nothing is ever sent on them.
    ip -n "$ns" link add d0 type veth peer name d0p
    ip -n "$ns" link add d1 type veth peer name d1p
    ip -n "$ns" link add big0 type veth peer name big0p
    for l in d0 d0p d1 d1p big0 big0p; do ip -n "$ns" link set "$l" up; done
    ip -n "$ns" addr add 198.51.100.5/24 dev d0
    ip -n "$ns" addr add 198.51.100.6/16 dev big0
    ip -n "$ns" addr add 203.0.113.5/24 dev d0p
    ip -n "$ns" addr add 198.51.100.7/24 dev big0p
    expect_error "interface without IPv4" "no IPv4 address" ip netns exec "$ns" "$bin" probe -i d1 --no-db
    expect_error "interface down" "down" sh -c "ip -n $ns link set d1 down; ip netns exec $ns $bin probe -i d1 --no-db"
    expect_error "subnet larger than /22" "add --allow-large" ip netns exec "$ns" "$bin" probe -i big0 --no-db
    expect_error "port-steal needs --intrusive" "add --intrusive" ip netns exec "$ns" "$bin" probe -i d0 --methods arp,port-steal --no-db
    expect_error "--peer outside the subnet" "not in the directly connected subnet" ip netns exec "$ns" "$bin" probe -i d0 --peer 203.0.113.9 --no-db
    expect_error "--peer the broadcast address" "broadcast address" ip netns exec "$ns" "$bin" probe -i d0 --peer 198.51.100.255 --no-db
    expect_error "--peer the network address" "network or broadcast" ip netns exec "$ns" "$bin" probe -i d0 --peer 198.51.100.0 --no-db
    expect_error "--peer the host's own address" "an address of this host" ip netns exec "$ns" "$bin" probe -i d0 --peer 198.51.100.5 --no-db
    expect_error "a sentinel on another subnet without --cross-segment" "add --cross-segment" ip netns exec "$ns" "$bin" probe -i d0 --sentinel d0p --no-db
    expect_error "--cross-segment with a sentinel on the same subnet" "drop --cross-segment" ip netns exec "$ns" "$bin" probe -i d0 --sentinel big0p --cross-segment --no-db
    expect_error "--cross-segment without --sentinel" "needs --sentinel" ip netns exec "$ns" "$bin" probe -i d0 --cross-segment --no-db
    expect_error "--cross-segment with --peer" "not with --cross-segment" ip netns exec "$ns" "$bin" probe -i d0 --sentinel d0p --cross-segment --peer 198.51.100.9 --no-db
    # Links planted by another user (nobody) are never followed: the audit directory, a report path.
    mkdir "$work/elsewhere"
    ln -s "$work/elsewhere" "$work/planted"
    chown -h 65534:65534 "$work/planted"
    expect_error "audit --out a link planted by another user" "symbolic link owned by another user" \
        "$bin" audit -i isoprobe-nonexistent0 --no-db --out "$work/planted/"
    echo victim >"$work/victim"
    ln -s "$work/victim" "$work/report-planted.json"
    chown -h 65534:65534 "$work/report-planted.json"
    "$bin" inspect "$root/captures/h1-open.pcap" --json "$work/report-planted.json" 2>"$work/err"; rc=$?
    check "--json onto a link planted by another user: exit 2 ($rc), refused, link and target untouched" \
        sh -c "[ $rc = 2 ] && grep -q 'owned by another user' '$work/err' && [ -L '$work/report-planted.json' ] && grep -qx victim '$work/victim'"
    rm -f "$work/report-planted.json"
    expect_error "no permission" "permission denied" ip netns exec "$ns" setpriv --reuid=65534 --regid=65534 --clear-groups \
        --inh-caps=-all --bounding-set=-all "$bin" probe -i d0 --no-db
    expect_error "audit into an unwritable directory" "cannot" ip netns exec "$ns" "$bin" audit -i d0 --no-db --out /proc/isoprobe-test
    # A full disk is found when the outputs are opened (space reserved), before any frame: a 64 KiB tmpfs, private to
    # a mount namespace of its own, holds the output directory.
    mkdir "$work/full"
    expect_error "audit onto a full disk" "not enough free space" unshare -m sh -c \
        "mount -t tmpfs -o size=64k isoprobe-test '$work/full' && ip netns exec $ns '$bin' audit -i d0 --no-db --out '$work/full/a'"
    expect_error "inspect onto a full disk" "not enough free space" unshare -m sh -c \
        "mount -t tmpfs -o size=64k isoprobe-test '$work/full' && '$bin' inspect '$root/captures/h1-open.pcap' --json '$work/full/report.json'"
else
    for n in "interface without IPv4" "interface down" "subnet larger than /22" "port-steal needs --intrusive" \
             "--peer outside the subnet" "no permission" "audit into an unwritable directory" "audit onto a full disk" \
             "inspect onto a full disk" "--peer the broadcast address" "--peer the network address" \
             "--peer the host's own address" "audit --out a link planted by another user" \
             "a sentinel on another subnet without --cross-segment" "--cross-segment with a sentinel on the same subnet" \
             "--cross-segment without --sentinel" "--cross-segment with --peer" \
             "--json onto a link planted by another user"; do
        echo "skipped $n: needs root for a network namespace"
        skipped=$((skipped + 1))
    done
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
