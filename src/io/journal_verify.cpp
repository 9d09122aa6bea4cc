// Verifying a journal: every hash and the chain recomputed, the first altered, removed,
// inserted or reordered entry named; receipts checked against the entries they name.
#include "journal_db.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace echeance {

namespace {

using namespace journal_detail;

error problem(const db_handle& h, std::int64_t entry, std::string id, std::string message) {
    return error("echeance.journal." + id, std::move(message),
                 location{h.path, 0, 0, fmt::format("entry {}", entry)});
}

// The first problem of the stored entries, if any.
std::optional<error> check_entries(db_handle& h, std::int64_t& count) {
    statement s(h.db, h.path,
                "SELECT entry, kind, person, stored_at, canonical, hash, chain FROM entries "
                "ORDER BY entry");
    std::int64_t expected = 1;
    std::string previous = genesis_chain();
    while (s.step()) {
        ++count;
        std::int64_t entry = s.integer(0);
        std::string kind = s.text(1), person = s.text(2), stored_at = s.text(3);
        std::string canonical = s.text(4), hash = s.text(5), chain = s.text(6);
        if (entry != expected)
            return problem(
                h, expected, "removed",
                fmt::format("entry {} is missing (the next stored entry is {})", expected, entry));
        if (sha256_hex(canonical) != hash)
            return problem(h, entry, "altered",
                           "this entry was altered: its content does not match its hash");
        nlohmann::json j = nlohmann::json::parse(canonical, nullptr, false);
        auto body = j.is_object() ? j.find(kind) : j.end();
        if (j.is_discarded() || !j.is_object() || !j.contains("entry") ||
            !j["entry"].is_number_integer() || body == j.end() || !body->is_object())
            return problem(h, entry, "altered",
                           "this entry was altered: its content is not an "
                           "entry of the canonical form");
        std::int64_t inside = j["entry"].get<std::int64_t>();
        if (inside != entry)
            return problem(h, entry, "reordered",
                           fmt::format("this row holds the content of entry {}: rows were moved "
                                       "or swapped",
                                       inside));
        auto person_in = body->find("person");
        if (j.value("kind", "") != kind || j.value("stored_at", "") != stored_at ||
            person_in == body->end() || !person_in->is_string() ||
            person_in->get<std::string>() != person)
            return problem(h, entry, "altered",
                           "this entry was altered: its columns (kind, person, stored_at) do not "
                           "match its content");
        std::string computed = chain_hex(previous, hash);
        if (computed != chain)
            return problem(h, entry, "chain",
                           fmt::format("this entry does not follow entry {}: it was inserted, or "
                                       "its chain hash rewritten",
                                       entry - 1));
        previous = chain;
        ++expected;
    }
    statement m(h.db, h.path, "SELECT value FROM meta WHERE key='head'");
    std::string head = m.step() ? m.text(0) : std::string();
    std::string want = std::to_string(expected - 1) + ":" + previous;
    if (head != want) {
        std::int64_t named = std::atoll(head.c_str());
        if (named > expected - 1)
            return problem(h, expected, "removed",
                           fmt::format("entry {} is missing: the journal's head names {} entries, "
                                       "{} are stored",
                                       expected, named, expected - 1));
        if (named < expected - 1)
            return problem(h, named + 1, "inserted",
                           fmt::format("this entry was inserted after the journal's head (entry "
                                       "{})",
                                       named));
        return problem(h, named, "chain",
                       "the journal's head does not name this entry's chain hash");
    }
    return std::nullopt;
}

void check_receipts(db_handle& h, const std::string& name, const std::string& text,
                    journal_verify_result& out) {
    statement s(h.db, h.path,
                "SELECT kind, person, stored_at, hash, chain FROM entries WHERE entry=?");
    std::size_t no = 0, pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view line = std::string_view(text).substr(
            pos, nl == std::string::npos ? text.size() - pos : nl - pos);
        pos = nl == std::string::npos ? text.size() : nl + 1;
        ++no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        ++out.receipts;
        location at{name, no, 1, ""};
        journal_receipt r;
        try {
            r = parse_receipt(line);
        } catch (const error& e) {
            out.receipt_errors.emplace_back(e.id(), e.message(), at);
            continue;
        }
        s.bind(1, r.entry);
        if (!s.step()) {
            s.reset();
            out.receipt_errors.emplace_back(
                "echeance.journal.receipt_missing",
                fmt::format("entry {} of this receipt is not in the journal (removed, or the "
                            "receipt is from another journal)",
                            r.entry),
                at);
            continue;
        }
        bool nir = s.text(1).rfind("hmac-sha256:", 0) == 0;
        std::vector<std::string> differ;
        if (s.text(0) != r.kind) differ.push_back("kind");
        if (receipt_person(s.text(1), nir) != r.person) differ.push_back("person");
        if (s.text(2) != r.stored_at) differ.push_back("stored_at");
        if (s.text(3) != r.hash) differ.push_back("hash");
        if (s.text(4) != r.chain) differ.push_back("chain");
        s.reset();
        if (!differ.empty()) {
            std::string list;
            for (const auto& d : differ) list += (list.empty() ? "" : ", ") + d;
            out.receipt_errors.emplace_back(
                "echeance.journal.receipt_mismatch",
                fmt::format("entry {} of the journal differs from this receipt ({})", r.entry,
                            list),
                at);
        }
    }
}

} // namespace

journal_verify_result
journal::verify(const std::vector<std::pair<std::string, std::string>>& receipt_files) {
    db_handle& h = *impl_;
    journal_verify_result out;
    // One read transaction: a concurrent append cannot show half a batch to the check.
    exec(h.db, h.path, "BEGIN");
    try {
        out.problem = check_entries(h, out.entries);
        for (const auto& [name, text] : receipt_files) check_receipts(h, name, text, out);
    } catch (...) {
        sqlite3_exec(h.db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    exec(h.db, h.path, "COMMIT");
    return out;
}

} // namespace echeance
