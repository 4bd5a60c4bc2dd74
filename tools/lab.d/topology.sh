# Lab topology: one IEEE 802.1D bridge (br0 in the sw namespace), a veth per station, a routed gateway to a WAN host.
# shellcheck shell=bash disable=SC2154 # sourced by tools/lab, which defines the k_* globals

topology_build() {
    local host
    ns_add sw
    # Without IPv6 on its ports the switch adds no link-local chatter of its own to the segment.
    nsx sw sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    for host in probe h2 h3 gw wan; do
        ns_add "$host"
        # DAD would leave fresh addresses tentative for about a second (RFC 4862 5.4).
        nsx "$host" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
    done
    nsx gw sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

    sw_bridge br0 02:b1:00:00:00:fe
    local ifname port mac n=0
    while read -r host ifname port _ _ mac _; do
        n=$((n + 1))
        sw_attach br0 "$port" "02:b1:00:00:f0:0$n" "$host" "$ifname" "$mac"
    done <<<"$k_stations"

    ip -n "$(ns gw)" link add wan0 address "$k_gw_wan_mac" type veth peer name eth0 netns "$(ns wan)"
    ip -n "$(ns gw)" link set wan0 up
    ip -n "$(ns wan)" link set eth0 address "$k_wan_mac" up

    topology_addresses
    topology_probe_pair
}

ns_add() {
    ip netns add "$(ns "$1")"
    ip -n "$(ns "$1")" link set lo up
}

# No STP: ports forward at once. No snooping: without an MLD/IGMP querier it would make multicast depend on timing.
sw_bridge() {
    ip -n "$(ns sw)" link add "$1" address "$2" type bridge stp_state 0 mcast_snooping 0
    ip -n "$(ns sw)" link set "$1" up
}

# sw_attach BRIDGE PORT PORT_MAC HOST IFNAME MAC: a veth from a port of BRIDGE to IFNAME (with MAC) in HOST.
sw_attach() {
    local bridge=$1 port=$2 port_mac=$3 host=$4 ifname=$5 mac=$6
    ip -n "$(ns sw)" link add "$port" address "$port_mac" type veth peer name "$ifname" netns "$(ns "$host")"
    ip -n "$(ns sw)" link set "$port" master "$bridge" up
    ip -n "$(ns "$host")" link set "$ifname" address "$mac" up
}

# A gateway's addresses on its segment interface seg0 (ip batch lines): every segment is numbered alike.
gw_segment_addresses() {
    echo "addr add $k_gw_ip/24 dev seg0"
    echo "addr add $k_gw_ip6/64 dev seg0 nodad"
}

# ipn HOST [-6]: runs the ip commands read from stdin in HOST's namespace, one process for the lot.
ipn() {
    ip -n "$(ns "$1")" ${2:+"$2"} -batch -
}

topology_addresses() {
    local host ip4 ip6
    for host in h2 h3; do
        ip4=$(station_field "$host" eth0 4)
        ip6=$(station_field "$host" eth0 5)
        ipn "$host" <<EOF
addr add $ip4/24 dev eth0
addr add $ip6/64 dev eth0 nodad
route add default via $k_gw_ip
route add default via $k_gw_ip6
EOF
    done
    {
        gw_segment_addresses
        echo "addr add $k_gw_wan_ip/24 dev wan0"
        echo "addr add $k_gw_wan_ip6/64 dev wan0 nodad"
    } | ipn gw
    ipn wan <<EOF
addr add $k_wan_ip/24 dev eth0
addr add $k_wan_ip6/64 dev eth0 nodad
route add default via $k_gw_wan_ip
route add default via $k_gw_wan_ip6
EOF
}

# station_field HOST IFNAME COLUMN: one column (1-based) of the k_stations row for that interface.
station_field() {
    awk -v h="$1" -v i="$2" -v c="$3" '$1 == h && $2 == i { print $c }' <<<"$k_stations"
}

# probe0 and sentinel0 share a namespace yet must behave like two machines on the wire: each answers ARP only for its
# own address (arp_ignore=1, arp_announce=2), accepts frames whose source is the other local address (accept_local),
# and traffic between the two leaves by the sender's NIC instead of short-cutting through loopback (policy routing:
# the local table is moved below rules that send probe<->sentinel traffic out of the right interface).
topology_probe_pair() {
    local conf settings=()
    for conf in all default "$k_probe_if" "$k_sentinel_if"; do
        settings+=("net.ipv4.conf.$conf.arp_ignore=1" "net.ipv4.conf.$conf.arp_announce=2"
            "net.ipv4.conf.$conf.rp_filter=0" "net.ipv4.conf.$conf.accept_local=1")
    done
    nsx probe sysctl -qw "${settings[@]}"
    # Table 110: probe -> sentinel over the wire. Table 111: everything the sentinel sends.
    ipn probe <<EOF
addr add $k_probe_ip/24 dev $k_probe_if
addr add $k_sentinel_ip/24 dev $k_sentinel_if noprefixroute
addr add $k_probe_ip6/64 dev $k_probe_if nodad
addr add $k_sentinel_ip6/64 dev $k_sentinel_if nodad noprefixroute
route add default via $k_gw_ip dev $k_probe_if
route add default via $k_gw_ip6 dev $k_probe_if
route add $k_sentinel_ip/32 dev $k_probe_if src $k_probe_ip table 110
route add $k_seg.0/24 dev $k_sentinel_if src $k_sentinel_ip table 111
route add default via $k_gw_ip dev $k_sentinel_if table 111
route add $k_sentinel_ip6/128 dev $k_probe_if src $k_probe_ip6 table 110
route add $k_seg6::/64 dev $k_sentinel_if src $k_sentinel_ip6 table 111
route add default via $k_gw_ip6 dev $k_sentinel_if table 111
EOF
    topology_probe_rules "" "$k_probe_ip" "$k_sentinel_ip"
    topology_probe_rules -6 "$k_probe_ip6" "$k_sentinel_ip6"
}

topology_probe_rules() {
    local fam=$1 probe=$2 sentinel=$3
    ipn probe "$fam" <<EOF
rule add pref 10 iif lo from $probe to $sentinel lookup 110
rule add pref 11 oif $k_probe_if to $sentinel lookup 110
rule add pref 12 iif lo from $sentinel to $probe lookup 111
rule add pref 13 oif $k_sentinel_if to $probe lookup 111
rule add pref 100 lookup local
rule del pref 0 lookup local
rule add pref 200 iif lo from $sentinel lookup 111
rule add pref 201 oif $k_sentinel_if lookup 111
EOF
}
