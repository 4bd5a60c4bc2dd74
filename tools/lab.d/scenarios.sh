# Lab scenarios: bridge port flags (IEEE 802.1Q isolation via Linux BR_ISOLATED), nftables bridge filters, gateway routing.
# shellcheck shell=bash disable=SC2154 # sourced by tools/lab, which defines the k_* globals

readonly k_scenarios="open isolated flood-off gateway-hairpin ipv6-leak mdns-leak no-gateway port-steal \
proxy-arp-isolated proxy-arp-hairpin redirect-no-forward wrong-segment-sentinel no-default-route port-security \
l3-hairpin-no-icmp loss-isolated loss-open group-flood mac-forced cross-routed cross-filtered"

scenario_known() {
    case " $k_scenarios " in *" $1 "*) return 0 ;; esac
    return 1
}

# What isoprobe's terminal-isolation verdict must be on this scenario.
scenario_expect() {
    case $1 in
        isolated | proxy-arp-isolated | redirect-no-forward | port-security | loss-isolated | cross-filtered) echo pass ;;
        no-gateway | wrong-segment-sentinel | no-default-route) echo inconclusive ;;
        *) echo fail ;;
    esac
}

scenario_why() {
    case $1 in
        open) echo "plain bridge: every terminal reaches every other at L2 and L3" ;;
        group-flood) echo "unicast dropped between terminals, broadcast/multicast flooded: unicast IP in group frames passes" ;;
        mac-forced) echo "terminals may send only to the gateway's MAC (RFC 4562 style), learning bridge: claiming it steals uplink traffic (--intrusive)" ;;
        isolated) echo "terminal ports isolated, gateway drops same-interface forwarding: only the gateway is reachable" ;;
        flood-off) echo "broadcast/multicast not flooded between terminals but known unicast passes" ;;
        gateway-hairpin) echo "L2 isolated, but the gateway answers ARP for peers (proxy_arp_pvlan) and routes back to them" ;;
        ipv6-leak) echo "IPv4 and ARP dropped between terminals, IPv6 passes" ;;
        mdns-leak) echo "terminal-to-terminal frames dropped except mDNS multicast (224.0.0.251, ff02::fb)" ;;
        no-gateway) echo "isolated and the gateway is down: no positive control, so no proof either way" ;;
        port-steal) echo "isolated learning bridge: a spoofed source MAC steals gateway-to-peer frames (found with --intrusive)" ;;
        proxy-arp-isolated) echo "isolated, the gateway answers ARP for every peer (proxy_arp_pvlan) but drops the hairpin" ;;
        proxy-arp-hairpin) echo "isolated, the gateway answers ARP for every peer (proxy_arp + proxy_arp_pvlan) and routes back" ;;
        redirect-no-forward) echo "isolated, the gateway drops the hairpin yet sends ICMP redirects first (send_redirects=1)" ;;
        wrong-segment-sentinel) echo "isolated, but the sentinel sits on another bridge numbered alike (its own gateway at .1)" ;;
        no-default-route) echo "isolated, gateway up, but the probe namespace has no default route" ;;
        port-security) echo "isolated, no MAC learning on terminal ports, static FDB: port stealing fails (--intrusive)" ;;
        l3-hairpin-no-icmp) echo "isolated, the gateway routes TCP/UDP back between terminals but drops ICMP between them" ;;
        loss-isolated) echo "isolated, every bridged frame lost with probability 20% (nft numgen)" ;;
        loss-open) echo "plain bridge, every bridged frame lost with probability 20% (nft numgen)" ;;
        cross-routed) echo "isolated, sentinel on segment B ($k_wan_seg.0/24, bridge br1) behind the gateway, which routes between A and B (--cross-segment)" ;;
        cross-filtered) echo "isolated, sentinel on segment B ($k_wan_seg.0/24, bridge br1), the gateway drops forwarding between A and B but answers on both (--cross-segment)" ;;
    esac
}

