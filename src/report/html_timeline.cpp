// The timeline of the HTML report: one inline SVG (no script, nothing fetched) with a time axis from the
// start of the run or of the capture to its end, bands for the run's phases, and a bar for every
// conversation, attempt and EAP attempt from its first to its last frame. Labels are model text and go
// through html_escape like the rest.
#include <algorithm>
#include <cstdio>
#include <optional>

#include "report/html_parts.hpp"
#include "util/time.hpp"

namespace isoprobe::report::html {

using model::Conversation;
using model::ConversationKind;
using model::Endpoint;
using model::Report;

namespace {

constexpr double k_width = 1000, k_plot_x0 = 310, k_plot_x1 = 985, k_row = 18, k_top = 30;
constexpr std::size_t k_max_rows = 15; // per lane: the tables above list everything
constexpr std::array<std::string_view, 4> k_phase_fill{"#ddf4ff", "#fbefff", "#fff8c5", "#dafbe1"};

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// About how wide a label is at 11 px (wide CJK characters 11 px, others 6.5 px): enough to tell whether it
// fits.
double text_width(std::string_view utf8) {
    double w = 0;
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xc0) != 0x80) w += c >= 0x80 ? 11 : 6.5; // count lead bytes only: one per character
    }
    return w;
}

struct Span {
    std::int64_t t0 = 0, t1 = 0;
};

std::optional<Span> axis_span(const Report& r) {
    std::optional<Span> span;
    auto add = [&](std::int64_t a, std::int64_t b) {
        if (!span) span = Span{a, b};
        span->t0 = std::min({span->t0, a, b});
        span->t1 = std::max({span->t1, a, b});
    };
    // A live run captured on the same clock while it ran; an inspect report's run times only say when the
    // analysis ran, perhaps years after the capture, so without phases they stay off the axis.
    if (r.run && !r.run->phases.empty()) {
        add(r.run->started_ns, r.run->finished_ns);
        for (const auto& p : r.run->phases)
            add(p.start_ns, p.end_ns);
    }
    if (r.capture.frames > 0) add(r.capture.first_ns, r.capture.last_ns);
    return span;
}

// The largest 1-2-5 step that puts at most 8 ticks on the axis. Even the longest axis, 2^64 - 1 ns, stops at
// 5 * 10^18, so decade * m never overflows.
std::uint64_t tick_step(std::uint64_t len) {
    for (std::uint64_t decade = 1;; decade *= 10)
        for (std::uint64_t m : {1u, 2u, 5u})
            if (len / (decade * m) <= 8) return decade * m;
}

class Chart {
  public:
    explicit Chart(Span span)
        : m_t0(span.t0), m_len(std::max<std::uint64_t>(nanoseconds_between(span.t0, span.t1), 1)) {}

    double x(std::int64_t t) const { return x_at(nanoseconds_between(m_t0, t)); }
    // A label on the left of the current row, clipped to its column; `html` is escaped already.
    void label(const std::string& html, bool heading) {
        m_labels += "<text x=\"6\" y=\"" + num(m_y + 13) + "\"" + (heading ? " font-weight=\"bold\"" : "") +
                    ">" + html + "</text>";
    }
    // A bar from a to b on the current row, at least 3 px wide so that a single frame shows.
    void bar(std::int64_t a, std::int64_t b, std::string_view fill, const std::string& title_html) {
        double x0 = x(a), w = std::max(x(b) - x0, 3.0);
        m_body += "<rect x=\"" + num(std::min(x0, k_plot_x1 - w)) + "\" y=\"" + num(m_y + 3) + "\" width=\"" +
                  num(w) + "\" height=\"12\" rx=\"2\" fill=\"" + std::string(fill) + "\"><title>" +
                  title_html + "</title></rect>";
    }
    // A phase: a band on the current row, named inside when the name fits, and an entry in the legend below.
    void band(std::int64_t a, std::int64_t b, std::string_view fill, const std::string& name_html,
              const std::string& legend_html) {
        double x0 = x(a), w = std::max(x(b) - x0, 1.0);
        m_bands.push_back({x0, w, std::string(fill), legend_html});
        m_body += "<rect x=\"" + num(x0) + "\" y=\"" + num(m_y + 1) + "\" width=\"" + num(w) +
                  "\" height=\"16\" fill=\"" + std::string(fill) +
                  "\" stroke=\"#8c959f\" stroke-width=\"0.5\"><title>" + legend_html + "</title></rect>";
        if (text_width(name_html) + 6 < w)
            m_body += "<text x=\"" + num(x0 + 3) + "\" y=\"" + num(m_y + 13) + "\">" + name_html + "</text>";
    }
    void next_row() { m_y += k_row; }

