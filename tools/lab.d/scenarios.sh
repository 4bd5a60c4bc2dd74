# Lab scenarios: bridge port flags (IEEE 802.1Q isolation via Linux BR_ISOLATED), nftables bridge filters, gateway routing.
# shellcheck shell=bash disable=SC2154 # sourced by tools/lab, which defines the k_* globals

readonly k_scenarios="open isolated flood-off gateway-hairpin ipv6-leak mdns-leak no-gateway port-steal"

scenario_known() {
    case " $k_scenarios " in *" $1 "*) return 0 ;; esac
    return 1
}

# What isoprobe's terminal-isolation verdict must be on this scenario.
scenario_expect() {
    case $1 in
        isolated) echo pass ;;
        no-gateway) echo inconclusive ;;
        *) echo fail ;;
    esac
}

scenario_why() {
    case $1 in
        open) echo "plain bridge: every terminal reaches every other at L2 and L3" ;;
        isolated) echo "terminal ports isolated, gateway drops same-interface forwarding: only the gateway is reachable" ;;
        flood-off) echo "broadcast/multicast not flooded between terminals but known unicast passes" ;;
        gateway-hairpin) echo "L2 isolated, but the gateway answers ARP for peers (proxy_arp_pvlan) and routes back to them" ;;
        ipv6-leak) echo "IPv4 and ARP dropped between terminals, IPv6 passes" ;;
        mdns-leak) echo "terminal-to-terminal frames dropped except mDNS multicast (224.0.0.251, ff02::fb)" ;;
        no-gateway) echo "isolated and the gateway is down: no positive control, so no proof either way" ;;
        port-steal) echo "isolated learning bridge: a spoofed source MAC steals gateway-to-peer frames (found with --intrusive)" ;;
    esac
}

scenario_apply() {
    case $1 in
        open) ;;
        isolated | port-steal)
            sw_isolate_terminals
            gw_no_hairpin
            ;;
        flood-off) sw_flood_off ;;
        gateway-hairpin)
            sw_isolate_terminals
            gw_hairpin
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
}

sw_isolate_terminals() {
    local port
    for port in $(sw_terminal_ports); do
        bridge -n "$(ns sw)" link set dev "$port" isolated on
    done
}

# sw_filter RULE...: each RULE applies to frames bridged from one terminal port to another (chain terminals of table bridge lab).
sw_filter() {
    local rules="" rule
    for rule in "$@"; do
        rules+="add rule bridge lab terminals iifname { $k_terminal_ports } oifname { $k_terminal_ports } $rule"$'\n'
    done
    nsx sw nft -f - <<EOF
add table bridge lab
add chain bridge lab terminals { type filter hook forward priority 0; policy accept; }
$rules
EOF
}

# Unknown unicast, multicast and broadcast stop at terminal ports; only the gateway port floods. Static FDB and
# neighbour entries stand in for the ARP/ND that can no longer reach terminals, so known unicast really gets through.
sw_flood_off() {
    local port mac terminal
    while read -r _ _ port _ _ mac terminal; do
        [ "$terminal" = 1 ] && echo "link set dev $port flood off mcast_flood off bcast_flood off"
        echo "fdb replace $mac dev $port master static"
    done <<<"$k_stations" | bridge -n "$(ns sw)" -batch -
    local host
    for host in probe h2 h3 gw; do
        static_neighbours "$host" | ipn "$host"
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

gw_no_hairpin() {
    nsx gw sysctl -qw net.ipv4.conf.all.send_redirects=0 net.ipv4.conf.seg0.send_redirects=0
    # IPv6 has no send_redirects switch: ip6_forward() emits the redirect before the forward hook drops the packet.
    nsx gw nft -f - <<'EOF'
add table inet lab
add chain inet lab hairpin { type filter hook forward priority 0; policy accept; }
add rule inet lab hairpin iifname "seg0" oifname "seg0" counter drop
add chain inet lab redirects { type filter hook output priority 0; policy accept; }
add rule inet lab redirects oifname "seg0" icmpv6 type nd-redirect counter drop
EOF
}

# RFC 3069 style private VLAN proxy ARP: the gateway answers ARP for every peer with its own MAC and routes the
# traffic back out of the same interface, which turns L2 isolation into L3 reachability in both directions.
gw_hairpin() {
    nsx gw sysctl -qw net.ipv4.conf.seg0.proxy_arp_pvlan=1 net.ipv4.neigh.seg0.proxy_delay=0
}
