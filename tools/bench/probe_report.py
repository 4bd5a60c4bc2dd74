#!/usr/bin/env python3
"""Results of tools/bench-probe: nmap XML and isoprobe JSON/pcapng in, the comparison table out.

  probe_report.py up-hosts NMAP.xml         IPv4 addresses nmap saw up, one a line
  probe_report.py report DIR SCENARIO-PEERS...  the tables of DIR/SCENARIO-PEERS/ (written by tools/bench-probe), then
                                                a summary at the default rate; exit 1 when a run failed or isoprobe
                                                missed something nmap found
"""
import ipaddress
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

K_DEFAULT_RATE = 200.0  # isoprobe's default, for the time model of the breakdown
K_PHASES = ["discovering peers", "probing", "waiting for answers", "analysing"]
K_WAIT = re.compile(rb"(?:gateway round trip ([0-9.]+) ms|no gateway round trip), answers awaited ([0-9.]+) s")
K_SERVICE = re.compile(r"(?:^|\.)(_[A-Za-z0-9-]+\._(?:tcp|udp))\.local\.?$")


def ip_key(ip):
    return ipaddress.ip_address(ip)


def short(ips):
    return " ".join(sorted(ips, key=ip_key)) if ips else "-"


def nmap_up_hosts(path):
    hosts = set()
    for host in ET.parse(path).getroot().iter("host"):
        status = host.find("status")
        if status is None or status.get("state") != "up":
            continue
        for a in host.findall("address"):
            if a.get("addrtype") == "ipv4":
                hosts.add(a.get("addr"))
    return hosts


def nmap_open_445(path):
    hosts = set()
    for host in ET.parse(path).getroot().iter("host"):
        ip = next((a.get("addr") for a in host.findall("address") if a.get("addrtype") == "ipv4"), None)
        for port in host.iter("port"):
            state = port.find("state")
            if port.get("portid") == "445" and state is not None and state.get("state") == "open" and ip:
                hosts.add(ip)
    return hosts


def nmap_mdns(path):
    """Responders (IPv4) and service types ("_smb._tcp") from broadcast-dns-service-discovery's output."""
    responders, services = set(), set()
    for script in ET.parse(path).getroot().iter("script"):
        if script.get("id") != "broadcast-dns-service-discovery":
            continue
        for line in (script.get("output") or "").splitlines():
            m = re.match(r"\s+\d+/(tcp|udp)\s+(\S+)", line)
            if m:
                services.add(f"_{m.group(2)}._{m.group(1)}")
            m = re.match(r"\s+Address=(.*)", line)
            if m:
                responders.update(a for a in m.group(1).split() if ipaddress.ip_address(a).version == 4)
    return responders, services


def isoprobe_found(report, pcapng):
    """What one isoprobe run found, in the same terms as nmap."""
    seg = report.get("segment") or {}
    own = seg.get("address")
    hosts = {p["ip"] for p in seg.get("peers", []) if p.get("ip")}
    if seg.get("gateway") and seg["gateway"].get("ip"):
        hosts.add(seg["gateway"]["ip"])
    open_445, mdns_reached = set(), set()
    for p in report.get("probes", []):
        ip = p["peer"].get("ip")
        if p["result"] != "reached" or not ip:
            continue
        if p["method"] == "smb" and any(isinstance(e, str) and "port 445 open" in e for e in p["evidence"]):
            open_445.add(ip)
        if p["method"] == "mdns" and not p.get("sentinel"):
            mdns_reached.add(ip)
    # "mdns reached" also counts an ICMP port unreachable quoting the query (contact, not a service): the real
    # responders and their services come from the mDNS answers in the run's own capture.
    responders, services = set(), set()
    out = subprocess.run(["tshark", "-n", "-r", pcapng, "-Y", "udp.srcport == 5353 && dns.flags.response == 1 && !icmp && !icmpv6",
                          "-T", "fields", "-E", "separator=\t", "-e", "ip.src", "-e", "dns.ptr.domain_name",
                          "-e", "dns.resp.name"], capture_output=True, text=True, check=False)
    for line in out.stdout.splitlines():
        src, *names = line.split("\t")
        if src and src != own:
            responders.add(src)
        for name in ",".join(names).split(","):
            m = K_SERVICE.search(name)
            if m and m.group(1) != "_dns-sd._udp":
                services.add(m.group(1))
    return {"hosts": hosts - {own}, "open_445": open_445, "mdns_reached": mdns_reached,
            "responders": responders, "services": services}


