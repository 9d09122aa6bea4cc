// Appending a batch of history lines: checked whole first, then stored in one transaction,
// each act once (idempotent), receipts handed back after the commit.
#include "echeance/io/nir.hpp"
#include "journal_db.hpp"
#include "journal_lines.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace echeance::journal_detail {

inserter::inserter(db_handle& h)
    : h_(h), add_(h.db, h.path,
                  "INSERT INTO entries(entry, kind, person, dedup, stored_at, canonical, hash, "
                  "chain, run) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedup) DO NOTHING") {}

bool inserter::insert(const new_entry& e, const std::string& stored_at, head& last,
                      journal_receipt& receipt) {
    std::int64_t entry = last.entry + 1;
    canonical_entry(canonical_, entry, stored_at, e.kind, e.body);
    unsigned char both[64];
    sha256(canonical_, both + 32);
    std::string hash = hex(both + 32, 32), chain;
    if (previous_hex_ != last.chain) { // once per transaction: then it follows our inserts
        previous_hex_ = last.chain;
        previous_raw_ = unhex(last.chain, previous_, 32);
    }
    unsigned char next[32];
    if (previous_raw_) {
        std::copy(previous_, previous_ + 32, both);
        sha256(std::string_view(reinterpret_cast<const char*>(both), 64), next);
        chain = hex(next, 32);
    } else {
        chain = chain_hex(last.chain, hash); // a malformed stored head: as verify computes it
    }
    add_.bind(1, entry).bind_static(2, e.kind).bind_static(3, e.person).bind_blob(4, e.dedup);
    add_.bind_static(5, stored_at).bind_static(6, canonical_).bind_static(7, hash);
    add_.bind_static(8, chain);
    if (e.run)
        add_.bind(9, e.run);
    else
        add_.bind_null(9);
    add_.step();
    add_.reset();
    if (sqlite3_changes(h_.db) == 0) return false; // its dedup is stored: already an entry
    receipt.entry = entry;
    receipt.kind = e.kind;
    receipt.person = receipt_person(e.person, e.nir);
    receipt.stored_at = stored_at;
    receipt.hash = std::move(hash);
    receipt.chain = chain;
    last.entry = entry;
    last.chain = chain;
    previous_hex_ = std::move(chain);
    std::copy(next, next + 32, previous_);
    return true;
}

void store(db_handle& h, const std::vector<new_entry>& entries,
           std::vector<journal_receipt>& receipts) {
    receipts.clear();
    head last = read_head(h);
    std::string stored_at = stored_at_now(h.options.now);
    inserter put(h);
    journal_receipt r;
    for (const new_entry& e : entries)
        if (put.insert(e, stored_at, last, r)) receipts.push_back(r);
    write_head(h, last);
}

namespace {

constexpr std::string_view key_prefix = "hmac-sha256:";

void add_string(std::string& out, std::string_view key, std::string_view value) {
    out += out.size() > 1 ? ",\"" : "\"";
    out += key;
    out += "\":";
    append_json_string(out, value);
}

void add_field(std::string& out, std::string_view key, std::string_view value) {
    if (!value.empty()) add_string(out, key, value);
}

void add_raw(std::string& out, std::string_view key, std::string_view json) {
    out += out.size() > 1 ? ",\"" : "\"";
    out += key;
    out += "\":";
    out += json;
}

// A stored event: the line's fields as written, in a fixed order (docs/journal.md).
std::string event_body(const written_line& f, std::string_view person) {
    std::string b;
    b.reserve(160);
    b += '{';
    add_field(b, "person", person);
    add_field(b, "at", f.at);
    add_field(b, "time", f.time);
    if (f.seq >= 0) add_raw(b, "seq", std::to_string(f.seq));
    add_field(b, "event", f.event);
    add_field(b, "role", f.role);
    add_field(b, "channel", f.channel);
    add_field(b, "territory", f.territory);
    if (!f.data.empty()) add_raw(b, "data", f.data);
    add_field(b, "born", f.born);
    add_field(b, "department", f.department);
    add_field(b, "id", f.id);
    b += '}';
    return b;
}

// The identity of the act: its explicit id, else person, day, time, seq, event, role, channel
// and data as read.
std::string event_identity(const written_line& f, const history_event& e, std::string_view person) {
    std::string b = "{";
    if (!f.id.empty()) {
        add_field(b, "id", f.id);
        return b + "}";
    }
    add_field(b, "person", person);
    add_field(b, "day", format_date(e.day));
    add_raw(b, "time", std::to_string(e.time));
    add_raw(b, "seq", std::to_string(e.seq));
    add_string(b, "event", f.event);
    add_string(b, "role", f.role);
    add_string(b, "channel", to_string(e.via));
    add_raw(b, "data", f.data.empty() ? std::string_view("null") : std::string_view(f.data));
    return b + "}";
}

// must_mask() of a text: what it masks has 13 digits or Corsican letters (2A, 2B) at the
// least, so a text with fewer is answered without building its redacted copy.
bool holds_nir(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (c >= '0' && c <= '9') || c == 'A' || c == 'B' || c == 'a' || c == 'b';
    return n >= 13 && must_mask(s);
}

// The value of a field a NIR-like number may not hide in: its key, else empty.
std::string_view nir_in_text(const written_line& f) {
    for (auto [key, value] : {std::pair{"at", f.at}, std::pair{"event", f.event},
                              std::pair{"role", f.role}, std::pair{"time", f.time},
                              std::pair{"territory", f.territory}, std::pair{"channel", f.channel},
                              std::pair{"born", f.born}, std::pair{"department", f.department},
                              std::pair{"id", f.id}, std::pair{"data", std::string_view(f.data)}})
        if (holds_nir(value)) return key;
    return {};
}

// 1-based column of the value of "key" in a JSON line; 1 when not found (or CSV).
std::size_t column_of(std::string_view line, std::string_view key) {
    std::string pat = "\"" + std::string(key) + "\"";
    std::size_t p = line.find(pat);
    if (p == std::string_view::npos || line.empty() || line.front() != '{') return 1;
    p = line.find(':', p + pat.size());
    if (p == std::string_view::npos) return 1;
    ++p;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) ++p;
    return p + 1;
}

} // namespace

} // namespace echeance::journal_detail

