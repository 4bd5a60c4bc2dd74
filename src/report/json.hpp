// The JSON renderer of the report contract (docs/report.md, docs/report.schema.json: "isoprobe.report/1").
#pragma once
#include <nlohmann/json.hpp>

#include "report/model.hpp"

namespace isoprobe::report {

nlohmann::ordered_json to_json(const Report& r);
nlohmann::ordered_json to_json(const Endpoint& e);
nlohmann::ordered_json protocols_json(const decode::ProtoSet& s);
// The report's items, as they appear in its arrays (also one per line in --jsonl).
nlohmann::ordered_json to_json(const Requirement& req);
nlohmann::ordered_json to_json(const Conversation& c);
nlohmann::ordered_json to_json(const ProbeResult& p);
nlohmann::ordered_json to_json(const Control& c);
nlohmann::ordered_json to_json(const InventoryFinding& f);

} // namespace isoprobe::report
