#!/usr/bin/env bash
# Live tests of `isoprobe probe` against real peers: each scenario of tools/lab is built in its own namespaces,
# probed in paired mode (probe0 + sentinel0), and the verdict and per-method results are asserted; then torn down.
# Every run records into one history database (--db) and writes Prometheus metrics (--prom), both checked too.
# Needs root (network namespaces). Usage: test-probe-scenarios.sh ISOPROBE_BINARY [SCENARIO...]
# Labs get the ids PREFIX1, PREFIX2, ... with PREFIX from LAB_ID_PREFIX (default pt, [a-z]{1,8}), so that two runs on one
# machine never share namespaces.
# Ends with 'N passed, M failed'; exit status 0 only when nothing failed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
shift
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(open isolated flood-off gateway-hairpin ipv6-leak mdns-leak no-gateway port-steal
    proxy-arp-isolated proxy-arp-hairpin redirect-no-forward wrong-segment-sentinel no-default-route port-security
    l3-hairpin-no-icmp group-flood mac-forced cross-routed cross-filtered faults)
prefix=${LAB_ID_PREFIX:-pt}
[[ $prefix =~ ^[a-z]{1,8}$ ]] || { echo "LAB_ID_PREFIX: '$prefix' is not 1-8 letters a-z" >&2; exit 2; }
work=$(mktemp -d /tmp/isoprobe-probetest.XXXXXX)
passed=0 failed=0 live_runs=0
db=$work/history.db
ids=()
bg_pids=()