namespace echeance {

journal_append_result journal::append(std::string_view text, const std::string& file_name,
                                      const ruleset& rules, const calendar& cal,
                                      history_parser::format f) {
    using namespace journal_detail;
    db_handle& h = *impl_;
    journal_append_result out;
    history_parser parser(rules, cal, file_name, f);
    line_reader reader(parser, file_name, f);
    std::vector<std::string_view> lines{std::string_view()};       // line n, for error columns
    std::size_t pos = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; // a UTF-8 BOM
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        std::string_view line =
            text.substr(pos, nl == std::string_view::npos ? text.size() - pos : nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        reader.add(line, lines.size() - 1);
        if (nl == std::string_view::npos) break;
        pos = nl + 1;
    }
    history_file read = parser.finish();
    out.errors = std::move(read.errors);
    reader.place(out.errors);
    out.errors.insert(out.errors.end(), reader.refused().begin(), reader.refused().end());

    // The accepted events in input order: (line, person, event).
    struct accepted {
        std::uint32_t line;
        std::uint32_t person, event;
    };
    std::vector<accepted> order;
    for (std::size_t p = 0; p < read.persons.size(); ++p)
        for (std::size_t e = 0; e < read.persons[p].events.size(); ++e)
            order.push_back({read.persons[p].events[e].line, std::uint32_t(p), std::uint32_t(e)});
    std::sort(order.begin(), order.end(),
              [](const accepted& a, const accepted& b) { return a.line < b.line; });
    out.events = order.size();

    std::vector<new_entry> pending;
    pending.reserve(order.size());
    for (const accepted& a : order) {
        const written_line* w = reader.at(a.line);
        std::string_view line = lines[a.line];
        auto refuse = [&](std::string_view key, std::string id, std::string message) {
            out.errors.emplace_back(std::move(id), std::move(message),
                                    location{file_name, a.line, column_of(line, key), ""});
        };
        const std::string& person = read.persons[a.person].person; // normalized
        if (!w) {
            refuse("person", "echeance.journal.input", "the line's fields could not be read");
            continue;
        }
        if (person.compare(0, key_prefix.size(), key_prefix) == 0) {
            refuse("person", "echeance.journal.person_key",
                   "a person id may not start with \"hmac-sha256:\" (the journal's keyed hashes "
                   "of NIRs)");
            continue;
        }
        new_entry e;
        e.kind = "event";
        e.nir = holds_nir(person);
        if (e.nir) {
            if (h.options.key.empty()) {
                refuse("person", "echeance.journal.no_key",
                       "the person id is or holds a NIR, which is never stored in clear: give the "
                       "operator's key (--key-file, or ECHEANCE_JOURNAL_KEY) to store its keyed "
                       "hash");
                continue;
            }
            e.person = std::string(key_prefix) + hmac_sha256_hex(h.options.key, person);
        } else {
            e.person = person;
        }
        if (std::string_view key = nir_in_text(*w); !key.empty()) {
            refuse(key, "echeance.journal.nir_in_text",
                   fmt::format("\"{}\" holds a number that looks like a NIR; only the person id "
                               "is stored as a keyed hash, so this line is refused",
                               key));
            continue;
        }
        e.body = event_body(*w, e.person);
        e.dedup =
            sha256_bytes(event_identity(*w, read.persons[a.person].events[a.event], e.person));
        pending.push_back(std::move(e));
    }
    std::stable_sort(out.errors.begin(), out.errors.end(), [](const error& a, const error& b) {
        return a.where().line < b.where().line;
    });
    if (!out.errors.empty()) return out; // all or nothing: a bad line stores nothing
    std::vector<journal_receipt> receipts;
    receipts.reserve(pending.size());
    in_transaction(h, [&] { store(h, pending, receipts); });
    out.duplicates = pending.size() - receipts.size();
    out.receipts = std::move(receipts);
    return out;
}

} // namespace echeance
