# Wired 802.1X lab (IEEE 802.1X-2010 port access control): hostapd as the authenticator with its internal EAP server
# (driver=wired) on one end of a veth, the probe on the other. A point-to-point "port": bridges never forward PAE frames.
# shellcheck shell=bash disable=SC2154 # sourced by tools/lab, which defines the k_* globals and ns/nsx

readonly k_dot1x_scenarios="dot1x-tls dot1x-tls-peap dot1x-ttls dot1x-md5"
readonly k_dot1x_auth_if=auth0 k_dot1x_auth_mac=02:b1:00:00:00:fe
readonly k_dot1x_user=lab-user k_dot1x_password=lab-password

dot1x_known() {
    case " $k_dot1x_scenarios " in *" $1 "*) return 0 ;; esac
    return 1
}

# What isoprobe's 8021x-eap-tls verdict must be (isoprobe eap --enumerate).
dot1x_expect() {
    case $1 in
        dot1x-tls) echo pass ;;
        *) echo fail ;;
    esac
}

dot1x_why() {
    case $1 in
        dot1x-tls) echo "wired 802.1X port accepting EAP-TLS only" ;;
        dot1x-tls-peap) echo "wired 802.1X port accepting EAP-TLS and PEAP (MSCHAPv2 inside)" ;;
        dot1x-ttls) echo "wired 802.1X port accepting EAP-TTLS only (PAP or MSCHAPv2 inside)" ;;
        dot1x-md5) echo "wired 802.1X port accepting EAP-MD5 (a password in the clear challenge)" ;;
    esac
}

# The eap_user file (hostapd.eap_user format): phase 1 methods for any identity, phase 2 users after.
dot1x_users() {
    case $1 in
        dot1x-tls) echo '* TLS' ;;
        dot1x-tls-peap) printf '* TLS,PEAP\n"%s" MSCHAPV2 "%s" [2]\n' "$k_dot1x_user" "$k_dot1x_password" ;;
        dot1x-ttls) printf '* TTLS\n"%s" TTLS-PAP,TTLS-MSCHAPV2 "%s" [2]\n' "$k_dot1x_user" "$k_dot1x_password" ;;
        dot1x-md5) printf '"%s" MD5 "%s"\n* MD5\n' "$k_dot1x_user" "$k_dot1x_password" ;;
    esac
}

# dot1x_certs DIR: a throw-away CA and the authenticator's server certificate (ECDSA P-256: quick to make).
dot1x_certs() {
    local d=$1
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=isoprobe lab CA" \
        -keyout "$d/ca.key" -out "$d/ca.pem" 2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=auth.lab.example" \
        -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
    openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
        -out "$d/server.pem" 2>/dev/null
    # A client certificate from the same CA, for a real EAP-TLS supplicant (wpa_supplicant -D wired).
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$k_dot1x_user" \
        -keyout "$d/client.key" -out "$d/client.csr" 2>/dev/null
    openssl x509 -req -in "$d/client.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -CAcreateserial -days 2 \
        -out "$d/client.pem" 2>/dev/null
}

# dot1x_build DIR SCENARIO: the two namespaces (sw runs hostapd, probe holds probe0), certificates and hostapd.
# LAB_HOSTAPD_EXTRA: more hostapd.conf lines (tools/record-eap-captures sets fragment_size).
dot1x_build() {
    local dir=$1 scenario=$2 host tries
    for host in sw probe; do
        ip netns add "$(ns "$host")"
        ip -n "$(ns "$host")" link set lo up
        # No IPv6: no router solicitations or MLD reports of ours on the port, only EAPOL.
        nsx "$host" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    done
    ip -n "$(ns sw)" link add "$k_dot1x_auth_if" address "$k_dot1x_auth_mac" type veth peer name "$k_probe_if" netns "$(ns probe)"
    ip -n "$(ns probe)" link set "$k_probe_if" address "$k_probe_mac"
    # No IPv4 address on the port: an unauthorised 802.1X port has none yet, and `isoprobe eap` must not need one.
    ip -n "$(ns sw)" link set "$k_dot1x_auth_if" up
    ip -n "$(ns probe)" link set "$k_probe_if" up

    mkdir "$dir/dot1x"
    dot1x_certs "$dir/dot1x"
    dot1x_users "$scenario" >"$dir/dot1x/eap_user"
    cat >"$dir/dot1x/hostapd.conf" <<EOF
interface=$k_dot1x_auth_if
driver=wired
ieee8021x=1
eap_server=1
eap_user_file=$dir/dot1x/eap_user
ca_cert=$dir/dot1x/ca.pem
server_cert=$dir/dot1x/server.pem
private_key=$dir/dot1x/server.key
eapol_version=2
use_pae_group_addr=1
logger_stdout=-1
logger_stdout_level=1
${LAB_HOSTAPD_EXTRA:-}
EOF
    nsx sw hostapd -t -B -P "$dir/pids/hostapd.pid" -f "$dir/dot1x/hostapd.log" "$dir/dot1x/hostapd.conf" >/dev/null
    for tries in $(seq 50); do
        grep -q "AP-ENABLED\|interface state .*->ENABLED" "$dir/dot1x/hostapd.log" 2>/dev/null && return 0
        [ "$tries" = 50 ] || sleep 0.1
    done
    echo "lab: hostapd did not come up, see $dir/dot1x/hostapd.log" >&2
    cat "$dir/dot1x/hostapd.log" >&2
    return 1
}
