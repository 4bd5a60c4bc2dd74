#include "cli/log.hpp"

#include <memory>

#include <spdlog/sinks/stdout_sinks.h>

namespace isoprobe::cli {

void add_log_options(CLI::App& app, LogOptions& o) {
    app.add_flag("-v,--verbose", o.verbose, "Log what each phase does on standard error (--log-level info)");
    o.level_option =
        app.add_option("--log-level", o.level, "Diagnostic log on standard error, never in a report")
            ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
            ->capture_default_str()
            ->type_name("LEVEL");
}

void start_log(const LogOptions& o) {
    // spdlog's own default logger writes to standard output, where reports go.
    auto logger =
        std::make_shared<spdlog::logger>("isoprobe", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger->set_pattern("isoprobe: %l: %v");
    const bool level_given = o.level_option != nullptr && o.level_option->count() > 0;
    logger->set_level(o.verbose && !level_given ? spdlog::level::info : spdlog::level::from_str(o.level));
    spdlog::set_default_logger(std::move(logger));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace isoprobe::cli
