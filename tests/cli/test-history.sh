#!/usr/bin/env bash
# The run history end to end (docs/history.md): replays recorded with --db, regressions listed by `isoprobe history`
# (JSON and text), 8 processes recording 5 runs each into one database at once (all 40 kept, integrity_check ok),
# and the errors: an unwritable --db is one line and exit 2 with nothing written. Needs the sqlite3 CLI.
# Usage: test-history.sh ISOPROBE_BINARY. Ends with 'N passed, M failed'.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=$(realpath "$1")
work=$(mktemp -d /tmp/isoprobe-historytest.XXXXXX)
passed=0 failed=0
trap 'rm -rf -- "$work"' EXIT

check() { # check NAME CONDITION-EXIT-STATUS [DETAIL]
    if [ "$2" = 0 ]; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1${3:+: $3}"; failed=$((failed + 1)); fi
}
# py NAME JSON-FILE EXPR: EXPR over `h` (the parsed file) must be true.
py() {
    local out rc=0
    out=$(/usr/bin/python3 -c 'import json, sys; h = json.load(open(sys.argv[1])); ok = eval(sys.argv[2]); print("" if ok else json.dumps(h)[:600]); sys.exit(0 if ok else 1)' "$2" "$3" 2>&1) || rc=$?
    check "$1: $3" "$rc" "$out"
}

# 1. Regressions: the same capture path (a rotating capture file, as a scheduled inspect sees it), first from an
# isolated BSS (client isolation heard in monitor mode), then from an open one: terminal-isolation goes pass -> fail.
db=$work/h.db seg=$work/segment.pcap
roles=()
cp "$root/captures/wifi-client-isolated-wpa3e.pcap" "$seg"
rc=0; "$bin" inspect "$seg" "${roles[@]}" --db "$db" --json "$work/r1.json" || rc=$?
check "isolated capture recorded, exit 0" "$rc"
cp "$root/captures/wifi-client-open.pcap" "$seg"
rc=0; "$bin" inspect "$seg" "${roles[@]}" --db "$db" --json "$work/r2.json" --operator "Tanaka Hanako" \
    --note "ticket #42" || rc=$?
[ "$rc" = 1 ]; check "open capture recorded, exit 1" $? "exit $rc"
# Wi-Fi under another scope: a BSS that was not there before.
wifi=$work/air.pcapng.gz
cp "$root/captures/ws-wpa3-sae.pcapng.gz" "$wifi"; "$bin" inspect "$wifi" --db "$db" >/dev/null
cp "$root/captures/ws-wpa2-ft-eap.pcapng.gz" "$wifi"; "$bin" inspect "$wifi" --db "$db" >/dev/null

"$bin" history --db "$db" --json >"$work/h.json"; check "history --json exits 0" $?
py "runs" "$work/h.json" "[r['id'] for r in h['runs']] == [1, 2, 3, 4] and {r['scope'] for r in h['runs']} == {'$seg', '$wifi'}"
py "run 1 as recorded" "$work/h.json" "(lambda r: r['verdict'] == 'pass' and r['requirements']['terminal-isolation'] == 'pass' and r['files'] == ['$work/r1.json'] and r['command'] == 'inspect' and r['baseline'] is None and r['regressions'] == [] and r['duration_s'] > 0)(h['runs'][0])"
py "pass -> fail against run 1" "$work/h.json" "(lambda r: r['baseline'] == 1 and r['regressions'][0] == {'kind': 'requirement-fail', 'key': 'terminal-isolation', 'detail': 'pass in the previous run, fail now'})(h['runs'][1])"
py "who ran it and why (--operator, --note)" "$work/h.json" "h['runs'][1]['operator'] == 'Tanaka Hanako' and h['runs'][1]['note'] == 'ticket #42' and h['runs'][0]['operator'] == ''"
py "new conversation pair" "$work/h.json" "any(g['kind'] == 'new-conversation' and g['key'] == '02:00:00:00:0b:01 <-> 02:00:00:00:0b:02' for g in h['runs'][1]['regressions'])"
py "new BSSID in the other scope" "$work/h.json" "h['runs'][3]['baseline'] == 3 and any(g['kind'] == 'new-bss' for g in h['runs'][3]['regressions'])"
"$bin" history --db "$db" --json --regressions --limit 1 >"$work/hr.json"
py "--regressions --limit 1: the latest run with regressions" "$work/hr.json" "[r['id'] for r in h['runs']] == [4]"
"$bin" history --db "$db" >"$work/h.txt"; rc=$?
grep -Eq '^ +1 .* inspect +pass ' "$work/h.txt" && grep -Eq '^! 2 .* inspect +fail ' "$work/h.txt" &&
    grep -q '! requirement-fail terminal-isolation: pass in the previous run, fail now (against run 1)' "$work/h.txt"
