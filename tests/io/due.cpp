// The items due in a range of days (echeance/io/due.hpp) against their definition: one replay as
// of every day of the range, and of the day before it (docs/due.md, "Which replay decides").
#include "../engine/generate.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/io/due.hpp>
#include <echeance/io/rules.hpp>
#include <tuple>

namespace {

using namespace echeance;

const ruleset& mes() {
    static const ruleset rules = [] {
        load_result loaded = load_ruleset_file(ECHEANCE_SOURCE_DIR "/rules/mon-espace-sante");
        REQUIRE(loaded.ok());
        return std::move(*loaded.rules);
    }();
    return rules;
}

year_month_day plus(year_month_day d, int n) {
    return year_month_day(sys_days(d) + date::days(n));
}

auto key(const due_item& i) {
    return std::make_tuple(sys_days(i.day), int(i.what), int(i.rule.kind()), i.rule.window(),
                           i.rule.timer(), i.rule.obligation(), i.rule.retention());
}

// By definition: a window or obligation as of its last day, a move or purge as of the day
// before it takes effect, an overdue obligation as of `from`.
std::vector<due_item> oracle(const ruleset& rules, const calendar& cal, const history& h,
                             year_month_day from, year_month_day to) {
    std::vector<due_item> out;
    auto r0 = replay(rules, cal, h, from);
    for (const auto& o : r0.obligations)
        if (o.due && *o.due < from && o.state != obligation_status::status::discharged)
            out.push_back({*o.due, due_kind::obligation_overdue, o.obligation});
    for (year_month_day d = from; d <= to; d = plus(d, 1)) {
        auto r = replay(rules, cal, h, d);
        for (const auto& w : r.windows)
            if (w.last_day == d) out.push_back({d, due_kind::window_end, w.window});
        for (const auto& o : r.obligations)
            if (o.due == d && o.state == obligation_status::status::due)
                out.push_back({d, due_kind::obligation_due, o.obligation});
        auto before = replay(rules, cal, h, plus(d, -1));
        for (const auto& s : before.scheduled)
            if (s.effective == d && s.rule.kind() == rule_kind::timer)
                out.push_back({d, due_kind::move, s.rule});
        for (const auto& x : before.retention)
            if (x.purge_on == d && x.state == retention_status::status::archived)
                out.push_back({d, due_kind::purge, x.retention});
    }
    return out;
}

// The days of every deadline of a replay as of `at`.
std::vector<year_month_day> deadline_days(const ruleset& rules, const calendar& cal,
                                          const history& h, year_month_day at) {
    std::vector<year_month_day> out;
    auto r = replay(rules, cal, h, at);
    for (const auto& w : r.windows)
        if (w.last_day) out.push_back(*w.last_day);
    for (const auto& o : r.obligations)
        if (o.due) out.push_back(*o.due);
    for (const auto& s : r.scheduled) out.push_back(s.effective);
    return out;
}

} // namespace

TEST_CASE("due items are what a replay as of each day of the range says (generated persons)") {
    const ruleset& rules = mes();
    calendar cal = builtin_calendar();
    testing::rng r{20260412};
    replay_result work;
    std::vector<due_item> got;
    std::size_t items = 0, kinds[5] = {};
    for (int p = 0; p < 3000; ++p) {
        auto lines = testing::generate_person(r, "p" + std::to_string(p), 3 + int(r.below(10)));
        history h = testing::to_history(rules, cal, lines);
        // Ranges around the person's events, or around a deadline that a replay as of one of
        // them shows (so that purges ten years on are reached too).
        year_month_day at = lines[r.below(std::uint32_t(lines.size()))].day;
        year_month_day from = plus(at, int(r.below(90)) - 45);
        auto ahead = deadline_days(rules, cal, h, at);
        if (!ahead.empty() && r.below(2) == 0)
            from = plus(ahead[r.below(std::uint32_t(ahead.size()))], -int(r.below(20)));
        year_month_day to = plus(from, int(r.below(4) == 0 ? 0 : r.below(60)));
        INFO("person " << p << " from " << format_date(from) << " to " << format_date(to));
        due_items(rules, cal, h, replay_options(from), from, to, work, got);
        CHECK(std::is_sorted(got.begin(), got.end(), [](const due_item& a, const due_item& b) {
            return std::make_pair(sys_days(a.day), a.what) <
                   std::make_pair(sys_days(b.day), b.what);
        }));
        auto want = oracle(rules, cal, h, from, to);
        auto by_key = [](const due_item& a, const due_item& b) { return key(a) < key(b); };
        std::sort(want.begin(), want.end(), by_key);
        std::vector<due_item> sorted = got;
        std::sort(sorted.begin(), sorted.end(), by_key);
        REQUIRE(sorted.size() == want.size());
        for (std::size_t i = 0; i < want.size(); ++i) CHECK(key(sorted[i]) == key(want[i]));
        items += got.size();
        for (const auto& i : got) ++kinds[int(i.what)];
    }
    // The generator must reach every kind, or the comparison proves little.
    CHECK(items > 200);
    for (std::size_t k : kinds) CHECK(k > 0);
}

TEST_CASE("CSP R.1111-28: information sent 2024-01-10, opposition window ends 2024-02-21, "
          "automatic creation on 2024-02-22") {
    const ruleset& rules = mes();
    calendar cal = builtin_calendar();
    history_file file = parse_history(
        "{\"person\":\"a\",\"at\":\"2024-01-10\",\"event\":\"information_sent\",\"role\":\"cnam\"}"
        "\n"
        "{\"person\":\"b\",\"at\":\"2024-01-10\",\"event\":\"information_sent\",\"role\":\"cnam\"}"
        "\n"
        "{\"person\":\"b\",\"at\":\"2024-02-21\",\"event\":\"opposition\",\"role\":\"holder\"}\n",
        rules, cal, "<test>");
    REQUIRE(file.errors.empty());
    replay_result work;
    std::vector<due_item> got;
    auto d = [](const char* s) { return parse_date(s); };
    due_items(rules, cal, file.persons[0], replay_options(d("2024-02-01")), d("2024-02-01"),
              d("2024-02-29"), work, got);
    REQUIRE(got.size() == 2);
    CHECK(got[0].day == d("2024-02-21"));
    CHECK(got[0].what == due_kind::window_end);
    CHECK(rules.name(got[0].rule) == "opposition_window");
    CHECK(got[1].day == d("2024-02-22"));
    CHECK(got[1].what == due_kind::move);
    CHECK(rules.name(got[1].rule) == "automatic_creation");
    // On the move's own day: it was made at 24:00 the day before, and is still listed.
    due_items(rules, cal, file.persons[0], replay_options(d("2024-02-22")), d("2024-02-22"),
              d("2024-02-22"), work, got);
    REQUIRE(got.size() == 1);
    CHECK(got[0].what == due_kind::move);
    // An opposition on the last day closes the window and cancels the move: nothing is due.
    due_items(rules, cal, file.persons[1], replay_options(d("2024-02-01")), d("2024-02-01"),
              d("2024-02-29"), work, got);
    CHECK(got.empty());
    CHECK_THROWS_WITH(due_items(rules, cal, file.persons[0], replay_options(d("2024-02-02")),
                                d("2024-02-02"), d("2024-02-01"), work, got),
                      Catch::Contains("echeance.due.range"));
}
