// The one fatal error type of the command line: a usage, input or configuration problem the user can act on.
// Thrown only by CLI code, caught once in cli::run, printed as one line, exit code 2.
#pragma once
#include <stdexcept>
#include <string>

namespace isoprobe::cli {

struct UserError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace isoprobe::cli
