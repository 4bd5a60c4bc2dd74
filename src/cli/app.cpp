#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <vector>

#include "cli/commands.hpp"
#include "cli/errors.hpp"

namespace isoprobe::cli {

int run(int argc, char** argv) {
    CLI::App app{"isoprobe: prove terminal isolation and 802.1X/Wi-Fi security on a network segment"};
    app.set_version_flag("--version", "isoprobe " ISOPROBE_VERSION);
    app.require_subcommand(1);
    std::vector<std::pair<CLI::App*, Command>> commands;
    for (auto add : {add_inspect, add_probe, add_audit, add_eap}) {
        auto action = add(app);
        commands.emplace_back(app.get_subcommands({}).back(), std::move(action));
    }
    try {
        app.parse(argc, argv);
        for (auto& [sub, action] : commands)
            if (sub->parsed()) return action();
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
