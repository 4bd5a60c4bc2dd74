#include "analyze/inspect.hpp"

#include "analyze/analysis.hpp"
#include "capture/source.hpp"
#include "verdict/decide.hpp"

namespace isoprobe::analyze {

Expected<model::Report, std::string> inspect_captures(const std::vector<std::string>& names,
                                                      const CaptureOpener& open, const RoleHints& hints,
                                                      const InspectProgress& progress,
                                                      std::shared_ptr<const Inventory> inventory) {
    Analysis analysis(hints, inventory);
    model::Report rep;
    rep.command = "inspect";
    std::uint64_t next = 1, dropped = 0;
    bool drops_known = false;
    for (const auto& path : names) {
        auto src = open(path, next);
        if (!src) return unexpected(src.error().message);
        model::CaptureFile file{path, next, 0};
        for (;;) {
            auto frame = src.value()->next();
            // Like tcpdump and tshark, a capture cut short mid-record still yields the frames before the cut.
            if (!frame && frame.error().kind == capture::SourceErrorKind::truncated && file.frames > 0) {
                rep.capture.truncated_files.push_back(frame.error().message);
                break;
            }
            if (!frame) return unexpected(frame.error().message);
            if (!frame.value()) break;
            analysis.feed(*frame.value());
            ++file.frames;
            if (progress && (file.frames & 0xffff) == 0) progress(path, next + file.frames - 1);
        }
        next += file.frames;
        const auto& stats = src.value()->stats();
        drops_known = drops_known || stats.drops_known;
        dropped += stats.dropped;
        rep.capture.files.push_back(std::move(file));
    }
    judge_capture(analysis, inventory.get(), rep);
    if (!rep.capture.truncated_files.empty())
        rep.capture.anomalies["truncated_file"] = rep.capture.truncated_files.size();
    if (drops_known) rep.capture.dropped = dropped;
    return rep;
}

void judge_capture(Analysis& analysis, const Inventory* inventory, model::Report& rep) {
    verdict::Evidence evidence{analysis.finish(rep), std::nullopt, std::nullopt, std::nullopt};
    if (inventory) {
        auto survey = survey_inventory(*inventory, rep.wlan);
        rep.inventory = std::move(survey.findings);
        evidence.survey = std::move(survey.evidence);
    }
    verdict::decide(evidence, rep);
}

Expected<model::Report, std::string> inspect_files(const std::vector<std::string>& files,
                                                   const RoleHints& hints, const InspectProgress& progress,
                                                   std::shared_ptr<const Inventory> inventory) {
    return inspect_captures(
        files,
        [](const std::string& path, std::uint64_t first_number) {
            return capture::open_capture_file(path, first_number);
        },
        hints, progress, std::move(inventory));
}

} // namespace isoprobe::analyze