def smb_follow_up_seconds(pcapng):
    """Span of the SMB negotiations (the only follow-up): the kernel's own TCP connections to port 445."""
    # 44445 and 44446: the source ports of the smb and gateway-bounce probes, not of the kernel's connections.
    out = subprocess.run(["tshark", "-n", "-r", pcapng, "-Y", "frame.interface_id == 0 && tcp.port == 445 && "
                          "!(tcp.port in {44445 44446})", "-T", "fields", "-e", "frame.time_epoch"],
                         capture_output=True, text=True, check=False)
    stamps = [float(t) for t in out.stdout.split()]
    return max(stamps) - min(stamps) if stamps else 0.0


def phases(tty_path, timing_path):
    """Seconds from the start to each progress line of isoprobe, from script(1)'s output log and timing file."""
    with open(tty_path, "rb") as f:
        data = f.read()
    data = data[data.index(b"\n") + 1:]  # script's own header line
    text, at, pos, seen = b"", 0.0, 0, {}
    with open(timing_path) as f:
        for line in f:
            delay, size = line.split()
            at += float(delay)
            text += data[pos:pos + int(size)]
            pos += int(size)
            for name in K_PHASES:
                if name not in seen and name.encode() in text:
                    seen[name] = at
    return seen


def awaited(tty_path):
    """The gateway round trip (ms, None when unmeasured) and the answer wait (s) isoprobe chose, from its progress line."""
    with open(tty_path, "rb") as f:
        m = K_WAIT.search(f.read())
    if not m:
        return None, None
    return (float(m.group(1)) if m.group(1) else None), float(m.group(2))


def arg_value(args, flag, default):
    return float(args[args.index(flag) + 1]) if flag in args else default


