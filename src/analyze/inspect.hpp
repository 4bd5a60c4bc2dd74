// Offline inspection of capture files: read every frame of every file through the one Analysis.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "analyze/inventory.hpp"
#include "analyze/stations.hpp"
#include "capture/source.hpp"
#include "model/report.hpp"
#include "util/expected.hpp"

namespace isoprobe::analyze {

// Told the file being read and the frames read so far (all files), every few tens of thousands of frames.
using InspectProgress = std::function<void(const std::string& file, std::uint64_t frames)>;

// Opens the capture called `name`, its frames numbered from `first_number` (a file, or bytes in memory).
using CaptureOpener = std::function<Expected<std::unique_ptr<capture::FrameSource>, capture::SourceError>(
    const std::string& name, std::uint64_t first_number)>;

// The pipeline of `inspect_files` over captures that `open` reads, so that the fuzzer and tests run exactly
// the path `isoprobe inspect` runs without files on disk.
Expected<model::Report, std::string> inspect_captures(const std::vector<std::string>& names,
                                                      const CaptureOpener& open, const RoleHints& hints,
                                                      const InspectProgress& progress = {},
                                                      std::shared_ptr<const Inventory> inventory = nullptr);

// Reads the files in order (frame numbers continue across files) and returns the finished report, or the
// first input error as one line (unreadable file, wrong format, corruption). With an inventory, the report
// holds its survey, and the BSSes that fail it are kept even in a full BSS table.
Expected<model::Report, std::string> inspect_files(const std::vector<std::string>& files,
                                                   const RoleHints& hints,
                                                   const InspectProgress& progress = {},
                                                   std::shared_ptr<const Inventory> inventory = nullptr);

class Analysis;
// Fills `rep` from a finished analysis, holds its BSSes against `inventory` when given, and has the verdict
// stage judge it all: what `inspect` reports for the frames the analysis was fed.
void judge_capture(Analysis& analysis, const Inventory* inventory, model::Report& rep);

} // namespace isoprobe::analyze
