#!/usr/bin/env bash
# isoprobe as an ordinary user with only its two file capabilities: a copy of the binary gets
# `setcap cap_net_raw,cap_net_admin+ep`, then `isoprobe probe` runs in the lab (tools/lab scenarios "open" and
# "isolated", paired mode) as the user isoprobe-test under a bounding set of just cap_net_raw and cap_net_admin, and
# must give the lab's expected verdicts; an uncapped copy must stop with one clear line about the permission, exit 2.
# Then the command line of tools/systemd/isoprobe-audit@.service runs the same way (config, history, metrics).
# Needs root (namespaces, setcap, useradd); creates the user if missing and removes what it created.
# Usage: test-nonroot.sh ISOPROBE_BINARY. One ok/FAIL line per check, then 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
readonly user=isoprobe-test
passed=0 failed=0
ids=()
work="" made_user=0 lock_dir=""

cleanup() {
    local id
    for id in "${ids[@]}"; do "$root/tools/lab" down --id "$id" >/dev/null 2>&1; done
    [ -n "$lock_dir" ] && rm -rf -- "$lock_dir"
    [ "$made_user" = 1 ] && userdel "$user"
    [ -n "$work" ] && rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# File capabilities count only on a mount without nosuid: take the first temporary directory that has one.
for base in /tmp /var/tmp; do
    case ",$(findmnt -no OPTIONS -T "$base")," in *,nosuid,*) continue ;; esac
    work=$(mktemp -d "$base/isoprobe-nonroot.XXXXXX")
    break
done
if [ -z "$work" ]; then fail "no temporary directory without nosuid (file capabilities would be ignored)"; exit 1; fi
chmod 755 "$work"
install -m 755 "$bin" "$work/isoprobe"
install -m 755 "$bin" "$work/isoprobe-nocaps"
setcap cap_net_raw,cap_net_admin+ep "$work/isoprobe" || { fail "setcap on the copy"; exit 1; }

if ! getent passwd "$user" >/dev/null; then
    useradd --system --no-create-home --home-dir / --shell /usr/sbin/nologin "$user" || { fail "useradd $user"; exit 1; }
    made_user=1
fi
uid=$(id -u "$user")
gid=$(id -g "$user")
# Without root, the run lock lives in /tmp/isoprobe-UID (no XDG_RUNTIME_DIR in the clean environment below).
[ -e "/tmp/isoprobe-$uid" ] || lock_dir=/tmp/isoprobe-$uid
# The user's own home and output directory: the history of its runs goes to $HOME/.local/state/isoprobe/.
mkdir -m 700 "$work/home" "$work/out" && chown "$uid:$gid" "$work/home" "$work/out"

# as_user NS CMD...: runs CMD in the lab namespace NS as the test user, in a clean environment, with a bounding set
# of the two capabilities only: whatever the command can do, it can do with those and nothing else.
as_user() {
    local ns=$1
    shift
    ip netns exec "$ns" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C HOME="$work/home" \
        setpriv --reuid="$uid" --regid="$gid" --clear-groups --bounding-set=-all,+net_raw,+net_admin -- "$@"
}

# verdict_of REPORT: the terminal-isolation verdict in a JSON report.
verdict_of() { /usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["verdict"])' "$1" 2>/dev/null; }

run_scenario() {
    local scenario=$1 id expect want_rc ns report rc=0 verdict owner
    id=nr$$${scenario:0:1}
    ids+=("$id")
    if ! "$root/tools/lab" up "$scenario" --id "$id" >"$work/$id.up" 2>&1; then
        fail "$scenario: tools/lab up"; tail -5 "$work/$id.up"; return
    fi
    expect=$("$root/tools/lab" info --id "$id" | sed -n 's/^EXPECT=//p')
    ns=$("$root/tools/lab" info --id "$id" | sed -n 's/^NS_PROBE=//p')
    case $expect in pass) want_rc=0 ;; fail) want_rc=1 ;; *) want_rc=3 ;; esac
    report=$work/out/$scenario.json
    as_user "$ns" "$work/isoprobe" probe -i probe0 --sentinel sentinel0 --rate 2000 --timeout 1.5 --json "$report" \
        >"$work/$id.out" 2>"$work/$id.err" || rc=$?
    verdict=$(verdict_of "$report")
    if [ "$verdict" = "$expect" ] && [ "$rc" = "$want_rc" ]; then
        ok "$scenario: as $user with file capabilities: verdict $verdict, exit $rc (lab expects $expect)"
    else
        fail "$scenario: as $user with file capabilities: verdict '${verdict:-none}', exit $rc; lab expects $expect, exit $want_rc"
        sed 's/^/     | /' "$work/$id.err" | head -5
    fi
    owner=$(stat -c %U "$report" 2>/dev/null)
    if [ "$owner" = "$user" ]; then ok "$scenario: the report was written by $user"; else fail "$scenario: report owner '${owner:-none}', not $user"; fi

    if [ "$scenario" = isolated ]; then
        check_without_caps "$ns"
        check_short_bounding_set "$ns"
        check_service_command "$ns"
    fi
    "$root/tools/lab" down --id "$id" >/dev/null 2>&1
}

