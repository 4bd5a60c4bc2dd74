#!/usr/bin/env python3
"""Cross-checks every golden expectation (tests/expected/NAME.json) against tshark's own dissection of the capture,
so that no expected value rests on isoprobe's word alone.

For each case of tests/golden/cases.txt it checks: the frame count and first/last timestamps; for every conversation
and attempt, that each cited frame exists, carries the two endpoints (MACs at layer 2, or for gateway bouncing the
terminal IPs at layer 3), is group-addressed exactly when the conversation is a broadcast, and carries one of the
listed protocols; for every station, that its MAC and IPs occur in the capture. Linux cooked captures: the capturing
host is the sender of the frames tshark shows as "outgoing" (sll.pkttype 4), and a frame "to us" (0) cited as
contact has the capturing host as its receiver. Tunnels: each frame's addresses are the innermost (a mirror session
is analysed as the segment it mirrors), and `capture.decapsulated` matches the frames tshark shows carrying an
Ethernet frame inside ERSPAN, GRE or VXLAN. Each claim of a
station's `why` holds in tshark's dissection: on the frame it cites ("frame N"), or on some frame (WHY_CLAIMS).
The EAP findings under 8021x-eap-tls are recomputed from tshark's fields (identities, ServerHello versions, and
each certificate's signature algorithm, key, notAfter and key purposes) and must match, citing tshark's frames.
Prints one line per failed fact and ends with 'N passed, M failed'."""
import json, os, re, subprocess, sys

import cases

FIELDS = ["frame.number", "frame.time_epoch", "frame.protocols", "eth.src", "eth.dst", "wlan.sa", "wlan.da",
          "sll.src.eth", "wlan.ta", "wlan.ra", "wlan.bssid", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "arp.src.proto_ipv4", "arp.dst.proto_ipv4",
          "arp.src.hw_mac", "icmp.type", "udp.srcport", "udp.dstport", "tcp.srcport", "tcp.dstport", "sll.pkttype"]
# Where isoprobe opens a tunnel: the tshark protocol sequence that shows an Ethernet frame inside it.
TUNNELS = {"erspan": "erspan:eth", "gre_teb": "gre:eth", "vxlan": "vxlan:eth"}
SLL_HOST, SLL_OUTGOING = "0", "4"
# Names isoprobe gives by port (a TCP handshake to 445 is SMB contact before any SMB2 header appears).
PORTS = {"smb": ("tcp", {"445"}), "netbios-ssn": ("tcp", {"139"}), "wsd": ("udp", {"3702"}), "nbns": ("udp", {"137", "138"}),
         "mdns": ("udp", {"5353"}), "llmnr": ("udp", {"5355"}), "ssdp": ("udp", {"1900"})}
# Which tshark protocol names show each isoprobe protocol name (frame.protocols is colon-separated).
PROTO = {"arp": {"arp"}, "icmp": {"icmp"}, "icmpv6": {"icmpv6"}, "ndp": {"icmpv6"}, "mdns": {"mdns"},
         "llmnr": {"llmnr"}, "nbns": {"nbns", "nbdgm"}, "ssdp": {"ssdp"}, "wsd": {"udp", "tcp"}, "smb": {"smb", "smb2"},
         "netbios-ssn": {"nbss"}, "tcp": {"tcp"}, "udp": {"udp"}, "ip": {"ip", "ipv6"}, "l2": {"eth", "wlan", "sll"}}

passed = failed = 0


# Each claim a station's `why` makes: pattern -> who the station is in the frame ("src", "dst", or "either" for
# protocols both ends speak) and what tshark must show there (a test on the frame's fields and the claimed value,
# the pattern's group "v"). A claim citing a frame (group "frame") is checked on that frame, any other on some frame
# of the capture; a claim citing a frame that no pattern matches is itself a failure.
def _layers(*names):
    return lambda r, v: bool(set(names) & set(r["frame.protocols"][0].split(":") if r["frame.protocols"] else []))


def _port(proto, *ports):
    return lambda r, v: bool(set(ports) & set(r[proto + ".srcport"] + r[proto + ".dstport"]))


