// The JSON report remembers rejection and warning texts per thread (detail/replay_json.hpp): a
// remembered text must be the one reason() or message() writes for that very rejection or
// warning, for every person, however many persons before it filled the memo.
#include "../engine/generate.hpp"

#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/report.hpp>
#include <echeance/io/rules.hpp>
#include <nlohmann/json.hpp>
#include <string>

using namespace echeance;
using namespace echeance::testing;

TEST_CASE("every remembered JSON text is the text reason() and message() write") {
    calendar cal = builtin_calendar();
    ruleset rules = load_ruleset(std::string(ECHEANCE_SOURCE_DIR) + "/rules/mon-espace-sante");
    replay_report report(rules, cal, report_format::json, false);
    std::size_t rejections = 0, warnings = 0;
    for (const char* as_of : {"2023-06-30", "2031-01-01", "2041-06-01"}) {
        replay_options options(parse_date(as_of));
        rng r{20261203};
        for (int i = 0; i < 4000; ++i) {
            std::string id = "p" + std::to_string(i);
            history h = to_history(rules, cal, generate_person(r, id, 1 + int(r.below(12))));
            replay_result result;
            replay(rules, cal, h, options, result);
            std::string out;
            report.add(h, id, result, out);
            auto j = nlohmann::json::parse(out);
            REQUIRE(j["rejected"].size() == result.rejected.size());
            for (std::size_t k = 0; k < result.rejected.size(); ++k) {
                INFO(id << " as of " << as_of << ", rejection " << k);
                REQUIRE(j["rejected"][k]["reason"] == reason(rules, h, result.rejected[k]));
            }
            REQUIRE(j["warnings"].size() == result.warnings.size());
            for (std::size_t k = 0; k < result.warnings.size(); ++k) {
                INFO(id << " as of " << as_of << ", warning " << k);
                REQUIRE(j["warnings"][k]["message"] == message(rules, result.warnings[k]));
            }
            rejections += result.rejected.size();
            warnings += result.warnings.size();
        }
    }
    CHECK(rejections > 10000); // the memo was filled and read, not bypassed
    CHECK(warnings > 0);
}
