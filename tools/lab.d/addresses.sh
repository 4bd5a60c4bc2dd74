# Lab addressing plan: documentation prefixes only (RFC 5737 IPv4, RFC 3849 IPv6), locally administered MACs (IEEE 802 U/L bit).
# shellcheck shell=bash disable=SC2034

readonly k_seg=198.51.100
readonly k_seg6=2001:db8:1
readonly k_wan_seg=203.0.113
readonly k_wan_seg6=2001:db8:2

# Fixed MACs keep captures and golden files from the lab deterministic; labs never share a bridge, so IDs may repeat them.
readonly k_probe_if=probe0 k_probe_ip=$k_seg.10 k_probe_ip6=$k_seg6::10 k_probe_mac=02:b1:00:00:00:0a
readonly k_sentinel_if=sentinel0 k_sentinel_ip=$k_seg.11 k_sentinel_ip6=$k_seg6::11 k_sentinel_mac=02:b1:00:00:00:0b
readonly k_h2_ip=$k_seg.20 k_h2_ip6=$k_seg6::20 k_h2_mac=02:b1:00:00:00:14
readonly k_h3_ip=$k_seg.30 k_h3_ip6=$k_seg6::30 k_h3_mac=02:b1:00:00:00:1e
readonly k_gw_ip=$k_seg.1 k_gw_ip6=$k_seg6::1 k_gw_mac=02:b1:00:00:00:01
readonly k_gw_wan_ip=$k_wan_seg.1 k_gw_wan_ip6=$k_wan_seg6::1 k_gw_wan_mac=02:b1:00:00:71:01
readonly k_wan_ip=$k_wan_seg.10 k_wan_ip6=$k_wan_seg6::10 k_wan_mac=02:b1:00:00:71:0a
readonly k_h2_hostname=h2-lab k_h2_share=pub
# Segment B of scenario wrong-segment-sentinel: its own bridge and gateway (namespace gwb), numbered like segment A.
readonly k_gwb_mac=02:b1:00:00:0b:01 k_gwb_port_mac=02:b1:00:00:f1:01 k_gwb_bridge_mac=02:b1:00:00:00:fd
# Segment B of the cross-* scenarios: the gateway's second interface segb0 on bridge br1, numbered like the WAN (which
# those scenarios disconnect), and the sentinel moved there: two subnets behind one router.
readonly k_segb_if=segb0 k_segb_gw_ip=$k_wan_seg.1 k_segb_gw_mac=02:b1:00:00:0c:01 k_segb_port_mac=02:b1:00:00:f1:02
readonly k_segb_sentinel_ip=$k_wan_seg.11

# One row per station on the segment: namespace host, interface, bridge port, IPv4, IPv6, MAC, terminal (1) or gateway (0).
readonly k_stations="probe $k_probe_if p-probe0 $k_probe_ip $k_probe_ip6 $k_probe_mac 1
probe $k_sentinel_if p-sent0 $k_sentinel_ip $k_sentinel_ip6 $k_sentinel_mac 1
h2 eth0 p-h2 $k_h2_ip $k_h2_ip6 $k_h2_mac 1
h3 eth0 p-h3 $k_h3_ip $k_h3_ip6 $k_h3_mac 1
gw seg0 p-gw $k_gw_ip $k_gw_ip6 $k_gw_mac 0"

readonly k_terminal_ports='"p-probe0", "p-sent0", "p-h2", "p-h3"'
