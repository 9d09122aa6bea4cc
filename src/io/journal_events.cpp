// The stored events read back as a history file, for journal replay and apply: the same parser
// as a file, so that the same events give the same answers.
#include "echeance/io/nir.hpp"
#include "journal_db.hpp"
#include "journal_lines.hpp"

#include <fmt/format.h>

namespace echeance {

history_file journal::events(const ruleset& rules, const calendar& cal) {
    using namespace journal_detail;
    db_handle& h = *impl_;
    history_parser parser(rules, cal, h.path, history_parser::format::jsonl);
    std::string scratch; // a line with its "id" blanked out: the parser knows no "id"
    std::vector<std::int64_t> entry_of{0}; // line n -> entry number
    statement s(h.db, h.path,
                "SELECT entry, canonical FROM entries WHERE kind='event' ORDER BY entry");
    constexpr std::string_view marker = ",\"kind\":\"event\",\"event\":";
    while (s.step()) {
        std::int64_t entry = s.integer(0);
        std::string canonical = s.text(1);
        // The body is the history line as written (docs/journal.md); verify checks the rest.
        std::size_t at = canonical.find(marker);
        std::string_view body;
        if (at != std::string::npos && canonical.back() == '}')
            body = std::string_view(canonical).substr(at + marker.size(),
                                                      canonical.size() - at - marker.size() - 1);
        entry_of.push_back(entry);
        parser.add_line(body.empty() ? std::string_view("not an event") : without_id(body, scratch),
                        entry_of.size() - 1);
    }
    history_file out = parser.finish();
    for (error& e : out.errors) {
        std::size_t line = e.where().line;
        std::int64_t entry = line < entry_of.size() ? entry_of[line] : 0;
        e = error(e.id(), e.message(), location{h.path, 0, 0, fmt::format("entry {}", entry)});
    }
    // Persons stored as keyed hashes are the NIRs of the input, numbered as a file replay would.
    std::size_t nirs = 0;
    for (std::size_t i = 0; i < out.persons.size(); ++i)
        out.shown_ids[i] = out.persons[i].person.rfind("hmac-sha256:", 0) == 0
                               ? fmt::format("NIR-masked-{}", ++nirs)
                               : out.persons[i].person;
    return out;
}

} // namespace echeance
