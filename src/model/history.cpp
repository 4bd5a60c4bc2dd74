#include "model/history.hpp"

#include <tuple>

namespace isoprobe::model {

bool operator<(const Regression& a, const Regression& b) {
    const bool a_new = a.kind.starts_with("new-"), b_new = b.kind.starts_with("new-");
    return std::tie(a_new, a.kind, a.key) < std::tie(b_new, b.kind, b.key);
}

std::string scope_of(const Report& r) {
    if (r.segment) return r.segment->interface;
    std::string s;
    for (const auto& f : r.capture.files)
        s += (s.empty() ? "" : " ") + f.path;
    return s;
}

} // namespace isoprobe::model
