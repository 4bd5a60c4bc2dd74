#!/usr/bin/env bash
# Live tests of tools/lab: every scenario is brought up, probed with ordinary tools (ping, arping, tcpdump, nc, dig,
# smbclient) inside its namespaces, torn down, and checked to leave nothing behind. Needs root.
# Ends with the line 'N passed, M failed'; exit status 0 only when nothing failed.
set -uo pipefail

k_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
readonly k_root
readonly k_lab="$k_root/tools/lab"
# Scenarios run side by side, each in its own lab (IDs lt1..lt8); lt9 is the extra lab of the coexistence checks and
# lt0 the target of the misuse checks.
readonly k_ids="lt0 lt1 lt2 lt3 lt4 lt5 lt6 lt7 lt8 lt9"
readonly k_id2=lt9
k_work=$(mktemp -d /tmp/isoprobe-labtest.XXXXXX)
readonly k_work
passed=0
failed=0
scenario=""
lab_id=lt0
work=$k_work
declare -A inf=() # the running lab's info, KEY -> VALUE

cleanup() {
    local jobs_left
    mapfile -t jobs_left < <(jobs -p)
    [ ${#jobs_left[@]} -gt 0 ] && kill "${jobs_left[@]}" 2>/dev/null
    down_all
    rm -rf -- "$k_work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Only labs that left something behind are taken down: each call of tools/lab costs a moment on a busy machine.
down_all() {
    local id
    for id in $k_ids; do
        if ip netns list | grep -q "^ipb-$id-" || [ -e "/tmp/isoprobe-lab-$id" ]; then
            "$k_lab" down --id "$id" >/dev/null 2>&1
        fi
    done
}

# check NAME CMD...: one result line per check; the last lines of the command's output are shown on failure.
check() {
    local name=$1 t0=$EPOCHREALTIME
    shift
    if "$@" >"$work/one" 2>&1; then
        echo "ok   $scenario: $name [$(elapsed "$t0")]"
        passed=$((passed + 1))
    else
        echo "FAIL $scenario: $name [$(elapsed "$t0")]"
        tail -n 15 "$work/one" | sed 's/^/     | /'
        failed=$((failed + 1))
        return 1
    fi
}
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1fs", b - a }'; }
check_not() {
    local name=$1
    shift
    check "$name (must fail)" not "$@"
}
not() { ! "$@"; }
# eventually SECONDS CMD...: CMD succeeds within SECONDS (tried every 0.2 s).
eventually() {
    local tries=$(($1 * 5))
    shift
    until "$@"; do
        tries=$((tries - 1))
        [ $tries -gt 0 ] || return 1
        sleep 0.2
    done
}

# Straight ip netns exec: tools/lab exec has checks of its own, and every process counts on a busy machine.
in_ns() {
    local host=$1
    shift
    ip netns exec "ipb-$lab_id-$host" "$@"
}

# output_has PATTERN CMD...: CMD succeeds and its output matches PATTERN (case-insensitive); the output is kept.
output_has() {
    local pattern=$1 out rc=0
    shift
    out=$("$@" 2>&1) || rc=$?
    printf '%s\n' "$out"
    [ "$rc" = 0 ] && grep -qi -- "$pattern" <<<"$out"
}

ping4() { in_ns "$1" ping -n -c1 -W1 "${@:2}"; }
ping6() { in_ns "$1" ping -6 -n -c1 -W1 "${@:2}"; }

# arp_reply TARGET MAC: a broadcast who-has from probe0 is answered by MAC.
arp_reply() { output_has "\[$2\]" in_ns probe arping -c1 -w1 -I probe0 "$1"; }
arp_any_reply() { in_ns probe arping -c1 -w1 -I probe0 "$1"; }

# capture HOST IF FILTER SECONDS CMD...: true when a frame matching FILTER is seen on IF while CMD runs or within
# SECONDS after it. tcpdump is given up to 10 s to attach: the machine may be busy.
capture() {
    local host=$1 ifname=$2 filter=$3 secs=$4
    shift 4
    local pcap="$work/cap.pcap" err="$work/cap.err" tries=100
    rm -f "$pcap" "$err"
    ip netns exec "ipb-$lab_id-$host" tcpdump -Z root -U -c1 -nni "$ifname" -w "$pcap" "$filter" 2>"$err" &
    local pid=$!
    while ! grep -q 'listening on' "$err" 2>/dev/null && [ $tries -gt 0 ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
    "$@" >/dev/null 2>&1
    # -c1 makes tcpdump exit on the first match; a pcap holding no frame is its 24-byte header alone.
    tries=$((secs * 10))
    while kill -0 "$pid" 2>/dev/null && [ $tries -gt 0 ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    local frames
    frames=$(tcpdump -nnr "$pcap" 2>/dev/null)
    printf '%s\n' "$frames"
    [ -n "$frames" ]
}

# An mDNS question for _smb._tcp.local (RFC 6762 5.2), sent from port 5353 so that avahi answers by multicast.
mdns_query_file() {
    printf '\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x04_smb\x04_tcp\x05local\x00\x00\x0c\x00\x01' >"$k_work/q.bin"
}
send_mdns_query() { in_ns probe nc -u -w1 -s "${inf[PROBE_IP]}" -p 5353 224.0.0.251 5353 <"$k_work/q.bin"; }
# A legacy unicast query (RFC 6762 6.7: source port not 5353) is answered by unicast to the asker.
send_legacy_query() { in_ns probe dig +time=1 +tries=1 -p 5353 @224.0.0.251 -b "${inf[PROBE_IP]}" _smb._tcp.local PTR; }
mdns_multicast_answer() {
    capture probe probe0 "udp and src host ${inf[H2_IP]} and src port 5353 and dst host 224.0.0.251" 3 send_mdns_query
}
mdns_unicast_answer() {
    capture probe probe0 "udp and src host ${inf[H2_IP]} and src port 5353 and dst host ${inf[PROBE_IP]}" 2 send_legacy_query
}

smb_lists_share() { output_has "^[[:space:]]*${inf[H2_SMB_SHARE]}[[:space:]]*Disk" in_ns probe smbclient -N -L "//${inf[H2_IP]}"; }
smb_guest_reads() { output_has 'README.txt' in_ns probe smbclient -N "//${inf[H2_IP]}/${inf[H2_SMB_SHARE]}" -c ls; }
tcp445() { in_ns probe nc -z -w1 "${inf[H2_IP]}" 445; }
probe_to_sentinel() { ping4 probe -I probe0 "${inf[SENTINEL_IP]}"; }
probe_to_sentinel_on_wire() {
    capture probe sentinel0 "icmp and src host ${inf[PROBE_IP]} and dst host ${inf[SENTINEL_IP]}" 2 probe_to_sentinel
}
routed_ttl() { output_has 'ttl=63' ping4 probe -I probe0 "$1"; }
neigh_is() { output_has "lladdr $2" in_ns probe ip neigh show "$1" dev probe0; }

# The gateway is asked explicitly (a /32 route through it) to bounce traffic to h2 and must refuse.
via_gw_to_h2() {
    in_ns probe ip route replace "${inf[H2_IP]}/32" via "${inf[GW_IP]}" dev probe0
    local rc=0
    ping4 probe -I probe0 "${inf[H2_IP]}" || rc=$?
    in_ns probe ip route del "${inf[H2_IP]}/32"
    return $rc
}
gw_dropped_hairpin() { output_has 'counter packets [1-9]' in_ns gw nft list chain inet lab hairpin; }

# Direct L2 to h2's real MAC, bypassing the gateway's proxy ARP answer.
direct_l2_to_h2() {
    in_ns probe ip neigh replace "${inf[H2_IP]}" lladdr "${inf[H2_MAC]}" dev probe0 nud permanent
    local rc=0
    ping4 probe -I probe0 "${inf[H2_IP]}" || rc=$?
    in_ns probe ip neigh del "${inf[H2_IP]}" dev probe0
    return $rc
}

fdb_port_of() { output_has "^$1 dev $2 " in_ns sw bridge fdb show br br0; }
# Port stealing: frames with h2's MAC as source (local experimental EtherType 88b5) every 20 ms, as a real attack
# would send them, so that h2's own frames win the bridge's table back only for a moment.
steal_start() {
    ip netns exec "ipb-$lab_id-probe" python3 -c '
import socket, sys, time
dst, src = (bytes.fromhex(m.replace(":", "")) for m in sys.argv[1:3])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("probe0", 0))
for _ in range(1000):
    s.send(dst + src + b"\x88\xb5" + b"isoprobe-lab port steal".ljust(46, b"\0"))
    time.sleep(0.02)
' "${inf[GW_MAC]}" "${inf[H2_MAC]}" >/dev/null 2>&1 &
    echo $! >"$work/steal.pid"
}
steal_stop() {
    kill "$(cat "$work/steal.pid")" 2>/dev/null
    wait "$(cat "$work/steal.pid")" 2>/dev/null
    return 0
}
gw_ping_h2_reaches_probe() {
    capture probe probe0 "icmp and dst host ${inf[H2_IP]}" 2 in_ns gw ping -n -c1 -W1 "${inf[H2_IP]}"
}

has_info_keys() {
    local key
    for key in NS_PROBE PROBE_IF SENTINEL_IF PROBE_IP SENTINEL_IP GW_IP GW_MAC H2_IP H2_MAC H3_IP H3_MAC \
        PROBE_MAC SENTINEL_MAC SCENARIO EXPECT; do
        grep -q "^$key=." "$work/info" || { echo "missing $key"; return 1; }
    done
}
# The output must be safe to source: no value holds spaces or shell metacharacters.
info_sourceable() { ! grep -vE '^[A-Z0-9_]+=[A-Za-z0-9_./:-]+$' "$work/info"; }

# lab_up SCENARIO: brings the scenario up in this lab (a check of its own) and keeps its info.
lab_up() {
    scenario=$1
    check "up" bring_up "$1"
}
bring_up() {
    "$k_lab" up "$1" --id "$lab_id" && "$k_lab" info --id "$lab_id" >"$work/info" || return 1
    local key value
    inf=()
    while IFS='=' read -r key value; do
        inf[$key]=$value
    done <"$work/info"
}

alive() {
    local stat
    # read, not $(<file): a failed redirection in an assignment ends a non-interactive bash.
    { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
    stat=${stat##*) }
    [ "${stat:0:1}" != Z ]
}

# lab_down_clean: down, then nothing of the lab may remain (namespaces, saved daemons, processes, state directory).
lab_down_clean() {
    local id=$1 state pids="" pid
    state=$("$k_lab" info --id "$id" 2>/dev/null | awk -F= '$1 == "STATE_DIR" { print $2 }')
    [ -n "$state" ] && pids=$(cat "$state"/pids/*.pid 2>/dev/null)
    local name
    for name in $(ip netns list | awk '{print $1}' | grep "^ipb-$id-"); do
        pids+=" $(ip netns pids "$name")"
    done
    "$k_lab" down --id "$id" || return 1
    if ip netns list | grep -q "^ipb-$id-"; then
        echo "namespaces left: $(ip netns list | grep "^ipb-$id-")"
        return 1
    fi
    [ -n "$state" ] && [ -e "$state" ] && { echo "state dir left: $state"; return 1; }
    # A killed process may still be finishing its exit for a moment after it left its namespace.
    for pid in $pids; do
        local tries=20
        while alive "$pid" && [ $tries -gt 0 ]; do
            sleep 0.1
            tries=$((tries - 1))
        done
        if alive "$pid"; then
            echo "process left: $pid $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"
            return 1
        fi
    done
    [ -z "$state" ] && return 0
    local f cmd arg
    for f in /proc/[0-9]*/cmdline; do
        cmd=""
        { while IFS= read -r -d '' arg; do cmd+="$arg "; done <"$f"; } 2>/dev/null
        if [[ $cmd == *"$state/"* ]]; then
            echo "process naming $state left: $f $cmd"
            return 1
        fi
    done
}

scenario_open() {
    lab_up open || return 0
    check "info has the required keys" has_info_keys
    check "info values are single tokens" info_sourceable
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check "tools/lab exec runs in the probe namespace" output_has "^sentinel0@" "$k_lab" exec --id "$lab_id" probe ip -br link
    check "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check "probe0 pings h3" ping4 probe -I probe0 "${inf[H3_IP]}"
    check "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
    check "probe0 pings the WAN host through the gateway" ping4 probe -I probe0 "${inf[WAN_IP]}"
    check "probe0 -> sentinel0 ping crosses the bridge" probe_to_sentinel_on_wire
    check "ping -6 probe0 -> sentinel0" ping6 probe -I probe0 "${inf[SENTINEL_IP6]}"
    check "sentinel0 pings h3" ping4 probe -I sentinel0 "${inf[H3_IP]}"
    check "arping h2 answered by H2_MAC" arp_reply "${inf[H2_IP]}" "${inf[H2_MAC]}"
    check "arping sentinel0 answered by SENTINEL_MAC" arp_reply "${inf[SENTINEL_IP]}" "${inf[SENTINEL_MAC]}"
    check "ping -6 h2" ping6 probe -I probe0 "${inf[H2_IP6]}"
    check "mDNS legacy query answered by unicast" mdns_unicast_answer
    check "mDNS multicast from h2 reaches probe0 (query sent)" mdns_multicast_answer
    check "smbclient -N -L lists the guest share" smb_lists_share
    check "smbclient -N reads the guest share" smb_guest_reads
}

scenario_isolated() {
    lab_up isolated || return 0
    check "EXPECT=pass" test "${inf[EXPECT]}" = pass
    check "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
    check "probe0 pings the WAN host through the gateway" ping4 probe -I probe0 "${inf[WAN_IP]}"
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check_not "probe0 pings h3" ping4 probe -I probe0 "${inf[H3_IP]}"
    check_not "probe0 pings sentinel0" probe_to_sentinel
    check_not "h2 pings h3" ping4 h2 "${inf[H3_IP]}"
    check_not "arping h2 answered" arp_any_reply "${inf[H2_IP]}"
    check_not "ping -6 h2" ping6 probe -I probe0 "${inf[H2_IP6]}"
    check_not "TCP 445 on h2" tcp445
    check_not "h2 bounced through the gateway (/32 via gw)" via_gw_to_h2
    check "gateway counted the dropped hairpin" gw_dropped_hairpin
    check_not "mDNS multicast from h2 reaches probe0 (query sent)" mdns_multicast_answer
    coexistence
}

# A second lab next to the first: both listed, each keeps its own behaviour, removing one leaves the other.
coexistence() {
    check "second lab '$k_id2' comes up beside '$lab_id'" "$k_lab" up open --id "$k_id2"
    check "list shows both labs" sh -c "'$k_lab' list | grep -q '^$lab_id isolated' && '$k_lab' list | grep -q '^$k_id2 open'"
    check "probe0 of '$k_id2' pings its h2" "$k_lab" exec --id "$k_id2" probe ping -n -c1 -W1 -I probe0 "${inf[H2_IP]}"
    check_not "probe0 of '$lab_id' pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check "down '$k_id2' leaves nothing" lab_down_clean "$k_id2"
    check "'$lab_id' survives: probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
}

scenario_flood_off() {
    lab_up flood-off || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check_not "arping h2 answered (broadcast)" arp_any_reply "${inf[H2_IP]}"
    check "arping the gateway answered by GW_MAC" arp_reply "${inf[GW_IP]}" "${inf[GW_MAC]}"
    check "probe0 pings h2 (static neighbour, unicast)" ping4 probe -I probe0 "${inf[H2_IP]}"
    check "probe0 pings h3 (static neighbour, unicast)" ping4 probe -I probe0 "${inf[H3_IP]}"
    check "probe0 -> sentinel0 ping crosses the bridge" probe_to_sentinel_on_wire
    check "ping -6 h2 (static neighbour)" ping6 probe -I probe0 "${inf[H2_IP6]}"
    check "TCP 445 on h2" tcp445
    check_not "mDNS multicast from h2 reaches probe0 (query sent)" mdns_multicast_answer
}

scenario_gateway_hairpin() {
    lab_up gateway-hairpin || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check "arping h2 answered by GW_MAC (proxy ARP)" arp_reply "${inf[H2_IP]}" "${inf[GW_MAC]}"
    check "probe0 pings h2 routed by the gateway (ttl 63)" routed_ttl "${inf[H2_IP]}"
    check "h2's neighbour entry on probe0 is GW_MAC" neigh_is "${inf[H2_IP]}" "${inf[GW_MAC]}"
    check "probe0 pings sentinel0 routed by the gateway (ttl 63)" routed_ttl "${inf[SENTINEL_IP]}"
    check "TCP 445 on h2 through the gateway" tcp445
    check_not "direct L2 to H2_MAC" direct_l2_to_h2
    check_not "ping -6 h2 (no IPv6 hairpin)" ping6 probe -I probe0 "${inf[H2_IP6]}"
}

scenario_ipv6_leak() {
    lab_up ipv6-leak || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check "ping -6 h2" ping6 probe -I probe0 "${inf[H2_IP6]}"
    check "ping -6 probe0 -> sentinel0" ping6 probe -I probe0 "${inf[SENTINEL_IP6]}"
    check_not "ping h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check_not "arping h2 answered" arp_any_reply "${inf[H2_IP]}"
    check "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
}

scenario_mdns_leak() {
    lab_up mdns-leak || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check "mDNS multicast from h2 reaches probe0 (query sent)" mdns_multicast_answer
    check_not "mDNS legacy query answered by unicast" mdns_unicast_answer
    check_not "ping h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check_not "ping -6 h2" ping6 probe -I probe0 "${inf[H2_IP6]}"
    check_not "TCP 445 on h2" tcp445
    check "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
}

scenario_no_gateway() {
    lab_up no-gateway || return 0
    check "EXPECT=inconclusive" test "${inf[EXPECT]}" = inconclusive
    check_not "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
    check_not "arping the gateway answered" arp_any_reply "${inf[GW_IP]}"
    check_not "probe0 pings the WAN host" ping4 probe -I probe0 "${inf[WAN_IP]}"
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
}

scenario_port_steal() {
    lab_up port-steal || return 0
    check "EXPECT=fail (the steal is the finding with --intrusive)" test "${inf[EXPECT]}" = fail
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check "h2 pings the gateway (bridge learns H2_MAC on p-h2)" ping4 h2 "${inf[GW_IP]}"
    check "H2_MAC learnt on p-h2" fdb_port_of "${inf[H2_MAC]}" p-h2
    steal_start
    check "frames with source H2_MAC from probe0: H2_MAC learnt on p-probe0" eventually 5 fdb_port_of "${inf[H2_MAC]}" p-probe0
    check "gateway's ping to h2 arrives at probe0" gw_ping_h2_reaches_probe
    steal_stop
    check_not "probe0 pings h3" ping4 probe -I probe0 "${inf[H3_IP]}"
}

misuse() {
    scenario=cli
    check_not "up with an unknown scenario" "$k_lab" up nonsense --id "$lab_id"
    check_not "unknown scenario leaves namespaces" sh -c "ip netns list | grep -q '^ipb-$lab_id-'"
    check_not "up with a bad id" "$k_lab" up open --id 'Bad_Id'
    check_not "info on a lab that is not up" "$k_lab" info --id "$lab_id"
    # A bring-up that breaks half-way (here: nft fails while the scenario is applied) must remove what it made.
    mkdir -p "$k_work/fakebin"
    printf '#!/bin/sh\nexit 1\n' >"$k_work/fakebin/nft"
    chmod +x "$k_work/fakebin/nft"
    check_not "up while nft fails" env PATH="$k_work/fakebin:$PATH" "$k_lab" up isolated --id "$lab_id"
    check_not "failed up leaves namespaces" sh -c "ip netns list | grep '^ipb-$lab_id-'"
    check_not "failed up leaves its state directory" test -e "/tmp/isoprobe-lab-$lab_id"
    check "up twice is refused" sh -c "'$k_lab' up open --id $lab_id >/dev/null && ! '$k_lab' up open --id $lab_id"
    check "down of that lab leaves nothing" lab_down_clean "$lab_id"
}

# run_scenario NAME ID: one scenario in its own lab; its result lines go to stdout, its counts to WORK/count.
run_scenario() {
    local name=$1 t0=$SECONDS
    lab_id=$2
    work=$k_work/$lab_id
    mkdir -p "$work"
    passed=0
    failed=0
    "scenario_$name"
    check "down leaves nothing" lab_down_clean "$lab_id"
    echo "     $scenario: $((SECONDS - t0)) s"
    echo "$passed $failed" >"$work/count"
}

main() {
    [ "$(id -u)" = 0 ] || { echo "needs root"; echo "0 passed, 1 failed"; exit 1; }
    local start=$SECONDS name id n=0
    down_all
    mdns_query_file
    misuse
    local names="open isolated flood_off gateway_hairpin ipv6_leak mdns_leak no_gateway port_steal"
    for name in $names; do
        n=$((n + 1))
        run_scenario "$name" "lt$n" >"$k_work/lt$n.out" 2>&1 &
    done
    wait
    local p f
    for id in $(seq 1 "$n"); do
        cat "$k_work/lt$id.out"
        if read -r p f <"$k_work/lt$id/count" 2>/dev/null; then
            passed=$((passed + p))
            failed=$((failed + f))
        else
            echo "FAIL lt$id: scenario did not finish"
            failed=$((failed + 1))
        fi
    done
    echo "     total: $((SECONDS - start)) s"
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
}

main "$@"