    std::string svg(const Strings& s) const {
        const double legend_y = m_y + 4, height = m_y + (m_bands.empty() ? 8 : k_row + 10);
        std::string out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(k_width) + " " + num(height) +
            "\" role=\"img\"><defs><clipPath id=\"timeline-labels\"><rect x=\"0\" y=\"0\" width=\"" +
            num(k_plot_x0 - 8) + "\" height=\"" + num(height) + "\"/></clipPath></defs>";
        // Phases tint the whole height, so that every bar shows which phase it fell in.
        for (const auto& b : m_bands)
            out += "<rect x=\"" + num(b.x) + "\" y=\"" + num(k_top) + "\" width=\"" + num(b.w) +
                   "\" height=\"" + num(m_y - k_top) + "\" fill=\"" + b.fill + "\" opacity=\"0.45\"/>";
        const std::uint64_t step = tick_step(m_len);
        // Counted, not summed up to m_len: t + step would wrap on the longest axes and never end the loop.
        for (std::uint64_t tick = 0; tick <= m_len / step; ++tick) {
            const std::uint64_t t = tick * step;
            const std::string tx = num(x_at(t));
            out += "<line x1=\"" + tx + "\" y1=\"" + num(k_top - 6) + "\" x2=\"" + tx + "\" y2=\"" +
                   num(m_y) + "\" stroke=\"#d0d7de\" stroke-width=\"0.6\"/><text x=\"" + tx +
                   "\" y=\"16\" text-anchor=\"" + (t == 0 ? "start" : "middle") + "\">" +
                   (t == 0 ? std::string("0") : duration_text(s, t)) + "</text>";
        }
        out += "<line x1=\"" + num(k_plot_x0) + "\" y1=\"" + num(k_top - 6) + "\" x2=\"" + num(k_plot_x1) +
               "\" y2=\"" + num(k_top - 6) + "\" stroke=\"#57606a\"/>";
        double lx = k_plot_x0;
        for (const auto& b : m_bands) {
            out += "<rect x=\"" + num(lx) + "\" y=\"" + num(legend_y + 4) +
                   "\" width=\"10\" height=\"10\" fill=\"" + b.fill +
                   "\" stroke=\"#8c959f\" stroke-width=\"0.5\"/><text x=\"" + num(lx + 14) + "\" y=\"" +
                   num(legend_y + 13) + "\">" + b.legend + "</text>";
            lx += text_width(b.legend) + 34;
        }
        return out + m_body + "<g clip-path=\"url(#timeline-labels)\">" + m_labels + "</g></svg>";
    }

  private:
    struct Band {
        double x, w;
        std::string fill, legend;
    };
    // `offset` ns after the start of the axis; times past its end stay at its end.
    double x_at(std::uint64_t offset) const {
        return k_plot_x0 + (k_plot_x1 - k_plot_x0) * static_cast<double>(std::min(offset, m_len)) /
                               static_cast<double>(m_len);
    }

    std::int64_t m_t0;
    std::uint64_t m_len;
    double m_y = k_top;
    std::string m_body, m_labels;
    std::vector<Band> m_bands;
};

std::string endpoint_label(const Endpoint& e) {
    return e.mac ? e.mac->str() : e.ip.str();
}

// One lane: a heading row, then a row per item (at most k_max_rows, then a row counting the rest).
template <class Item, class Describe>
void lane(Chart& chart, const Strings& s, std::string_view title, const std::vector<Item>& items,
          std::string_view fill, Describe describe) {
    if (items.empty()) return;
    chart.label(std::string(title) + " (" + std::to_string(items.size()) + ")", true);
    chart.next_row();
    for (std::size_t i = 0; i < std::min(items.size(), k_max_rows); ++i) {
        auto [text, first_ns, last_ns] = describe(items[i]);
        const std::string label = html_escape(text);
        chart.label(label, false);
        chart.bar(first_ns, last_ns, fill,
                  label + " " + html_escape(rfc3339(first_ns)) + " – " + html_escape(rfc3339(last_ns)));
        chart.next_row();
    }
    if (items.size() > k_max_rows) {
        chart.label(more_text(s, items.size() - k_max_rows), false);
        chart.next_row();
    }
}

struct Described {
    std::string text;
    std::int64_t first_ns, last_ns;
};

} // namespace

void timeline_section(std::string& out, const Report& r, const Strings& s) {
    const auto span = axis_span(r);
    section_open(out, "timeline", s.timeline);
    if (!span) {
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 40\" role=\"img\"><text "
               "x=\"12\" y=\"25\">" +
               std::string(s.no_events) + "</text></svg>";
        section_close(out);
        return;
    }
    out += "<p class=\"intro\">" + std::string(s.timeline_intro) + " " + mono(rfc3339(span->t0)) + "</p>";
    Chart chart(*span);
    if (r.run && !r.run->phases.empty()) {
        chart.label(std::string(s.lane_phases), true);
        for (std::size_t i = 0; i < r.run->phases.size(); ++i) {
            const auto& p = r.run->phases[i];
            const auto name = phase_label(s, p.name);
            chart.band(p.start_ns, p.end_ns, k_phase_fill[i % k_phase_fill.size()], name,
                       name + " " + duration_text(s, nanoseconds_between(p.start_ns, p.end_ns)));
        }
        chart.next_row();
    }
    lane(chart, s, s.lane_conversations, r.conversations, "#cf222e", [](const Conversation& c) {
        return Described{endpoint_label(c.a) + (c.kind == ConversationKind::broadcast ? " → " : " ↔ ") +
                             endpoint_label(c.b),
                         c.first_ns, c.last_ns};
    });
    lane(chart, s, s.lane_attempts, r.attempts, "#bf8700", [](const Conversation& c) {
        return Described{endpoint_label(c.a) + " → " + endpoint_label(c.b), c.first_ns, c.last_ns};
    });
    // EAP attempts carry times once a frame was attributed to them; the others have no place on the axis.
    std::vector<const model::EapSession*> timed;
    for (const auto& e : r.eap)
        if (e.first_ns != 0 || e.last_ns != 0) timed.push_back(&e);
    lane(chart, s, s.lane_eap, timed, "#0969da", [](const model::EapSession* e) {
        return Described{(e->supplicant ? e->supplicant->str() : std::string("?")) +
                             (e->identity ? " \"" + *e->identity + "\"" : ""),
                         e->first_ns, e->last_ns};
    });
    out += chart.svg(s);
    section_close(out);
}

} // namespace isoprobe::report::html
