#!/usr/bin/env bash
# Live tests of tools/lab: every scenario is brought up, probed with ordinary tools (ping, arping, tcpdump, nc, dig,
# smbclient) inside its namespaces, torn down, and checked to leave nothing behind. Needs root.
# Ends with the line 'N passed, M failed'; exit status 0 only when nothing failed.
set -uo pipefail

k_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
readonly k_root
readonly k_lab="$k_root/tools/lab"
readonly k_scenarios="open isolated flood_off gateway_hairpin ipv6_leak mdns_leak no_gateway port_steal \
proxy_arp_isolated proxy_arp_hairpin redirect_no_forward wrong_segment_sentinel no_default_route port_security \
l3_hairpin_no_icmp loss_isolated loss_open group_flood mac_forced"
# Scenarios run side by side, each in its own lab (IDs lt1..ltN in the order above), at most k_parallel at once: more
# would make bring-ups time out on two busy cores. ltc is the extra lab of the coexistence checks and lt0 the target
# of the misuse checks.
readonly k_parallel=9
k_ids="lt0 ltc $(seq -f 'lt%g' -s ' ' 1 "$(wc -w <<<"$k_scenarios")")"
readonly k_ids
readonly k_id2=ltc
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

# arp_reply TARGET MAC [IF]: a broadcast who-has from IF (probe0 by default) is answered by MAC.
arp_reply() { output_has "\[$2\]" in_ns probe arping -c1 -w1 -I "${3:-probe0}" "$1"; }
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
# steal_start VICTIM_MAC: port stealing, frames with the victim's MAC as source (local experimental EtherType 88b5)
# every 20 ms, as a real attack would send them, so that the victim's own frames win the bridge's table back only for
# a moment.
steal_start() {
    ip netns exec "ipb-$lab_id-probe" python3 -c '
import socket, sys, time
dst, src = (bytes.fromhex(m.replace(":", "")) for m in sys.argv[1:3])
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("probe0", 0))
for _ in range(1000):
    s.send(dst + src + b"\x88\xb5" + b"isoprobe-lab port steal".ljust(46, b"\0"))
    time.sleep(0.02)
' "${inf[GW_MAC]}" "$1" >/dev/null 2>&1 &
    echo $! >"$work/steal.pid"
}
steal_stop() {
    kill "$(cat "$work/steal.pid")" 2>/dev/null
    wait "$(cat "$work/steal.pid")" 2>/dev/null
    return 0
}
# gw_ping_reaches_probe IP: the gateway's ping to IP is seen on probe0.
gw_ping_reaches_probe() {
    capture probe probe0 "icmp and dst host $1" 2 in_ns gw ping -n -c1 -W1 "$1"
}

# A ping to h2 forced through the gateway (a /32 route via it) draws an ICMP redirect (type 5) from the gateway.
gw_redirects_to_h2() {
    capture probe probe0 "icmp[icmptype] == icmp-redirect and src host ${inf[GW_IP]}" 2 via_gw_to_h2
}
h2_receives_via_gw() { capture h2 eth0 "icmp and src host ${inf[PROBE_IP]}" 2 via_gw_to_h2; }

# sentinel0's gateway: answers ARP for GW_IP with a MAC, and that MAC is not the probe's GW_MAC.
sentinel_gateway_differs() {
    local out mac
    out=$(in_ns probe arping -c1 -w1 -I sentinel0 "${inf[GW_IP]}") || return 1
    printf '%s\n' "$out"
    mac=$(grep -oiE '\[([0-9a-f]{2}:){5}[0-9a-f]{2}\]' <<<"$out" | head -n1 | tr -d '[]')
    [ -n "$mac" ] && [ "${mac,,}" != "${inf[GW_MAC],,}" ]
}

# Routes of the probe namespace, every table, IPv4 and IPv6: none is a default route.
probe_has_no_default_route() {
    local routes
    routes=$(in_ns probe ip -4 route show table all && in_ns probe ip -6 route show table all) || return 1
    printf '%s\n' "$routes"
    ! grep -q '^default' <<<"$routes"
}

