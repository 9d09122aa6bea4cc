// Unit tests: the enum name tables (src/detail/names.hpp) and the public functions built on them.
#include "detail/names.hpp"

#include "echeance/convention.hpp"
#include "echeance/error.hpp"
#include "echeance/io/report.hpp"
#include "echeance/period.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace echeance;

namespace {

// Every entry parses back to itself, names are distinct and non-empty, and the public list of
// names is the table's.
template <class Table>
void check_table(const Table& t, const std::vector<std::string>& names) {
    std::set<std::string_view> seen;
    for (const auto& e : t.entries) {
        CHECK(!e.name.empty());
        CHECK(seen.insert(e.name).second);
        REQUIRE(t.parse(e.name));
        CHECK(*t.parse(e.name) == e.value);
        CHECK(t.name(e.value) == e.name);
    }
    CHECK(names == t.names());
    CHECK_FALSE(t.parse("no-such-name"));
    CHECK_FALSE(t.parse(""));
}

} // namespace

TEST_CASE("Name tables: each name parses back to its value, and the CLI's choices are the table") {
    check_table(detail::convention_table, convention_names());
    check_table(detail::month_end_table, month_end_names());
    check_table(detail::report_format_table, report_format_names());
    check_table(detail::channel_table, detail::channel_table.names());
    check_table(detail::obligation_status_table, detail::obligation_status_table.names());
    check_table(detail::retention_status_table, detail::retention_status_table.names());
    check_table(detail::contested_kind_table, detail::contested_kind_table.names());
}

TEST_CASE("Name tables: to_string and parse of the public API read the tables") {
    CHECK(to_string(convention::eu) == "eu");
    CHECK(parse_convention("plain") == convention::plain);
    CHECK(to_string(month_end::overflow) == "overflow");
    CHECK(parse_month_end("reject") == month_end::reject);
    CHECK(to_string(report_format::ics) == "ics");
    CHECK(parse_report_format("summary") == report_format::summary);
    CHECK_FALSE(parse_report_format("xml"));
    CHECK(to_string(channel::email) == "email");
    CHECK(to_string(channel::none).empty());
    CHECK(to_string(obligation_status::status::overdue) == "overdue");
    CHECK(to_string(retention_status::status::purged) == "purged");
    CHECK(to_string(contested_count::kind::timer) == "timer");
}

TEST_CASE("Name tables: the messages that list the names are unchanged") {
    CHECK(detail::convention_table.joined(" or ") == "plain, cpc or eu");
    CHECK(detail::month_end_table.joined(" or ") == "clamp, overflow or reject");
    CHECK(detail::channel_table.joined() == "web, phone, post, office, email, other");
    try {
        parse_convention("CPC");
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.id() == "echeance.convention.unknown");
        CHECK(e.message() == "unknown counting convention \"CPC\" (expected plain, cpc or eu)");
    }
}
