// docs/errors.md, section "Histories and replay", the history parser and the history builder
// agree: every echeance.history id the sources use is documented, and every documented one has a
// test (a CLI transcript or an engine unit test naming it).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::set<std::string> ids_in(const std::string& text, const std::regex& re) {
    std::set<std::string> ids;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it)
        ids.insert((*it)[1]);
    return ids;
}

} // namespace

TEST_CASE("every echeance.history id is documented in docs/errors.md and tested") {
    const std::filesystem::path root = ECHEANCE_SOURCE_DIR;
    std::string doc = read_text(root / "docs/errors.md");
    auto start = doc.find("## Histories and replay");
    REQUIRE(start != std::string::npos);
    auto end = doc.find("\n## ", start + 1);
    doc = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const std::regex id_re(R"((echeance\.history\.[a-z_]+))");
    std::set<std::string> documented = ids_in(doc, id_re);
    std::set<std::string> used = ids_in(
        read_text(root / "src/io/history.cpp") + read_text(root / "src/history_builder.cpp") +
            read_text(root / "cli/replay.cpp") + read_text(root / "src/io/sweep.cpp") +
            read_text(root / "src/io/sweep_split.cpp"),
        std::regex(R"("(echeance\.history\.[a-z_]+)\")"));
    REQUIRE(used.size() >= 13);
    for (const auto& id : used) {
        INFO(id);
        CHECK(documented.count(id) == 1);
    }
    std::string tests;
    for (const auto& dir : {root / "tests/cli/cases", root / "tests/engine"})
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".t" ||
                (e.path().extension() == ".cpp" && e.path().filename() != "docs.cpp"))
                tests += read_text(e.path());
    for (const auto& id : documented) {
        INFO(id);
        CHECK(used.count(id) == 1);
        CHECK(tests.find(id) != std::string::npos);
    }
}
