#!/usr/bin/env python3
"""Cross-checks every golden expectation (tests/expected/NAME.json) against tshark's own dissection of the capture,
so that no expected value rests on isoprobe's word alone.

For each case of tests/golden/cases.txt it checks: the frame count and first/last timestamps; for every conversation
and attempt, that each cited frame exists, carries the two endpoints (MACs at layer 2, or for gateway bouncing the
terminal IPs at layer 3), is group-addressed exactly when the conversation is a broadcast, and carries one of the
listed protocols; for every station, that its MAC and IPs occur in the capture.
Prints one line per failed fact and ends with 'N passed, M failed'."""
import json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIELDS = ["frame.number", "frame.time_epoch", "frame.protocols", "eth.src", "eth.dst", "wlan.sa", "wlan.da",
          "sll.src.eth", "wlan.ta", "wlan.ra", "wlan.bssid", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "arp.src.proto_ipv4", "arp.dst.proto_ipv4",
          "arp.src.hw_mac", "icmp.type", "udp.srcport", "udp.dstport", "tcp.srcport", "tcp.dstport"]
# Names isoprobe gives by port (a TCP handshake to 445 is SMB contact before any SMB2 header appears).
PORTS = {"smb": ("tcp", {"445"}), "netbios-ssn": ("tcp", {"139"}), "wsd": ("udp", {"3702"}), "nbns": ("udp", {"137", "138"}),
         "mdns": ("udp", {"5353"}), "llmnr": ("udp", {"5355"}), "ssdp": ("udp", {"1900"})}
# Which tshark protocol names show each isoprobe protocol name (frame.protocols is colon-separated).
PROTO = {"arp": {"arp"}, "icmp": {"icmp"}, "icmpv6": {"icmpv6"}, "ndp": {"icmpv6"}, "mdns": {"mdns"},
         "llmnr": {"llmnr"}, "nbns": {"nbns", "nbdgm"}, "ssdp": {"ssdp"}, "wsd": {"udp", "tcp"}, "smb": {"smb", "smb2"},
         "netbios-ssn": {"nbss"}, "tcp": {"tcp"}, "udp": {"udp"}, "ip": {"ip", "ipv6"}, "l2": {"eth", "wlan", "sll"}}

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)


def dissect(paths):
    frames, offset = {}, 0
    for path in paths:
        out = subprocess.run(["tshark", "-n", "-r", path, "-T", "fields", "-E", "separator=\t", "-E", "occurrence=f"]
                             + sum([["-e", f] for f in FIELDS], []), capture_output=True, text=True, check=False)
        rows = [line.split("\t") for line in out.stdout.splitlines()]
        for row in rows:
            rec = dict(zip(FIELDS, row + [""] * (len(FIELDS) - len(row))))
            frames[offset + int(rec["frame.number"])] = rec
        offset += len(rows)
    return frames


def is_group(mac):
    return bool(mac) and int(mac.split(":")[0], 16) & 1 == 1


def l2(rec):
    src = rec["wlan.sa"] or rec["eth.src"] or rec["sll.src.eth"]
    dst = rec["wlan.da"] or rec["eth.dst"]
    return src, dst


