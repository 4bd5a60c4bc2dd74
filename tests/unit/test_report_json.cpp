// A coded sentence read back from the JSON report (report::sentence_of, what `isoprobe verify` reads): the
// same code and parameters, texts, lists and clauses alike.
#include <doctest/doctest.h>

#include <algorithm>

#include "report/json.hpp"

using namespace isoprobe;
using model::arg;
using model::say;

namespace {
// Parameters by name: a JSON object read back keeps no order, and a sentence renders by name.
model::Sentence by_name(model::Sentence s) {
    std::sort(s.params.begin(), s.params.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (auto& p : s.params)
        for (auto& clause : p.sentences)
            clause = by_name(clause);
    return s;
}

model::Sentence round_trip(const model::Sentence& s) {
    return by_name(report::sentence_of(nlohmann::json::parse(report::to_json(s).dump())));
}
} // namespace

TEST_CASE("a coded sentence comes back from its JSON form with its code and parameters") {
    const auto control =
        say("ctl.sentinel-own-gateway", {arg("sentinel", "sentinel0"), arg("ip", "203.0.113.1"),
                                         arg("mac", "02:b1:00:00:0c:01"), arg("frame", 31)});
    CHECK(round_trip(control) == by_name(control));

    const auto unanswered = say("iso.unanswered", {arg("frames", 3), arg("attempts", 2), arg("targets", 1),
                                                   arg("list", std::vector<std::string>{"4", "7", "9"})});
    CHECK(round_trip(unanswered) == by_name(unanswered));

    const auto nested = say("probe.segment-bound", {arg("why", say("bound.arp"))});
    CHECK(round_trip(nested) == by_name(nested));
    CHECK(model::english(round_trip(nested)) == model::english(nested));

    const auto clauses =
        say("run.problems", {arg("problems", std::vector{say("run.link-down", {arg("interface", "eth0")}),
                                                         say("sys.message", {arg("message", "x")})})});
    CHECK(round_trip(clauses) == by_name(clauses));

    CHECK_THROWS_AS(report::sentence_of(nlohmann::json::parse(R"({"text": "no code"})")),
                    nlohmann::json::exception);
}
