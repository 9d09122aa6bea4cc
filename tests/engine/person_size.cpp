// Properties of the replay of persons with many events, one per shape that used to be quadratic
// (issue 10): each compares the replay with a reference kept here (a brute-force scan, an
// equivalent history, or a small model of the rules), on histories big enough for the
// std::stable_sort paths (groups and lists beyond 32 items).
#include "fixtures.hpp"
#include "generate.hpp"

#include <catch2/catch.hpp>
#include <echeance/engine.hpp>
#include <echeance/io/report.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>
#include <vector>

using namespace echeance;
using namespace echeance::testing;

namespace {

const year_month_day start = year_month_day(date::year(2022), date::month(3), date::day(1));

std::string json_of(const history& h, year_month_day as_of) {
    replay_options o(as_of);
    o.explain = true;
    return to_json_line(mes(), cal(), h, h.person, replay(mes(), cal(), h, o), true);
}

// Acts of every kind, unknown and wrong ones included, the day moving forward.
std::vector<gen_line> many_acts(rng& r, int n, int back_one_in) {
    std::vector<gen_line> out;
    sys_days day = sys_days(start);
    const auto& acts = mes_acts();
    for (int i = 0; i < n; ++i) {
        std::uint32_t g = r.below(10);
        sys_days d = day;
        if (back_one_in && r.below(std::uint32_t(back_one_in)) == 0)
            d = day - date::days(1 + r.below(30)); // out of order
        else if (g >= 6)
            day = d = day + date::days(1 + r.below(40));
        auto a = acts[r.below(std::uint32_t(acts.size()))];
        out.push_back(make_line("p", year_month_day(d), a.first, a.second, int(i)));
    }
    return out;
}

year_month_day after(const std::vector<gen_line>& lines, int days) {
    return year_month_day(sys_days(lines.back().day) + date::days(days));
}

// The text of a history line as a brute-force scan finds it.
std::string scanned(const history& h, std::uint32_t line, bool role) {
    for (const auto& e : h.events)
        if (e.line == line) {
            if (role) return e.role != no_index ? mes().roles[e.role].id : h.texts.at(e.role_text);
            return e.event != no_index ? mes().events[e.event].id : h.texts.at(e.event_text);
        }
    return "?";
}

} // namespace

TEST_CASE("many rejected events: each names its own line's event and role") {
    rc::prop("rejections against a scan of the history", [](std::uint64_t seed) {
        rng r{seed};
        auto lines = many_acts(r, 120 + int(r.below(200)), 0);
        history h = to_history(mes(), cal(), lines);
        auto j = nlohmann::json::parse(json_of(h, after(lines, int(r.below(4000)))));
        RC_ASSERT(j["rejected"].size() > 32u);
        std::uint32_t last = 0;
        for (const auto& x : j["rejected"]) {
            auto line = x["line"].get<std::uint32_t>();
            RC_ASSERT(line > last); // in input order, once each
            last = line;
            RC_ASSERT(x["event"].get<std::string>() == scanned(h, line, false));
            RC_ASSERT(x["role"].get<std::string>() == scanned(h, line, true));
        }
    });
}

TEST_CASE("many events on one day: ordered as the same history given in that order") {
    rc::prop(
        "same-day groups by time or seq against the history sorted by hand",
        [](std::uint64_t seed) {
            rng r{seed};
            std::vector<gen_line> lines;
            std::vector<std::int32_t> times;
            sys_days day = sys_days(start);
            const auto& acts = mes_acts();
            int groups = 1 + int(r.below(3));
            for (int g = 0; g < groups; ++g) {
                int n = 1 + int(r.below(100));
                std::uint32_t how = r.below(4); // 0 time, 1 seq, 2 both, 3 some missing
                for (int i = 0; i < n; ++i) {
                    auto a = acts[r.below(std::uint32_t(acts.size()))];
                    bool some = how != 3 || r.below(8) != 0;
                    lines.push_back(make_line("p", year_month_day(day), a.first, a.second,
                                              (how >= 1 && some) ? int(r.below(40)) : -1));
                    times.push_back((how == 0 || how == 2) && some ? std::int32_t(r.below(30) * 60)
                                                                   : -1);
                }
                day += date::days(1 + r.below(60));
            }
            history h = to_history(mes(), cal(), lines);
            for (std::size_t i = 0; i < h.events.size(); ++i) h.events[i].time = times[i];
            // The reference: each day's events put in their order by hand (a selection
            // of the smallest key, the earliest line on ties), lines kept.
            history sorted = h;
            sorted.events.clear();
            for (std::size_t a = 0; a < h.events.size();) {
                std::size_t b = a;
                bool all_time = true, all_seq = true;
                while (b < h.events.size() && h.events[b].day == h.events[a].day) {
                    all_time = all_time && h.events[b].time >= 0;
                    all_seq = all_seq && h.events[b].seq >= 0;
                    ++b;
                }
                auto key = [&](const history_event& e) {
                    return std::make_pair(all_time ? std::int64_t(e.time) : 0, all_seq ? e.seq : 0);
                };
                std::vector<bool> taken(b - a, false);
                for (std::size_t k = a; k < b; ++k) {
                    std::size_t best = b;
                    for (std::size_t m = a; m < b; ++m)
                        if (!taken[m - a] && (best == b || key(h.events[m]) < key(h.events[best])))
                            best = m;
                    taken[best - a] = true;
                    sorted.events.push_back(h.events[best]);
                }
                a = b;
            }
            year_month_day as_of = after(lines, int(r.below(4000)));
            RC_ASSERT(json_of(h, as_of) == json_of(sorted, as_of));
        });
}

