#include "report/text.hpp"

#include <sstream>

#include "report/catalogue.hpp"
#include "report/json.hpp"
#include "report/text_wlan_eap.hpp"
#include "util/escape.hpp"
#include "util/time.hpp"

namespace isoprobe::report {

using model::Conversation;
using model::ConversationKind;
using model::Endpoint;
using model::outcome_name;
using model::ProbeOutcome;
using model::protocols_text;
using model::Report;
using model::role_name;
using model::Status;
using model::status_name;

namespace {

std::string paint(std::string_view text, Status s, bool colour) {
    if (!colour) return std::string(text);
    const char* code = s == Status::pass           ? "\033[1;32m"
                       : s == Status::fail         ? "\033[1;31m"
                       : s == Status::inconclusive ? "\033[1;33m"
                                                   : "\033[2m";
    return std::string(code) + std::string(text) + "\033[0m";
}

std::string endpoint_text(const Endpoint& e) {
    std::string s = e.mac ? e.mac->str() : "(mac unknown)";
    if (!e.ip.empty()) s += " " + e.ip.str();
    return s;
}

std::string frames_text(const Conversation& c) {
    std::string s;
    for (auto n : c.frames)
        s += (s.empty() ? "" : ",") + std::to_string(n);
    if (c.frame_count > c.frames.size()) s += ",... (" + std::to_string(c.frame_count) + " frames)";
    return s;
}

std::string clock_text(const model::ClockState& c) {
    std::ostringstream o;
    o << c.sync;
    if (c.estimated_error_s) o << ", estimated error " << *c.estimated_error_s << " s";
    if (c.maximum_error_s) o << ", maximum error " << *c.maximum_error_s << " s";
    return o.str();
}

// Who ran what, how, and the digests that tie the report to its inputs: what an auditor signs.
void provenance_text(std::ostringstream& o, const Report& r) {
    if (!r.run) return;
    const auto& p = r.run->provenance;
    o << "\nRun: " << rfc3339(r.run->started_ns) << " .. " << rfc3339(r.run->finished_ns);
    if (!r.run->host.empty()) o << " on " << terminal_safe(r.run->host) << hex_note(r.run->host);
    o << "\n  operator: " << (p.operator_name.empty() ? "(not given)" : terminal_safe(p.operator_name))
      << hex_note(p.operator_name) << "\n  note: " << (p.note.empty() ? "(not given)" : terminal_safe(p.note))
      << hex_note(p.note) << "\n  isoprobe " << p.version << ", revision " << p.revision << ", "
      << p.build_type << " build\n  command line: " << terminal_safe(p.command_line) << "\n  config: "
      << (p.config_path.empty() ? "none" : terminal_safe(p.config_path) + " sha256 " + p.config_sha256);
    if (!p.capture_sha256.empty()) o << "\n  capture sha256: " << p.capture_sha256;
    o << "\n  clock at start: " << clock_text(p.clock_start)
      << "\n  clock at end: " << clock_text(p.clock_end) << "\n";
}

} // namespace

std::string to_text(const Report& r, bool colour, model::Lang lang) {
    const auto say = [lang](const model::Sentence& s) { return terminal_safe(model::render(s, lang)); };
    std::ostringstream o;
    o << "isoprobe " << r.command << ": "
      << paint(std::string(status_name(r.verdict)) + (r.interrupted ? " (interrupted)" : ""), r.verdict,
               colour)
      << "\n\n";
    for (const auto& req : r.requirements) {
        const auto* info = find_requirement(req.id);
        o << "  " << paint(status_name(req.status), req.status, colour) << "  " << req.id;
        if (info) o << "  " << info->title_en << " / " << info->title_ja;
        o << "\n";
        for (const auto& why : req.reasons)
            o << "      " << say(why) << "\n";
        if (req.id == "8021x-eap-tls") eap_findings_text(o, r, lang);
    }
    if (r.segment) {
        const auto& sg = *r.segment;
        o << "\nSegment " << sg.subnet << " on " << terminal_safe(sg.interface) << hex_note(sg.interface)
          << " (" << sg.address.str() << ")";
        if (!sg.sentinel.empty()) o << ", sentinel " << terminal_safe(sg.sentinel) << hex_note(sg.sentinel);
        if (sg.gateway) o << ", gateway " << endpoint_text(*sg.gateway);
        o << "; " << sg.peers.size() << " peer(s)\n";
        if (const auto& other = sg.sentinel_segment) {
            o << "Sentinel's segment " << other->subnet << " (" << other->address.str() << ")";
            if (other->gateway) o << ", gateway " << endpoint_text(*other->gateway);
            o << ": " << say(model::say("seg.cross-segment")) << "\n";
        }
        o << "\nControls:\n";
        for (const auto& c : r.controls)
            o << "  " << paint(c.ok ? "ok  " : "FAIL", c.ok ? Status::pass : Status::fail, colour) << "  "
              << c.name << ": " << say(c.detail) << "\n";
        if (!r.observations.empty()) o << "\nObservations (not proof of contact):\n";
        for (const auto& obs : r.observations)
            o << "  " << say(obs) << "\n";
        o << "\nProbes (peer, method, result):\n";
        for (const auto& p : r.probes) {
            Status s = p.result == ProbeOutcome::reached       ? Status::fail
                       : p.result == ProbeOutcome::not_reached ? Status::pass
                                                               : Status::not_tested;
            o << "  " << endpoint_text(p.peer) << (p.sentinel ? " (sentinel)" : "") << "  " << p.method
              << "  " << paint(outcome_name(p.result), s, colour);
            std::string ev;
            for (auto n : p.frames)
                ev += (ev.empty() ? "frames " : ",") + std::to_string(n);
            for (const auto& note : p.notes)
                ev += (ev.empty() ? "" : "; ") + model::render(note, lang);
            if (!ev.empty()) o << "  (" << terminal_safe(ev) << ")";
            o << "\n";
        }
    }
    if (!r.conversations.empty()) {
        o << "\nTerminal-to-terminal conversations (" << r.conversations.size() << "):\n";
        for (const auto& c : r.conversations) {
            o << "  " << endpoint_text(c.a) << (c.kind == ConversationKind::broadcast ? " -> " : " <-> ")
              << endpoint_text(c.b) << "  [" << protocols_text(c.protocols) << "]"
              << (c.via_gateway ? " via gateway" : "")
              << (c.kind == ConversationKind::broadcast ? " broadcast" : "") << "\n";
            o << "      frames " << frames_text(c) << ", " << rfc3339(c.first_ns) << " .. "
              << rfc3339(c.last_ns) << "\n";
            o << "      " << say(c.evidence) << "\n";
        }
    }
    if (!r.attempts.empty()) {
        o << "\nUnanswered attempts (" << r.attempts.size() << "):\n";
        std::size_t shown = 0;
        for (const auto& c : r.attempts) {
            if (++shown > 10) {
                o << "  ... and " << r.attempts.size() - 10 << " more (all in the JSON report)\n";
                break;
            }
            o << "  " << endpoint_text(c.a) << " -> " << endpoint_text(c.b) << "  ["
              << protocols_text(c.protocols) << "] frames " << frames_text(c) << "\n";
        }
    }
    eap_text(o, r);
    enumeration_text(o, r, lang);
    wlan_text(o, r);
    inventory_text(o, r, lang);
    o << "\nStations (" << r.stations.size()
      << "), capturing host: " << (r.self.mac ? r.self.mac->str() : std::string("unknown")) << " ("
      << r.self.how << ")\n";
    for (const auto& s : r.stations) {
        o << "  " << s.mac.str() << "  " << role_name(s.role);
        for (const auto& ip : s.ips)
            o << " " << ip.str();
        o << "\n      " << say(s.why) << "\n";
    }
    const auto& cap = r.capture;
    o << "\nCapture: " << cap.frames << " frames";
    for (const auto& f : cap.files)
        o << ", " << terminal_safe(f.path) << hex_note(f.path);
    o << "; undecoded " << cap.undecoded << ", encrypted " << cap.encrypted;
    for (const auto& [name, n] : cap.anomalies)
        o << ", " << name << " " << n;
    for (const auto& [kind, n] : cap.decapsulated)
        o << ", from " << kind << " " << n;
    o << "\n";
    for (const auto& t : cap.truncated_files)
        o << "  warning: " << terminal_safe(t) << " (the frames before the cut were analysed)\n";
    provenance_text(o, r);
    return o.str();
}

} // namespace isoprobe::report