check "text table marks run 2 and names its regression" $(( rc || $? )) "$(head -c 600 "$work/h.txt")"
grep -q '^ *by Tanaka Hanako: ticket #42$' "$work/h.txt"; check "text table: who ran run 2 and why" $? "$(head -c 600 "$work/h.txt")"

# A version 1 database (before --operator and --note) is migrated on open: its runs keep '' for both.
v1=$work/v1.db
sqlite3 "$v1" "PRAGMA application_id = 1769172848; CREATE TABLE runs (id INTEGER PRIMARY KEY, started_ns INTEGER NOT NULL, finished_ns INTEGER NOT NULL, duration_s REAL GENERATED ALWAYS AS ((finished_ns - started_ns) / 1e9) VIRTUAL, host TEXT NOT NULL, command TEXT NOT NULL, scope TEXT NOT NULL, verdict TEXT NOT NULL, interrupted INTEGER NOT NULL, files TEXT NOT NULL, report TEXT NOT NULL, baseline INTEGER REFERENCES runs(id) ON DELETE SET NULL); CREATE INDEX runs_by_scope ON runs(command, scope, interrupted, id); CREATE TABLE requirements (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, requirement TEXT NOT NULL, status TEXT NOT NULL, PRIMARY KEY (run, requirement)) WITHOUT ROWID; CREATE TABLE findings (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, kind TEXT NOT NULL, key TEXT NOT NULL, detail TEXT NOT NULL, PRIMARY KEY (run, kind, key)) WITHOUT ROWID; CREATE TABLE regressions (run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, kind TEXT NOT NULL, key TEXT NOT NULL, detail TEXT NOT NULL, PRIMARY KEY (run, kind, key)) WITHOUT ROWID; INSERT INTO runs (started_ns, finished_ns, host, command, scope, verdict, interrupted, files, report) VALUES (1, 2, 'h', 'inspect', 's', 'pass', 0, '[]', '{}'); PRAGMA user_version = 1;"
"$bin" inspect "$seg" --db "$v1" --operator op >/dev/null
[ "$(sqlite3 "$v1" "PRAGMA user_version; SELECT group_concat(quote(operator), ',') FROM runs")" = $'2\n\'\',\'op\'' ]
check "a version 1 database is migrated to version 2 on open, its runs kept" $? "$(sqlite3 "$v1" 'PRAGMA user_version; SELECT operator FROM runs' 2>&1)"

# A damaged row (files or report not the JSON isoprobe writes) is listed and flagged, and the next run still finds
# its baseline and regressions.
cp "$db" "$work/damaged.db"
sqlite3 "$work/damaged.db" "UPDATE runs SET files = 'not json' WHERE id = 1; UPDATE runs SET report = '{\"cut\": ' WHERE id = 2"
"$bin" history --db "$work/damaged.db" --json >"$work/hd.json" 2>"$work/hd.err"; rc=$?
check "history of a database with damaged rows exits 0" "$rc" "$(cat "$work/hd.err")"
py "damaged rows flagged, the rest intact" "$work/hd.json" "[r['problems'] for r in h['runs']] == [['files is not a JSON array of paths'], ['report is not a JSON object'], [], []] and h['runs'][0]['files'] == [] and h['runs'][1]['regressions'][0]['kind'] == 'requirement-fail'"
"$bin" history --db "$work/damaged.db" >"$work/hd.txt" 2>&1
grep -q '? damaged row: files is not a JSON array of paths' "$work/hd.txt"; check "text table flags the damaged row" $? "$(head -c 600 "$work/hd.txt")"
cp "$root/captures/wifi-client-isolated-wpa3e.pcap" "$seg"
"$bin" inspect "$seg" "${roles[@]}" --db "$work/damaged.db" --json "$work/r5.json"
"$bin" history --db "$work/damaged.db" --json >"$work/hd.json"
py "a run after a damaged one is compared with it" "$work/hd.json" "h['runs'][-1]['baseline'] == 2 and h['runs'][-1]['regressions'] == []"

