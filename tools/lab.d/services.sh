# Lab services on h2: avahi-daemon (mDNS/DNS-SD, RFC 6762/6763) publishing _smb._tcp, and smbd (SMB2/3) with a guest share.
# shellcheck shell=bash disable=SC2154 # sourced by tools/lab, which defines the k_* globals

services_start() {
    local dir=$1
    avahi_start "$dir"
    smbd_start "$dir"
    # avahi's name probing (RFC 6762 8.1) is the longer wait; smbd is normally listening by then.
    wait_for "avahi service established" 150 grep -q 'lab-fileserver.*successfully established' "$dir/avahi/log"
    wait_for "smbd listening on 445" 150 smbd_listening
}

smbd_listening() {
    [ -n "$(ss -N "$(ns h2)" -Hltn 'sport = :445')" ]
}

# wait_for WHAT TENTHS CMD...: polls CMD every 0.1 s; fails the bring-up when it never succeeds.
wait_for() {
    local what=$1 tries=$2
    shift 2
    while [ "$tries" -gt 0 ]; do
        "$@" 2>/dev/null && return 0
        sleep 0.1
        tries=$((tries - 1))
    done
    echo "lab: timed out waiting for $what" >&2
    return 1
}

avahi_start() {
    local dir=$1/avahi
    mkdir -p "$dir/services"
    cat >"$dir/avahi-daemon.conf" <<EOF
[server]
host-name=$k_h2_hostname
domain-name=local
use-ipv4=yes
use-ipv6=yes
allow-interfaces=eth0
enable-dbus=no
ratelimit-interval-usec=1000000
ratelimit-burst=1000

[wide-area]
enable-wide-area=no

[publish]
publish-hinfo=no
publish-workstation=no

[reflector]
enable-reflector=no
EOF
    cat >"$dir/services/smb.service" <<'EOF'
<?xml version="1.0" standalone='no'?>
<!DOCTYPE service-group SYSTEM "avahi-service.dtd">
<service-group>
  <name>lab-fileserver</name>
  <service>
    <type>_smb._tcp</type>
    <port>445</port>
  </service>
</service-group>
EOF
    # A private /run (pid file, socket) and a private view of the compiled-in service directory keep this avahi
    # apart from the machine's own and from other labs.
    # Started without a wrapper function so that $! is the daemon itself (ip netns exec, unshare and sh all exec).
    # shellcheck disable=SC2016 # expanded by the inner sh
    ip netns exec "$(ns h2)" unshare -m sh -c '
        mount -t tmpfs tmpfs /run && mkdir -p /run/avahi-daemon &&
        mount --bind "$1" /etc/avahi/services &&
        exec avahi-daemon -f "$2" --no-drop-root --no-chroot --no-rlimits' \
        sh "$dir/services" "$dir/avahi-daemon.conf" </dev/null >"$dir/log" 2>&1 &
    echo $! >"$1/pids/avahi.pid"
}

smbd_start() {
    local dir=$1/smb
    mkdir -p "$dir"/{lock,state,cache,pid,private,ncalrpc,binddns,share}
    chmod 755 "$dir" "$dir/share"
    chmod 700 "$dir/private"
    echo "isoprobe lab share" >"$dir/share/README.txt"
    cat >"$dir/smb.conf" <<EOF
[global]
    workgroup = LAB
    netbios name = H2-LAB
    server role = standalone server
    interfaces = eth0
    bind interfaces only = yes
    disable netbios = yes
    smb ports = 445
    map to guest = Bad User
    guest account = nobody
    lock directory = $dir/lock
    state directory = $dir/state
    cache directory = $dir/cache
    pid directory = $dir/pid
    private dir = $dir/private
    ncalrpc dir = $dir/ncalrpc
    binddns dir = $dir/binddns
    log file = $dir/log.%m
    max log size = 0
    load printers = no
    printing = bsd
    printcap name = /dev/null
    disable spoolss = yes
    usershare max shares = 0

[$k_h2_share]
    path = $dir/share
    comment = isoprobe lab guest share
    guest ok = yes
    read only = yes
    browseable = yes
EOF
    ip netns exec "$(ns h2)" setsid smbd --foreground --no-process-group -s "$dir/smb.conf" </dev/null >"$dir/log" 2>&1 &
    echo $! >"$1/pids/smbd.pid"
}
