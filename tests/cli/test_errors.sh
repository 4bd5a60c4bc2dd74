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

if [ "$(id -u)" -eq 0 ]; then
    ip netns add "$ns"
    # veth pairs inside the namespace (this kernel has no dummy interfaces); nothing is ever sent on them.
    ip -n "$ns" link add d0 type veth peer name d0p
    ip -n "$ns" link add d1 type veth peer name d1p
    ip -n "$ns" link add big0 type veth peer name big0p
    for l in d0 d0p d1 d1p big0 big0p; do ip -n "$ns" link set "$l" up; done
    ip -n "$ns" addr add 198.51.100.5/24 dev d0
    ip -n "$ns" addr add 198.51.100.6/16 dev big0
    expect_error "interface without IPv4" "no IPv4 address" ip netns exec "$ns" "$bin" probe -i d1 --no-db
    expect_error "interface down" "down" sh -c "ip -n $ns link set d1 down; ip netns exec $ns $bin probe -i d1 --no-db"
    expect_error "subnet larger than /22" "add --allow-large" ip netns exec "$ns" "$bin" probe -i big0 --no-db
    expect_error "port-steal needs --intrusive" "add --intrusive" ip netns exec "$ns" "$bin" probe -i d0 --methods arp,port-steal --no-db
    expect_error "--peer outside the subnet" "not in the directly connected subnet" ip netns exec "$ns" "$bin" probe -i d0 --peer 203.0.113.9 --no-db
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
             "inspect onto a full disk"; do
        echo "skipped $n: needs root for a network namespace"
        skipped=$((skipped + 1))
    done
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
