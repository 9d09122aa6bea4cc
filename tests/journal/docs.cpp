// Every echeance.journal id the journal's sources use is documented in docs/errors.md.
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("every echeance.journal id is documented in docs/errors.md") {
    std::set<std::string> ids;
    std::regex id_re("echeance\\.journal\\.([a-z_]+)");
    for (const char* f :
         {"journal_sqlite.cpp", "journal_hash.cpp", "journal_schema.cpp", "journal_append.cpp",
          "journal_verify.cpp", "journal_events.cpp", "journal_apply.cpp"}) {
        std::string text = read(std::string(ECHEANCE_SOURCE_DIR) + "/src/io/" + f);
        REQUIRE(!text.empty());
        for (std::sregex_iterator it(text.begin(), text.end(), id_re), end; it != end; ++it)
            ids.insert((*it)[0]);
        // verify composes "echeance.journal." + id: problem(h, entry, "removed", ...)
        std::regex composed("problem\\(h, [a-z0-9 +]+, \"([a-z_]+)\"");
        for (std::sregex_iterator it(text.begin(), text.end(), composed), end; it != end; ++it)
            ids.insert("echeance.journal." + (*it)[1].str());
    }
    CHECK(ids.size() > 15);
    std::string docs = read(std::string(ECHEANCE_SOURCE_DIR) + "/docs/errors.md");
    for (const auto& id : ids) {
        INFO(id);
        CHECK(docs.find("`" + id + "`") != std::string::npos);
    }
}
