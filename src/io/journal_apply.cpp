// The daily apply: every automatic event due by a day recorded once, each with its receipt,
// persons_per_transaction persons per transaction so that a killed run loses at most one
// uncommitted transaction, which the next run records.
#include "echeance/engine.hpp"
#include "echeance/io/rules.hpp"
#include "journal_db.hpp"

#include <fmt/format.h>

namespace echeance {

namespace {

using namespace journal_detail;

void add_string(std::string& b, std::string_view key, std::string_view value) {
    b += b.size() > 1 ? ",\"" : "\"";
    b += key;
    b += "\":";
    append_json_string(b, value);
}

} // namespace

journal_apply_result
journal::apply(const ruleset& rules, const calendar& cal, year_month_day as_of,
               const std::function<void(const std::vector<journal_receipt>&)>& on_commit,
               std::size_t persons_per_transaction) {
    db_handle& h = *impl_;
    journal_apply_result out;
    history_file file = events(rules, cal);
    if (!file.errors.empty()) {
        out.errors = std::move(file.errors);
        return out; // acting on a history that does not read would act wrongly
    }
    std::string rules_sha = sha256_hex(serialize(rules));
    version_id v = rules.version_on(as_of);
    std::string version = v == no_index ? std::string() : rules.versions[v].id;
    std::string day = format_date(as_of);
    in_transaction(h, [&] {
        statement s(h.db, h.path,
                    "INSERT INTO applies(as_of, rules, rules_sha256, version, started_at) "
                    "VALUES(?, ?, ?, ?, ?)");
        s.bind(1, day).bind(2, rules.id).bind(3, rules_sha).bind(4, version);
        s.bind(5, stored_at_now(h.options.now));
        s.step();
        out.run = sqlite3_last_insert_rowid(h.db);
    });
    std::string run_tail = "{"; // the same for every entry of the run
    add_string(run_tail, "rules", rules.id);
    add_string(run_tail, "rules_sha256", rules_sha);
    add_string(run_tail, "as_of", day);
    run_tail += ",\"run\":" + std::to_string(out.run) + "}";
    run_tail[0] = ',';

    replay_options opt(as_of);
    opt.all_readings = false; // the deciding reading acts; the others are for people to read
    replay_result r;
    std::vector<new_entry> due;
    std::vector<journal_receipt> receipts;
    if (persons_per_transaction == 0) persons_per_transaction = 1;
    for (std::size_t first = 0; first < file.persons.size(); first += persons_per_transaction) {
        std::size_t last = std::min(file.persons.size(), first + persons_per_transaction);
        due.clear();
        for (std::size_t i = first; i < last; ++i) {
            const history& p = file.persons[i];
            replay(rules, cal, p, opt, r);
            ++out.persons;
            for (const state_span& span : r.timeline) {
                if (span.line != 0 || span.event == no_index || !span.entered ||
                    *span.entered > as_of)
                    continue;
                new_entry e;
                e.kind = "automatic";
                e.person = p.person;
                e.nir = p.person.rfind("hmac-sha256:", 0) == 0;
                e.run = out.run;
                std::string id = "{";
                add_string(id, "person", p.person);
                add_string(id, "day", format_date(*span.entered));
                add_string(id, "event", rules.events[span.event].id);
                add_string(id, "state", rules.states[span.state].id);
                e.dedup = sha256_bytes("{\"automatic\":" + id + "}}");
                e.body = id;
                add_string(e.body, "version",
                           span.version == no_index
                               ? std::string_view()
                               : std::string_view(rules.versions[span.version].id));
                e.body += run_tail;
                due.push_back(std::move(e));
            }
        }
        receipts.clear();
        std::size_t stored = 0;
        in_transaction(h, [&] {
            store(h, due, receipts);
            stored = receipts.size();
            statement u(h.db, h.path, "UPDATE applies SET recorded=recorded+? WHERE run=?");
            u.bind(1, std::int64_t(stored)).bind(2, out.run);
            u.step();
        });
        out.recorded += stored;
        out.already += due.size() - stored;
        if (on_commit && !receipts.empty()) on_commit(receipts);
    }
    in_transaction(h, [&] {
        statement u(h.db, h.path, "UPDATE applies SET finished_at=? WHERE run=?");
        u.bind(1, stored_at_now(h.options.now)).bind(2, out.run);
        u.step();
    });
    return out;
}

} // namespace echeance
