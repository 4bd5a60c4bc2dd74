#include "cli/output.hpp"

#include <unistd.h>

#include <cstdio>

#include "cli/errors.hpp"
#include "report/json.hpp"
#include "report/text.hpp"

namespace isoprobe::cli {

void Outputs::add_options(CLI::App& cmd) {
    cmd.add_option("--json", m_json_path, "Write the JSON report to PATH ('-' for standard output)")->type_name("PATH|-");
    cmd.add_option("--text-file", m_text_path, "Write the text report to PATH")->type_name("PATH");
    cmd.add_flag("--text", m_text, "Print the text report on standard output (the default on a terminal)");
}

void Outputs::open() {
    for (auto& [name, path] : {std::pair{"json", m_json_path}, std::pair{"text", m_text_path}}) {
        if (path.empty() || path == "-") continue;
        auto f = AtomicFile::open(path);
        if (!f) throw UserError(f.error());
        m_files.emplace_back(name, std::move(f.value()));
    }
}

int Outputs::emit(const report::Report& r) {
    const bool tty = isatty(STDOUT_FILENO) != 0;
    const std::string json = report::to_json(r).dump(2) + "\n";
    for (auto& [name, file] : m_files) {
        auto done = file.commit(name == "json" ? json : report::to_text(r, false));
        if (!done) throw UserError(done.error());
    }
    // Standard output gets JSON when asked with '-' or when nothing else was asked and it is not a terminal;
    // text when asked, or when it is a terminal that JSON does not already take.
    const bool json_to_stdout = m_json_path == "-" || (m_json_path.empty() && m_text_path.empty() && !m_text && !tty);
    if (json_to_stdout) std::fwrite(json.data(), 1, json.size(), stdout);
    if (m_text || (!json_to_stdout && tty)) {
        std::string text = report::to_text(r, tty);
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    std::fflush(stdout);
    return static_cast<int>(exit_for(r.verdict));
}

Exit exit_for(report::Status verdict) {
    switch (verdict) {
    case report::Status::pass: return Exit::pass;
    case report::Status::fail: return Exit::fail;
    default: return Exit::inconclusive;
    }
}

} // namespace isoprobe::cli
