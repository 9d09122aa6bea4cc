// rules/schema/ruleset.schema.json (JSON Schema draft-07) agrees with the loader: every rule
// set we ship and every valid fixture validates; typical mistakes are refused by both.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

using echeance::test::read_text;
using echeance::test::source_path;

namespace {

nlohmann::json parse_jsonc(const std::string& path) {
    // Rule files are JSON with comments: nlohmann's ignore_comments reads them.
    return nlohmann::json::parse(read_text(path), nullptr, true, true);
}

const valijson::Schema& ruleset_schema() {
    static const std::unique_ptr<valijson::Schema> schema = [] {
        auto s = std::make_unique<valijson::Schema>();
        nlohmann::json doc = parse_jsonc(source_path("rules/schema/ruleset.schema.json"));
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        valijson::adapters::NlohmannJsonAdapter adapter(doc);
        parser.populateSchema(adapter, *s);
        return s;
    }();
    return *schema;
}

// Empty when valid; else the schema's complaints, one per line.
std::string validate(const std::string& path) {
    nlohmann::json doc = parse_jsonc(path);
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    if (validator.validate(ruleset_schema(), adapter, &results)) return {};
    std::string out;
    valijson::ValidationResults::Error e;
    while (results.popError(e)) {
        std::string where;
        for (const auto& c : e.context) where += c;
        out += where + ": " + e.description + "\n";
    }
    return out.empty() ? "invalid\n" : out;
}

} // namespace

TEST_CASE("every rule set under rules/ and every valid fixture validates against the schema") {
    std::vector<std::string> files = echeance::test::shipped_rulesets();
    for (const auto& f : echeance::test::files_in("tests/rules/valid", ".json")) files.push_back(f);
    REQUIRE(!files.empty());
    for (const auto& f : files) {
        INFO(f);
        CHECK(validate(f).empty());
        CHECK(echeance::load_ruleset_file(f).ok());
    }
}

TEST_CASE("the schema refuses the mistakes it can see, as the loader does") {
    // Mistakes that need cross references (unknown_state, ...) are the loader's alone.
    for (const char* name :
         {"unknown_key_top",      "unknown_key_state",    "missing_cite_state",
          "missing_cite_empty",   "missing_cite_version", "missing_cite_top",
          "missing_key_kind",     "missing_key_to",       "missing_key_versions",
          "missing_key_count",    "wrong_type_kind",      "wrong_type_roles",
          "wrong_type_automatic", "unknown_kind",         "unknown_convention",
          "unknown_month_end",    "bad_period_no_p",      "bad_period_designator",
          "bad_period_time",      "bad_date_format",      "bad_id_state",
          "bad_id_ruleset",       "empty_list_versions",  "empty_list_from",
          "transition_form",      "count_form_both",      "count_form_timer",
          "count_form_anchor",    "bad_effect",           "unknown_effect",
          "duplicate_reference",  "wrong_type_root"}) {
        std::string path = source_path(std::string("tests/rules/invalid/") + name + ".json");
        INFO(path);
        CHECK(!validate(path).empty());
        CHECK(!echeance::load_ruleset_file(path).ok());
    }
}