scenario_apply() {
    case $1 in
        open) ;;
        isolated | port-steal)
            sw_isolate_terminals
            gw_no_hairpin
            ;;
        proxy-arp-isolated)
            sw_isolate_terminals
            gw_proxy_arp
            gw_no_hairpin
            ;;
        proxy-arp-hairpin)
            sw_isolate_terminals
            gw_proxy_arp with-proxy-arp
            ;;
        redirect-no-forward)
            sw_isolate_terminals
            gw_no_hairpin send-redirects
            ;;
        wrong-segment-sentinel)
            sw_isolate_terminals
            gw_no_hairpin
            segment_b_sentinel
            ;;
        no-default-route)
            sw_isolate_terminals
            gw_no_hairpin
            probe_no_default_route
            ;;
        port-security)
            sw_isolate_terminals
            sw_static_fdb
            sw_learning_off
            gw_no_hairpin
            ;;
        l3-hairpin-no-icmp)
            sw_isolate_terminals
            gw_proxy_arp
            gw_same_interface_filter "meta l4proto { icmp, ipv6-icmp } counter drop"
            ;;
        loss-isolated)
            sw_isolate_terminals
            gw_no_hairpin
            sw_loss 20
            ;;
        loss-open) sw_loss 20 ;;
        group-flood)
            # The group bit (I/G, the first octet's lowest bit) clear: a unicast destination.
            sw_filter "ether daddr & 01:00:00:00:00:00 == 00:00:00:00:00:00 counter drop"
            gw_no_hairpin
            ;;
        mac-forced)
            # Between terminal ports only frames for the gateway's MAC pass: none, unless a terminal port has
            # learnt it. Terminals reach the gateway's own port unfiltered.
            sw_filter "ether daddr != $k_gw_mac counter drop"
            gw_no_hairpin
            ;;
        cross-routed)
            sw_isolate_terminals
            gw_no_hairpin
            cross_segment_sentinel
            ;;
        cross-filtered)
            sw_isolate_terminals
            gw_no_hairpin
            cross_segment_sentinel
            forward_rules gw inet between "" "iifname \"seg0\" oifname \"$k_segb_if\" counter drop" \
                "iifname \"$k_segb_if\" oifname \"seg0\" counter drop"
            ;;
        flood-off) sw_flood_off ;;
        gateway-hairpin)
            sw_isolate_terminals
            gw_proxy_arp
            ;;
        ipv6-leak) sw_filter "ether type { ip, arp } counter drop" ;;
        mdns-leak)
            sw_filter "ip daddr 224.0.0.251 udp dport 5353 counter accept" \
                "ip6 daddr ff02::fb udp dport 5353 counter accept" \
                "counter drop"
            ;;
        no-gateway)
            sw_isolate_terminals
            gw_no_hairpin
            ip -n "$(ns gw)" link set seg0 down
            ;;
    esac
}

sw_terminal_ports() {
    awk '$7 == 1 { print $3 }' <<<"$k_stations"
    peers_ports
}

sw_isolate_terminals() {
    local port
    for port in $(sw_terminal_ports); do
        echo "link set dev $port isolated on"
    done | bridge -n "$(ns sw)" -batch -
}

# sw_filter RULE...: each RULE applies to frames bridged from one terminal port to another (chain terminals of table bridge lab).
sw_filter() {
    forward_rules sw bridge terminals "iifname { $k_terminal_ports } oifname { $k_terminal_ports }" "$@"
}

# sw_loss PERCENT: every frame the bridge forwards, in either direction, is lost with that probability (no netem here),
# so a ping round trip is lost with probability 1 - (1 - PERCENT/100)^2.
sw_loss() {
    forward_rules sw bridge lossy "" "numgen random mod 100 < $1 counter drop"
}

# forward_rules HOST FAMILY CHAIN MATCH RULE...: in HOST, chain CHAIN of table FAMILY lab on the forward hook, one rule
# per RULE with MATCH in front.
forward_rules() {
    local host=$1 family=$2 chain=$3 match=$4 rules="" rule
    shift 4
    for rule in "$@"; do
        rules+="add rule $family lab $chain $match $rule"$'\n'
    done
    nsx "$host" nft -f - <<EOF
add table $family lab
add chain $family lab $chain { type filter hook forward priority 0; policy accept; }
$rules
EOF
}

# Unknown unicast, multicast and broadcast stop at terminal ports; only the gateway port floods. Static FDB and
# neighbour entries stand in for the ARP/ND that can no longer reach terminals, so known unicast really gets through.
sw_flood_off() {
    local port
    for port in $(sw_terminal_ports); do
        echo "link set dev $port flood off mcast_flood off bcast_flood off"
    done | bridge -n "$(ns sw)" -batch -
    sw_static_fdb
    local host
    for host in probe h2 h3 gw; do
        static_neighbours "$host" | ipn "$host"
    done
}

# Every station's MAC pinned to its port, so that nothing addressed to a station is flooded as unknown unicast.
sw_static_fdb() {
    local port mac
    while read -r _ _ port _ _ mac _; do
        echo "fdb replace $mac dev $port master static"
    done <<<"$k_stations" | bridge -n "$(ns sw)" -batch -
}

# Port security: terminal ports learn nothing, so a spoofed source MAC cannot move a station's (static) FDB entry.
sw_learning_off() {
    local port
    for port in $(sw_terminal_ports); do
        echo "link set dev $port learning off"
    done | bridge -n "$(ns sw)" -batch -
}

# The sentinel moves to a second bridge br1 with a gateway of its own (namespace gwb) numbered exactly like the probe's
# segment: same prefixes, gateway at .1, only its MAC differs. Nothing links the two segments.
segment_b_sentinel() {
    ns_add gwb
    nsx gwb sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
    sw_bridge br1 "$k_gwb_bridge_mac"
    sw_attach br1 p-gwb "$k_gwb_port_mac" gwb seg0 "$k_gwb_mac"
    gw_segment_addresses | ipn gwb
    ip -n "$(ns sw)" link set "$(station_field probe "$k_sentinel_if" 3)" master br1
}

