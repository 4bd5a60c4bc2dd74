#!/usr/bin/env bash
# The .deb end to end: cpack builds it from BUILD_DIR, dpkg installs it, the installed files are checked (version,
# man page, systemd units, file capabilities, conffile, service user), then dpkg --purge removes it and nothing of it
# may remain. Needs root (dpkg); refuses to run when isoprobe is already installed (as a package or by
# cmake --install into /usr), so that it never replaces or purges somebody else's installation. The history that
# root's own runs keep in /var/lib/isoprobe (which purge deletes) is moved aside meanwhile and put back.
# Usage: test-deb.sh BUILD_DIR. One ok/FAIL line per check, then 'N passed, M failed'; exit 0 only if none failed.
# shellcheck disable=SC2317 # the checks are functions called through check()
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-debtest.XXXXXX)
passed=0 failed=0
we_installed=0 we_made_user=0 state_backup=""
files=()

cleanup() {
    if [ "$we_installed" = 1 ] && dpkg_knows; then
        dpkg --purge isoprobe >"$work/cleanup-purge.log" 2>&1 || cat "$work/cleanup-purge.log"
    fi
    if [ "$we_made_user" = 1 ] && getent passwd isoprobe >/dev/null; then
        userdel isoprobe
        if getent group isoprobe >/dev/null; then groupdel isoprobe; fi
    fi
    rm -rf -- "$work"
    if [ -n "$state_backup" ]; then
        if [ -e /var/lib/isoprobe ]; then
            echo "FAIL /var/lib/isoprobe was created again during the test; the one from before is in $state_backup"
            exit 1
        fi
        mv -- "$state_backup" /var/lib/isoprobe && echo "note: /var/lib/isoprobe put back"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
# check NAME CMD...: the command's success is the check; its output is shown only when it fails.
check() {
    local name=$1
    shift
    if "$@" >"$work/check.out" 2>&1; then ok "$name"; else fail "$name"; sed 's/^/     | /' "$work/check.out" | head -20; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit
}

# dpkg_knows: dpkg has isoprobe installed, half-installed or with its conffiles left.
dpkg_knows() {
    local status
    status=$(dpkg-query -W -f='${Status}' isoprobe 2>/dev/null) || return 1
    [ "$status" != "unknown ok not-installed" ]
}

ships_everything() {
    local f
    for f in /usr/bin/isoprobe /usr/share/man/man1/isoprobe.1.gz /usr/lib/systemd/system/isoprobe-audit@.service \
        /usr/lib/systemd/system/isoprobe-audit@.timer /usr/lib/sysusers.d/isoprobe.conf \
        /usr/share/doc/isoprobe/examples/isoprobe.toml /etc/isoprobe/isoprobe.toml /usr/share/isoprobe/isoprobe-rules.yml \
        /usr/share/isoprobe/isoprobe-rules.test.yml /usr/share/isoprobe/isoprobe-dashboard.json; do
        printf '%s\n' "${files[@]}" | grep -qx "$f" || { echo "missing $f"; return 1; }
    done
}

control_fields() {
    local depends
    depends=$(dpkg-deb -f "$deb" Depends)
    echo "Section: $(dpkg-deb -f "$deb" Section); Depends: $depends"
    [ "$(dpkg-deb -f "$deb" Section)" = net ] && grep -q 'libcap2-bin' <<<"$depends" &&
        grep -q 'libpcap0.8 (>=' <<<"$depends" && grep -q 'libc6 (>=' <<<"$depends"
}

version_matches() {
    local out
    out=$(/usr/bin/isoprobe --version)
    echo "$out"
    [ "$out" = "isoprobe $version" ]
}

man_renders() {
    local out
    [ "$(man -w isoprobe)" = /usr/share/man/man1/isoprobe.1.gz ] || { man -w isoprobe; return 1; }
    out=$(MANWIDTH=80 man -l /usr/share/man/man1/isoprobe.1.gz 2>&1) || return 1
    grep -q '^ISOPROBE(1)' <<<"$out" && grep -q '^EXIT STATUS' <<<"$out" &&
        grep -q 'setcap cap_net_raw,cap_net_admin+ep' <<<"$out" && ! grep -q 'warning:' <<<"$out"
}

man_clean() {
    local warnings
    warnings=$(zcat /usr/share/man/man1/isoprobe.1.gz | groff -ww -man -Tutf8 -z 2>&1)
    echo "$warnings"
    [ -z "$warnings" ]
}

units_installed() {
    grep -q '^ExecStart=/usr/bin/isoprobe audit --config /etc/isoprobe/isoprobe.toml -i %i ' \
        /usr/lib/systemd/system/isoprobe-audit@.service &&
        grep -q '^OnCalendar=' /usr/lib/systemd/system/isoprobe-audit@.timer
}

# verify loads an instance by name from the unit path as systemctl would, checks the binary and the man page of
# Documentation=; it prints nothing when all is well.
units_verify() {
    local out rc=0
    out=$(cd / && systemd-analyze verify isoprobe-audit@probe0.service isoprobe-audit@probe0.timer 2>&1) || rc=$?
    echo "$out"
    [ "$rc" = 0 ] && [ -z "$out" ]
}

caps_set() {
    local out
    out=$(getcap /usr/bin/isoprobe)
    echo "$out"
    grep -Eq '^/usr/bin/isoprobe (cap_net_admin,cap_net_raw|cap_net_raw,cap_net_admin)[+=]ep$' <<<"$out"
}

conffile() {
    [ -f /etc/isoprobe/isoprobe.toml ] &&
        dpkg-query -W -f='${Conffiles}' isoprobe | grep -q '^ */etc/isoprobe/isoprobe.toml '
}

service_user() {
    local name uid gid gecos home shell
    IFS=: read -r name _ uid gid gecos home shell < <(getent passwd isoprobe) || return 1
    echo "$name:$uid:$gid:$gecos:$home:$shell"
    [ "$uid" -lt 1000 ] && [ "$shell" = /usr/sbin/nologin ]
}

# What the service does without systemd: user isoprobe, the unit's bounding set, the installed binary with its file
# capabilities (execve fails if the bounding set lacks one of them).
runs_as_service_user() {
    local rc=0
    setpriv --reuid=isoprobe --regid=isoprobe --clear-groups --bounding-set=-all,+net_raw,+net_admin -- \
        /usr/bin/isoprobe inspect --json - "$root/captures/h1-open.pcap" >"$work/inspect.json" || rc=$?
    echo "exit $rc"
    [ "$rc" = 1 ] && /usr/bin/python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
assert r["schema"] == "isoprobe.report/1" and r["verdict"] == "fail", r["verdict"]' "$work/inspect.json"
}

purged() { ! dpkg_knows; }

nothing_left() {
    local f left=0
    for f in "${files[@]}" /etc/isoprobe /var/lib/isoprobe /usr/share/doc/isoprobe /usr/share/isoprobe; do
        if [ -e "$f" ]; then echo "left: $f"; left=1; fi
    done
    [ "$left" = 0 ]
}

if ! command -v dpkg >/dev/null; then echo "skipped: not a Debian system (no dpkg)"; exit 77; fi
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
[ -n "$version" ] || { fail "no project version in $build/CMakeCache.txt"; finish; }
if dpkg_knows; then
    fail "refusing to run: package isoprobe is on this system ($(dpkg-query -W -f='${Status}' isoprobe)); dpkg --purge isoprobe first"
    finish
fi

# 1. Build the package into the temporary directory (the build tree stays as it was).
if cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/cpack" >"$work/cpack.log" 2>&1; then
    deb=$(ls "$work"/cpack/isoprobe_*.deb)
    ok "cpack built $(basename "$deb")"
else
    fail "cpack"; tail -20 "$work/cpack.log"; finish
fi
mapfile -t files < <(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\./, "", $6); print $6 }')
for f in "${files[@]}"; do
    if [ -e "$f" ]; then fail "refusing to run: $f exists (installed by something else)"; finish; fi
