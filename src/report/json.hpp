// The JSON renderer of the report contract (docs/report.md, docs/report.schema.json: "isoprobe.report/1").
#pragma once
#include <nlohmann/json.hpp>

#include "model/report.hpp"

namespace isoprobe::report {

nlohmann::ordered_json to_json(const model::Report& r);
nlohmann::ordered_json to_json(const model::Endpoint& e);
// The report's items, as they appear in its arrays (also one per line in --jsonl).
nlohmann::ordered_json to_json(const model::Requirement& req);
nlohmann::ordered_json to_json(const model::Conversation& c);
nlohmann::ordered_json to_json(const model::ProbeResult& p);
nlohmann::ordered_json to_json(const model::Control& c);
nlohmann::ordered_json to_json(const model::InventoryFinding& f);

} // namespace isoprobe::report