gw_proxy_arp_both() {
    local values
    values=$(in_ns gw sysctl -n net.ipv4.conf.seg0.proxy_arp net.ipv4.conf.seg0.proxy_arp_pvlan) || return 1
    printf '%s\n' "$values"
    [ "$values" = $'1\n1' ]
}
fdb_static_on() { output_has "^$1 dev $2 .*static" in_ns sw bridge fdb show br br0; }
learning_off() { output_has ' learning off ' in_ns sw bridge -d link show dev "$1"; }

# A UDP datagram from probe0 to h2 arrives at h2 routed by the gateway (TTL 63).
udp_to_h2_routed() {
    capture h2 eth0 "udp and src host ${inf[PROBE_IP]} and dst port 9 and ip[8] == 63" 2 \
        in_ns probe nc -u -w1 "${inf[H2_IP]}" 9 <<<"isoprobe lab"
}
gw_counted_hairpin_icmp() { output_has 'l4proto .*counter packets [1-9]' in_ns gw nft list chain inet lab hairpin; }

loss_rule() { output_has 'numgen random mod 100 < 20 counter packets [1-9]' in_ns sw nft list chain bridge lab lossy; }
# reachable_within SECONDS IP: probe0 pings IP once a second until a reply comes (loss and ARP retries allowed).
reachable_within() { in_ns probe ping -n -c1 -w"$1" -I probe0 "$2"; }
# lost_of_200 IP MIN MAX: of 200 pings from probe0 to IP (after one got through), MIN to MAX are lost.
lost_of_200() {
    local ip=$1 min=$2 max=$3 out received
    reachable_within 10 "$ip" >/dev/null || return 1
    out=$(in_ns probe ping -q -n -c200 -i0.005 -W1 -I probe0 "$ip")
    printf '%s\n' "$out"
    received=$(sed -nE 's/.* ([0-9]+) received.*/\1/p' <<<"$out")
    [ -n "$received" ] && [ $((200 - received)) -ge "$min" ] && [ $((200 - received)) -le "$max" ]
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
    steal_start "${inf[H2_MAC]}"
    check "frames with source H2_MAC from probe0: H2_MAC learnt on p-probe0" eventually 5 fdb_port_of "${inf[H2_MAC]}" p-probe0
    check "gateway's ping to h2 arrives at probe0" gw_ping_reaches_probe "${inf[H2_IP]}"
    steal_stop
    check_not "probe0 pings h3" ping4 probe -I probe0 "${inf[H3_IP]}"
}

scenario_proxy_arp_isolated() {
    lab_up proxy-arp-isolated || return 0
    check "EXPECT=pass" test "${inf[EXPECT]}" = pass
    check "arping h2 answered by GW_MAC (proxy ARP)" arp_reply "${inf[H2_IP]}" "${inf[GW_MAC]}"
    check "arping sentinel0 answered by GW_MAC (proxy ARP)" arp_reply "${inf[SENTINEL_IP]}" "${inf[GW_MAC]}"
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check_not "probe0 pings sentinel0" probe_to_sentinel
    check_not "TCP 445 on h2" tcp445
    check "gateway counted the dropped hairpin" gw_dropped_hairpin
    check_not "direct L2 to H2_MAC" direct_l2_to_h2
    check "probe0 pings the WAN host through the gateway" ping4 probe -I probe0 "${inf[WAN_IP]}"
}

scenario_proxy_arp_hairpin() {
    lab_up proxy-arp-hairpin || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check "proxy_arp and proxy_arp_pvlan on the gateway's seg0" gw_proxy_arp_both
    check "arping h2 answered by GW_MAC (proxy ARP)" arp_reply "${inf[H2_IP]}" "${inf[GW_MAC]}"
    check "probe0 pings h2 routed by the gateway (ttl 63)" routed_ttl "${inf[H2_IP]}"
    check "probe0 pings sentinel0 routed by the gateway (ttl 63)" routed_ttl "${inf[SENTINEL_IP]}"
    check "TCP 445 on h2 through the gateway" tcp445
    check_not "direct L2 to H2_MAC" direct_l2_to_h2
}

