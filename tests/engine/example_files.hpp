// The example histories of a rule set, for every suite that walks them: the shipped ones
// (rules/<id>/examples/) and the test-only ones (tests/engine/examples/<id>/, for NIR-shaped
// ids, which never ship). The CMake side is ECHEANCE_EXAMPLE_DIRS, the Python side conftest.py.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace echeance::testing {

// Every NAME.jsonl (not NAME.expected.jsonl) of the rule set, sorted by name; NAME.args and
// NAME.expected.jsonl are beside it. Throws when rules/<id>/examples/ is missing.
inline std::vector<std::filesystem::path> example_histories(const std::string& rules_id) {
    namespace fs = std::filesystem;
    const fs::path root = ECHEANCE_SOURCE_DIR;
    const fs::path test_only = root / "tests" / "engine" / "examples" / rules_id;
    std::vector<fs::path> dirs = {root / "rules" / rules_id / "examples"};
    if (fs::is_directory(test_only)) dirs.push_back(test_only);
    std::vector<fs::path> found;
    for (const auto& dir : dirs)
        for (const auto& entry : fs::directory_iterator(dir)) {
            const fs::path& p = entry.path();
            if (p.extension() == ".jsonl" &&
                p.filename().string().find(".expected.") == std::string::npos)
                found.push_back(p);
        }
    std::sort(found.begin(), found.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    return found;
}

} // namespace echeance::testing