cleanup() {
    local pid id
    for pid in "${bg_pids[@]}"; do kill "$pid" 2>/dev/null; done
    for id in "${ids[@]}"; do "$root/tools/lab" down --id "$id" >/dev/null 2>&1; done
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# assert SCENARIO REPORT EXPR...: each EXPR is a Python expression over `r` (the JSON report), `probe(peer, method)`
# (the result string for the sentinel or h2/h3 by name) and `control(name)` (its ok flag).
assert() {
    local scenario=$1 report=$2
    shift 2
    local expr
    for expr in "$@"; do
        if out=$(/usr/bin/python3 - "$report" "$expr" <<'PY' 2>&1
import json, sys
r = json.load(open(sys.argv[1]))
names = {"sentinel": lambda p: p["sentinel"], "h2": lambda p: p["peer"]["ip"] == "198.51.100.20", "h3": lambda p: p["peer"]["ip"] == "198.51.100.30"}
def probe(peer, method):
    hits = [p["result"] for p in r["probes"] if p["method"] == method and names[peer](p)]
    return hits[0] if hits else "absent"
def sentinel_says(method, *texts):
    """Some evidence sentence of the probe toward the sentinel by `method` contains one of `texts`."""
    return any(t in n for p in r["probes"] if p["method"] == method and p["sentinel"]
               for n in p["evidence"] if isinstance(n, str) for t in texts)
def control(name):
    hits = [c["ok"] for c in r["controls"] if c["name"] == name]
    return hits[0] if hits else None
ok = eval(sys.argv[2])
if not ok:
    print("false; verdict=%s; probes=%s; controls=%s" % (r["verdict"], [(p["method"], p["peer"]["ip"], p["result"]) for p in r["probes"]], [(c["name"], c["ok"]) for c in r["controls"]]))
sys.exit(0 if ok else 1)
PY
        ); then
            echo "ok   $scenario: $expr"
            passed=$((passed + 1))
        else
            echo "FAIL $scenario: $expr"
            echo "     | $out" | cut -c1-600
            failed=$((failed + 1))
        fi
    done
}

run_scenario() {
    local scenario=$1 id extra=()
    id=$prefix$(( ${#ids[@]} + 1 ))
    ids+=("$id")
    if ! "$root/tools/lab" up "$scenario" --id "$id" >"$work/$id.up" 2>&1; then
        echo "FAIL $scenario: tools/lab up"; tail -5 "$work/$id.up"; failed=$((failed + 1)); return
    fi
    if [ "$scenario" = port-steal ]; then
        # Traffic for the victim (the sentinel) must flow while its MAC is claimed: the gateway pings it.
        ip netns exec "ipb-$id-gw" ping -q -i 0.05 -w 30 198.51.100.11 >/dev/null 2>&1 &
        bg_pids+=($!)
        extra=(--intrusive)
    fi
    # Port security: the switch keeps the sentinel's MAC on its own port; stealing it must fail, and say so.
    # MAC-forced forwarding: only claiming the gateway's MAC gets another terminal's frames to us.
    case $scenario in port-security | mac-forced) extra=(--intrusive) ;; esac
    # Two subnets behind one router: the sentinel on the other one, on purpose.
    case $scenario in cross-*) extra=(--cross-segment) ;; esac
    local report=$work/$scenario.json rc=0
    ip netns exec "ipb-$id-probe" "$bin" probe -i probe0 --sentinel sentinel0 --rate 2000 --timeout 1.5 \
        "${extra[@]}" --json "$report" -w "$work/$scenario.pcapng" --db "$db" --prom "$work/$scenario.prom" >"$work/$id.out" 2>&1 || rc=$?
    live_runs=$((live_runs + 1))
    case $scenario in
        open) assert "$scenario" "$report" "r['verdict'] == 'fail'" "$rc == 1" \
            "all(probe('sentinel', m) == 'reached' for m in ['arp', 'icmp', 'l2-unicast', 'mdns', 'smb', 'ipv6'])" \
            "all(probe('h2', m) == 'reached' for m in ['arp', 'icmp', 'mdns', 'smb'])" \
            "any('SMB2 NEGOTIATE chose SMB 3' in e for p in r['probes'] if p['method'] == 'smb' and p['peer']['ip'] == '198.51.100.20' for e in p['evidence'] if isinstance(e, str))" \
            "len(r['conversations']) > 0" ;;
        isolated) assert "$scenario" "$report" "r['verdict'] == 'pass'" "$rc == 0" \
            "all(p['result'] == 'not-reached' for p in r['probes'] if p['sentinel'])" \
            "len([p for p in r['probes'] if p['sentinel']]) == 12" "probe('sentinel', 'unicast-in-broadcast') == 'not-reached'" \
            "all(c['ok'] for c in r['controls'])" "r['conversations'] == []" ;;
        flood-off) assert "$scenario" "$report" "r['verdict'] == 'fail'" \
            "probe('sentinel', 'l2-unicast') == 'reached'" "probe('sentinel', 'icmp') == 'reached'" ;;
        gateway-hairpin) assert "$scenario" "$report" "r['verdict'] == 'fail'" \
            "probe('sentinel', 'gateway-bounce') == 'reached'" "probe('sentinel', 'l2-unicast') == 'not-reached'" ;;
        ipv6-leak) assert "$scenario" "$report" "r['verdict'] == 'fail'" \
            "probe('sentinel', 'ipv6') == 'reached'" "probe('sentinel', 'icmp') == 'not-reached'" "probe('sentinel', 'arp') == 'not-reached'" ;;
        mdns-leak) assert "$scenario" "$report" "r['verdict'] == 'fail'" \
            "probe('sentinel', 'mdns') == 'reached'" "probe('sentinel', 'icmp') == 'not-reached'" "probe('sentinel', 'l2-unicast') == 'not-reached'" ;;
        no-gateway) assert "$scenario" "$report" "r['verdict'] == 'inconclusive'" "$rc == 3" \
            "control('gateway-arp') is False" "r['verdict'] != 'pass'" ;;
        # Claiming the gateway's MAC moves it to our port here too, but the bridge never forwards between
        # isolated ports: the sentinel's frames for the gateway are lost, not handed to us.
        port-steal) assert "$scenario" "$report" "r['verdict'] == 'fail'" \
            "probe('sentinel', 'port-steal') == 'reached'" "probe('sentinel', 'l2-unicast') == 'not-reached'" \
            "probe('sentinel', 'port-steal-uplink') == 'not-reached'" \
            "sentinel_says('port-steal', 'accepted the stolen address')" ;;
        # Issue 10's topologies (tools/lab list says what each models); the rule each exercises is in docs/report.md.
        proxy-arp-isolated) assert "$scenario" "$report" "r['verdict'] == 'pass'" "$rc == 0" \
            "probe('sentinel', 'arp') == 'not-reached'" "all(c['ok'] for c in r['controls'])" \
            "any(o.startswith('proxy ARP: the gateway') for o in r.get('observations', []))" \
            "all(p['found_by'] != 'arp-sweep' for p in r['segment']['peers'])" "r['conversations'] == []" ;;
        proxy-arp-hairpin) assert "$scenario" "$report" "r['verdict'] == 'fail'" "$rc == 1" \
            "probe('sentinel', 'gateway-bounce') == 'reached'" "probe('sentinel', 'arp') == 'not-reached'" \
            "probe('sentinel', 'l2-unicast') == 'not-reached'" ;;
        redirect-no-forward) assert "$scenario" "$report" "r['verdict'] == 'pass'" "$rc == 0" \
            "probe('sentinel', 'gateway-bounce') == 'not-reached'" \
            "any('(ICMP redirect, frame' in o for o in r.get('observations', []))" ;;
        wrong-segment-sentinel) assert "$scenario" "$report" "r['verdict'] == 'inconclusive'" "$rc == 3" \
            "control('sentinel-same-segment') is False" "control('sentinel-receives') is True" ;;
        no-default-route) assert "$scenario" "$report" "r['verdict'] == 'inconclusive'" "$rc == 3" \
            "control('gateway-arp') is False" "'may be the router' in ' '.join(r['requirements'][0]['reasons'])" ;;
        port-security) assert "$scenario" "$report" "r['verdict'] == 'pass'" "$rc == 0" \
            "probe('sentinel', 'port-steal') == 'not-reached'" "probe('sentinel', 'port-steal-uplink') == 'not-reached'" \
            "sentinel_says('port-steal-uplink', \"kept the gateway's address\")" \
            "sentinel_says('port-steal', 'did not accept the stolen address')" \
            "r['conversations'] == []" ;;
        # Issue 12: unicast IP in group frames, and claiming the gateway's MAC.
        group-flood) assert "$scenario" "$report" "r['verdict'] == 'fail'" "$rc == 1" \
            "probe('sentinel', 'unicast-in-broadcast') == 'reached'" \
            "all(probe('sentinel', m) == 'not-reached' for m in ['icmp', 'l2-unicast', 'gateway-bounce', 'smb'])" \
            "sentinel_says('unicast-in-broadcast', 'the sentinel received')" ;;
        mac-forced) assert "$scenario" "$report" "r['verdict'] == 'fail'" "$rc == 1" \
            "probe('sentinel', 'port-steal-uplink') == 'reached'" \
            "all(probe('sentinel', m) == 'not-reached' for m in ['arp', 'icmp', 'l2-unicast', 'gateway-bounce', 'unicast-in-broadcast'])" \
            "sentinel_says('port-steal-uplink', 'reached the probe after it claimed the gateway')" ;;
        l3-hairpin-no-icmp) assert "$scenario" "$report" "r['verdict'] == 'fail'" "$rc == 1" \
            "probe('sentinel', 'gateway-bounce') == 'reached'" \
            "sentinel_says('gateway-bounce', 'TCP SYN', 'UDP')" ;;
        # Issue 12: across segments only the routed methods run, the sentinel's capture is the proof, each side's
        # gateway answers, and the reasons say the verdict is about the two segments' separation.
        cross-routed) assert "$scenario" "$report" "r['verdict'] == 'fail'" "$rc == 1" \
            "all(probe('sentinel', m) == 'reached' for m in ['icmp', 'smb', 'gateway-bounce'])" \
            "sentinel_says('icmp', 'the sentinel received')" \
            "all(c['ok'] for c in r['controls'])" ;;
        cross-filtered) assert "$scenario" "$report" "r['verdict'] == 'pass'" "$rc == 0" \
            "all(probe('sentinel', m) == 'not-reached' for m in ['icmp', 'smb', 'gateway-bounce'])" \
            "all(c['ok'] for c in r['controls'])" \
            "r['segment']['sentinel_segment']['gateway'] == {'mac': '02:b1:00:00:0c:01', 'ip': '203.0.113.1'}" ;;
    esac
    case $scenario in
        cross-*) assert "$scenario" "$report" "[p['ip'] for p in r['segment']['peers']] == ['203.0.113.11']" \
            "all(probe('sentinel', m) == 'not-run' for m in ['arp', 'l2-unicast', 'mdns', 'llmnr', 'nbns', 'ssdp', 'wsd', 'ipv6'])" \
            "all(n.startswith('cross-segment mode: ') for p in r['probes'] if p['result'] == 'not-run' for n in p['evidence'] if isinstance(n, str))" \
            "[c['name'] for c in r['controls']] == ['own-frames-captured', 'gateway-arp', 'gateway-icmp', 'sentinel-receives', 'sentinel-other-segment', 'no-drops']" \
            "r['segment']['sentinel_segment']['subnet'] == '203.0.113.0/24' and r['segment']['sentinel_segment']['address'] == '203.0.113.11'" \
            "any('separation of segment 198.51.100.0/24 (probe0) from segment 203.0.113.0/24 (sentinel0)' in w for w in r['requirements'][0]['reasons'])" ;;
    esac
    assert "$scenario" "$report" "r['schema'] == 'isoprobe.report/1' and r['segment']['subnet'] == '198.51.100.0/24'"
    if /usr/bin/python3 "$root/tests/golden/validate_schema.py" "$report" >/dev/null; then
        echo "ok   $scenario: report matches docs/report.schema.json"; passed=$((passed + 1))
    else
        echo "FAIL $scenario: report does not match the schema"; failed=$((failed + 1))
    fi
    # The metrics of a live run: promtool-clean, and per method the peers reached are the report's.
    if lint=$(promtool check metrics <"$work/$scenario.prom" 2>&1) && [ -z "$lint" ] &&
        /usr/bin/python3 - "$work/$scenario.prom" "$report" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[2]))
