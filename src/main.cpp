// isoprobe's entry point: everything lives in the core library (src/cli/app.cpp).
#include "cli/app.hpp"

int main(int argc, char** argv) {
    return isoprobe::cli::run(argc, argv);
}
