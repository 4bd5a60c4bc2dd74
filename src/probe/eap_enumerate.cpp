// Active check of a wired 802.1X port (IEEE 802.1X-2010 11.3 EAPOL, RFC 3748 5.1 Identity, 5.3.1 Legacy Nak).
#include "probe/eap_enumerate.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "analyze/analysis.hpp"
#include "capture/frame.hpp"
#include "parse/eap.hpp"
#include "parse/eapol.hpp"
#include "parse/ethernet.hpp"
#include "probe/interface.hpp"
#include "probe/live_capture.hpp"
#include "probe/sender.hpp"
#include "verdict/decide.hpp"

namespace isoprobe::probe {

namespace {
// wpa_supplicant's default too: some authenticators drop EAPOL versions they do not know (802.1X-2010 11.3.1
// asks receivers to accept higher versions, not all do).
constexpr std::uint8_t k_eapol_version = 1;
constexpr std::size_t k_min_frame = 60; // IEEE 802.3 minimum without the FCS
constexpr double k_sender_rate = 50.0;

std::vector<std::uint8_t> eap_response(std::uint8_t id, std::uint8_t type, Bytes data) {
    const std::size_t length = 5 + data.size();
    std::vector<std::uint8_t> out{parse::k_eap_response, id, static_cast<std::uint8_t>(length >> 8),
                                  static_cast<std::uint8_t>(length & 0xff), type};
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

std::string method_name(std::uint32_t type) {
    return parse::eap_type_name(type) + " (" + std::to_string(type) + ")";
}
} // namespace

const std::vector<std::uint8_t>& enumerated_methods() {
    static const std::vector<std::uint8_t> methods = [] {
        std::vector<const parse::EapMethodInfo*> tried;
        for (const auto& m : parse::eap_methods())
            if (m.enumeration_order > 0) tried.push_back(&m);
        std::sort(tried.begin(), tried.end(),
                  [](auto* a, auto* b) { return a->enumeration_order < b->enumeration_order; });
        std::vector<std::uint8_t> types;
        for (const auto* m : tried)
            types.push_back(m->type);
        return types;
    }();
    return methods;
}

std::vector<std::uint8_t> eapol_frame(const MacAddr& src, std::uint8_t type, Bytes body) {
    // Sized once and filled by index: GCC 12 misreports vector::insert of small arrays under -Werror.
    std::vector<std::uint8_t> f(18 + body.size());
    std::copy(k_pae_group.b.begin(), k_pae_group.b.end(), f.begin());
    std::copy(src.b.begin(), src.b.end(), f.begin() + 6);
    f[12] = static_cast<std::uint8_t>(parse::k_ethertype_eapol >> 8);
    f[13] = static_cast<std::uint8_t>(parse::k_ethertype_eapol & 0xff);
    f[14] = k_eapol_version;
    f[15] = type;
    f[16] = static_cast<std::uint8_t>(body.size() >> 8);
    f[17] = static_cast<std::uint8_t>(body.size() & 0xff);
    std::copy(body.begin(), body.end(), f.begin() + 18);
    if (f.size() < k_min_frame) f.resize(k_min_frame, 0);
    return f;
}

std::vector<std::uint8_t> eap_identity_response(std::uint8_t id, const std::string& identity) {
    return eap_response(id, parse::k_eap_identity,
                        Bytes(reinterpret_cast<const std::uint8_t*>(identity.data()), identity.size()));
}

std::vector<std::uint8_t> eap_nak(std::uint8_t id, std::uint8_t desired) {
    return eap_response(id, parse::k_eap_nak, Bytes(&desired, 1));
}

std::string trial_result_name(TrialResult r) {
    switch (r) {
    case TrialResult::accepted:
        return "accepted";
    case TrialResult::refused:
        return "refused";
    case TrialResult::no_answer:
        return "no-answer";
    case TrialResult::pending:
        break;
    }
    return "pending";
}

Trial::Trial(const MacAddr& self, std::string identity, std::optional<std::uint8_t> wanted, int retries)
    : m_self(self), m_identity(std::move(identity)), m_wanted(wanted), m_retries(retries),
      m_retries_left(retries) {}

std::vector<std::uint8_t> Trial::start() {
    m_last_sent = eapol_frame(m_self, parse::k_eapol_start, {});
    return m_last_sent;
}

std::vector<std::uint8_t> Trial::answer(std::vector<std::uint8_t> eap, std::uint8_t request_id,
                                        std::uint8_t request_type) {
    m_last_request = std::make_pair(request_id, request_type);
    m_retries_left = m_retries; // each step gets its own retries
    m_last_sent = eapol_frame(m_self, parse::k_eapol_eap, Bytes(eap));
    return m_last_sent;
}

void Trial::finish(TrialResult r, model::Sentence detail) {
    m_result = r;
    m_detail = std::move(detail);
    m_step = Step::done;
}

std::optional<std::vector<std::uint8_t>> Trial::on_frame(Bytes ethernet) {
    if (m_step == Step::done) return std::nullopt;
    auto eth = parse::parse_ethernet(ethernet);
    if (!eth || eth->src == m_self || (eth->dst != m_self && eth->dst != k_pae_group)) return std::nullopt;
    auto inner = parse::unwrap_ether_payload(eth->type_or_length, eth->payload);
    if (!inner || inner->ethertype != parse::k_ethertype_eapol) return std::nullopt;
    auto pdu = parse::parse_eapol(inner->payload);
    if (!pdu || pdu->type != parse::k_eapol_eap) return std::nullopt;
    auto eap = parse::parse_eap(pdu->body);
    if (!eap || eap->code == parse::k_eap_response) return std::nullopt;
    m_authenticator = eth->src;

    using model::arg;
    using model::say;
    const model::Param after =
        arg("after", m_step == Step::verdict ? say("enum.after-nak", {arg("method", method_name(*m_wanted))})
                                             : say("enum.after-identity"));
    if (eap->code == parse::k_eap_failure) {
        finish(TrialResult::refused, say("enum.failure", {after}));
        return std::nullopt;
    }
    if (eap->code == parse::k_eap_success) {
        finish(TrialResult::refused, say("enum.open", {after}));
        return std::nullopt;
    }
    if (eap->code != parse::k_eap_request) return std::nullopt;
    // A retransmitted request means our answer was lost: repeat it rather than advance.
    if (m_last_request && m_last_request->first == eap->id && m_last_request->second == eap->type)
        return m_last_sent;
    if (eap->type == parse::k_eap_identity) {
        m_step = Step::offer;
        return answer(eap_identity_response(eap->id, m_identity), eap->id, eap->type);
    }
    if (eap->type == parse::k_eap_notification) // RFC 3748 5.2: the peer must answer it, with no data
        return answer(eap_response(eap->id, parse::k_eap_notification, {}), eap->id, eap->type);

    const std::uint8_t type = eap->type;
    if (m_step != Step::verdict) {
        m_offered = type;
        if (!m_wanted) {
            finish(TrialResult::accepted, say("enum.proposed-first", {arg("method", method_name(type))}));
        } else if (type == *m_wanted) {
            finish(TrialResult::accepted, say("enum.proposed-itself", {arg("method", method_name(type))}));
        } else {
            m_step = Step::verdict;
            return answer(eap_nak(eap->id, *m_wanted), eap->id, type);
        }
        return std::nullopt;
    }
    if (type == *m_wanted)
        finish(TrialResult::accepted, say("enum.started", {arg("method", method_name(type)), after}));
    else
        finish(TrialResult::refused, say("enum.offered", {arg("method", method_name(type)), after}));
    return std::nullopt;
}

std::optional<std::vector<std::uint8_t>> Trial::on_timeout() {
    if (m_step == Step::done) return std::nullopt;
    if (m_retries_left > 0) {
        --m_retries_left;
        return m_last_sent;
    }
    finish(TrialResult::no_answer,
           m_step == Step::identity ? model::say("enum.no-identity")
           : m_step == Step::offer
               ? model::say("enum.no-proposal")
               : model::say("enum.no-nak-answer", {model::arg("method", method_name(*m_wanted))}));
    return std::nullopt;
}

namespace {

class EapRun {
  public:
    EapRun(const EapProbeOptions& o, const std::atomic<bool>& stop, Interface itf,
           std::unique_ptr<LiveCapture> cap, Sender sender)
        : m_o(o), m_stop(stop), m_itf(std::move(itf)), m_cap(std::move(cap)), m_sender(std::move(sender)) {}

