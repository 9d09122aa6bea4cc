// A minimal user of the echeance library: the worked example of DOMAIN.md §3.
// Information sent on Thursday 14 April 2022, six weeks to act, counted under the Code de
// procédure civile (articles 640-642) in metropolitan France: the nominal last day, Thursday
// 26 May 2022, is Ascension, so the period ends on Friday 27 May 2022 at 24:00.
#include <cstdio>
#include <echeance/calendar.hpp>
#include <echeance/convention.hpp>
#include <echeance/date.hpp>
#include <echeance/error.hpp>
#include <echeance/io/calendar.hpp>
#include <echeance/period.hpp>

int main() {
    try {
        const echeance::calendar cal = echeance::builtin_calendar();
        const echeance::deadline d = echeance::compute_deadline(
            cal, echeance::parse_date("2022-04-14"), echeance::period::parse("P6W"),
            echeance::convention::cpc, cal.find("FR"));
        std::printf("%s\n", echeance::format_date(d.final_day).c_str());
        return 0;
    } catch (const echeance::error& e) {
        std::fprintf(stderr, "%s\n", echeance::format(e).c_str());
        return 1;
    }
}
