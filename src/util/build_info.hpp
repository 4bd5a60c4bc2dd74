// What built this binary, for the report's provenance: the package version, the source revision (git
// describe at build time, the package version when built outside a git checkout) and the CMake build type.
// Defined in a file generated at every build (tools/cmake/build-info.cmake).
#pragma once
#include <string_view>

namespace isoprobe {

struct BuildInfo {
    std::string_view version, revision, build_type;
};
const BuildInfo& build_info();

} // namespace isoprobe
