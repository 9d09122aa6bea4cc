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

// Everything that ships (rule sets, sources, headers, docs, examples, scripts): tests/ alone may
// hold NIR-shaped ids, spaced, 2A/2B or not, as inputs that prove they are masked.
TEST_CASE("examples: no shipped file holds a NIR-shaped value") {
    std::size_t files = 0;
    const fs::path root(ECHEANCE_SOURCE_DIR);
    auto check = [&](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        INFO(p.string());
        CHECK(echeance::redact_nirs(text.str()) == text.str());
        ++files;
    };
    for (const char* dir : {"rules", "src", "include", "capi", "cli", "python", "docs", "examples",
                            "scripts", "cmake", "fuzz"}) {
        if (!fs::is_directory(root / dir)) continue;
        for (const auto& e : fs::recursive_directory_iterator(root / dir))
            if (e.is_regular_file()) check(e.path());
    }
    for (const char* file : {"README.md", "CMakeLists.txt"}) check(root / file);
    CHECK(files >= 300);
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
