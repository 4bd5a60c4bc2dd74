#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

namespace isoprobe::cli {

int run(int argc, char** argv) {
    CLI::App app{"isoprobe: prove terminal isolation and 802.1X/Wi-Fi security on a network segment"};
    app.set_version_flag("--version", "isoprobe " ISOPROBE_VERSION);
    app.require_subcommand(1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : static_cast<int>(Exit::usage);
    }
    return 0;
}

} // namespace isoprobe::cli
