#include "analyze/replay.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "analyze/analysis.hpp"
#include "analyze/inspect.hpp"
#include "capture/source.hpp"
#include "verdict/decide.hpp"

namespace isoprobe::analyze {

model::AnalysisInputs analysis_inputs(const RoleHints& hints) {
    model::AnalysisInputs a;
    a.self = hints.self;
    a.self_how = hints.self_how;
    a.infra = hints.infra;
    a.gateways = hints.gateways;
    a.gateway_ip = hints.gateway_ip;
    if (hints.subnet) a.subnet = hints.subnet->first.str() + "/" + std::to_string(hints.subnet->second);
    return a;
}

Expected<RoleHints, std::string> role_hints(const model::AnalysisInputs& a) {
    RoleHints h;
    h.self = a.self;
    h.self_how = a.self_how;
    h.infra = a.infra;
    h.gateways = a.gateways;
    h.gateway_ip = a.gateway_ip;
    if (!a.subnet.empty()) {
        const auto slash = a.subnet.find('/');
        auto ip = IpAddr::parse(std::string_view(a.subnet).substr(0, slash));
        int bits = -1;
        if (slash != std::string::npos) {
            const char* end = a.subnet.data() + a.subnet.size();
            if (auto [p, ec] = std::from_chars(a.subnet.data() + slash + 1, end, bits);
                ec != std::errc{} || p != end)
                bits = -1;
        }
        if (!ip || ip->family != 4 || bits < 0 || bits > 32)
            return unexpected("recorded subnet '" + a.subnet + "' is not an IPv4 subnet");
        h.subnet = std::make_pair(*ip, bits);
    }
    return h;
}

namespace {
bool contains(const Bytes& frame, const std::string& text) {
    return !text.empty() && std::search(frame.begin(), frame.end(), text.begin(), text.end()) != frame.end();
}
} // namespace

Expected<Replayed, std::string> replay(const std::string& capture_path, const Recorded& rec) {
    auto hints = role_hints(rec.inputs);
    if (!hints) return unexpected(hints.error());
    auto src = capture::open_capture_file(capture_path);
    if (!src) return unexpected(src.error().message);
    const auto* live = rec.inputs.live ? &*rec.inputs.live : nullptr;
    const std::set<std::uint64_t> forged =
        live ? std::set<std::uint64_t>(live->forged_frames.begin(), live->forged_frames.end())
             : std::set<std::uint64_t>{};
    // Every frame a probe result cites, by the results citing it.
    std::map<std::uint64_t, std::vector<const model::ProbeResult*>> cited;
    for (const auto& p : rec.probes)
        for (auto n : p.frames)
            cited[n].push_back(&p);

    Replayed out;
    model::Report& rep = out.report;
    rep.command = rec.command;
    Analysis analysis(*hints);
    model::CaptureFile file{capture_path, 1, 0};
    auto describe = [](const model::ProbeResult& p) {
        return p.method + " toward " +
               (p.sentinel           ? std::string("the sentinel")
                : !p.peer.ip.empty() ? p.peer.ip.str()
                : p.peer.mac         ? p.peer.mac->str()
                                     : std::string("a peer"));
    };
    for (;;) {
        auto frame = src.value()->next();
        if (!frame) return unexpected(frame.error().message);
        const capture::Frame* f = frame.value();
        if (!f) break;
        ++file.frames;
        // A live run's passive watch is its probe interface's view, without what the probe forged.
        if (!live || (f->interface == 0 && !forged.count(f->number))) analysis.feed(*f);
        auto it = cited.find(f->number);
        if (it == cited.end()) continue;
        for (const auto* p : it->second) {
            // The sentinel's proof is that it received a frame of this run: it carries the run's marker. On
            // the probe interface an answer is the peer speaking: never a frame of our own.
            if (live && f->interface == 1 && !contains(f->bytes, live->marker_prefix))
                out.problems.push_back(describe(*p) + ": cited frame " + std::to_string(f->number) +
                                       " (sentinel) does not carry the run's marker");
            if (live && f->interface == 0 && hints->self && f->bytes.size() >= 12 &&
                std::equal(hints->self->b.begin(), hints->self->b.end(), f->bytes.begin() + 6))
                out.problems.push_back(describe(*p) + ": cited frame " + std::to_string(f->number) +
                                       " was sent by the probe itself");
        }
        cited.erase(it);
    }
    for (const auto& [n, results] : cited)
        for (const auto* p : results)
            out.problems.push_back(describe(*p) + ": cited frame " + std::to_string(n) +
                                   " is not in the capture (" + std::to_string(file.frames) + " frames)");
    rep.capture.files.push_back(std::move(file));
    if (!live) {
        judge_capture(analysis, nullptr, rep);
        return out;
    }
    rep.probes = rec.probes;
    rep.controls = rec.controls;
    rep.interrupted = rec.interrupted;
    const verdict::LiveRunEvidence& evidence = *live;
    verdict::decide({analysis.finish(rep), std::nullopt, evidence, std::nullopt}, rep);
    return out;
}

} // namespace isoprobe::analyze