def scenario_report(base, scenario):
    d = f"{base}/{scenario}"
    times = {}
    with open(f"{d}/times") as f:
        for line in f:
            name, wall, cpu, rc = line.split()
            times[name] = (float(wall), cpu, int(rc))
    runs = []
    with open(f"{d}/runs") as f:
        for line in f:
            name, *args = line.split()
            runs.append((name, args))

    problems, misses = [], []
    nmap_steps = ["nmap-sn", "nmap-445", "nmap-mdns"]
    for step in nmap_steps:
        if times[step][2] != 0:
            problems.append(f"{scenario}: {step} exited {times[step][2]} (log {d}/{step}.log)")
    n_hosts = nmap_up_hosts(f"{d}/nmap-sn.xml")
    n_445 = nmap_open_445(f"{d}/nmap-445.xml")
    n_resp, n_services = nmap_mdns(f"{d}/nmap-mdns.xml")
    nmap_total = sum(times[s][0] for s in nmap_steps)
    nmap_cpu = sum(float(times[s][1]) for s in nmap_steps if times[s][1] != "?")

    def row(tool, steps, total, cpu, hosts, o445, resp, extra):
        return f"{tool:<42} {steps:<24} {total:>7} {cpu:>5}  {hosts:>5} {o445:>8} {resp:>9}  {extra}"

    print(f"== {scenario}")
    print(row("tool", "wall s per step", "total", "cpu", "hosts", "445 open", "mDNS resp", "details"))
    steps = "/".join(f"{times[s][0]:.2f}" for s in nmap_steps)
    print(row("nmap (-sn -PR / -p445 / dns-sd)", steps, f"{nmap_total:.2f}", f"{nmap_cpu:.2f}", len(n_hosts),
              len(n_445), len(n_resp), f"services {','.join(sorted(n_services)) or '-'}"))

    ratios, breakdown, summary = [], [], []
    for name, args in runs:
        wall, cpu, rc = times[name]
        label = "isoprobe " + " ".join(args) if args else "isoprobe (defaults)"
        if rc not in (0, 1, 3):
            problems.append(f"{scenario}: {label} exited {rc} (log {d}/{name}.log)")
            print(row(label, "-", f"{wall:.2f}", cpu, "-", "-", "-", f"failed, exit {rc}"))
            continue
        with open(f"{d}/{name}.json") as f:
            report = json.load(f)
        found = isoprobe_found(report, f"{d}/{name}.pcapng")
        ph = phases(f"{d}/{name}.tty", f"{d}/{name}.timing")
        marks = [0.0] + [ph.get(p) for p in K_PHASES] + [wall]
        if None in marks:
            problems.append(f"{scenario}: {label}: progress lines missing from {d}/{name}.tty")
            steps = "-"
        else:
            steps = "/".join(f"{b - a:.2f}" for a, b in zip(marks, marks[1:]))
        print(row(label, steps, f"{wall:.2f}", cpu, len(found["hosts"]), len(found["open_445"]), len(found["responders"]),
                  f"services {','.join(sorted(found['services'])) or '-'}; mdns reached {len(found['mdns_reached'])}; exit {rc}"))
        ratios.append((label, wall / nmap_total))
        missed = []
        if n_hosts - found["hosts"]:
            missed.append(f"hosts {short(n_hosts - found['hosts'])}")
        if n_445 - found["open_445"]:
            missed.append(f"445 open on {short(n_445 - found['open_445'])}")
        if n_resp - found["responders"]:
            missed.append(f"mDNS responders {short(n_resp - found['responders'])}")
        if n_services - found["services"]:
            missed.append(f"mDNS services {','.join(sorted(n_services - found['services']))}")
        extra = []
        if found["hosts"] - n_hosts:
            extra.append(f"hosts {short(found['hosts'] - n_hosts)}")
        misses.append((label, missed, extra))
        if "--rate" not in args and "--timeout" not in args:
            summary.append((scenario, "--sentinel" in args, wall, nmap_total, not missed))
        if None not in marks:
            rate = arg_value(args, "--rate", K_DEFAULT_RATE)
            sent = report.get("controls", [])
            frames = next((int(m.group(1)) for c in sent if c["name"] == "own-frames-captured"
                           for m in [re.search(r"of the (\d+) frames", c["detail"])] if m), 0)
            rtt, wait = awaited(f"{d}/{name}.tty")
            follow = smb_follow_up_seconds(f"{d}/{name}.pcapng")
            breakdown.append((label, rate, frames, marks, rtt, wait, follow))

    print(f"   nmap hosts up: {short(n_hosts)}; 445 open: {short(n_445)}; mDNS responders: {short(n_resp)}")
    for label, ratio in ratios:
        print(f"   ratio {label} / nmap: {ratio:.2f} (target <= 0.50: {'met' if ratio <= 0.5 else 'NOT met'})")
    for label, missed, extra in misses:
        print(f"   {label}: " + ("found everything nmap found" if not missed else "MISSED " + "; ".join(missed)) +
              (f" (and more: {'; '.join(extra)})" if extra else ""))
    if breakdown:
        print("   where isoprobe's time goes (isoprobe steps above: start-up / discovery / probe rounds / last answers,"
              " follow-up and capture stop / analysis and exit):")
    for label, rate, frames, marks, rtt, wait, follow in breakdown:
        _, disc, send, last, _ = (b - a for a, b in zip(marks, marks[1:]))
        waits = "answer wait unknown" if wait is None else \
            f"answer wait {wait:.2f} s ({'gateway round trip %.2f ms' % rtt if rtt is not None else 'no round trip'})"
        # Group-addressed frames go at most `rate` per second, unicast up to 5 times faster (src/probe/sender.hpp).
        print(f"   {label}: {frames} frames (group-addressed at most {rate:g}/s, unicast up to {5 * rate:g}/s) in"
              f" {marks[-1]:.2f} s; discovery {disc:.2f}, rounds {send:.2f}, last answers {last:.2f} (SMB"
              f" negotiate {follow:.2f}); {waits}")
    print()
    # The --timeout row is informative (a shortened wait may rightly miss slow answers): its misses are shown only.
    failed = bool(problems) or any(m for label, m, _ in misses if "--timeout" not in label)
    return problems, failed, summary


def print_summary(rows):
    print("== summary at the default rate (isoprobe probe, then with --sentinel)")
    print(f"{'peers':>5} {'segment':<11} {'isoprobe s':>10} {'nmap s':>7} {'ratio':>6}  {'target':<7} found everything nmap found")
    for scenario, sentinel, wall, nmap_total, found in rows:
        segment, peers = scenario.rsplit("-", 1)
        ratio = wall / nmap_total
        print(f"{peers:>5} {segment + (' +s' if sentinel else ''):<11} {wall:>10.2f} {nmap_total:>7.2f} {ratio:>6.2f}  "
              f"{'met' if ratio <= 0.5 else 'NOT met':<7} {'yes' if found else 'NO'}")


def main(argv):
    if len(argv) == 3 and argv[1] == "up-hosts":
        for ip in sorted(nmap_up_hosts(argv[2]), key=ip_key):
            print(ip)
        return 0
    if len(argv) >= 4 and argv[1] == "report":
        bad, rows = False, []
        for scenario in argv[3:]:
            problems, failed, summary = scenario_report(argv[2], scenario)
            for p in problems:
                print(f"bench-probe: {p}", file=sys.stderr)
            bad = bad or failed
            rows += summary
        print_summary(rows)
        return 1 if bad else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
