// Internal to the HTML report (html*.cpp): the words of each language, small markup helpers, and the sections
// kept in their own files. Markup helpers take HTML that callers have already escaped with html_escape.
#pragma once
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "report/html.hpp"

namespace isoprobe::report::html {

// Every label, heading and explanation of the page in one language. Arrays follow their enum's order.
struct Strings {
    Lang lang; // of the sentences too (model::render)
    std::string_view title, guideline, engine_note, escape_note;
    // header
    std::string_view command, tool, host, started, finished, duration, capture_span, interface, sentinel,
        segment, gateway, peers, capturing_host, interrupted, none, unknown;
    // provenance (header)
    std::string_view operator_name, note, revision, build_type, command_line, config, capture_sha256,
        clock_start, clock_end, estimated_error, maximum_error, not_given;
    std::array<std::string_view, 3> clock_sync; // synchronised, not synchronised, unknown
    // verdict and requirements
    std::string_view verdict, verdict_rule, requirements, col_requirement, col_clause, col_title, col_status,
        col_reasons;
    std::array<std::string_view, 4> status; // model::Status
    // conversations and attempts
    std::string_view conversations, conversations_intro, attempts, attempts_intro, col_a, col_b, col_kind,
        col_protocols, col_frames, col_time, col_evidence, unicast, broadcast, via_gateway, mac_unknown,
        frames_unit;
    std::string_view rows_in_json; // after "N more" under a capped table
    // live probes
    std::string_view probes, probes_intro, col_peer, probe_notes, col_method, col_result, col_notes, controls,
        controls_intro, col_control, col_detail, control_ok, control_failed, observations, observations_intro;
    std::array<std::string_view, 5> outcome; // model::ProbeOutcome
    // stations
    std::string_view stations, col_mac, col_ips, col_role, col_why;
    std::array<std::string_view, 9> role; // model::Role
    // EAP
    std::string_view eap, eap_intro, col_supplicant, col_authenticator, col_identity, col_method_done,
        col_offered, col_nak, col_outcome, tls, col_tls_version, col_cipher, col_client_cert, certificates,
        col_chain, chain_server, chain_client, col_subject, col_issuer, col_validity, col_key, col_signature,
        col_expiry, self_signed, not_decodable, bytes_unit, days_unit, via_radius;
    std::array<std::string_view, 3> eap_outcome; // model::EapOutcome
    std::array<std::string_view, 4> client_cert; // model::ClientCertificate
    std::string_view eap_findings, eap_findings_intro, col_session, col_about, findings_note;
    std::array<std::string_view, model::k_eap_finding_kinds> eap_finding; // model::EapFindingKind
    std::string_view enumeration, col_eap_type, accepted, refused, no_answer;
    // Wi-Fi and the survey
    std::string_view wlan, wlan_intro, col_bssid, col_ssid, col_channel, col_security, col_akm, col_ciphers,
        col_pmf, col_seen, hidden, from_assoc, wlan_malformed, inventory, col_finding, needs_review;
    // capture
    std::string_view capture, col_file, col_first_frame, frames, bytes, link_types, undecoded, encrypted,
        anomalies, decapsulated, dropped, first_frame, last_frame, truncated, eapol_frames, radius_packets;
    // timeline
    std::string_view timeline, timeline_intro, lane_phases, lane_conversations, lane_attempts, lane_eap,
        more_prefix, more_suffix, no_events, unit_ms, unit_s, unit_min, unit_h;
    std::array<std::string_view, 4> phase; // discovery, probing, waiting, analysis (the engine's names)
};

const Strings& strings(Lang lang);
// A sentence of the engine in the page's language, escaped.
std::string sentence_html(const Strings& s, const model::Sentence& x);
// The engine's phase name in the page's language (unknown names as they are, escaped).
std::string phase_label(const Strings& s, std::string_view name);
// "ほか 12 件", "12 more": the items a list leaves out.
std::string more_text(const Strings& s, std::size_t n);
// "12.5 s", "3 min": a duration in a unit chosen for its size.
std::string duration_text(const Strings& s, std::uint64_t ns);

// <span class="st pass">適合</span> and the like.
std::string status_badge(const Strings& s, model::Status st);
std::string badge(std::string_view css_class, std::string_view word);
// Opens a <section> with its heading and, when given, a count; intro is a paragraph under the heading.
void section_open(std::string& out, std::string_view id, std::string_view title, std::string_view intro = {},
                  std::size_t count = 0);
void section_close(std::string& out);
void table_open(std::string& out, std::initializer_list<std::string_view> headers);
void table_close(std::string& out);
// One <tr> of <td>s, each cell HTML already escaped.
void row(std::string& out, std::initializer_list<std::string_view> cells);
// Escaped model text in a <span class="raw">: shown as is, wrapped anywhere, isolated from the bidi of its
// line.
std::string raw(std::string_view text);
std::string mono(std::string_view text); // escaped, in a monospace <span>

void eap_sections(std::string& out, const model::Report& r, const Strings& s);
void wlan_sections(std::string& out, const model::Report& r, const Strings& s);
// The timeline section: an inline SVG of the run's phases, conversations, attempts and EAP attempts over
// time.
void timeline_section(std::string& out, const model::Report& r, const Strings& s);

} // namespace isoprobe::report::html