# The same binary without file capabilities: exit 2, one line on stderr naming the permission, nothing else.
check_without_caps() {
    local ns=$1 rc=0 lines
    as_user "$ns" "$work/isoprobe-nocaps" probe -i probe0 --sentinel sentinel0 --json "$work/out/nocaps.json" \
        >"$work/nocaps.out" 2>"$work/nocaps.err" || rc=$?
    lines=$(wc -l <"$work/nocaps.err")
    if [ "$rc" = 2 ] && [ "$lines" = 1 ] && grep -Eq '^isoprobe: .*permission denied.*CAP_NET_RAW' "$work/nocaps.err" &&
        [ ! -s "$work/nocaps.out" ] && [ ! -e "$work/out/nocaps.json" ]; then
        ok "without file capabilities: exit 2, one line: $(cat "$work/nocaps.err")"
    else
        fail "without file capabilities: exit $rc, $lines stderr line(s), report $([ -e "$work/out/nocaps.json" ] && echo written || echo absent): $(head -c 300 "$work/nocaps.err")"
    fi
}

# A bounding set that lacks one of the file's capabilities makes the kernel refuse the execve (EPERM) rather than run
# a +ep binary with less than it asks for: the systemd unit's CapabilityBoundingSet must keep both.
check_short_bounding_set() {
    local ns=$1 rc=0
    ip netns exec "$ns" env -i PATH=/usr/bin:/bin setpriv --reuid="$uid" --regid="$gid" --clear-groups \
        --bounding-set=-all,+net_raw -- "$work/isoprobe" --version >"$work/short.out" 2>&1 || rc=$?
    if [ "$rc" != 0 ] && grep -q 'Operation not permitted' "$work/short.out"; then
        ok "bounding set without cap_net_admin: execve refused (EPERM), as the man page says"
    else
        fail "bounding set without cap_net_admin: exit $rc: $(head -c 300 "$work/short.out")"
    fi
}

# unit_value KEY: the value of KEY= in the service unit, its system paths moved into the work directory.
unit_value() {
    local v
    v=$(sed -n "s/^$1=//p" "$root/tools/systemd/isoprobe-audit@.service")
    v=${v//\/usr\/bin\/isoprobe/$work/isoprobe}
    v=${v//\/etc\/isoprobe\//$work/etc/}
    v=${v//\/var\/lib\/isoprobe\//$work/out/}
    v=${v//\/var\/lib\/prometheus\/node-exporter\//$work/out/}
    echo "${v//%i/probe0}"
}

# The unit's ExecStart run from its WorkingDirectory as the user with the unit's bounding set, with the shipped
# config naming the sentinel (paired mode) and a faster rate: the isolated segment must pass, exit 0, quietly.
check_service_command() {
    local ns=$1 args=() wd rc=0 dirs=() report
    read -r -a args <<<"$(unit_value ExecStart)"
    wd=$(unit_value WorkingDirectory)
    mkdir -p "$work/etc" "$wd" && chown "$uid:$gid" "$wd"
    sed -e 's/^rate = 200$/rate = 2000/' -e 's/^timeout = 2$/timeout = 1.5/' \
        -e 's/^# sentinel = "eth1"$/sentinel = "sentinel0"/' "$root/tools/systemd/isoprobe.toml" >"$work/etc/isoprobe.toml"
    grep -q '^sentinel = "sentinel0"$' "$work/etc/isoprobe.toml" || { fail "service command line: no sentinel line to set in isoprobe.toml"; return; }
    (cd "$wd" && as_user "$ns" "${args[@]}") >"$work/service.out" 2>"$work/service.err" || rc=$?
    dirs=("$wd"/isoprobe-audit-*)
    report=${dirs[0]}/report.json
    if [ "$rc" = 0 ] && [ ${#dirs[@]} = 1 ] && [ "$(verdict_of "$report")" = pass ] && [ ! -s "$work/service.out" ]; then
        ok "service command line as $user: exit 0, nothing printed, report in WorkingDirectory/$(basename "${dirs[0]}")"
    else
        fail "service command line as $user: exit $rc, ${#dirs[@]} audit dir(s), verdict '$(verdict_of "$report")': $(head -c 300 "$work/service.err")"
    fi
    if grep -q '^isoprobe_' "$work/out/isoprobe-probe0.prom" 2>/dev/null && [ -s "$work/out/history.db" ]; then
        ok "service command line: metrics in isoprobe-probe0.prom, run recorded in history.db"
    else
        fail "service command line: no isoprobe_ metrics in isoprobe-probe0.prom, or no history.db"
    fi
}

for scenario in open isolated; do run_scenario "$scenario"; done
if [ -s "$work/home/.local/state/isoprobe/history.db" ]; then
    ok "the user's runs are recorded in its own \$HOME/.local/state/isoprobe/history.db"
else
    fail "no history in the user's \$HOME/.local/state/isoprobe/"
fi
leftover=0
for id in "${ids[@]}"; do
    if ip netns list | grep -q "^ipb-$id-"; then leftover=$((leftover + 1)); fi
done
if [ "$leftover" = 0 ]; then ok "teardown: no namespace left"; else fail "teardown: $leftover lab(s) left"; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