scenario_redirect_no_forward() {
    lab_up redirect-no-forward || return 0
    check "EXPECT=pass" test "${inf[EXPECT]}" = pass
    # First: the gateway rate-limits its redirects per destination (exponential backoff).
    check "ping to h2 via the gateway draws an ICMP redirect from it" gw_redirects_to_h2
    check "gateway counted the dropped hairpin" gw_dropped_hairpin
    check_not "ping to h2 via the gateway arrives at h2" h2_receives_via_gw
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check_not "arping h2 answered" arp_any_reply "${inf[H2_IP]}"
    check "probe0 pings the WAN host through the gateway" ping4 probe -I probe0 "${inf[WAN_IP]}"
}

scenario_wrong_segment_sentinel() {
    lab_up wrong-segment-sentinel || return 0
    check "EXPECT=inconclusive" test "${inf[EXPECT]}" = inconclusive
    check "arping GW_IP from probe0 answered by GW_MAC" arp_reply "${inf[GW_IP]}" "${inf[GW_MAC]}"
    check "arping GW_IP from sentinel0 answered by another MAC" sentinel_gateway_differs
    check "sentinel0 pings GW_IP (its own segment's gateway)" ping4 probe -I sentinel0 "${inf[GW_IP]}"
    check_not "sentinel0 pings h2" ping4 probe -I sentinel0 "${inf[H2_IP]}"
    check_not "probe0 -> sentinel0 ping crosses a bridge" probe_to_sentinel
    check "sentinel0's port p-sent0 is on br1" output_has ' master br1 ' in_ns sw ip link show dev p-sent0
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
}

scenario_no_default_route() {
    lab_up no-default-route || return 0
    check "EXPECT=inconclusive" test "${inf[EXPECT]}" = inconclusive
    check "no default route in the probe namespace (any table, IPv4 and IPv6)" probe_has_no_default_route
    check "probe0 pings the gateway (on-link)" ping4 probe -I probe0 "${inf[GW_IP]}"
    check "arping the gateway answered by GW_MAC" arp_reply "${inf[GW_IP]}" "${inf[GW_MAC]}"
    check_not "probe0 pings the WAN host" ping4 probe -I probe0 "${inf[WAN_IP]}"
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
}

scenario_port_security() {
    lab_up port-security || return 0
    check "EXPECT=pass" test "${inf[EXPECT]}" = pass
    check "SENTINEL_MAC static on p-sent0" fdb_static_on "${inf[SENTINEL_MAC]}" p-sent0
    check "no learning on p-probe0" learning_off p-probe0
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    # Resolved beforehand, the gateway sends to SENTINEL_MAC at once: an ARP answer would win the port back.
    check "gateway pings sentinel0" ping4 gw "${inf[SENTINEL_IP]}"
    steal_start "${inf[SENTINEL_MAC]}"
    check_not "frames with source SENTINEL_MAC from probe0: SENTINEL_MAC learnt on p-probe0" \
        eventually 3 fdb_port_of "${inf[SENTINEL_MAC]}" p-probe0
    check "SENTINEL_MAC still on p-sent0 while it is claimed" fdb_port_of "${inf[SENTINEL_MAC]}" p-sent0
    check_not "gateway's ping to sentinel0 arrives at probe0" gw_ping_reaches_probe "${inf[SENTINEL_IP]}"
    steal_stop
    check "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
}

scenario_l3_hairpin_no_icmp() {
    lab_up l3-hairpin-no-icmp || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check "TCP 445 on h2 through the gateway" tcp445
    check "h2's neighbour entry on probe0 is GW_MAC" neigh_is "${inf[H2_IP]}" "${inf[GW_MAC]}"
    check "UDP from probe0 arrives at h2 routed by the gateway (ttl 63)" udp_to_h2_routed
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check "gateway counted the dropped ICMP" gw_counted_hairpin_icmp
    check_not "direct L2 to H2_MAC" direct_l2_to_h2
    check "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
}