    model::Report execute() {
        m_cap->start();
        pause(0.2); // libpcap is attached before the first frame
        std::vector<model::EnumerationResult> results;
        if (m_o.enumerate) {
            for (std::uint8_t method : enumerated_methods()) {
                if (m_stop) break;
                send(eapol_frame(m_itf.mac, parse::k_eapol_logoff, {}));
                Trial t = converse(method);
                results.push_back(
                    {method, parse::eap_type_name(method), trial_result_name(t.result()), t.detail()});
            }
        } else {
            Trial t = converse(std::nullopt);
            if (t.offered())
                results.push_back({*t.offered(), parse::eap_type_name(*t.offered()), "accepted", t.detail()});
            else
                m_first_failure = t.detail();
        }
        send(eapol_frame(m_itf.mac, parse::k_eapol_logoff, {})); // leave the port as we found it
        pause(0.2);
        m_cap->stop();
        return build(std::move(results));
    }

  private:
    void pause(double seconds) {
        auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        while (!m_stop && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }

    void send(const std::vector<std::uint8_t>& frame) {
        auto sent = m_sender.send(frame);
        if (!sent && !m_send_error)
            m_send_error = model::say("sys.message", {model::arg("message", sent.error())});
    }

    Trial converse(std::optional<std::uint8_t> wanted) {
        Trial t(m_itf.mac, m_o.identity, wanted, m_o.retries);
        std::size_t seen = m_cap->snapshot().size();
        send(t.start());
        const auto wait = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(m_o.timeout_s));
        auto deadline = std::chrono::steady_clock::now() + wait;
        while (t.result() == TrialResult::pending && !m_stop) {
            auto frames = m_cap->snapshot();
            for (; seen < frames.size() && t.result() == TrialResult::pending; ++seen) {
                if (auto reply = t.on_frame(Bytes(frames[seen].bytes))) {
                    send(*reply);
                    deadline = std::chrono::steady_clock::now() + wait;
                }
            }
            if (t.result() != TrialResult::pending) break;
            if (std::chrono::steady_clock::now() >= deadline) {
                if (auto again = t.on_timeout()) send(*again);
                deadline = std::chrono::steady_clock::now() + wait;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (t.authenticator()) m_authenticator = t.authenticator();
        return t;
    }

    model::Report build(std::vector<model::EnumerationResult> results) {
        auto frames = m_cap->take();
        analyze::RoleHints hints;
        hints.self = m_itf.mac;
        hints.self_how = "the probe's own interface " + m_o.interface;
        if (m_authenticator) hints.infra.push_back(*m_authenticator);
        analyze::Analysis analysis(hints);
        std::uint64_t own = 0;
        for (std::size_t n = 0; n < frames.size(); ++n) {
            analysis.feed(as_frame(frames[n], n + 1));
            auto eth = parse::parse_ethernet(Bytes(frames[n].bytes));
            own += eth && eth->src == m_itf.mac && eth->type_or_length == parse::k_ethertype_eapol;
        }
        model::Report rep;
        const auto watched = analysis.finish(rep);
        rep.command = "eap";
        rep.interrupted = m_stop;
        rep.capture.files.push_back({m_o.interface + " (live)", 1, frames.size()});
        std::uint64_t dropped = 0;
        for (const auto& s : m_cap->stats())
            dropped += s.dropped + s.if_dropped + s.over_limit;
        rep.capture.dropped = dropped;
        rep.controls.push_back(
            {"own-frames-captured", own >= m_sender.sent() && m_sender.sent() > 0,
             model::say("enum.own-frames", {model::arg("seen", own), model::arg("sent", m_sender.sent())})});
        if (m_send_error) rep.controls.push_back({"sending", false, *m_send_error});

        rep.enumeration = std::move(results);
        const bool complete = m_o.enumerate && rep.enumeration.size() == enumerated_methods().size();
        verdict::decide(
            {watched, std::nullopt, std::nullopt, verdict::EnumerationEvidence{complete, m_first_failure}},
            rep);
        return rep;
    }

    const EapProbeOptions& m_o;
    const std::atomic<bool>& m_stop;
    Interface m_itf;
    std::unique_ptr<LiveCapture> m_cap;
    Sender m_sender;
    std::optional<MacAddr> m_authenticator;
    std::optional<model::Sentence> m_send_error, m_first_failure;
};
} // namespace

Expected<model::Report, std::string> run_eap_probe(const EapProbeOptions& o, const std::atomic<bool>& stop) {
    auto itf = describe_interface(o.interface, NeedsIpv4::no);
    if (!itf) return unexpected(itf.error());
    auto cap = LiveCapture::open({o.interface});
    if (!cap) return unexpected(cap.error());
    auto sender = Sender::open(o.interface, itf->index, k_sender_rate);
    if (!sender) return unexpected(sender.error());
    EapRun run(o, stop, std::move(itf.value()), std::move(cap.value()), std::move(sender.value()));
    return run.execute();
}

} // namespace isoprobe::probe
