// Properties of the text forms: dates and periods, good and bad.
#include "generators.hpp"

#include <cstdio>
#include <exception>
#include <regex>
#include <string>

using namespace echeance_prop;

namespace {

// Strings that look like the real thing more often than uniformly random bytes would.
rc::Gen<std::string> gen_noise(const std::string& alphabet) {
    const auto ch = rc::gen::weightedOneOf<char>({
        {6, rc::gen::elementOf(alphabet)},
        {1, rc::gen::arbitrary<char>()},
    });
    return rc::gen::container<std::string>(ch);
}

// A valid text with a few random edits: insert, delete or replace a character.
rc::Gen<std::string> gen_mutated(rc::Gen<std::string> valid, const std::string& alphabet) {
    return rc::gen::exec([valid, alphabet] {
        std::string s = *valid;
        const int edits = *rc::gen::inRange(1, 4);
        for (int i = 0; i < edits; ++i) {
            const auto at = *rc::gen::inRange<std::size_t>(0, s.size() + 1);
            const char c = *rc::gen::weightedOneOf<char>(
                {{4, rc::gen::elementOf(alphabet)}, {1, rc::gen::arbitrary<char>()}});
            switch (*rc::gen::inRange(0, 3)) {
            case 0:
                s.insert(s.begin() + std::ptrdiff_t(at), c);
                break;
            case 1:
                if (at < s.size()) s.erase(at, 1);
                break;
            default:
                if (at < s.size()) s[at] = c;
                break;
            }
        }
        return s;
    });
}

const std::string period_alphabet = "P0123456789YMWDTHS.,-+ p";
const std::string date_alphabet = "0123456789-/ T+";

} // namespace

TEST_CASE("dates round-trip through text", "[property][date]") {
    // Property 7.
    rc::prop(
        "parse_date(format_date(d)) == d",
        [] {
            const auto d = *gen_date();
            const std::string text = echeance::format_date(d);
            RC_ASSERT(text.size() == 10u);
            RC_ASSERT(echeance::parse_date(text) == d);
            char buffer[11] = {};
            echeance::format_date(d, buffer);
            RC_ASSERT(std::string(buffer) == text);
        },
        /*verbose=*/true);
    rc::prop(
        "text order is date order",
        [] {
            const auto a = *gen_date(), b = *gen_date();
            RC_ASSERT((echeance::format_date(a) < echeance::format_date(b)) == (a < b));
        },
        /*verbose=*/true);
    rc::prop(
        "every well-shaped YYYY-MM-DD is accepted iff it is a real day in range",
        [] {
            const auto y = *rc::gen::weightedOneOf<int>(
                {{4, rc::gen::inRange(0, 10000)},
                 {1, rc::gen::element(0, 1, 999, 1000, 1581, 1582, 1583, 1584, 1600, 1900, 2000,
                                      9999)}});
            const auto m = *rc::gen::inRange(0u, 100u);
            const auto d = *rc::gen::weightedOneOf<unsigned>(
                {{3, rc::gen::inRange(0u, 33u)}, {1, rc::gen::inRange(0u, 100u)}});
            char text[16];
            std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
            const bool real = m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
            try {
                const auto got = echeance::parse_date(text);
                RC_ASSERT(real);
                RC_ASSERT(y >= echeance::min_year);
                RC_ASSERT(got == ymd(y, m, d));
            } catch (const echeance::error& e) {
                if (!real)
                    RC_ASSERT(e.id() == std::string("echeance.date.invalid"));
                else
                    RC_ASSERT(y < echeance::min_year &&
                              e.id() == std::string("echeance.date.out_of_range"));
            }
        },
        /*verbose=*/true);
}

TEST_CASE("a day with one byte changed is read only if it is still a day", "[property][date]") {
    // The reader's fast path checks the ten bytes a word at a time: each byte must still count.
    rc::prop(
        "one byte anywhere, any value",
        [] {
            std::string text = echeance::format_date(*gen_date());
            const auto at = *rc::gen::inRange<std::size_t>(0, 10);
            text[at] = *rc::gen::weightedOneOf<char>(
                {{1, rc::gen::arbitrary<char>()}, {1, rc::gen::elementOf(date_alphabet)}});
            bool shaped = true;
            for (std::size_t i = 0; i < 10; ++i)
                shaped = shaped &&
                         (i == 4 || i == 7 ? text[i] == '-' : text[i] >= '0' && text[i] <= '9');
            bool real = false;
            if (shaped) {
                const int y = std::stoi(text.substr(0, 4));
                const auto m = unsigned(std::stoi(text.substr(5, 2)));
                const auto d = unsigned(std::stoi(text.substr(8, 2)));
                real = y >= echeance::min_year && m >= 1 && m <= 12 && d >= 1 &&
                       d <= days_in_month(y, m);
            }
            try {
                const auto got = echeance::parse_date(text);
                RC_ASSERT(real);
                RC_ASSERT(echeance::format_date(got) == text);
            } catch (const echeance::error& e) {
                RC_ASSERT(!real);
                RC_ASSERT(e.where().column >= 1u);
            }
        },
        /*verbose=*/true);
}