# An echo request for h2's own address in a frame to ff:ff:ff:ff:ff:ff (a permanent neighbour entry says so).
group_echo_to_h2() {
    in_ns probe ip neigh replace "${inf[H2_IP]}" lladdr ff:ff:ff:ff:ff:ff dev probe0 nud permanent
    local rc=0
    ping4 probe -I probe0 "${inf[H2_IP]}" || rc=$?
    in_ns probe ip neigh del "${inf[H2_IP]}" dev probe0
    return $rc
}
h2_answers_group_echo() {
    capture h2 eth0 "icmp[icmptype] == icmp-echoreply and src host ${inf[H2_IP]}" 2 group_echo_to_h2
}
terminal_unicast_dropped() { output_has 'ether daddr & 01:00:00:00:00:00 == 00:00:00:00:00:00 counter packets [1-9]' in_ns sw nft list chain bridge lab terminals; }

scenario_group_flood() {
    lab_up group-flood || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check_not "probe0 pings sentinel0 on the wire" probe_to_sentinel
    check "an echo for h2's address in a broadcast frame reaches h2, which answers" h2_answers_group_echo
    check_not "h2's answer (unicast) reaches probe0" group_echo_to_h2
    check "the unicast drop rule counted frames" terminal_unicast_dropped
    check "probe0 pings the gateway" ping4 probe -I probe0 "${inf[GW_IP]}"
}

sentinel_pings_gw() { in_ns probe ping -n -c5 -i0.2 -W1 -I sentinel0 "${inf[GW_IP]}"; }
sentinel_to_gw_reaches_probe() {
    capture probe probe0 "icmp and src host ${inf[SENTINEL_IP]} and dst host ${inf[GW_IP]}" 2 sentinel_pings_gw
}

scenario_mac_forced() {
    lab_up mac-forced || return 0
    check "EXPECT=fail (claiming the gateway's MAC is the finding with --intrusive)" test "${inf[EXPECT]}" = fail
    check_not "probe0 pings h2" ping4 probe -I probe0 "${inf[H2_IP]}"
    check_not "arping h2 answered" arp_any_reply "${inf[H2_IP]}"
    check_not "probe0 pings sentinel0 on the wire" probe_to_sentinel
    check "sentinel0 pings the gateway" ping4 probe -I sentinel0 "${inf[GW_IP]}"
    check "GW_MAC learnt on p-gw" fdb_port_of "${inf[GW_MAC]}" p-gw
    steal_start "${inf[GW_MAC]}"
    check "frames with source GW_MAC from probe0: GW_MAC learnt on p-probe0" eventually 5 fdb_port_of "${inf[GW_MAC]}" p-probe0
    check "sentinel0's pings to the gateway arrive at probe0" sentinel_to_gw_reaches_probe
    steal_stop
    # isoprobe's restore: an ARP request for the gateway from probe0's own address; the reply wins the port back.
    check "the gateway answers probe0's ARP request" arp_reply "${inf[GW_IP]}" "${inf[GW_MAC]}"
    check "GW_MAC back on p-gw" fdb_port_of "${inf[GW_MAC]}" p-gw
}

# 20% per bridged frame: a ping round trip crosses the bridge twice, so 36% (72 of 200, sd 6.8) are lost on average;
# 40..104 lost is more than 4.5 sd either way.
scenario_loss_isolated() {
    lab_up loss-isolated || return 0
    check "EXPECT=pass" test "${inf[EXPECT]}" = pass
    check "of 200 pings to the gateway 40-104 are lost" lost_of_200 "${inf[GW_IP]}" 40 104
    check "the 20% loss rule counted drops" loss_rule
    check_not "probe0 pings h2 (one try a second for 5 s)" reachable_within 5 "${inf[H2_IP]}"
    check_not "TCP 445 on h2" tcp445
}

scenario_loss_open() {
    lab_up loss-open || return 0
    check "EXPECT=fail" test "${inf[EXPECT]}" = fail
    check "of 200 pings to h2 40-104 are lost" lost_of_200 "${inf[H2_IP]}" 40 104
    check "the 20% loss rule counted drops" loss_rule
    check "TCP 445 on h2 (SYN retried)" eventually 10 tcp445
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
    for name in $k_scenarios; do
        n=$((n + 1))
        while [ "$(jobs -rp | wc -l)" -ge "$k_parallel" ]; do wait -n; done
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
