// smb: a TCP SYN to port 445 (any TCP answer, SYN-ACK or RST, proves the peer got it; in cross-segment mode
// it goes through the probe's gateway to the sentinel's address); when the port is open, a real TCP
// connection bound to the probe interface negotiates SMB2 (MS-SMB2 2.2.3) and reports the dialect.
#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include "parse/smb2.hpp"
#include "probe/frames.hpp"
#include "probes/common.hpp"
#include "util/unique_fd.hpp"

namespace isoprobe::probes {

namespace {
constexpr std::uint16_t k_smb = 445, k_source_port = 44445;
constexpr int k_timeout_ms = 1500;

bool wait_for(int fd, short events) {
    pollfd p{fd, events, 0};
    return poll(&p, 1, k_timeout_ms) == 1 && (p.revents & events);
}

model::Sentence negotiate(const probe::Segment& seg, const IpAddr& peer) {
    using model::arg;
    using model::say;
    const UniqueFd fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd) return say("smb.no-socket", {arg("error", std::strerror(errno))});
    // Bound to the probe interface: the sentinel may share the subnet, and the kernel must not pick it.
    setsockopt(fd.get(), SOL_SOCKET, SO_BINDTODEVICE, seg.iface.name.c_str(),
               static_cast<socklen_t>(seg.iface.name.size()));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(k_smb);
    std::memcpy(&addr.sin_addr, peer.b.data(), 4);
    if (connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 && errno != EINPROGRESS)
        return say("smb.connect-failed", {arg("error", std::strerror(errno))});
    int err = 0;
    socklen_t len = sizeof err;
    if (!wait_for(fd.get(), POLLOUT) || getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len) != 0 ||
        err != 0)
        return err ? say("smb.connect-error", {arg("error", std::strerror(err))})
                   : say("smb.connect-timeout");
    auto request = parse::smb2_negotiate_request();
    if (send(fd.get(), request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
        return say("smb.send-failed");
    std::vector<std::uint8_t> buf;
    std::uint8_t chunk[4096];
    while (wait_for(fd.get(), POLLIN)) {
        ssize_t n = recv(fd.get(), chunk, sizeof chunk, 0);
        if (n <= 0) break;
        buf.insert(buf.end(), chunk, chunk + n);
        auto parsed = parse::parse_smb2_negotiate_response(buf);
        if (parsed) {
            if (parsed->smb1) return say("smb.smb1");
            if (parsed->status != 0) return say("smb.refused", {arg("status", parsed->status)});
            return say("smb.dialect", {arg("dialect", parse::smb2_dialect_name(parsed->dialect))});
        }
        if (parsed.error().kind != parse::ErrorKind::truncated || buf.size() > 65536)
            return say("smb.not-smb2");
    }
    return say("smb.no-answer");
}

class Smb final : public probe::Method {
  public:
    std::string_view name() const override { return "smb"; }
    std::optional<model::Sentence> segment_bound() const override { return std::nullopt; }
    std::optional<model::Sentence> unavailable(const probe::Segment& seg,
                                               const probe::Peer& peer) const override {
        return needs_next_hop(seg, peer);
    }
    std::vector<probe::Outgoing> frames(const probe::Segment& seg, const probe::Peer& peer,
                                        const std::string& marker) const override {
        return {{probe::frames::tcp_syn(probe::next_hop(seg, peer), seg.iface.mac, seg.iface.ipv4, peer.ipv4,
                                        k_source_port, k_smb, 0x15050000u, marker),
                 false}};
    }
    bool is_answer(const probe::Segment&, const probe::Peer& peer, const decode::Packet& p) const override {
        return model::has(p.protos, model::Proto::tcp) && p.ip_src == peer.ipv4 && p.sport == k_smb &&
               p.dport == k_source_port;
    }
    std::optional<model::Sentence> follow_up(const probe::Segment& seg,
                                             const probe::Peer& peer) const override {
        if (peer.sentinel) return std::nullopt; // our own second interface: the kernel would answer locally
        return negotiate(seg, peer.ipv4);
    }
};
const Smb k_smb_method;
} // namespace

const probe::Method& smb_method() {
    return k_smb_method;
}

} // namespace isoprobe::probes