got = {m: float(v) for m, v in re.findall(r'^isoprobe_peers_reached\{command="probe",interface="probe0",method="([^"]+)"\} (\S+)$', open(sys.argv[1]).read(), re.M)}
want = {}
for p in r["probes"]:
    want[p["method"]] = want.get(p["method"], 0) + (p["result"] == "reached")
sys.exit(0 if got == want and len(r["segment"]["peers"]) > 0 else 1)
PY
    then
        echo "ok   $scenario: --prom passes promtool, reached peers per method match the report"; passed=$((passed + 1))
    else
        echo "FAIL $scenario: --prom: ${lint:-series differ from the report}"; failed=$((failed + 1))
    fi
    local frames
    frames=$(tshark -r "$work/$scenario.pcapng" 2>/dev/null | wc -l)
    if [ "$frames" -gt 0 ] && [ "$frames" = "$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['segment'] and sum(f['frames'] for f in json.load(open(sys.argv[1]))['capture']['files']))" "$report")" ]; then
        echo "ok   $scenario: tshark reads all $frames frames of the written pcapng"; passed=$((passed + 1))
    else
        echo "FAIL $scenario: tshark reads $frames frames of the pcapng, the report says otherwise"; failed=$((failed + 1))
    fi
    "$root/tools/lab" down --id "$id" >/dev/null 2>&1
}