# inspect records nothing without --db: the default database is left alone (root's, or the user's XDG one).
if [ "$(id -u)" = 0 ]; then default=/var/lib/isoprobe; else default=${XDG_STATE_HOME:-$HOME/.local/state}/isoprobe; fi
before=$(ls -l --time-style=full-iso "$default" 2>&1)
"$bin" inspect "$seg" --json "$work/r3.json"
[ "$before" = "$(ls -l --time-style=full-iso "$default" 2>&1)" ]; check "inspect without --db leaves $default alone" $?

# Live commands record by default: as an ordinary user into $XDG_STATE_HOME/isoprobe/history.db, created 0700
# in Outputs::open(), before the interface is even looked at (this run then fails on the unknown interface).
if [ "$(id -u)" = 0 ]; then
    chmod 711 "$work"; mkdir -m 777 "$work/xdg"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups env XDG_STATE_HOME="$work/xdg")
else
    mkdir "$work/xdg"; as_user=(env XDG_STATE_HOME="$work/xdg")
fi
"${as_user[@]}" "$bin" probe -i isoprobe-nonexistent0 >/dev/null 2>&1
[ "$(stat -c %a "$work/xdg/isoprobe" 2>&1)" = 700 ] && [ "$(sqlite3 "$work/xdg/isoprobe/history.db" 'PRAGMA user_version; SELECT count(*) FROM runs')" = $'2\n0' ]
check "probe creates the default database (0700 directory, schema, no run) before failing" $?
rm -rf "$work/xdg/isoprobe"
"${as_user[@]}" "$bin" probe -i isoprobe-nonexistent0 --no-db >/dev/null 2>&1
[ ! -e "$work/xdg/isoprobe" ]; check "--no-db creates nothing" $?

# Root's run into a directory of the service user (as /var/lib/isoprobe) leaves a database that user can still write.
if [ "$(id -u)" = 0 ]; then
    mkdir "$work/shared"; chown 65534:65534 "$work/shared"
    "$bin" inspect "$seg" --db "$work/shared/h.db" --json "$work/r4.json"
    setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" inspect "$seg" --db "$work/shared/h.db" --json "$work/shared/r.json" 2>"$work/shared.err"
    [ "$(stat -c %u "$work/shared/h.db")" = 65534 ] && [ "$(sqlite3 "$work/shared/h.db" 'SELECT count(*) FROM runs')" = 2 ]
    check "a database root creates belongs to its directory's owner, who records next" $? "$(cat "$work/shared.err") $(sqlite3 "$work/shared/h.db" "SELECT count(*) FROM runs")"
fi

# 2. Concurrency: 8 processes x 5 runs into one new database at once (the first ones race to create the schema).
cdb=$work/concurrent.db
start=$(date +%s.%N)
pids=()
for p in 1 2 3 4 5 6 7 8; do
    (
        for i in 1 2 3 4 5; do
            rc=0; "$bin" inspect "$root/captures/h1-open.pcap" --db "$cdb" --json "$work/c.$p.$i.json" 2>"$work/c.$p.$i.err" || rc=$?
            [ "$rc" = 1 ] || { echo "process $p run $i: exit $rc: $(cat "$work/c.$p.$i.err")"; exit 1; }
        done
    ) &
    pids+=($!)
done
errors=0
for pid in "${pids[@]}"; do wait "$pid" || errors=$((errors + 1)); done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
check "8 x 5 concurrent runs all exit 1 (fail), none lost to a lock" "$errors"
[ "$(sqlite3 "$cdb" 'SELECT count(*) FROM runs')" = 40 ]; check "exactly 40 runs recorded" $? "$(sqlite3 "$cdb" 'SELECT count(*) FROM runs')"
[ "$(sqlite3 "$cdb" 'PRAGMA integrity_check')" = ok ]; check "PRAGMA integrity_check: ok" $?
[ "$(sqlite3 "$cdb" 'PRAGMA foreign_key_check' | wc -l)" = 0 ] &&
    [ "$(sqlite3 "$cdb" "SELECT count(*) FROM requirements")" = 160 ] && [ "$(sqlite3 "$cdb" 'PRAGMA journal_mode')" = wal ]
check "every run has its 4 requirement statuses, foreign keys hold, WAL" $?
size=$(stat -c %s "$cdb")
echo "     measured: 40 concurrent runs in ${elapsed} s; database $size bytes, $((size / 40)) bytes per run (after checkpoint)"