F = r", frame (?P<frame>\d+)"
WHY_CLAIMS = [
    (r"speaks EIGRP \(a router\)" + F, "src", _layers("eigrp")),
    (r"speaks OSPF \(a router\)" + F, "src", _layers("ospf")),
    (r"speaks PIM \(a multicast router\)" + F, "src", _layers("pim")),
    (r"speaks VRRP or CARP \(a first-hop redundancy router\)" + F, "src", _layers("vrrp", "carp")),
    (r"speaks RIP \(a router\)" + F, "src", _port("udp", "520")),
    (r"speaks RIPng \(a router\)" + F, "src", _port("udp", "521")),
    (r"speaks BGP \(a router\)" + F, "either", _port("tcp", "179")),
    (r"speaks HSRP \(a first-hop redundancy router\)" + F, "src", _port("udp", "1985")),
    (r"speaks HSRP for IPv6 \(a first-hop redundancy router\)" + F, "src", _port("udp", "2029")),
    (r"speaks GLBP \(a first-hop redundancy router\)" + F, "src", _port("udp", "3222")),
    (r"speaks RADIUS (?:accounting )?\(a NAS or its RADIUS server\)" + F, "either", _port("udp", "1812", "1813", "1645", "1646")),
    (r"speaks TACACS\+ \(a network device or its AAA server\)" + F, "either", _port("tcp", "49")),
    (r"speaks LWAPP \(an access point or its controller\)" + F, "either", _port("udp", "12222", "12223")),
    (r"speaks CAPWAP \(an access point or its controller\)" + F, "either", _port("udp", "5246", "5247")),
    (r"offers PPPoE sessions \(an access concentrator\)" + F, "src", lambda r, v: bool({"0x07", "0x65"} & set(r["pppoe.code"]))),
    (r"forwards routed packets \(TTL or hop limit (?P<v>\d+) below any initial value, frame (?P<frame>\d+)\)", "src",
     lambda r, v: v in r["ip.ttl"] + r["ipv6.hlim"]),
    (r"sends ICMP redirects or time-exceeded messages \(a router\)" + F, "src",
     lambda r, v: "5" in r["icmp.type"] or ("11" in r["icmp.type"] and "0" in r["icmp.code"])
     or "137" in r["icmpv6.type"] or ("3" in r["icmpv6.type"] and "0" in r["icmpv6.code"])),
    (r"advertises itself as a router in IPv6 neighbour advertisements" + F, "src",
     lambda r, v: "136" in r["icmpv6.type"] and bool({"1", "True"} & set(r["icmpv6.nd.na.flag.r"]))),
    (r"sends IPv6 router advertisements", "src", lambda r, v: "134" in r["icmpv6.type"]),
    (r"sends STP, LLDP or CDP \(switch\)", "src", _layers("stp", "lldp", "cdp")),
    (r"answers DHCP \(offer/ack\)", "src", lambda r, v: "67" in r["udp.srcport"] and bool({"2", "5"} & set(r["dhcp.option.dhcp"]))),
    (r"is sent DHCP messages by clients \(a DHCP server\)", "dst", lambda r, v: "67" in r["udp.dstport"] and bool(r["dhcp.option.dhcp"])),
    (r"answers DNS on port 53", "src", lambda r, v: "53" in r["udp.srcport"] + r["tcp.srcport"] and bool({"1", "True"} & set(r["dns.flags.response"]))),
    (r"owns (?P<v>[0-9.]+), the router of the DHCP lease", "src", lambda r, v: v in r["ip.src"] + r["arp.src.proto_ipv4"]),
]
# A router named through the address a virtual MAC advertises from (VRRP, CARP): the cited frame must come from that
# MAC and address and carry the sign it names (a WHY_CLAIMS claim), and some frame must show the station itself
# sending from that address or being sent packets for it.
SHARED_SOURCE = r"uses (?P<v>[0-9.]+), the source address of (?P<speaker>[0-9a-f:]{17}), which (?P<sign>.+)" + F
WHY_FIELDS = ["frame.protocols", "eth.src", "eth.dst", "wlan.sa", "wlan.da", "sll.src.eth", "ip.src", "ip.ttl", "ipv6.hlim",
              "icmp.type", "icmp.code", "icmpv6.type", "icmpv6.code", "icmpv6.nd.na.flag.r", "pppoe.code", "udp.srcport",
              "udp.dstport", "tcp.srcport", "tcp.dstport", "dhcp.option.dhcp", "dns.flags.response", "arp.src.proto_ipv4",
              "ip.dst"]


