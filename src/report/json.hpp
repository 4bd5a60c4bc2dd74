// The JSON renderer of the report contract (docs/report.md, docs/report.schema.json: "isoprobe.report/1").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/report.hpp"

namespace isoprobe::report {

// Every sentence is written twice (docs/report.md, "Sentences"): its English text where it always was
// ("reasons": ["..."]), and beside it under the same name with "_coded" ({"code", "params", "text"}). `also`
// adds its text in one more language ("text_ja"), for JSON Lines read by people (--lang).
using Also = std::optional<model::Lang>;
nlohmann::ordered_json to_json(const model::Sentence& s, Also also = std::nullopt);
nlohmann::ordered_json to_json(const std::vector<model::Sentence>& s, Also also = std::nullopt);
std::vector<std::string> english(const std::vector<model::Sentence>& s);
// A sentence back from its coded form, for `isoprobe verify`: a string parameter is a text, an array of
// strings a list, an object a clause, an array of objects clauses. How clauses were joined is not written,
// so clauses come back comma-joined: the code and parameters are the report's, the wording may differ.
// Throws nlohmann::json::exception when `coded` is not a coded sentence.
model::Sentence sentence_of(const nlohmann::json& coded);

nlohmann::ordered_json to_json(const model::Report& r);
nlohmann::ordered_json to_json(const model::Endpoint& e);
// The report's items, as they appear in its arrays (also one per line in --jsonl).
nlohmann::ordered_json to_json(const model::Requirement& req, Also also = std::nullopt);
nlohmann::ordered_json to_json(const model::Conversation& c, Also also = std::nullopt);
nlohmann::ordered_json to_json(const model::ProbeResult& p, Also also = std::nullopt);
nlohmann::ordered_json to_json(const model::Control& c, Also also = std::nullopt);
nlohmann::ordered_json to_json(const model::InventoryFinding& f, Also also = std::nullopt);

} // namespace isoprobe::report
