#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/log.hpp"
#include "cli/provenance.hpp"

namespace isoprobe::cli {

namespace {
constexpr const char* k_default_config = "/etc/isoprobe/isoprobe.toml";

// CLI11 reads a config file only through an option of the top-level app, but `isoprobe audit --config F` is
// how a timer calls it: --config given after the subcommand moves in front of it.
std::vector<std::string> config_first(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc), config, rest;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--config" && i + 1 < args.size()) {
            config = {args[i], args[i + 1]};
            ++i;
        } else if (args[i].rfind("--config=", 0) == 0) {
            config = {args[i]};
        } else {
            rest.push_back(args[i]);
        }
    }
    config.insert(config.end(), rest.begin(), rest.end());
    std::reverse(config.begin(), config.end()); // CLI11's parse(vector) takes the arguments last first
    return config;
}
} // namespace

int run(int argc, char** argv) {
    CLI::App app{"isoprobe: prove terminal isolation and 802.1X/Wi-Fi security on a network segment"};
    app.set_version_flag("--version", "isoprobe " ISOPROBE_VERSION);
    app.require_subcommand(1);
    // A misspelt setting must not be ignored silently: it could be the rate limit or --intrusive.
    app.allow_config_extras(CLI::config_extras_mode::error);
    app.set_config(
           "--config", k_default_config,
           "TOML file of options, one [section] per command (audit, probe, eap, inspect, history) with "
           "long option names as keys, global ones (log-level) at the top; read when it exists, given "
           "options win")
        ->type_name("PATH");
    LogOptions log;
    add_log_options(app, log);
    // `isoprobe inspect -v F` as well as `isoprobe -v inspect F`: a subcommand hands the global options it
    // does not know to the top level.
    app.fallthrough();
    std::vector<std::pair<CLI::App*, Command>> commands;
    for (auto add : {add_inspect, add_probe, add_audit, add_eap, add_history, add_verify}) {
        auto action = add(app);
        commands.emplace_back(app.get_subcommands({}).back(), std::move(action));
    }
    try {
        auto args = config_first(argc, argv);
        app.parse(args);
        note_invocation(std::vector<std::string>(argv, argv + argc), app.get_config_ptr()->as<std::string>());
        start_log(log);
        for (auto& [sub, action] : commands)
            if (sub->parsed()) return action();
    } catch (const CLI::ConfigError& e) {
        std::fprintf(stderr,
                     "isoprobe: config file: %s (keys are long option names under [command] sections)\n",
                     e.what());
        return static_cast<int>(Exit::usage);
    } catch (const CLI::FileError& e) {
        std::fprintf(stderr, "isoprobe: config file: %s\n", e.what());
        return static_cast<int>(Exit::usage);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e); // --help, --version
        std::fprintf(stderr, "isoprobe: %s (see isoprobe --help)\n", e.what());
        return static_cast<int>(Exit::usage);
    } catch (const UserError& e) {
        std::fprintf(stderr, "isoprobe: %s\n", e.what());
        return static_cast<int>(Exit::usage);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "isoprobe: internal error: %s\n", e.what());
        return static_cast<int>(Exit::usage);
    }
    return static_cast<int>(Exit::usage);
}

} // namespace isoprobe::cli
