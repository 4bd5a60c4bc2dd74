# Extra answering peers (tools/lab up SCENARIO --peers N): N more terminals on the segment, each a namespace of its
# own (ipb-ID-xI) with one MAC and one address, answering ARP, ICMP and ICMPv6 from its kernel like a real host, so
# that benchmarks see segments the size of real ones. Every 16th peer, from the first, also accepts TCP on port 445.
# shellcheck shell=bash disable=SC2154,SC2034 # sourced by tools/lab (its k_* globals, ns/nsx/ipn), which reads ours

readonly k_peers_max=200
# .40 to .239: clear of the fixed stations (.1, .10, .11, .20, .30).
readonly k_peers_first=40
readonly k_peers_scenarios="open isolated loss-isolated loss-open"
readonly k_peers_smb_every=16

peers_allowed() {
    case " $k_peers_scenarios " in *" $1 "*) return 0 ;; esac
    return 1
}

peer_ip() { echo "$k_seg.$((k_peers_first + $1 - 1))"; }
peer_ip6() { printf '%s::%x\n' "$k_seg6" "$((k_peers_first + $1 - 1))"; }
peer_mac() { printf '02:b1:00:00:01:%02x\n' "$1"; }
peer_port() { echo "p-x$1"; }

# The extra peers' namespaces that exist, whatever --peers said when the lab came up (down must find them all).
peers_namespaces() {
    ip netns list 2>/dev/null | awk -v re="^ipb-$LAB_ID-x[0-9]+\$" '$1 ~ re { print $1 }'
}

# peers_build DIR N: the namespaces, their veths on br0 and addresses, then the port 445 listeners.
peers_build() {
    local dir=$1 n=$2 i
    [ "$n" -gt 0 ] || return 0
    # One ip process per batch: 200 peers would otherwise take thousands of forks.
    for i in $(seq "$n"); do
        echo "netns add $(ns "x$i")"
    done | ip -batch -
    for i in $(seq "$n"); do
        printf 'link add %s address 02:b1:00:00:f2:%02x type veth peer name eth0 address %s netns %s\n' \
            "$(peer_port "$i")" "$i" "$(peer_mac "$i")" "$(ns "x$i")"
        echo "link set $(peer_port "$i") master br0 up"
    done | ipn sw
    for i in $(seq "$n"); do
        ipn "x$i" <<EOF
link set lo up
link set eth0 up
addr add $(peer_ip "$i")/24 dev eth0
addr add $(peer_ip6 "$i")/64 dev eth0 nodad
route add default via $k_gw_ip
route add default via $k_gw_ip6
EOF
    done
    echo "$n" >"$dir/peers"
    for ((i = 1; i <= n; i += k_peers_smb_every)); do
        peer_listen_445 "$dir" "$i"
    done
    for ((i = 1; i <= n; i += k_peers_smb_every)); do
        wait_for "peer x$i listening on 445" 50 peer_listening "$i"
    done
}

peer_listening() {
    [ -n "$(ss -N "$(ns "x$1")" -Hltn 'sport = :445')" ]
}

# Accepts and closes at once, as a port scan needs (SYN-ACK) without making isoprobe's SMB negotiation wait.
# The state directory on the command line lets tools/lab down tell this process from a reused PID.
peer_listen_445() {
    local dir=$1 i=$2
    # shellcheck disable=SC2016 # Python, not shell
    ip netns exec "$(ns "x$i")" /usr/bin/python3 -c '
import socket, sys
s = socket.create_server(("", 445), backlog=64)
while True:
    s.accept()[0].close()' "$dir/peers" </dev/null >/dev/null 2>&1 &
    echo $! >"$dir/pids/x$i-445.pid"
}

# Bridge ports of the extra peers, for the scenarios that isolate terminals.
peers_ports() {
    local n i
    n=$(cat "$(state_dir)/peers" 2>/dev/null || echo 0)
    for ((i = 1; i <= n; i++)); do
        peer_port "$i"
    done
}