TEST_CASE("many out-of-order lines among other rejections") {
    rc::prop("against the history without them, and a running maximum", [](std::uint64_t seed) {
        rng r{seed};
        auto lines = many_acts(r, 120 + int(r.below(200)), 2);
        history h = to_history(mes(), cal(), lines);
        year_month_day as_of = after(lines, int(r.below(4000)));
        // The reference: the out-of-order lines by a running maximum, the rest replayed alone.
        history in_order = h;
        in_order.events.clear();
        nlohmann::json expected = nlohmann::json::array();
        std::optional<year_month_day> max_day;
        std::uint32_t max_line = 0;
        for (const auto& e : h.events) {
            if (max_day && e.day < *max_day) {
                expected.push_back(
                    {e.line, "dated " + format_date(e.day) + ", before the event of line " +
                                 std::to_string(max_line) + " (" + format_date(*max_day) + ")"});
                continue;
            }
            max_day = e.day;
            max_line = e.line;
            in_order.events.push_back(e);
        }
        RC_ASSERT(expected.size() > 32u);
        auto j = nlohmann::json::parse(json_of(h, as_of));
        auto alone = nlohmann::json::parse(json_of(in_order, as_of));
        nlohmann::json kept = nlohmann::json::array(), found = nlohmann::json::array();
        std::uint32_t last = 0;
        for (const auto& x : j["rejected"]) {
            RC_ASSERT(x["line"].get<std::uint32_t>() > last);
            last = x["line"].get<std::uint32_t>();
            if (x["id"] != "echeance.replay.out_of_order") {
                kept.push_back(x);
                continue;
            }
            found.push_back({x["line"], x["reason"]});
        }
        RC_ASSERT(found == expected);
        j["rejected"] = kept;
        RC_ASSERT(j.dump() == alone.dump());
    });
}

