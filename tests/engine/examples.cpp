// Where the example histories live: no NIR-shaped value ships in rules/ (the review finding that
// moved nir-masked to tests/engine/examples/), and every suite's helper still finds the test-only
// ones.
#include "example_files.hpp"

#include <catch2/catch.hpp>
#include <echeance/io/nir.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("examples: no file of the shipped rule sets holds a NIR-shaped value") {
    std::size_t files = 0;
    for (const auto& e :
         fs::recursive_directory_iterator(fs::path(ECHEANCE_SOURCE_DIR) / "rules")) {
        if (!e.is_regular_file()) continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        INFO(e.path().string());
        CHECK(echeance::redact_nirs(text.str()) == text.str());
        ++files;
    }
    CHECK(files >= 100);
}

TEST_CASE("examples: the test-only histories are found beside the shipped ones") {
    const fs::path test_only = fs::path(ECHEANCE_SOURCE_DIR) / "tests" / "engine" / "examples";
    // Each folder is named after a rule set, whose rules/<id>/ replays it.
    for (const auto& e : fs::directory_iterator(test_only)) {
        INFO(e.path().string());
        CHECK(fs::is_regular_file(fs::path(ECHEANCE_SOURCE_DIR) / "rules" / e.path().filename() /
                                  "ruleset.json"));
    }
    const auto found = echeance::testing::example_histories("mon-espace-sante");
    CHECK(std::count(found.begin(), found.end(),
                     test_only / "mon-espace-sante" / "nir-masked.jsonl") == 1);
    CHECK(std::count_if(found.begin(), found.end(), [](const fs::path& p) {
              return p.parent_path().filename() == "examples";
          }) >= 50);
}
