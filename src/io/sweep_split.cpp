// The sweep's splitter: the person of each line, person boundaries, chunks of whole persons.
#include "detail/sweep_split.hpp"

#include "detail/json_compact.hpp"
#include "detail/json_line.hpp"
#include "detail/json_skip.hpp"
#include "detail/jsonc.hpp"
#include "detail/person_id.hpp"
#include "detail/same_text.hpp"
#include "detail/text_lines.hpp"
#include "echeance/io/nir.hpp"

#include <cstring>
#include <fmt/format.h>
#include <functional>

namespace echeance::detail {

namespace {

bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The full reader's answer, for lines the scan cannot read alone (escapes in keys or values).
bool json_person_slow(std::string_view line, std::string& decoded) {
    jsonc::parse_result doc = jsonc::parse(line);
    if (!doc.ok || !doc.root.is_object()) return false;
    for (const auto& m : doc.root.members)
        if (m.key == "person") {
            if (!m.val.is_string()) return false;
            decoded = m.val.text;
            return true;
        }
    return false;
}

// A line that cannot be read at all names no one: it does not end a person's lines (the parser
// reports it). A line that can be read names its person even when rejected for another reason.
bool json_well_formed(std::string_view line, key_memo& keys) {
    auto any = [](const json_member_view&, int) { return true; };
    if (scan_compact_object(
            line, keys, [](std::string_view) { return 0; }, any))
        return true;
    if (scan_simple_object(line, [](const json_member_view&) { return true; })) return true;
    return jsonc::parse(line).ok;
}

bool csv_well_formed(std::string_view line) {
    std::size_t i = 0;
    for (;;) {
        if (i < line.size() && line[i] == '"') {
            for (++i;; ++i) {
                if (i >= line.size()) return false;
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            ++i;
            if (i < line.size() && line[i] != ',') return false;
        } else {
            while (i < line.size() && line[i] != ',') ++i;
        }
        if (i >= line.size()) return true;
        ++i;
    }
}

} // namespace

bool json_person(std::string_view line, std::string_view& raw, std::string& decoded) {
    const char* p = line.data();
    const char* e = p + line.size();
    decoded.clear();
    // The usual line: the person first, a plain string.
    constexpr std::string_view lead = "{\"person\":\"";
    if (line.size() > lead.size() && std::memcmp(p, lead.data(), lead.size()) == 0) {
        const char* v = p + lead.size();
        const char* q = skip_plain(v, e);
        if (q < e && *q == '"') {
            raw = std::string_view(v, std::size_t(q - v));
            return true;
        }
    }
    while (p < e && is_ws(*p)) ++p;
    if (p == e || *p != '{') return false;
    ++p;
    for (;;) {
        while (p < e && is_ws(*p)) ++p;
        if (p == e || *p != '"') return false;
        const char* k = p + 1;
        bool escaped = false;
        if ((p = skip_json_string(p, e, escaped)) == nullptr) return false;
        if (escaped) {
            if (!json_person_slow(line, decoded)) return false;
            raw = decoded;
            return true;
        }
        std::string_view key(k, std::size_t(p - 1 - k));
        while (p < e && is_ws(*p)) ++p;
        if (p == e || *p != ':') return false;
        ++p;
        while (p < e && is_ws(*p)) ++p;
        if (key == "person") {
            if (p == e || *p != '"') return false;
            const char* v = p + 1;
            if ((p = skip_json_string(p, e, escaped)) == nullptr) return false;
            if (escaped) {
                if (!json_person_slow(line, decoded)) return false;
                raw = decoded;
                return true;
            }
            raw = std::string_view(v, std::size_t(p - 1 - v));
            return true;
        }
        if ((p = skip_json_value(p, e)) == nullptr) return false;
        while (p < e && is_ws(*p)) ++p;
        if (p == e || *p != ',') return false;
        ++p;
    }
}

bool csv_field(std::string_view line, int column, std::string_view& raw, std::string& decoded) {
    std::size_t i = 0;
    decoded.clear();
    for (int c = 0;; ++c) {
        bool want = c == column;
        if (i < line.size() && line[i] == '"') {
            std::size_t start = ++i;
            bool doubled = false;
            for (;;) {
                if (i >= line.size()) return false;
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        doubled = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                ++i;
            }
            if (want) {
                raw = line.substr(start, i - start);
                if (doubled) {
                    for (std::size_t j = 0; j < raw.size(); ++j) {
                        decoded += raw[j];
                        if (raw[j] == '"') ++j;
                    }
                    raw = decoded;
                }
                return true;
            }
            ++i; // the closing quote
            if (i < line.size() && line[i] != ',') return false;
        } else {
            std::size_t start = i;
            while (i < line.size() && line[i] != ',') ++i;
            if (want) {
                raw = line.substr(start, i - start);
                return true;
            }
        }
        if (i >= line.size()) return false;
        ++i; // ','
    }
}

splitter::splitter(std::string file, history_parser::format f, check how, bool owned,
                   std::size_t target_bytes, std::size_t budget, emit_fn emit)
    : file_(std::move(file)), format_(f), check_(how), owned_(owned), target_(target_bytes),
      emit_(std::move(emit)), seen_(how == check::online ? budget : 1),
      marks_(how == check::marks ? budget : 1) {}

void splitter::settle_as(const splitter& s) {
    format_ = s.format_;
    header_ = s.header_;
    header_line_ = s.header_line_;
    person_column_ = s.person_column_;
}

void splitter::cut() {
    if (cur_started_ || !cur_.before.empty()) emit_(std::move(cur_));
    cur_ = split_chunk();
    cur_started_ = false;
    cur_bytes_ = 0;
}

// The lines of a person met before end before `next_line`: one error for them all.
void splitter::end_skip(std::size_t next_line) {
    std::string shown = looks_like_nir(skip_person_) ? std::string("NIR-masked")
                                                     : redact_nirs(skip_person_.substr(0, 80));
    std::size_t last = next_line - 1;
    cur_.before.emplace_back(
        "echeance.history.regrouped",
        fmt::format("person \"{}\" comes back after other persons (first seen on line {}); with "
                    "--grouped each person's lines must be consecutive: line{} {} skipped",
                    shown, skip_before_, last > skip_first_ ? "s" : "",
                    last > skip_first_ ? fmt::format("{} to {}", skip_first_, last)
                                       : fmt::format("{}", skip_first_)),
        location{file_, skip_first_, skip_column_, ""});
    skipping_ = false;
}

void splitter::remember_prefix(std::string_view text, std::string_view raw) {
    prefix_size_ = 0;
    // Where the person must begin for the prefix to tell them: raw is then in the line, not
    // decoded elsewhere (escapes, doubled quotes), and ends before the byte that must follow.
    constexpr std::string_view lead = "{\"person\":\"";
    std::size_t at = 0;
    char after = ',';
    if (format_ == history_parser::format::jsonl) {
        // json_person on a line that begins so reads the same bytes up to the same quote.
        if (text.size() <= lead.size() || std::memcmp(text.data(), lead.data(), lead.size()) != 0)
            return;
        at = lead.size();
        after = '"';
    } else if (format_ == history_parser::format::csv && person_column_ == 0) {
        // An unquoted first field ends at the first comma; not a line read_line() would skip.
        if (!raw.empty() && (raw[0] == ' ' || raw[0] == '\t' || raw[0] == '#')) return;
    } else {
        return;
    }
    std::size_t end = at + raw.size();
    if (raw.data() != text.data() + at || end >= text.size() || text[end] != after) return;
    if (end + 1 > prefix_room) return;
    std::memcpy(prefix_, text.data(), end + 1);
    prefix_size_ = end + 1;
}

void splitter::read_line(std::string_view text, std::size_t line_no, std::size_t offset,
                         std::size_t next_offset) {
    std::size_t b = 0;
    while (b < text.size() && (text[b] == ' ' || text[b] == '\t')) ++b;
    bool content = b < text.size() && text[b] != '#';
    std::string_view raw;
    bool has_person = false;
    if (content) {
        if (format_ == history_parser::format::detect)
            format_ = text[b] == '{' ? history_parser::format::jsonl : history_parser::format::csv;
        if (format_ == history_parser::format::csv && header_line_ == 0) {
            header_ = std::string(text);
            header_line_ = line_no;
            std::string_view name;
            for (int c = 0; csv_field(text, c, name, decoded_); ++c)
                if (name == "person") person_column_ = c; // the last one, as the parser
        } else if (format_ == history_parser::format::jsonl) {
            has_person = json_person(text, raw, decoded_);
        } else if (person_column_ >= 0) {
            has_person = csv_field(text, person_column_, raw, decoded_);
        }
    }
    // Only a line that names another person is checked whole (the rest of its line is the
    // parser's).
    if (has_person && !(have_last_ && same_text(raw, last_raw_)) &&
        (trust_ || (format_ == history_parser::format::jsonl ? json_well_formed(text, keys_)
                                                             : csv_well_formed(text)))) {
        last_raw_.assign(raw.data(), raw.size());
        have_last_ = true;
        remember_prefix(text, raw);
        std::string person = normalized_person(raw);
        bool same = skipping_ ? person == skip_person_ : in_block_ && person == block_person_;
        if (!same) {
            // A new person begins on this line.
            if (skipping_) end_skip(line_no);
            in_block_ = false;
            person_mark mark{person_hash(person.data(), person.size()), line_no};
            if (check_ == check::marks && on_block_) { // told, not kept
                on_block_(person, line_no, offset);
            } else if (check_ == check::marks) {
                if (!met_) {
                    first_mark_ = mark;
                    first_person_ = person;
                } else {
                    marks_.add(mark);
                }
            } else if (std::size_t before = seen_.insert(mark.hash, line_no)) {
                cut();
                skipping_ = true;
                skip_person_ = std::move(person);
                skip_first_ = skip_last_ = line_no;
                skip_before_ = before;
                skip_column_ = raw.data() >= text.data() && raw.data() <= text.data() + text.size()
                                   ? std::size_t(raw.data() - text.data()) + 1
                                   : 1;
                return;
            }
            // Never before the first person: a range's first chunk holds its first person's
            // lines, which may continue the last person of the range before.
            if (met_ && cur_bytes_ >= target_) cut();
            met_ = true;
            in_block_ = true;
            block_person_ = std::move(person);
        }
    }
    if (skipping_) {
        skip_last_ = line_no;
        return;
    }
    append(text, line_no, offset, next_offset);
}

std::size_t splitter::lines(std::string_view text, std::size_t first_line, std::size_t offset) {
    std::size_t no = first_line;
    for_each_text_line(text, first_line,
                       [&](std::string_view l, std::size_t k, std::size_t at, std::size_t next) {
                           line(l, k, offset + at, offset + next);
                           no = k + 1;
                           return true;
                       });
    return no - first_line;
}

void splitter::finish() {
    if (skipping_) end_skip(skip_last_ + 1); // the skipped lines run to the end
    cut();
    if (check_ != check::online) return;
    // Persons met again beyond the table: their lines were reported as another person.
    constexpr std::size_t most = 100;
    std::size_t count = 0;
    for (const auto& r : seen_.repeats(most, count))
        cur_.before.emplace_back(
            "echeance.history.regrouped",
            fmt::format("the person first seen on line {} comes back after other persons; with "
                        "--grouped each person's lines must be consecutive: found at the end of "
                        "the input (too many persons in between to be held in memory), their "
                        "lines from line {} were reported as another person",
                        r.first, r.again),
            location{file_, r.again, 0, ""});
    if (count > most)
        cur_.before.emplace_back(
            "echeance.history.regrouped",
            fmt::format("{} more persons come back after other persons (the first {} are listed)",
                        count - most, most),
            location{file_, 0, 0, ""});
    cut();
}

} // namespace echeance::detail