TEST_CASE("bad inputs never crash", "[property][parse]") {
    // Property 10.
    rc::prop(
        "period::parse: echeance::error or an exact, round-tripping parse",
        [] {
            const auto valid =
                rc::gen::map(gen_any_period(), [](const period& p) { return p.to_string(); });
            const auto text = *rc::gen::weightedOneOf<std::string>({
                {2, rc::gen::arbitrary<std::string>()},
                {3, gen_noise(period_alphabet)},
                {3, gen_mutated(valid, period_alphabet)},
            });
            static const std::regex grammar("P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?");
            std::smatch match;
            bool shaped = std::regex_match(text, match, grammar) && text.size() > 1;
            if (shaped)
                for (std::size_t k = 1; k < match.size(); ++k)
                    if (match[k].matched) {
                        const std::string digits = match[k].str().substr(0, match[k].length() - 1);
                        const auto nonzero = digits.find_first_not_of('0');
                        if (nonzero != std::string::npos &&
                            (digits.size() - nonzero > 9)) // more than 999'999'999
                            shaped = false;
                    }
            try {
                const period p = period::parse(text);
                RC_ASSERT(shaped);
                RC_ASSERT(period::parse(p.to_string()) == p);
                RC_ASSERT(p.years >= 0 && p.months >= 0 && p.weeks >= 0 && p.days >= 0);
            } catch (const echeance::error& e) {
                RC_ASSERT(!shaped);
                RC_ASSERT(e.id() == std::string("echeance.period.invalid"));
                RC_ASSERT(e.where().column >= 1u);
                RC_ASSERT(e.where().column <= text.size() + 1);
            } catch (const std::exception& e) {
                RC_FAIL(std::string("not an echeance::error: ") + e.what());
            }
        },
        /*verbose=*/true);
    rc::prop(
        "parse_date: echeance::error or an exact, round-tripping parse",
        [] {
            const auto valid =
                rc::gen::map(gen_date(), [](year_month_day d) { return echeance::format_date(d); });
            const auto text = *rc::gen::weightedOneOf<std::string>({
                {2, rc::gen::arbitrary<std::string>()},
                {3, gen_noise(date_alphabet)},
                {3, gen_mutated(valid, date_alphabet)},
            });
            try {
                const auto d = echeance::parse_date(text);
                RC_ASSERT(echeance::in_range(d));
                RC_ASSERT(echeance::format_date(d) == text);
            } catch (const echeance::error& e) {
                RC_ASSERT(e.id() == std::string("echeance.date.invalid") ||
                          e.id() == std::string("echeance.date.out_of_range"));
                RC_ASSERT(e.where().column >= 1u);
                RC_ASSERT(e.where().column <= text.size() + 1);
            } catch (const std::exception& e) {
                RC_FAIL(std::string("not an echeance::error: ") + e.what());
            }
        },
        /*verbose=*/true);
    rc::prop(
        "parse_month_end and parse_convention accept exactly their names",
        [] {
            const auto text = *rc::gen::weightedOneOf<std::string>({
                {1, rc::gen::arbitrary<std::string>()},
                {1, rc::gen::element<std::string>("clamp", "overflow", "reject", "plain", "cpc",
                                                  "eu", "Clamp", "cpc ", "", "EU")},
            });
            try {
                RC_ASSERT(std::string(echeance::to_string(echeance::parse_month_end(text))) ==
                          text);
            } catch (const echeance::error& e) {
                RC_ASSERT(e.id() == std::string("echeance.period.month_end"));
                RC_ASSERT(text != "clamp" && text != "overflow" && text != "reject");
            }
            try {
                RC_ASSERT(std::string(echeance::to_string(echeance::parse_convention(text))) ==
                          text);
            } catch (const echeance::error& e) {
                RC_ASSERT(e.id() == std::string("echeance.convention.unknown"));
                RC_ASSERT(text != "plain" && text != "cpc" && text != "eu");
            }
        },
        /*verbose=*/true);
}