# 3. Errors: one line, exit 2, nothing written (no report, no temporary, nothing on standard output).
expect_error() { # NAME WANT CMD...
    local name=$1 want=$2 rc=0
    shift 2
    rm -rf "$work/out"; mkdir "$work/out"
    "$@" >"$work/out.stdout" 2>"$work/out.stderr" || rc=$?
    local lines leftovers
    lines=$(wc -l <"$work/out.stderr")
    leftovers=$(find "$work/out" -mindepth 1 | wc -l)
    local ok=0 # taken before check's arguments: a command substitution there would reset $?
    [ "$rc" = 2 ] && [ "$lines" = 1 ] && grep -qF "$want" "$work/out.stderr" && grep -q '^isoprobe: ' "$work/out.stderr" &&
        [ "$leftovers" = 0 ] && [ ! -s "$work/out.stdout" ] || ok=1
    check "$name: $(cat "$work/out.stderr")" "$ok" "exit $rc, $lines line(s), $leftovers file(s)"
}
expect_error "unwritable --db" "cannot open the history database" "$bin" inspect "$seg" --db /proc/isoprobe-test/h.db --json "$work/out/report.json" --prom "$work/out/m.prom"
expect_error "--db in a missing directory" "No such file or directory" "$bin" inspect "$seg" --db "$work/out/no/h.db" --json "$work/out/report.json"
echo '{}' >"$work/not-a-db.json"
expect_error "--db naming another file" "not a database" "$bin" inspect "$seg" --db "$work/not-a-db.json" --json "$work/out/report.json"
expect_error "history of a missing database" "no history database" "$bin" history --db "$work/out/none.db"
expect_error "--jsonl with --json -" "both write to standard output" "$bin" inspect "$seg" --jsonl --json -

# Links planted in the database's directory (it belongs to the service user, who parses hostile traffic, as
# /var/lib/isoprobe does) are refused: their targets are neither created, filled nor chowned.
state=$work/state
mkdir "$state"; [ "$(id -u)" = 0 ] && chown 65534:65534 "$state"
ln -s "$work/ld.so.preload" "$state/h.db"
expect_error "a dangling link as --db" "$state/h.db: refusing the history database: it is a symbolic link" \
    "$bin" inspect "$seg" --db "$state/h.db" --json "$work/out/report.json"
[ ! -e "$work/ld.so.preload" ] && [ ! -L "$work/ld.so.preload" ]; check "the link's target is not created" $?
echo "root's own" >"$work/shadow"; chmod 600 "$work/shadow"
victim_before=$(stat -c '%u:%g %a %s %Y' "$work/shadow")
ln -sfn "$work/shadow" "$state/h.db"
expect_error "a link to an existing file as --db" "$state/h.db: refusing the history database: it is a symbolic link" \
    "$bin" inspect "$seg" --db "$state/h.db" --json "$work/out/report.json"
rm "$state/h.db"
"$bin" inspect "$seg" --db "$state/h.db" --json "$work/r6.json"
for companion in -wal -shm -journal; do
    ln -s "$work/shadow" "$state/h.db$companion"
    expect_error "a link as the database's $companion" "$state/h.db$companion: refusing the history database: it is a symbolic link" \
        "$bin" inspect "$seg" --db "$state/h.db" --json "$work/out/report.json"
    expect_error "a link as the database's $companion, to read" "$state/h.db$companion: refusing the history database: it is a symbolic link" \
        "$bin" history --db "$state/h.db"
    rm "$state/h.db$companion"
done
[ "$(stat -c '%u:%g %a %s %Y' "$work/shadow")" = "$victim_before" ] && [ "$(cat "$work/shadow")" = "root's own" ]
check "the linked file is untouched (owner, mode, size, content)" $? "$(stat -c '%u:%g %a %s %Y' "$work/shadow") was $victim_before"
# The default directory isoprobe creates: a link in its place is refused too (XDG_STATE_HOME/isoprobe -> elsewhere).
mkdir -p "$work/xdg2" "$work/elsewhere"; chmod 777 "$work/xdg2" "$work/elsewhere"
ln -s "$work/elsewhere" "$work/xdg2/isoprobe"
if [ "$(id -u)" = 0 ]; then as_user2=(setpriv --reuid=65534 --regid=65534 --clear-groups env XDG_STATE_HOME="$work/xdg2")
else as_user2=(env XDG_STATE_HOME="$work/xdg2"); fi
expect_error "a link as the default history directory" "$work/xdg2/isoprobe: refusing the history directory: it is a symbolic link" \
    "${as_user2[@]}" "$bin" probe -i isoprobe-nonexistent0
[ -z "$(ls -A "$work/elsewhere")" ]; check "nothing created through the directory link" $?

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