# Faults in a live run: Ctrl-C, SIGTERM and the interface going down must still give a report marked interrupted,
# exit 3, recorded in the history as interrupted.
run_faults() {
    local id=$prefix$(( ${#ids[@]} + 1 )) pid rc
    ids+=("$id")
    "$root/tools/lab" up isolated --id "$id" >"$work/$id.up" 2>&1 || { echo "FAIL faults: tools/lab up"; failed=$((failed + 1)); return; }
    ip netns exec "ipb-$id-probe" "$bin" probe -i probe0 --sentinel sentinel0 --rate 50 --json "$work/sigint.json" --db "$db" >/dev/null 2>&1 &
    pid=$!
    sleep 2.5
    # One run per interface: a second run on probe0 meanwhile is refused in one line and sends nothing.
    local second
    second=$(ip netns exec "ipb-$id-probe" "$bin" probe -i probe0 --no-db --json "$work/second.json" 2>&1); rc=$?
    if [ "$rc" = 2 ] && [ "$second" = "isoprobe: probe0: another isoprobe run is using this interface (pid $pid, user root, uid 0)" ] && [ ! -e "$work/second.json" ]; then
        echo "ok   faults-lock: a second run on the same interface is refused ($second)"; passed=$((passed + 1))
    else
        echo "FAIL faults-lock: exit $rc, output: $second"; failed=$((failed + 1))
    fi
    kill -INT "$pid"
    rc=0; wait "$pid" || rc=$?
    live_runs=$((live_runs + 1))
    assert faults-sigint "$work/sigint.json" "$rc == 3" "r.get('interrupted') is True" "r['verdict'] == 'inconclusive'" \
        "'interrupted' in r['requirements'][0]['reasons'][0]"
    "$bin" history --db "$db" --json --limit 1 >"$work/history-sigint.json"
    assert faults-sigint-history "$work/history-sigint.json" "(lambda run: run['command'] == 'probe' and run['scope'] == 'probe0' and run['interrupted'] is True and run['verdict'] == 'inconclusive' and run['files'] == ['$work/sigint.json'])(r['runs'][-1])"
    # A scheduled audit stopped by systemd's timeout (SIGTERM): the same, with report.json in its directory.
    ip netns exec "ipb-$id-probe" "$bin" audit -i probe0 --sentinel sentinel0 --rate 50 --out "$work/audit-term" --db "$db" --quiet >/dev/null 2>&1 &
    pid=$!
    sleep 2.5
    kill -TERM "$pid"
    rc=0; wait "$pid" || rc=$?
    live_runs=$((live_runs + 1))
    assert faults-sigterm-audit "$work/audit-term/report.json" "$rc == 3" "r.get('interrupted') is True" "r['verdict'] == 'inconclusive'" \
        "r['command'] == 'audit'"
    "$bin" history --db "$db" --json --limit 1 >"$work/history-sigterm.json"
    assert faults-sigterm-history "$work/history-sigterm.json" "(lambda run: run['command'] == 'audit' and run['interrupted'] is True and '$work/audit-term/report.json' in run['files'])(r['runs'][-1])"
    ip netns exec "ipb-$id-probe" "$bin" probe -i probe0 --sentinel sentinel0 --rate 50 --json "$work/down.json" --db "$db" >/dev/null 2>&1 &
    pid=$!
    sleep 2.5
    ip -n "ipb-$id-probe" link set probe0 down
    rc=0; wait "$pid" || rc=$?
    live_runs=$((live_runs + 1))
    assert faults-link-down "$work/down.json" "$rc == 3" "r.get('interrupted') is True" \
        "'probe0 went down' in r['requirements'][0]['reasons'][0]" "control('no-drops') is False"
    "$root/tools/lab" down --id "$id" >/dev/null 2>&1
}

# 20% random loss on every bridged frame (tools/lab, nft numgen): RUNS runs each; an isolated segment may be
# inconclusive but never fail, an open one never pass.
run_loss() {
    local scenario=$1 never=$2 id i rc verdicts=""
    id=$prefix$(( ${#ids[@]} + 1 ))
    ids+=("$id")
    "$root/tools/lab" up "$scenario" --id "$id" >"$work/$id.up" 2>&1 || { echo "FAIL $scenario: tools/lab up"; failed=$((failed + 1)); return; }
    for i in $(seq 1 "${LOSS_RUNS:-10}"); do
        rc=0
        ip netns exec "ipb-$id-probe" "$bin" probe -i probe0 --sentinel sentinel0 --rate 2000 --timeout 1.5 \
            --json "$work/$scenario-$i.json" --db "$db" >/dev/null 2>&1 || rc=$?
        live_runs=$((live_runs + 1))
        verdicts+="$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$work/$scenario-$i.json" 2>/dev/null || echo "exit-$rc") "
    done
    if [[ " $verdicts" != *" $never "* && "$verdicts" != *exit-* ]]; then
        echo "ok   $scenario: ${LOSS_RUNS:-10} runs, never $never ($verdicts)"; passed=$((passed + 1))
    else
        echo "FAIL $scenario: a run gave $never or no report ($verdicts)"; failed=$((failed + 1))
    fi
    "$root/tools/lab" down --id "$id" >/dev/null 2>&1
}

for s in "${scenarios[@]}"; do
    case $s in
        faults) run_faults ;;
        loss) run_loss loss-isolated fail; run_loss loss-open pass ;;
        *) run_scenario "$s" ;;
    esac
done
# Every live run is in the history, once, and the database is sound.
if [ "$(sqlite3 "$db" 'SELECT count(*) FROM runs')" = "$live_runs" ] && [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ]; then
    echo "ok   history: all $live_runs live runs recorded, integrity_check ok"; passed=$((passed + 1))
else
    echo "FAIL history: $(sqlite3 "$db" 'SELECT count(*) FROM runs' 2>&1) runs recorded, $live_runs run"; failed=$((failed + 1))
fi
leftover=$(ip netns list | grep -cE "^ipb-${prefix}[0-9]+-" || true)
if [ "$leftover" = 0 ]; then echo "ok   teardown: no namespace left"; passed=$((passed + 1)); else echo "FAIL teardown: $leftover namespaces left"; failed=$((failed + 1)); fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