# The sentinel moves to segment B: bridge br1 behind the gateway's second interface, a subnet of its own, so that only
# the gateway's routing can join the two (isoprobe probe --cross-segment). The sentinel's same-segment addressing
# (topology_probe_pair) gives way to segment B's: its address there, its own default route (metric 100, after
# probe0's, where isoprobe reads it), and the probe <-> sentinel rules now send that traffic through the gateway.
cross_segment_sentinel() {
    sw_bridge br1 "$k_gwb_bridge_mac"
    sw_attach br1 p-segb "$k_segb_port_mac" gw "$k_segb_if" "$k_segb_gw_mac"
    ipn gw <<EOF
addr flush dev wan0
addr add $k_segb_gw_ip/24 dev $k_segb_if
EOF
    ip -n "$(ns sw)" link set "$(station_field probe "$k_sentinel_if" 3)" master br1
    local fam
    for fam in -4 -6; do
        ipn probe "$fam" <<EOF
route flush table 110
route flush table 111
rule del pref 10
rule del pref 11
rule del pref 12
rule del pref 13
rule del pref 200
EOF
    done
    ipn probe <<EOF
addr del $k_sentinel_ip/24 dev $k_sentinel_if
addr del $k_sentinel_ip6/64 dev $k_sentinel_if
addr add $k_segb_sentinel_ip/24 dev $k_sentinel_if
route add default via $k_segb_gw_ip dev $k_sentinel_if metric 100
route add $k_segb_sentinel_ip/32 via $k_gw_ip dev $k_probe_if src $k_probe_ip table 110
route add default via $k_segb_gw_ip dev $k_sentinel_if table 111
rule add pref 10 iif lo from $k_probe_ip to $k_segb_sentinel_ip lookup 110
rule add pref 11 oif $k_probe_if to $k_segb_sentinel_ip lookup 110
rule add pref 12 iif lo from $k_segb_sentinel_ip to $k_probe_ip lookup 111
rule add pref 13 oif $k_sentinel_if to $k_probe_ip lookup 111
rule add pref 200 iif lo from $k_segb_sentinel_ip lookup 111
EOF
}

probe_no_default_route() {
    local fam table
    for fam in -4 -6; do
        for table in main 111; do
            ip -n "$(ns probe)" "$fam" route del default table "$table"
        done
    done
}

# static_neighbours HOST: ip batch lines giving each of HOST's segment interfaces every other station, IPv4 and IPv6.
static_neighbours() {
    local h1 i1 h2 i2 a2 b2 m2
    while read -r h1 i1 _; do
        [ "$h1" = "$1" ] || continue
        while read -r h2 i2 _ a2 b2 m2 _; do
            [ "$h1/$i1" = "$h2/$i2" ] && continue
            echo "neigh replace $a2 lladdr $m2 dev $i1 nud permanent"
            echo "neigh replace $b2 lladdr $m2 dev $i1 nud permanent"
        done <<<"$k_stations"
    done <<<"$k_stations"
}

# gw_no_hairpin [send-redirects]: the gateway drops what would leave seg0 where it came in. ip_forward() and
# ip6_forward() send their ICMP redirect before the forward hook drops the packet, so by default the redirects are
# silenced too; send-redirects keeps Linux's default (send_redirects=1, IPv6 redirects sent).
gw_no_hairpin() {
    gw_same_interface_filter "counter drop"
    [ "${1:-}" = send-redirects ] && return 0
    nsx gw sysctl -qw net.ipv4.conf.all.send_redirects=0 net.ipv4.conf.seg0.send_redirects=0
    nsx gw nft -f - <<'EOF'
add chain inet lab redirects { type filter hook output priority 0; policy accept; }
add rule inet lab redirects oifname "seg0" icmpv6 type nd-redirect counter drop
EOF
}

# gw_same_interface_filter RULE...: each RULE applies to what the gateway forwards from seg0 back out of seg0
# (chain hairpin of table inet lab; "fwd" would be an nft keyword).
gw_same_interface_filter() {
    forward_rules gw inet hairpin 'iifname "seg0" oifname "seg0"' "$@"
}

# gw_proxy_arp [with-proxy-arp]: RFC 3069 style private VLAN proxy ARP. The gateway answers ARP for every peer with
# its own MAC and, unless its forward hook drops it (gw_no_hairpin), routes the traffic back out of the same
# interface, which turns L2 isolation into L3 reachability in both directions. proxy_arp_pvlan alone answers for
# peers on seg0; with-proxy-arp adds proxy_arp, as RFC 3069 deployments configure both.
gw_proxy_arp() {
    local settings=(net.ipv4.conf.seg0.proxy_arp_pvlan=1 net.ipv4.neigh.seg0.proxy_delay=0)
    [ "${1:-}" = with-proxy-arp ] && settings+=(net.ipv4.conf.seg0.proxy_arp=1)
    nsx gw sysctl -qw "${settings[@]}"
}