TEST_CASE("many closure and reopening cycles: the archive as a small model says") {
    rc::prop("timeline and retention against a model of closure, reopening and purge",
             [](std::uint64_t seed) {
                 rng r{seed};
                 std::vector<gen_line> lines;
                 sys_days day = sys_days(start);
                 lines.push_back(
                     make_line("p", year_month_day(day), "creation_request", "holder", 0));
                 int n = 60 + int(r.below(160));
                 for (int i = 1; i < n; ++i) {
                     std::uint32_t g = r.below(20);
                     if (g == 0)
                         day += date::days(3000 + r.below(1500)); // past the ten years, maybe
                     else if (g < 14)
                         day += date::days(1 + r.below(30));
                     year_month_day d(day);
                     if (d.month() == date::month(2) && d.day() == date::day(29))
                         day += date::days(1); // keeps the model's "ten years later" plain
                     bool close = r.below(5) < 3;
                     lines.push_back(make_line("p", year_month_day(day),
                                               close ? "closure" : "reopening", "holder", i));
                 }
                 history h = to_history(mes(), cal(), lines);
                 year_month_day as_of = after(lines, int(r.below(5000)));
                 replay_result res = replay(mes(), cal(), h, as_of);

                 // The model.
                 struct archive {
                     year_month_day on, last, ended;
                     std::string status = "archived";
                 };
                 std::vector<archive> archives;
                 std::vector<std::pair<std::string, year_month_day>> timeline;
                 std::vector<std::uint32_t> rejected;
                 std::string state = "open";
                 timeline.push_back({state, lines.front().day});
                 auto purge_before = [&](year_month_day d) {
                     if (archives.empty() || archives.back().status != "archived") return;
                     archive& a = archives.back();
                     if (!(a.last < d)) return;
                     a.status = "purged";
                     a.ended = year_month_day(sys_days(a.last) + date::days(1));
                     state = "deleted";
                     timeline.push_back({state, a.ended});
                 };
                 for (std::size_t i = 1; i < lines.size(); ++i) {
                     year_month_day d = lines[i].day;
                     purge_before(d);
                     if (lines[i].event == "closure") {
                         if (state != "open") {
                             rejected.push_back(std::uint32_t(i + 1));
                             continue;
                         }
                         state = "closed";
                         archive a;
                         a.on = d;
                         a.last = year_month_day(d.year() + date::years(10), d.month(), d.day());
                         archives.push_back(a);
                     } else {
                         if (state == "open") {
                             rejected.push_back(std::uint32_t(i + 1));
                             continue;
                         }
                         state = "open";
                         if (!archives.empty() && archives.back().status == "archived") {
                             archives.back().status = "restored";
                             archives.back().ended = d;
                         }
                     }
                     timeline.push_back({state, d});
                 }
                 purge_before(as_of);

                 RC_ASSERT(mes().states[res.state].id == state);
                 RC_ASSERT(res.timeline.size() == timeline.size() + 1); // and the initial state
                 for (std::size_t k = 0; k < timeline.size(); ++k) {
                     RC_ASSERT(mes().states[res.timeline[k + 1].state].id == timeline[k].first);
                     RC_ASSERT(res.timeline[k + 1].entered == timeline[k].second);
                 }
                 RC_ASSERT(res.retention.size() == archives.size());
                 for (std::size_t k = 0; k < archives.size(); ++k) {
                     const auto& x = res.retention[k];
                     RC_ASSERT(x.archived_on == archives[k].on);
                     RC_ASSERT(x.last_day == archives[k].last);
                     RC_ASSERT(std::string(to_string(x.state)) == archives[k].status);
                     if (archives[k].status != "archived")
                         RC_ASSERT(x.ended_on == archives[k].ended);
                 }
                 RC_ASSERT(res.rejected.size() == rejected.size());
                 for (std::size_t k = 0; k < rejected.size(); ++k)
                     RC_ASSERT(res.rejected[k].line == rejected[k]);
             });
}

TEST_CASE("many counts waiting for one anchor: each resolved once, the dropped ones never") {
    rc::prop("information sent again and again, then received", [](std::uint64_t seed) {
        rng r{seed};
        std::vector<gen_line> lines;
        sys_days day = sys_days(start);
        int n = 1 + int(r.below(80));
        for (int i = 0; i < n; ++i) {
            lines.push_back(make_line("p", year_month_day(day), "information_sent", "cnam", i));
            day += date::days(r.below(2)); // within the six weeks: the window stays open
        }
        lines.push_back(make_line("p", year_month_day(day), "information_received", "holder", n));
        history h = to_history(mes(), cal(), lines);
        replay_options o(year_month_day(day) + date::months(1));
        o.explain = true;
        choose_reading(mes(), o, "opposition_window", "one-month-from-receipt");
        replay_result res = replay(mes(), cal(), h, o);
        window_id w = mes().find_window("opposition_window");
        // Each sending reopens the window: only the last one's count waits for the receipt.
        int from_receipt = 0;
        for (const auto& s : res.explanation)
            if (s.what == explanation_step::kind::count && s.rule == counted_rule(w) &&
                s.day == year_month_day(day))
                ++from_receipt;
        RC_ASSERT(from_receipt == 1);
        RC_ASSERT(res.windows.size() == 1u);
        RC_ASSERT(res.windows[0].last_day && *res.windows[0].last_day > year_month_day(day));
        // Every contested count of the window (one per sending) has its receipt reading.
        std::size_t contested = 0;
        for (const auto& c : res.readings) {
            if (c.rule != counted_rule(w)) continue;
            ++contested;
            bool anchored = false;
            for (const auto& x : c.results)
                anchored = anchored || x.anchor_day == std::optional<year_month_day>(day);
            RC_ASSERT(anchored);
        }
        RC_ASSERT(contested == std::size_t(n));
    });
}
