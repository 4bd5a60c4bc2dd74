#include "analyze/analysis.hpp"

#include <algorithm>

#include "analyze/eap_findings.hpp"
#include "analyze/isolation.hpp"
#include "verdict/security.hpp"

namespace isoprobe::analyze {

using model::BssEntry;
using model::EapSession;

Analysis::Analysis(RoleHints hints, std::shared_ptr<const Inventory> inventory)
    : m_hints(std::move(hints)), m_eap(EapSessions::Limits{},
                                       [](const EapSession& s) {
                                           auto v = verdict::eap_success_verdict(s);
                                           return v && v->first == model::Status::fail;
                                       }),
      m_bss(4096, [inventory = std::move(inventory)](const BssEntry& e) {
          return verdict::encryption_verdict(e.security).first == model::Status::fail ||
                 (inventory && fails_survey(*inventory, e));
      }) {}

decode::Packet Analysis::feed(const capture::Frame& frame) {
    decode::Packet p = decode::classify(frame);
    if (m_frames == 0 || frame.ts_ns < m_first_ns) m_first_ns = frame.ts_ns;
    if (m_frames == 0 || frame.ts_ns > m_last_ns) m_last_ns = frame.ts_ns;
    ++m_frames;
    m_bytes += frame.bytes.size();
    if (std::find(m_link_types.begin(), m_link_types.end(), frame.link_type) == m_link_types.end())
        m_link_types.push_back(frame.link_type);
    if (!p.decoded()) {
        ++m_undecoded;
        ++m_anomalies[std::string(decode::anomaly_name(p.anomaly))];
    }
    if (p.encrypted) ++m_encrypted;
    if (p.has_l2) ++m_l2_frames;
    if (p.decapsulated != decode::Encapsulation::none)
        ++m_decapsulated[std::string(decode::encapsulation_name(p.decapsulated))];
    // A malformed frame between two terminals is still contact: whatever was decoded is analysed.
    m_stations.feed(p);
    m_flows.feed(p);
    if (!p.eapol.empty() || !p.radius.empty()) m_eap.feed(p);
    if (p.dot11 && p.dot11->type == 0) m_bss.feed(p);
    return p;
}

// Why the link types on the capture keep it from showing terminals, when they do.
std::optional<model::Sentence> Analysis::link_limit() const {
    std::vector<std::string> unread, ip_only;
    for (auto lt : m_link_types) {
        const auto framing = capture::link_type_info(lt).framing;
        const std::string name = capture::link_type_name(lt) + " (" + std::to_string(lt) + ")";
        auto add = [&](std::vector<std::string>& list) { list.push_back(name); };
        if (framing == capture::Framing::unread)
            add(unread);
        else if (capture::ip_only(framing))
            add(ip_only);
    }
    if (m_frames == m_undecoded) {
        if (unread.empty()) return std::nullopt;
        return model::say("link.unread", {model::arg("types", std::move(unread))});
    }
    if (m_l2_frames == 0 && !ip_only.empty())
        return model::say("link.ip-only", {model::arg("types", std::move(ip_only))});
    return std::nullopt;
}

verdict::CaptureIsolationEvidence Analysis::finish(model::Report& out) {
    m_flows.settle();
    auto& cap = out.capture;
    cap.frames = m_frames;
    cap.bytes = m_bytes;
    cap.undecoded = m_undecoded;
    cap.encrypted = m_encrypted;
    cap.first_ns = m_first_ns;
    cap.last_ns = m_last_ns;
    cap.anomalies = m_anomalies;
    cap.decapsulated = m_decapsulated;
    if (m_flows.folded()) cap.anomalies["flow_table_folded"] = m_flows.folded();
    if (m_flows.lost()) cap.anomalies["flow_table_full"] = m_flows.lost();
    if (m_stations.dropped()) cap.anomalies["station_table_full"] = m_stations.dropped();
    cap.full_tables.clear();
    for (auto full : {m_stations.full_table(), m_flows.full_table(), m_bss.full_table(), m_eap.full_table()})
        if (full) cap.full_tables.push_back(*full);
    cap.link_types.clear();
    for (auto lt : m_link_types)
        cap.link_types.push_back(capture::link_type_name(lt));

    auto resolved = m_stations.resolve(m_hints);
    auto iso = assess_isolation({m_stations, resolved, m_flows, m_frames - m_undecoded});
    verdict::CaptureIsolationEvidence evidence{
        m_frames - m_undecoded,          resolved.self.mac,
        m_stations.saw_dot11(),          std::move(iso.proving_attempts),
        std::move(iso.answers_recorded), link_limit()};
    out.self = resolved.self;
    out.stations = std::move(resolved.stations);
    out.conversations = std::move(iso.conversations);
    out.attempts = std::move(iso.attempts);
    out.observations = std::move(iso.observations);

    out.eap = m_eap.sessions();
    out.eap_stats = m_eap.stats();
    // The capture's own end, not the wall clock: a report made again from the same file says the same.
    out.eap_findings = eap_findings(out.eap, m_last_ns);
    out.wlan = m_bss.entries();
    out.wlan_malformed = m_bss.malformed();
    out.wlan_dropped = m_bss.dropped();
    return evidence;
}

} // namespace isoprobe::analyze
