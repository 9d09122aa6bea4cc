// libFuzzer target over the calendar file reader: any input gives a calendar or one positioned
// "echeance.calendar.*" error, never a crash, a leak, undefined behaviour or a hang. A calendar
// read must answer every query for every territory, and replay and render a history in every
// report format (see replay_check.hpp).
//   cmake --build build-fuzz --target calendar_fuzzer && build-fuzz/calendar_fuzzer CORPUS_DIR
#include "replay_check.hpp"

#include <echeance/io/calendar.hpp>
#include <optional>

namespace {

// A small history for every territory of the calendar read, as a backend would write it.
std::string history_for(const echeance::calendar& cal) {
    std::string out;
    for (const auto& id : cal.territory_ids())
        out += "{\"person\":\"p-" + id +
               "\",\"at\":\"2022-04-14\",\"event\":\"information_sent\","
               "\"role\":\"cnam\",\"territory\":\"" +
               id + "\"}\n" + "{\"person\":\"p-" + id +
               "\",\"at\":\"2022-05-27T21:30:00Z\","
               "\"event\":\"opposition\",\"role\":\"holder\",\"territory\":\"" +
               id + "\"}\n";
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<echeance::calendar> cal;
    try {
        cal.emplace(echeance::parse_calendar(text, "fuzz.json"));
    } catch (const echeance::error& e) {
        if (e.id().rfind("echeance.calendar.", 0) != 0) std::abort();
        if (e.where().file != "fuzz.json" || e.where().line == 0) std::abort(); // positioned
        return 0;
    }
    if (cal->territory_count() == 0) std::abort();
    for (std::size_t i = 0; i < cal->territory_count(); ++i) {
        echeance::territory t(static_cast<std::uint16_t>(i));
        if (cal->find(cal->id(t)) != t) std::abort(); // ids are unique
        for (int y : {1583, 2022, 9999}) {
            for (const auto& h : cal->holidays(t, date::year(y)))
                if (!cal->is_holiday(t, echeance::sys_days(h.day))) std::abort();
        }
        (void)cal->next_working_day(t, echeance::sys_days(date::year(2022) / 5 / 26));
        (void)cal->utc_offset(t, date::local_seconds(std::chrono::seconds(1650000000)));
    }
    // The rule set's default territory (FR) may be absent: the calendar's first one is used.
    std::string h = history_for(*cal);
    echeance::history_file file = echeance::parse_history(h, fuzz::rules(), *cal, "fuzz.jsonl");
    echeance::replay_options opt(echeance::year_month_day(date::year(2030) / 1 / 1));
    fuzz::check_replays(file, *cal, opt);
    return 0;
}