done
if [ -e /var/lib/isoprobe ]; then
    state_backup=/var/lib/isoprobe.before-test-deb.$$
    mv -- /var/lib/isoprobe "$state_backup" || { state_backup=""; fail "cannot move /var/lib/isoprobe aside"; finish; }
    echo "note: /var/lib/isoprobe (history of root's runs) moved to $state_backup until the end of the test"
fi
check "package ships the binary, man page, units, sysusers file, example, conffile, alerting rules and dashboard" ships_everything
check "control: section net, Depends on libcap2-bin and the shared libraries (dpkg-shlibdeps)" control_fields

# 2. Install and check what is installed.
getent passwd isoprobe >/dev/null || we_made_user=1
we_installed=1
if dpkg -i "$deb" >"$work/install.log" 2>&1; then ok "dpkg -i"; else fail "dpkg -i"; tail -20 "$work/install.log"; finish; fi
check "isoprobe --version prints the project version ($version)" version_matches
check "man page installed, found by man -w and rendered by man -l" man_renders
check "man page has no groff warnings" man_clean
check "units installed, naming /usr/bin/isoprobe and /etc/isoprobe/isoprobe.toml" units_installed
check "systemd-analyze verify isoprobe-audit@probe0.service and .timer" units_verify
check "getcap /usr/bin/isoprobe shows cap_net_raw and cap_net_admin, effective and permitted" caps_set
check "/etc/isoprobe/isoprobe.toml is a conffile" conffile
check "service user isoprobe: system account, no login shell" service_user
check "installed binary runs as user isoprobe under the unit's bounding set (inspect h1-open.pcap: fail, exit 1)" \
    runs_as_service_user

# 3. Purge, with state as the service leaves it: nothing of the package may remain.
mkdir -p /var/lib/isoprobe/audits/isoprobe-audit-20260101T000000Z && touch /var/lib/isoprobe/history.db
if dpkg --purge isoprobe >"$work/purge.log" 2>&1; then ok "dpkg --purge"; else fail "dpkg --purge"; tail -20 "$work/purge.log"; fi
check "package gone from dpkg's database" purged
check "no file of the package left, nor /etc/isoprobe, /var/lib/isoprobe, the doc or data directory" nothing_left
check "man -w no longer finds isoprobe" bash -c '! man -w isoprobe'
finish