def check_why(name, stations, paths):
    """Every claim of every station's `why` that WHY_CLAIMS knows, against tshark."""
    import re
    parts = [(s["mac"], part) for s in stations for part in s["why"].split("; ")]
    def matching(part):
        shared = re.fullmatch(SHARED_SOURCE, part)
        if shared:
            sign = [(test, side) for pattern, side, test in WHY_CLAIMS
                    if re.fullmatch(pattern, shared.group("sign") + ", frame " + shared.group("frame"))]
            return [(shared, "shared", sign[0][0])] if sign and sign[0][1] == "src" else []
        return [(m, side, test) for pattern, side, test in WHY_CLAIMS for m in [re.fullmatch(pattern, part)] if m]

    claims = [(mac, part, matching(part)) for mac, part in parts]
    for mac, part, match in claims:
        if re.search(r"frame \d+", part):
            check(bool(match), f"{name}: station {mac} claims {part!r}: no WHY_CLAIMS pattern checks this claim")
    if not any(match for _, _, match in claims):
        return
    rows = fields_all(paths, "frame", WHY_FIELDS)

    def ends(rec):
        # The outermost addresses (LWAPP and CAPWAP carry 802.11 frames inside Ethernet, and are not opened), but the
        # innermost of a mirror tunnel isoprobe opens (ERSPAN, GRE bridging, VXLAN).
        protos = (rec["frame.protocols"] or [""])[0]
        pick = -1 if any(t in protos for t in (":erspan:eth:", ":vxlan:eth:", ":gre:eth:")) else 0
        return (rec["eth.src"] or rec["wlan.sa"] or rec["sll.src.eth"] or [""])[pick], (rec["eth.dst"] or rec["wlan.da"] or [""])[pick]

    def holds(mac, side, test, value, rec):
        src, dst = ends(rec)
        if side == "shared":
            return False  # checked in two steps below
        return (mac == src if side == "src" else mac == dst if side == "dst" else mac in (src, dst)) and test(rec, value)

    for mac, part, match in claims:
        if not match:
            continue
        m, side, test = match[0]
        where = f"{name}: station {mac} claims {part!r}"
        value = m.groupdict().get("v")
        if side == "shared":
            rec = rows.get(int(m.group("frame")))
            check(rec is not None and ends(rec)[0] == m.group("speaker") and value in rec["ip.src"] and test(rec, value),
                  f"{where}: tshark's frame {m.group('frame')} is not that advertisement")
            check(any((ends(r)[0] == mac and value in r["ip.src"] + r["arp.src.proto_ipv4"]) or
                      (ends(r)[1] == mac and value in r["ip.dst"]) for r in rows.values()),
                  f"{where}: no frame in tshark shows the station using {value}")
            continue
        if m.groupdict().get("frame") is None:
            check(any(holds(mac, side, test, value, rec) for rec in rows.values()), f"{where}: no frame in tshark shows it")
            continue
        rec = rows.get(int(m.group("frame")))
        check(rec is not None, f"{where}: tshark has no such frame")
        if rec is not None:
            check(holds(mac, side, test, value, rec),
                  f"{where}: tshark shows {'->'.join(ends(rec))}, { {k: v for k, v in rec.items() if v} }")


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)


def dissect(paths, occurrence="f"):
    """occurrence "l": the innermost of each field, for frames taken out of a tunnel."""
    frames, offset = {}, 0
    for path in paths:
        out = subprocess.run(["tshark", "-n", "-r", path, "-T", "fields", "-E", "separator=\t", "-E", "occurrence=" + occurrence]
                             + sum([["-e", f] for f in FIELDS], []), capture_output=True, text=True, check=False)
        rows = [line.split("\t") for line in out.stdout.splitlines()]
        for row in rows:
            rec = dict(zip(FIELDS, row + [""] * (len(FIELDS) - len(row))))
            frames[offset + int(rec["frame.number"])] = rec
        offset += len(rows)
    return frames


