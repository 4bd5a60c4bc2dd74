// The HTML report's page and its general sections; EAP/Wi-Fi sections in html_wlan_eap.cpp, the timeline in
// html_timeline.cpp, the words in html_strings.cpp. No script anywhere: the CSP forbids it, and nothing is
// fetched.
#include "report/html.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "report/catalogue.hpp"
#include "report/html_parts.hpp"
#include "report/json.hpp"
#include "util/escape.hpp"
#include "util/time.hpp"

namespace isoprobe::report {

using model::Conversation;
using model::ConversationKind;
using model::Endpoint;
using model::ProbeOutcome;
using model::ProbeResult;
using model::Report;
using model::Status;
using model::status_name;

std::string html_escape(std::string_view raw) {
    std::string out;
    // terminal_safe already makes control characters and invalid UTF-8 visible (one byte walker for every
    // output).
    for (char c : terminal_safe(raw)) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace html {

namespace {

// Print keeps the colours (they carry the verdicts) and starts every evidence section on a new page.
constexpr std::string_view k_css = R"(
:root{--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#a40e26;--fail-bg:#ffebe9;--inc:#7d4e00;--inc-bg:#fff8c5;
--nt:#57606a;--nt-bg:#eaeef2;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:"Segoe UI","Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans","Hiragino Sans","Noto Sans CJK JP",
"Yu Gothic",Meiryo,"IPAPGothic",sans-serif;font-size:14px;line-height:1.5;color:#1f2328;margin:0 auto;padding:24px;
max-width:1240px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:0 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:16px 0 6px}
section{margin-top:28px}
p{margin:4px 0 10px}
.sub,.intro,.note{color:var(--muted)}
.count{color:var(--muted);font-weight:normal;font-size:15px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:12px 0}
dl.meta dt{color:var(--muted)}
dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600;word-break:keep-all}
td{overflow-wrap:break-word}
tr{break-inside:avoid}
.mono,.raw,.list{font-family:"DejaVu Sans Mono",Consolas,Menlo,"Liberation Mono",monospace;font-size:12.5px}
.mono,.nw{white-space:nowrap}
.raw{unicode-bidi:isolate;white-space:pre-wrap;overflow-wrap:anywhere}
.small{font-size:12px;color:var(--muted)}
ul.reasons{margin:0;padding-left:18px}
.st{display:inline-block;padding:1px 8px;border-radius:10px;font-weight:600;white-space:nowrap}
.pass{color:var(--pass);background:var(--pass-bg)}
.fail{color:var(--fail);background:var(--fail-bg)}
.inconclusive{color:var(--inc);background:var(--inc-bg)}
.not-tested{color:var(--nt);background:var(--nt-bg)}
.verdict{display:flex;align-items:center;gap:20px;border-radius:8px;padding:14px 20px;margin:16px 0;
border:2px solid currentColor}
.verdict .label{font-size:16px}
.verdict .word{font-size:30px;font-weight:700}
.verdict p{margin:0;color:#1f2328;font-size:13px}
.warn{border-left:4px solid var(--inc);background:var(--inc-bg);padding:6px 12px}
table.matrix td,table.matrix th{text-align:center}
table.matrix td:first-child,table.matrix th:first-child{text-align:left}
table.matrix td{padding:4px 3px}
table.matrix .st{white-space:normal;font-size:12px;padding:1px 6px}
svg{width:100%;height:auto;border:1px solid var(--line);background:#fff}
svg text{font-family:"Segoe UI",Arial,"Liberation Sans","DejaVu Sans","Noto Sans CJK JP",Meiryo,"IPAPGothic",sans-serif;
font-size:11px;fill:#1f2328}
footer{margin-top:32px;border-top:1px solid var(--line);padding-top:8px;font-size:12px;color:var(--muted)}
@page{size:A4;margin:14mm}
@media print{body{max-width:none;padding:0;font-size:10pt}section.evidence{break-before:page}
h2,h3{break-after:avoid}thead{display:table-header-group}}
)";

std::string endpoint_html(const Strings& s, const Endpoint& e) {
    std::string out =
        e.mac ? mono(e.mac->str()) : "<span class=\"small\">" + std::string(s.mac_unknown) + "</span>";
    if (!e.ip.empty()) out += "<br>" + mono(e.ip.str());
    return out;
}

std::string frames_html(const Strings& s, const std::vector<std::uint64_t>& frames, std::uint64_t total) {
    std::string out;
    for (auto n : frames)
        out += (out.empty() ? "" : ", ") + std::to_string(n);
    if (total > frames.size()) out += " … (" + std::to_string(total) + " " + std::string(s.frames_unit) + ")";
    return "<span class=\"list\">" + out + "</span>";
}

std::string time_span_html(std::int64_t first_ns, std::int64_t last_ns) {
    std::string out = mono(rfc3339(first_ns));
    if (last_ns != first_ns) out += "<br>" + mono(rfc3339(last_ns));
    return out;
}

// One term and its value in a <dl class="meta">; `html` is escaped already.
void meta_item(std::string& out, std::string_view term, const std::string& html) {
    out += "<dt>" + std::string(term) + "</dt><dd>" + html + "</dd>";
}

std::string clock_html(const model::ClockState& c, const Strings& s) {
    const std::size_t i = c.sync == "synchronised" ? 0 : c.sync == "not synchronised" ? 1 : 2;
    std::string out = html_escape(s.clock_sync[i]);
    char num[32];
    auto add = [&](std::string_view label, const std::optional<double>& v) {
        if (!v) return;
        std::snprintf(num, sizeof num, "%g s", *v);
        out += ", " + std::string(label) + " " + mono(num);
    };
    add(s.estimated_error, c.estimated_error_s);
    add(s.maximum_error, c.maximum_error_s);
    return out;
}

// Who ran it and why, what built the tool, how it was called, and the digests: what an auditor signs.
void provenance_items(std::string& out, const model::Provenance& p, const Strings& s) {
    auto item = [&](std::string_view term, const std::string& html) { meta_item(out, term, html); };
    auto given = [&](const std::string& v) {
        return v.empty() ? "<span class=\"small\">" + std::string(s.not_given) + "</span>"
                         : raw(v) + hex_note(v);
    };
    item(s.operator_name, given(p.operator_name));
    item(s.note, given(p.note));
    item(s.revision, mono(p.revision) + " (" + mono(p.build_type) + ")");
    item(s.command_line, raw(p.command_line));
    item(s.config, p.config_path.empty() ? html_escape(s.none)
                                         : raw(p.config_path) + hex_note(p.config_path) + "<br>" +
                                               mono("sha256 " + p.config_sha256));
    if (!p.capture_sha256.empty()) item(s.capture_sha256, mono(p.capture_sha256));
    item(s.clock_start, clock_html(p.clock_start, s));
    item(s.clock_end, clock_html(p.clock_end, s));
}

void header(std::string& out, const Report& r, const Strings& s) {
    out +=
        "<header><h1>" + std::string(s.title) + "</h1><p class=\"sub\">" + std::string(s.guideline) + "</p>";
    out += "<dl class=\"meta\">";
    auto item = [&](std::string_view term, const std::string& html) { meta_item(out, term, html); };
    item(s.command, mono("isoprobe " + r.command));
    item(s.tool, mono(std::string("isoprobe ") + ISOPROBE_VERSION));
    if (r.run) {
        if (!r.run->host.empty()) item(s.host, mono(r.run->host) + hex_note(r.run->host));
        item(s.started, mono(rfc3339(r.run->started_ns)));
        item(s.finished, mono(rfc3339(r.run->finished_ns)));
        item(s.duration, duration_text(s, nanoseconds_between(r.run->started_ns, r.run->finished_ns)));
        provenance_items(out, r.run->provenance, s);
    }
    if (r.capture.frames > 0) item(s.capture_span, time_span_html(r.capture.first_ns, r.capture.last_ns));
    if (r.segment) {
        const auto& sg = *r.segment;
        item(s.interface, mono(sg.interface) + hex_note(sg.interface) +
                              (sg.sentinel.empty() ? ""
                                                   : " &nbsp;" + std::string(s.sentinel) + ": " +
                                                         mono(sg.sentinel) + hex_note(sg.sentinel)));
        item(s.segment, mono(sg.subnet) + " (" + mono(sg.address.str()) + ")" +
                            (sg.sentinel_segment ? " &nbsp;" + std::string(s.sentinel) + ": " +
                                                       mono(sg.sentinel_segment->subnet) + " (" +
                                                       mono(sg.sentinel_segment->address.str()) + ")"
                                                 : std::string()));
        if (sg.gateway) item(s.gateway, endpoint_html(s, *sg.gateway));
        item(s.peers, std::to_string(sg.peers.size()));
    }
    if (r.self.mac || !r.self.how.empty())
        item(s.capturing_host, (r.self.mac ? mono(r.self.mac->str()) + " " : std::string()) +
                                   "<span class=\"small\">" + html_escape(r.self.how) + "</span>");
    out += "</dl></header>";
}

void verdict_and_requirements(std::string& out, const Report& r, const Strings& s) {
    const std::string css(status_name(r.verdict));
    out += "<div class=\"verdict " + css + "\"><span class=\"label\">" + std::string(s.verdict) +
           "</span><span class=\"word\">" + std::string(s.status[static_cast<std::size_t>(r.verdict)]) +
           "</span><p>" + std::string(s.verdict_rule) + "</p></div>";
    if (r.interrupted) out += "<p class=\"warn\">" + std::string(s.interrupted) + "</p>";
    section_open(out, "requirements", s.requirements);
    table_open(out, {s.col_requirement, s.col_clause, s.col_title, s.col_status, s.col_reasons});
    for (const auto& req : r.requirements) {
        const auto* info = find_requirement(req.id);
        std::string reasons = "<ul class=\"reasons\">";
        for (const auto& why : req.reasons)
            reasons += "<li>" + sentence_html(s, why) + "</li>";
        reasons += "</ul>";
        if (req.id == "8021x-eap-tls" && !r.eap_findings.empty())
            // Plain text, not a link: the report holds no href or src at all (the html-chromium test).
            reasons += "<p class=\"small\">" + std::string(s.findings_note) + ": " +
                       std::to_string(r.eap_findings.size()) + "</p>";
        row(out, {mono(req.id), info ? html_escape(info->clause) : "",
                  info ? html_escape(info->title_ja) + "<br><span class=\"small\">" +
                             html_escape(info->title_en) + "</span>"
                       : "",
                  status_badge(s, req.status), reasons});
    }
    table_close(out);
    section_close(out);
}

void conversation_rows(std::string& out, const Strings& s, const std::vector<Conversation>& list,
                       std::size_t max) {
    table_open(out,
               {s.col_a, s.col_b, s.col_kind, s.col_protocols, s.col_frames, s.col_time, s.col_evidence});
    for (std::size_t i = 0; i < std::min(max, list.size()); ++i) {
        const auto& c = list[i];
        std::string kind = "<span class=\"nw\">" +
                           std::string(c.kind == ConversationKind::broadcast ? s.broadcast : s.unicast) +
                           "</span>";
        if (c.via_gateway) kind += "<br>" + std::string(s.via_gateway);
        const std::string protocols = html_escape(model::protocols_text(c.protocols, ", "));
        row(out, {endpoint_html(s, c.a), endpoint_html(s, c.b), kind, protocols,
                  frames_html(s, c.frames, c.frame_count), time_span_html(c.first_ns, c.last_ns),
                  sentence_html(s, c.evidence)});
    }
    table_close(out);
    if (list.size() > max)
        out += "<p class=\"note\">" + more_text(s, list.size() - max) + std::string(s.rows_in_json) + "</p>";
}

void traffic(std::string& out, const Report& r, const Strings& s) {
    if (!r.conversations.empty()) {
        // A flat segment of many talkative terminals holds tens of thousands (22.5 MB of HTML for 40,960);
        // one already fails the requirement, and the JSON report keeps them all.
        section_open(out, "conversations", s.conversations, s.conversations_intro, r.conversations.size());
        conversation_rows(out, s, r.conversations, k_html_max_conversation_rows);
        section_close(out);
    }
    if (!r.attempts.empty()) {
        // Attempts are not findings and a large capture may hold thousands; the JSON report keeps them all.
        section_open(out, "attempts", s.attempts, s.attempts_intro, r.attempts.size());
        conversation_rows(out, s, r.attempts, k_html_max_attempt_rows);
        section_close(out);
    }
}

std::string outcome_badge(const Strings& s, ProbeOutcome o) {
    const char* css = o == ProbeOutcome::reached       ? "fail"
                      : o == ProbeOutcome::not_reached ? "pass"
                      : o == ProbeOutcome::not_run     ? "not-tested"
                                                       : "inconclusive";
    return badge(css, s.outcome[static_cast<std::size_t>(o)]);
}

void probes(std::string& out, const Report& r, const Strings& s) {
    // Peers and methods in the order the run tried them; a /22 has a thousand peers, so look results up by
    // index.
    std::vector<std::string> methods;
    std::vector<std::vector<const ProbeResult*>> by_peer;
    std::map<std::string, std::size_t> peer_index;
    for (const auto& p : r.probes) {
        if (std::find(methods.begin(), methods.end(), p.method) == methods.end()) methods.push_back(p.method);
        auto [it, fresh] = peer_index.try_emplace(
            (p.peer.mac ? p.peer.mac->str() : "") + "/" + p.peer.ip.str(), by_peer.size());
        if (fresh) by_peer.emplace_back();
        by_peer[it->second].push_back(&p);
    }
    section_open(out, "probes", s.probes, s.probes_intro);
    out += "<table class=\"matrix\"><thead><tr><th>" + std::string(s.col_peer) + "</th>";
    for (const auto& m : methods)
        out += "<th><span class=\"list\">" + html_escape(m) + "</span></th>";
    out += "</tr></thead><tbody>";
    for (const auto& results : by_peer) {
        const auto& peer = *results.front();
        out += "<tr><td>" + endpoint_html(s, peer.peer) +
               (peer.sentinel ? "<br><span class=\"small\">" + std::string(s.sentinel) + "</span>" : "") +
               "</td>";
        for (const auto& m : methods) {
            auto it = std::find_if(results.begin(), results.end(),
                                   [&](const ProbeResult* p) { return p->method == m; });
            out +=
                "<td>" + (it == results.end() ? std::string("–") : outcome_badge(s, (*it)->result)) + "</td>";
        }
        out += "</tr>";
    }
    out += "</tbody></table>";
    // Peer by peer in the matrix's order, each peer in one cell spanning its methods.
    std::string evidence;
    for (const auto& results : by_peer) {
        std::vector<std::string> rows;
        for (const auto* p : results) {
            if (p->frames.empty() && p->notes.empty()) continue;
            std::string notes = p->frames.empty() ? "" : frames_html(s, p->frames, p->frames.size());
            for (const auto& n : p->notes)
                notes += (notes.empty() ? "" : "<br>") + sentence_html(s, n);
            rows.push_back("<td>" + mono(p->method) + "</td><td>" + outcome_badge(s, p->result) +
                           "</td><td>" + notes + "</td></tr>");
        }
        for (std::size_t i = 0; i < rows.size(); ++i)
            evidence += "<tr>" +
                        (i == 0 ? "<td rowspan=\"" + std::to_string(rows.size()) + "\">" +
                                      endpoint_html(s, results.front()->peer) + "</td>"
                                : "") +
                        rows[i];
    }
    if (!evidence.empty()) {
        out += "<h3>" + std::string(s.probe_notes) + "</h3>";
        table_open(out, {s.col_peer, s.col_method, s.col_result, s.col_notes});
        out += evidence;
        table_close(out);
    }
    section_close(out);
}

void controls(std::string& out, const Report& r, const Strings& s) {
    section_open(out, "controls", s.controls, s.controls_intro);
    table_open(out, {s.col_control, s.col_result, s.col_detail});
    for (const auto& c : r.controls)
        row(out, {mono(c.name), badge(c.ok ? "pass" : "fail", c.ok ? s.control_ok : s.control_failed),
                  sentence_html(s, c.detail)});
    table_close(out);
    section_close(out);
}

void observations(std::string& out, const Report& r, const Strings& s) {
    section_open(out, "observations", s.observations, s.observations_intro);
    out += "<ul>";
    for (const auto& o : r.observations)
        out += "<li>" + sentence_html(s, o) + "</li>";
    out += "</ul>";
    section_close(out);
}

void stations(std::string& out, const Report& r, const Strings& s) {
    section_open(out, "stations", s.stations, {}, r.stations.size());
    table_open(out, {s.col_mac, s.col_ips, s.col_role, s.col_why});
    for (const auto& st : r.stations) {
        std::string ips;
        for (const auto& ip : st.ips)
            ips += (ips.empty() ? "" : "<br>") + mono(ip.str());
        row(out, {mono(st.mac.str()), ips, std::string(s.role[static_cast<std::size_t>(st.role)]),
                  sentence_html(s, st.why)});
    }
    table_close(out);
    section_close(out);
}

void capture(std::string& out, const Report& r, const Strings& s) {
    const auto& cap = r.capture;
    section_open(out, "capture", s.capture);
    if (!cap.files.empty()) {
        table_open(out, {s.col_file, s.col_first_frame, s.frames});
        for (const auto& f : cap.files)
            row(out,
                {raw(f.path) + hex_note(f.path), std::to_string(f.first_frame), std::to_string(f.frames)});
        table_close(out);
    }
    out += "<dl class=\"meta\">";
    auto item = [&](std::string_view term, const std::string& html) { meta_item(out, term, html); };
    item(s.frames, std::to_string(cap.frames));
    item(s.bytes, std::to_string(cap.bytes));
    std::string links;
    for (const auto& l : cap.link_types)
        links += (links.empty() ? "" : ", ") + mono(l);
    item(s.link_types, links.empty() ? std::string(s.none) : links);
    if (cap.frames > 0) {
        item(s.first_frame, mono(rfc3339(cap.first_ns)));
        item(s.last_frame, mono(rfc3339(cap.last_ns)));
    }
    item(s.undecoded, std::to_string(cap.undecoded));
    item(s.encrypted, std::to_string(cap.encrypted));
    std::string anomalies;
    for (const auto& [name, n] : cap.anomalies)
        anomalies += (anomalies.empty() ? "" : ", ") + mono(name) + " " + std::to_string(n);
    item(s.anomalies, anomalies.empty() ? std::string(s.none) : anomalies);
    std::string tunnels;
    for (const auto& [kind, n] : cap.decapsulated)
        tunnels += (tunnels.empty() ? "" : ", ") + mono(kind) + " " + std::to_string(n);
    if (!tunnels.empty()) item(s.decapsulated, tunnels);
    item(s.dropped, cap.dropped ? std::to_string(*cap.dropped) : std::string(s.unknown));
    if (r.eap_stats.eapol_frames > 0) item(s.eapol_frames, std::to_string(r.eap_stats.eapol_frames));
    if (r.eap_stats.radius_packets > 0) item(s.radius_packets, std::to_string(r.eap_stats.radius_packets));
    out += "</dl>";
    for (const auto& t : cap.truncated_files)
        out += "<p class=\"warn\">" + raw(t) + " — " + std::string(s.truncated) + "</p>";
    section_close(out);
}

} // namespace

std::string status_badge(const Strings& s, Status st) {
    return badge(status_name(st), s.status[static_cast<std::size_t>(st)]);
}

std::string badge(std::string_view css_class, std::string_view word) {
    return "<span class=\"st " + std::string(css_class) + "\">" + std::string(word) + "</span>";
}

void section_open(std::string& out, std::string_view id, std::string_view title, std::string_view intro,
                  std::size_t count) {
    out += "<section id=\"" + std::string(id) + "\"" + (id == "requirements" ? "" : " class=\"evidence\"") +
           "><h2>" + std::string(title);
    if (count > 0) out += " <span class=\"count\">(" + std::to_string(count) + ")</span>";
    out += "</h2>";
    if (!intro.empty()) out += "<p class=\"intro\">" + std::string(intro) + "</p>";
}

void section_close(std::string& out) {
    out += "</section>\n";
}

void table_open(std::string& out, std::initializer_list<std::string_view> headers) {
    out += "<table><thead><tr>";
    for (auto h : headers)
        out += "<th>" + std::string(h) + "</th>";
    out += "</tr></thead><tbody>";
}

void table_close(std::string& out) {
    out += "</tbody></table>";
}

void row(std::string& out, std::initializer_list<std::string_view> cells) {
    out += "<tr>";
    for (auto c : cells)
        out += "<td>" + std::string(c) + "</td>";
    out += "</tr>";
}

std::string raw(std::string_view text) {
    return "<span class=\"raw\">" + html_escape(text) + "</span>";
}
std::string mono(std::string_view text) {
    return "<span class=\"mono\">" + html_escape(text) + "</span>";
}

} // namespace html

std::string to_html(const Report& r, Lang lang) {
    const auto& s = html::strings(lang);
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_name(lang)) +
        "\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
        "'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>isoprobe " +
        html_escape(r.command) + ": " + std::string(s.status[static_cast<std::size_t>(r.verdict)]) + " — " +
        std::string(s.title) + "</title>\n<style>" + std::string(html::k_css) + "</style>\n</head>\n<body>\n";
    html::header(out, r, s);
    html::verdict_and_requirements(out, r, s);
    html::traffic(out, r, s);
    if (!r.probes.empty()) html::probes(out, r, s);
    if (!r.controls.empty()) html::controls(out, r, s);
    if (!r.observations.empty()) html::observations(out, r, s);
    if (!r.stations.empty()) html::stations(out, r, s);
    html::eap_sections(out, r, s);
    html::wlan_sections(out, r, s);
    html::capture(out, r, s);
    html::timeline_section(out, r, s);
    out += "<footer>";
    if (!s.engine_note.empty()) out += "<p>" + std::string(s.engine_note) + "</p>";
    out += "<p>" + std::string(s.escape_note) +
           "</p><p>isoprobe " ISOPROBE_VERSION "</p></footer>\n</body>\n</html>\n";
    return out;
}

} // namespace isoprobe::report