def ips(rec):
    return {rec[f] for f in ("ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "arp.src.proto_ipv4", "arp.dst.proto_ipv4") if rec[f]}


def check_conversation(name, kind, c, frames):
    a, b = c["a"], c["b"]
    for n in c["frames"]:
        rec = frames.get(n)
        check(rec is not None, f"{name}: {kind} cites frame {n}, which tshark does not have")
        if rec is None:
            continue
        src, dst = l2(rec)
        where = f"{name}: {kind} {a['mac']}/{a['ip']} - {b['mac']}/{b['ip']} frame {n}"
        if c["kind"] == "broadcast":
            check(src == a["mac"], f"{where}: tshark says source {src}, not the sender {a['mac']}")
            check(dst == "" or is_group(dst), f"{where}: tshark says destination {dst} is not group-addressed")
        elif not b["mac"] and kind == "attempts":
            # Toward an address whose owner never showed up: the frame asks for it (ARP) or carries it (IP).
            check(src == a["mac"], f"{where}: tshark says source {src}, not {a['mac']}")
            check(b["ip"] in ips(rec), f"{where}: tshark shows no {b['ip']} in {sorted(ips(rec))}")
        elif c["via_gateway"]:
            want = {x["ip"] for x in (a, b) if x["ip"]}
            macs = {x["mac"] for x in (a, b) if x["mac"]}
            # ICMP redirects quote the relayed packet: its addresses are the second occurrence, so accept the MAC side.
            check(bool(want & ips(rec)) or rec["icmp.type"] == "5", f"{where}: tshark shows none of {sorted(want)} in {sorted(ips(rec))}")
            check(bool({src, dst} & macs), f"{where}: tshark shows {src}->{dst}, neither endpoint MAC")
        else:
            check({src, dst} == {a["mac"], b["mac"]} or (dst == "" and src in (a["mac"], b["mac"])),
                  f"{where}: tshark shows {src}->{dst}")
        layers = set(rec["frame.protocols"].split(":"))
        def carries(p):
            if PROTO[p] & layers:
                return True
            if p in PORTS:
                proto, ports = PORTS[p]
                return bool({rec[proto + ".srcport"], rec[proto + ".dstport"]} & ports)
            return False
        check(any(carries(p) for p in c["protocols"]),
              f"{where}: tshark layers {rec['frame.protocols']} match none of {c['protocols']}")
    first = frames.get(c["frames"][0])
    if first is not None:
        check(c["first_seen"][:26] <= iso(first["frame.time_epoch"])[:26] and c["first_seen"][:19] == iso(first["frame.time_epoch"])[:19],
              f"{name}: {kind} first_seen {c['first_seen']} does not match frame {c['frames'][0]} at {iso(first['frame.time_epoch'])}")


def iso(epoch):
    import datetime
    secs, _, frac = epoch.partition(".")
    t = datetime.datetime.fromtimestamp(int(secs), datetime.timezone.utc)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + (frac + "000000")[:6] + "Z"


def main():
    cases = [l.split() for l in open(os.path.join(ROOT, "tests/golden/cases.txt")) if l.strip() and not l.startswith("#")]
    for words in cases:
        name = words[0]
        caps, skip = [], False
        for w in words[1:]:
            if skip:
                skip = False
            elif w.startswith("--"):
                skip = True
            else:
                caps.append(os.path.join(ROOT, "captures", w))
        path = os.path.join(ROOT, "tests/expected", name + ".json")
        check(os.path.exists(path), f"{name}: no expected file")
        if not os.path.exists(path):
            continue
        want = json.load(open(path))
        frames = dissect(caps)
        check(want["capture"]["frames"] == len(frames), f"{name}: {want['capture']['frames']} frames, tshark counts {len(frames)}")
        if frames:
            times = sorted(iso(r["frame.time_epoch"]) for r in frames.values())
            check(want["capture"]["first_seen"] == times[0], f"{name}: first_seen {want['capture']['first_seen']} vs tshark {times[0]}")
            check(want["capture"]["last_seen"] == times[-1], f"{name}: last_seen {want['capture']['last_seen']} vs tshark {times[-1]}")
        for kind in ("conversations", "attempts"):
            for c in want[kind]:
                check_conversation(name, kind, c, frames)
        seen_macs = set()
        seen_ips = set()
        for rec in frames.values():
            seen_macs.update(m for m in (rec["eth.src"], rec["eth.dst"], rec["wlan.sa"], rec["wlan.da"], rec["sll.src.eth"], rec["arp.src.hw_mac"],
                                           rec["wlan.ta"], rec["wlan.ra"], rec["wlan.bssid"]) if m)
            seen_ips.update(ips(rec))
        for s in want["stations"]:
            check(s["mac"] in seen_macs, f"{name}: station {s['mac']} never appears in tshark's addresses")
            for ip in s["ips"]:
                check(ip in seen_ips, f"{name}: station {s['mac']} address {ip} never appears in tshark's addresses")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