def fields_all(paths, display_filter, fields):
    """Every occurrence of each field (comma-joined by tshark), per frame number across the files."""
    rows, offset = {}, 0
    for path in paths:
        count = subprocess.run(["tshark", "-n", "-r", path, "-T", "fields", "-e", "frame.number"], capture_output=True, text=True).stdout.count("\n")
        out = subprocess.run(["tshark", "-n", "-r", path, "-Y", display_filter, "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a",
                              "-E", "aggregator=,", "-e", "frame.number"] + sum([["-e", f] for f in fields], []),
                             capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            vals = line.split("\t")
            rec = dict(zip(fields, vals[1:] + [""] * (len(fields) + 1 - len(vals))))
            rows[offset + int(vals[0])] = {k: [x for x in v.split(",") if x] for k, v in rec.items()}
        offset += count
    return rows


EAP_FIELDS = ["eth.src", "wlan.sa", "eap.code", "eap.type", "eap.identity", "tls.handshake.type", "tls.handshake.version",
              "tls.handshake.extensions.supported_version", "eap.desired_type", "eap.len", "eap.tls.flags.start",
              "radius.code", "radius.Calling_Station_Id", "radius.Called_Station_Id", "ip.src", "ip.dst",
              "x509sat.uTF8String", "x509sat.printableString"]
TLS_FAMILY = {"13", "21", "25", "43", "55"}  # TLS, TTLS, PEAP, FAST, TEAP: the methods whose fragments are counted


def check_eap(name, sessions, paths, stations):
    if not sessions:
        return
    rows = fields_all(paths, "eapol || radius", EAP_FIELDS)
    for s in sessions:
        span = [rows[n] for n in sorted(rows) if s["first_frame"] <= n <= s["last_frame"]]
        where = f"{name}: eap session frames {s['first_frame']}-{s['last_frame']}"
        check(len(span) > 0, f"{where}: tshark sees no EAPOL or RADIUS frame there")
        via_radius = s.get("via") == "radius"
        check(via_radius == all(r["radius.code"] for r in span), f"{where}: via {s.get('via')} but tshark's frames disagree")
        if via_radius:
            check_radius(where, s, span)
        elif s["supplicant"]:
            check(not any(st["mac"] == s["supplicant"] and "authenticator" in st["role"] for st in stations),
                  f"{where}: supplicant {s['supplicant']} is listed as an authenticator")
        if s.get("peer_challenges"):
            # LEAP's second leg: the supplicant's Requests and the authenticator's Responses of type 17.
            legs = sum(1 for r in span if r["eap.type"] == ["17"] and
                       ((r["eap.code"] == ["1"] and s["supplicant"] in r["wlan.sa"] + r["eth.src"]) or
                        (r["eap.code"] == ["2"] and s["authenticator"] in r["wlan.sa"] + r["eth.src"])))
            check(s["peer_challenges"] == legs, f"{where}: peer_challenges {s['peer_challenges']} vs tshark {legs}")
        codes = [c for r in span for c in r["eap.code"]]
        if s["identity"] is not None and s["identity"].isprintable():
            check(s["identity"] in [i for r in span for i in r["eap.identity"]], f"{where}: identity {s['identity']!r} not in tshark's eap.identity")
        if s["identity_hex"] is not None:  # every byte kept, a NUL's followers included: the length says so
            lengths = [int(r["eap.len"][0]) - 5 for r in span
                       if r["eap.code"] == ["2"] and r["eap.type"] == ["1"] and r["eap.len"]]
            check(len(s["identity_hex"]) // 2 in lengths,
                  f"{where}: identity_hex is {len(s['identity_hex']) // 2} bytes, tshark's Response/Identity {lengths}")
        if s["method"] is not None:
            responses = [t for r in span if "2" in r["eap.code"] for t in r["eap.type"]]
            check(str(s["method"]) in responses, f"{where}: method {s['method']} never in a Response (tshark types {sorted(set(responses))})")
        if not via_radius:  # over RADIUS, Access-Accept and Access-Reject decide: check_radius
            check((s["outcome"] == "success") == ("3" in codes), f"{where}: outcome {s['outcome']} but tshark EAP codes {sorted(set(codes))}")
            if s["outcome"] == "failure":
                check("4" in codes, f"{where}: outcome failure without an EAP-Failure in tshark")
        offered = {t for r in span if "1" in r["eap.code"] for t in r["eap.type"]} - {"1", "2"}
        check({str(t) for t in s["offered"]} == offered, f"{where}: offered {s['offered']} vs tshark Request types {sorted(offered)}")
        desired = [t for r in span for t in r["eap.desired_type"]]
        check([str(t) for t in s["nak_desired"]] == desired, f"{where}: nak_desired {s['nak_desired']} vs tshark {desired}")
        tls = s.get("tls")
        if tls and tls.get("version") in ("1.2", "1.3"):
            hello = [r for r in span if "2" in r["tls.handshake.type"]]
            check(bool(hello), f"{where}: TLS {tls['version']} but tshark sees no ServerHello")
            sv = {v for r in hello for v in r["tls.handshake.extensions.supported_version"]}
            check((tls["version"] == "1.3") == ("0x0304" in sv), f"{where}: TLS {tls['version']} vs tshark supported_version {sorted(sv)}")
        if tls and s["retransmissions"] == 0:
            # An ACK is a TLS-family message with flags only (EAP length 6); a fragment carries TLS data (not Start).
            family = [r for r in span if set(r["eap.type"]) & TLS_FAMILY and r["eap.len"]]
            acks = sum(1 for r in family if r["eap.len"][0] == "6" and not r["eap.tls.flags.start"] == ["1"])
            data = sum(1 for r in family if int(r["eap.len"][0]) > 6)
            check(tls["acks"] == acks, f"{where}: acks {tls['acks']} vs tshark {acks}")
            check(tls["fragments"] == data, f"{where}: fragments {tls['fragments']} vs tshark {data}")
        if tls and tls.get("client_certificate") == "present":
            sup = s["supplicant"]
            # Over RADIUS the supplicant's messages are the Access-Requests.
            check(any("11" in r["tls.handshake.type"] and (r["radius.code"] == ["1"] if via_radius else sup in r["eth.src"] + r["wlan.sa"])
                      for r in span),
                  f"{where}: client certificate present but tshark sees no Certificate from {sup}")
        if tls:
            names = {x for r in span for x in r["x509sat.uTF8String"] + r["x509sat.printableString"]}
            for chain in ("server_chain", "client_chain"):
                for c in tls[chain]:
                    cn = common_name(c.get("subject", ""))
                    if cn is not None:
                        check(cn in names, f"{where}: {chain} subject CN {cn!r} not in tshark's x509 strings")


# Signature algorithm OIDs whose digest is SHA-1, MD5, MD4 or MD2 (RFC 3279 2.2, RFC 5758): tshark names the OID.
WEAK_SIGNATURES = {"1.2.840.113549.1.1.2", "1.2.840.113549.1.1.3", "1.2.840.113549.1.1.4", "1.2.840.113549.1.1.5",
                   "1.3.14.3.2.29", "1.2.840.10045.4.1", "1.2.840.10040.4.3"}
CURVE_BITS = {"1.2.840.10045.3.1.7": 256, "1.3.132.0.34": 384, "1.3.132.0.35": 521, "1.3.132.0.33": 224,
              "1.2.840.10045.3.1.1": 192}
RSA_KEY = "1.2.840.113549.1.1.1"
EKU = "2.5.29.37"
EKU_NAMES = {"1.3.6.1.5.5.7.3.1": "serverAuth", "1.3.6.1.5.5.7.3.2": "clientAuth", "2.5.29.37.0": "anyExtendedKeyUsage"}


def tshark_certificates(paths):
    """Every certificate tshark dissects in a TLS Certificate message: (frame, sender EAP code, facts), with
    frame numbers across the files. Facts are read from tshark's own fields (PDML), independently of isoprobe."""
    import xml.etree.ElementTree as ET
    out, offset = [], 0
    for path in paths:
        count = subprocess.run(["tshark", "-n", "-r", path, "-T", "fields", "-e", "frame.number"], capture_output=True, text=True).stdout.count("\n")
        xml = subprocess.run(["tshark", "-n", "-r", path, "-Y", "tls.handshake.certificate", "-T", "pdml"],
                             capture_output=True, text=True, check=False).stdout
        for packet in ET.fromstring(xml or "<pdml/>").iter("packet"):
            fields = list(packet.iter("field"))
            number = next(int(f.get("show")) for f in fields if f.get("name") == "frame.number")
            codes = [f.get("show") for f in fields if f.get("name") == "eap.code"]
            for cert in (f for f in fields if f.get("name") == "tls.handshake.certificate"):
                inner = list(cert.iter("field"))
                def all_of(name):
                    return [f for f in inner if f.get("name") == name]
                algs = [f.get("show") for f in all_of("x509af.algorithm.id")]
                times = [f.get("show") for f in inner if f.get("name") in ("x509af.utcTime", "x509af.generalizedTime")]
                modulus = [f.get("value") for f in all_of("pkcs1.modulus")]
                curve = [f.get("show") for f in all_of("pkcs1.namedCurve")]
                exts = [f.get("show") for f in all_of("x509af.extension.id")]
                names = {f.get("name"): f.get("value") for f in inner if f.get("name") in ("x509af.issuer", "x509af.subject")}
                facts = {
                    "serial": (all_of("x509af.serialNumber")[0].get("value") or "").lstrip("0").lower(),
                    "signature": algs[-1] if algs else "",  # the outer signatureAlgorithm comes last
                    "rsa_bits": int(modulus[0], 16).bit_length() if modulus and RSA_KEY in algs else None,
                    "ec_bits": CURVE_BITS.get(curve[0]) if curve else None,
                    "not_after": times[1] if len(times) >= 2 else None,  # "2026-11-27 00:28:44 (UTC)"
                    "eku": [EKU_NAMES.get(f.get("show"), f.get("show")) for f in all_of("x509ce.KeyPurposeId")] if EKU in exts else None,
                    "self_signed": len(names) == 2 and names["x509af.issuer"] == names["x509af.subject"],  # DER bytes
                }
                out.append((offset + number, codes[-1] if codes else "", facts))
        offset += count
    return out


def tshark_epoch(text):
    import datetime
    return int(datetime.datetime.strptime(text[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.timezone.utc).timestamp())


def identity_reveals_user(identity):
    """docs/report.md, "EAP findings": a user part (before the last '@') other than empty or "anonymous"."""
    user = identity.rpartition("@")[0] if "@" in identity else identity
    return user != "" and user.lower() != "anonymous"


def expected_findings(chain, index, f, last_s):
    """The certificate finding kinds docs/report.md states for tshark's facts of one certificate."""
    kinds = set()
    if f["signature"] in WEAK_SIGNATURES and not f["self_signed"]:
        kinds.add("weak-signature-hash")
    if f["rsa_bits"] is not None and f["rsa_bits"] < 2048:
        kinds.add("rsa-key-under-2048")
    if f["ec_bits"] is not None and f["ec_bits"] < 256:
        kinds.add("ec-key-under-256")
    if f["not_after"]:
        left = tshark_epoch(f["not_after"]) - last_s
        if left < 0:
            kinds.add("certificate-expired")
        elif left < 30 * 86400:
            kinds.add("certificate-expiring")
    purpose = "serverAuth" if chain == "server" else "clientAuth"
    if index == 0 and f["eku"] is not None and purpose not in f["eku"] and "anyExtendedKeyUsage" not in f["eku"]:
        kinds.add(f"{chain}-cert-without-{purpose.lower()}")
    return kinds


def check_findings(name, want, paths):
    """The findings under 8021x-eap-tls against tshark: each one's fact on the frames it cites, and no fact tshark
    shows left without its finding (identities, TLS versions, every certificate of every session)."""
    req = next((r for r in want["requirements"] if r["id"] == "8021x-eap-tls"), None)
    findings = req.get("findings", []) if req else []
    sessions = want.get("eap", {}).get("sessions", [])
    if not sessions:
        check(not findings, f"{name}: findings without EAP sessions")
        return
    rows = fields_all(paths, "eapol || radius", EAP_FIELDS)
    certs = tshark_certificates(paths)
    last_s = int(tshark_epoch(want["capture"]["last_seen"].replace("T", " ")))
    for i, s in enumerate(sessions):
        where = f"{name}: eap session {i} (frames {s['first_frame']}-{s['last_frame']})"
        mine = [f for f in findings if f["session"] == i]
        got = sorted((f["kind"], f["chain"], f["certificate"]) for f in mine)
        # Identity: the frame cited carries that Response/Identity (its bytes: identity_hex, checked in check_eap).
        expect = []
        identity = bytes.fromhex(s["identity_hex"]).decode("latin-1") if s["identity_hex"] is not None else None
        if identity is not None and identity_reveals_user(identity):
            expect.append(("identity-reveals-user", None, None))
            f = next((f for f in mine if f["kind"] == "identity-reveals-user"), None)
            if f:
                rec = rows.get(f["frames"][0]) if f["frames"] else None
                check(rec is not None and rec["eap.code"] == ["2"] and rec["eap.type"] == ["1"]
                      and (not s["identity"].isprintable() or s["identity"] in rec["eap.identity"]),
                      f"{where}: identity finding cites frames {f['frames']}, where tshark shows no Response/Identity {s['identity']!r}")
        # TLS version: tshark's ServerHello version (supported_versions when present) below 0x0303.
        span = {n: rows[n] for n in rows if s["first_frame"] <= n <= s["last_frame"]}
        hello = [n for n, r in span.items() if "2" in r["tls.handshake.type"]]
        if s.get("tls") and hello:
            r = span[hello[-1]]
            version = max(int(v, 16) for v in (r["tls.handshake.extensions.supported_version"] or r["tls.handshake.version"]))
            if version < 0x0303:
                expect.append(("tls-below-1.2", None, None))
                f = next((f for f in mine if f["kind"] == "tls-below-1.2"), None)
                check(f is not None and hello[-1] in f["frames"], f"{where}: ServerHello version {version:#06x} in frame {hello[-1]}: "
                      f"finding frames {f['frames'] if f else None}")
        # Certificates: tshark's, in this session's frames, by sender (EAP Request: the server) and position.
        for chain, code in (("server", "1"), ("client", "2")):
            shown = [(n, facts) for n, c, facts in certs if c == code and s["first_frame"] <= n <= s["last_frame"]]
            for index, (n, facts) in enumerate(shown):
                for kind in sorted(expected_findings(chain, index, facts, last_s)):
                    expect.append((kind, chain, index))
                    f = next((f for f in mine if (f["kind"], f["chain"], f["certificate"]) == (kind, chain, index)), None)
                    if f:
                        check(n in f["frames"], f"{where}: {kind} on {chain} certificate {index}: tshark shows it in frame {n}, finding cites {f['frames']}")
                        ours = (s.get("tls") or {}).get(chain + "_chain", [])
                        serial = ours[index].get("serial", "").lstrip("0").lower() if index < len(ours) else None
                        check(serial == facts["serial"], f"{where}: {kind} on {chain} certificate {index}: serial {serial} vs tshark {facts['serial']}")
        check(sorted(got, key=str) == sorted(expect, key=str),
              f"{where}: findings {got} vs what tshark shows {expect}")


def common_name(subject):
    """The CN of an RFC 2253 subject, its escapes undone; None when it has none or it is not text."""
    m = re.search(r'(?:^|,)CN=((?:\\.|[^,\\])*)', subject)
    if not m:
        return None
    raw = re.sub(r'\\([0-9A-Fa-f]{2})', lambda h: chr(int(h.group(1), 16)), m.group(1))
    cn = re.sub(r'\\(.)', r'\1', raw)
    return cn if cn.isprintable() else None


def mac_of_station_id(text):
    digits = "".join(ch for ch in text.split(":")[:6] if ch) if text.count(":") >= 5 else text
    digits = "".join(ch for ch in digits if ch in "0123456789abcdefABCDEF")[:12].lower()
    return ":".join(digits[i:i + 2] for i in range(0, 12, 2)) if len(digits) == 12 else None


def check_radius(where, s, span):
    """EAP seen inside RADIUS: the NAS and server addresses, the station ids, and the server's decision."""
    r = s["radius"]
    requests = [x for x in span if x["radius.code"] == ["1"]]
    check(any(r["nas"] in x["ip.src"] and r["server"] in x["ip.dst"] for x in requests),
          f"{where}: no Access-Request from {r['nas']} to {r['server']} in tshark")
    calling = {c for x in requests for c in x["radius.Calling_Station_Id"]}
    check(r["calling_station_id"] in calling | ({""} if not calling else set()),
          f"{where}: calling_station_id {r['calling_station_id']!r} vs tshark {sorted(calling)}")
    if s["supplicant"]:
        check(mac_of_station_id(r["calling_station_id"]) == s["supplicant"], f"{where}: supplicant {s['supplicant']} vs Calling-Station-Id {r['calling_station_id']!r}")
    decisions = {c for x in span for c in x["radius.code"]} & {"2", "3"}
    want = {"success": {"2"}, "failure": {"3"}}.get(s["outcome"], set())
    check(decisions == want, f"{where}: outcome {s['outcome']} but tshark RADIUS codes {sorted(decisions)}")


BSS_FIELDS = ["wlan.bssid", "wlan.ssid", "wlan.rsn.akms.type", "wlan.ds.current_channel", "wlan.rsn.capabilities.mfpr",
              "_ws.expert.severity", "wlan.rsn.version", "wlan.wfa.ie.wpa.version"]
EXPERT_ERROR = "8388608"  # PI_ERROR: tshark found the frame malformed


def check_wlan(name, bss_list, paths):
    if not bss_list:
        return
    rows = fields_all(paths, "wlan.fc.type_subtype == 8 || wlan.fc.type_subtype == 5", BSS_FIELDS)
    for b in bss_list:
        mine = [r for r in rows.values() if b["bssid"] in r["wlan.bssid"]]
        where = f"{name}: bss {b['bssid']}"
        if not mine:
            continue  # known only from association requests
        # The class rests on well-formed frames: a class from malformed frames only is flagged, never trusted.
        clean = [r for r in mine if EXPERT_ERROR not in r["_ws.expert.severity"]]
        if b.get("malformed_source"):
            check(not clean, f"{where}: malformed_source, but tshark finds {len(clean)} of its frames well-formed")
            check(b["class"] in ("unknown", "open"), f"{where}: class {b['class']} from malformed frames only")
        elif b["source"] == "beacon-or-probe-response":
            # A frame tshark calls malformed only past a security element it dissected (an unflagged FCS at the end)
            # still states the class.
            stated = [r for r in mine if r["wlan.rsn.version"] or r["wlan.wfa.ie.wpa.version"]]
            check(bool(clean) or bool(stated), f"{where}: class {b['class']} but tshark finds every beacon/probe response malformed")
        akms = {a for r in mine for a in r["wlan.rsn.akms.type"]}
        check({str(a) for a in b["akms"] if isinstance(a, int)} <= akms | {""} or not b["akms"], f"{where}: akms {b['akms']} vs tshark {sorted(akms)}")
        if b["channel"] is not None:
            check(str(b["channel"]) in {c for r in mine for c in r["wlan.ds.current_channel"]}, f"{where}: channel {b['channel']} not in tshark")
        if b["pmf"] == "required":
            check("1" in {m for r in mine for m in r["wlan.rsn.capabilities.mfpr"]} or "True" in {m for r in mine for m in r["wlan.rsn.capabilities.mfpr"]},
                  f"{where}: PMF required but tshark shows no MFPR bit")
        if b["ssid_hex"] and not b["hidden"]:
            # tshark prints the SSID field as hex bytes: compare bytes, exactly.
            check(b["ssid_hex"] in {x.lower() for r in mine for x in r["wlan.ssid"]}, f"{where}: SSID {b['ssid']!r} ({b['ssid_hex']}) not in tshark's wlan.ssid")


def is_group(mac):
    return bool(mac) and int(mac.split(":")[0], 16) & 1 == 1


def l2(rec, self_mac=None):
    src = rec["wlan.sa"] or rec["eth.src"] or rec["sll.src.eth"]
    dst = rec["wlan.da"] or rec["eth.dst"]
    # A cooked capture records no destination; a frame "to us" went to the capturing host.
    if not dst and rec["sll.pkttype"] == SLL_HOST and self_mac:
        dst = self_mac
    return src, dst


def ips(rec):
    return {rec[f] for f in ("ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "arp.src.proto_ipv4", "arp.dst.proto_ipv4") if rec[f]}


def check_conversation(name, kind, c, frames, self_mac=None):
    a, b = c["a"], c["b"]
    for n in c["frames"]:
        rec = frames.get(n)
        check(rec is not None, f"{name}: {kind} cites frame {n}, which tshark does not have")
        if rec is None:
            continue
        src, dst = l2(rec, self_mac)
        where = f"{name}: {kind} {a['mac']}/{a['ip']} - {b['mac']}/{b['ip']} frame {n}"
        if c["kind"] == "broadcast":
            check(src == a["mac"], f"{where}: tshark says source {src}, not the sender {a['mac']}")
            check(dst == "" or is_group(dst), f"{where}: tshark says destination {dst} is not group-addressed")
        elif kind == "attempts" and (not b["mac"] or is_group(dst)):
            # Toward an address whose owner never showed up, or an ARP request for a known one (broadcast): the
            # frame asks for it (ARP) or carries it (IP).
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
    for case in cases.load():
        name = case.name
        caps = case.capture_paths()
        path = case.expected_path()
        check(os.path.exists(path), f"{name}: no expected file")
        if not os.path.exists(path):
            continue
        want = json.load(open(path))
        decapsulated = want["capture"].get("decapsulated", {})
        frames = dissect(caps, "l" if decapsulated else "f")
        check(want["capture"]["frames"] == len(frames), f"{name}: {want['capture']['frames']} frames, tshark counts {len(frames)}")
        if frames:
            times = sorted(iso(r["frame.time_epoch"]) for r in frames.values())
            check(want["capture"]["first_seen"] == times[0], f"{name}: first_seen {want['capture']['first_seen']} vs tshark {times[0]}")
            check(want["capture"]["last_seen"] == times[-1], f"{name}: last_seen {want['capture']['last_seen']} vs tshark {times[-1]}")
        tunnels = {k: sum(1 for r in frames.values() if seq in r["frame.protocols"]) for k, seq in TUNNELS.items()}
        check(decapsulated == {k: n for k, n in tunnels.items() if n},
              f"{name}: decapsulated {decapsulated} vs tshark {tunnels}")
        self_mac = want["self"]["mac"]
        outgoing = {r["sll.src.eth"] for r in frames.values() if r["sll.pkttype"] == SLL_OUTGOING}
        if outgoing and "outgoing" in want["self"]["how"]:
            check(outgoing == {self_mac}, f"{name}: self {self_mac}, tshark's outgoing senders {sorted(outgoing)}")
        for kind in ("conversations", "attempts"):
            for c in want[kind]:
                check_conversation(name, kind, c, frames, self_mac)
        seen_macs = set()
        seen_ips = set()
        # A tunnel that is not opened (GRE carrying IP) keeps its outer addresses: stations may have either.
        for rec in list(frames.values()) + (list(dissect(caps).values()) if decapsulated else []):
            seen_macs.update(m for m in (rec["eth.src"], rec["eth.dst"], rec["wlan.sa"], rec["wlan.da"], rec["sll.src.eth"], rec["arp.src.hw_mac"],
                                           rec["wlan.ta"], rec["wlan.ra"], rec["wlan.bssid"]) if m)
            seen_ips.update(ips(rec))
        check_eap(name, want.get("eap", {}).get("sessions", []), caps, want["stations"])
        check_findings(name, want, caps)
        check_wlan(name, want.get("wlan", {}).get("bss", []), caps)
        check_why(name, want["stations"], caps)
        for s in want["stations"]:
            check(s["mac"] in seen_macs, f"{name}: station {s['mac']} never appears in tshark's addresses")
            for ip in s["ips"]:
                check(ip in seen_ips, f"{name}: station {s['mac']} address {ip} never appears in tshark's addresses")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
