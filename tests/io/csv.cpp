// Unit tests: CSV fields of the summary report (src/detail/csv.hpp).
#include "detail/csv.hpp"

#include <catch2/catch.hpp>

using echeance::detail::csv_field;

TEST_CASE("RFC 4180 2.6-2.7: a field is quoted only when it holds a comma, quote or line break") {
    CHECK(csv_field("NIR-masked-1") == "NIR-masked-1");
    CHECK(csv_field("") == "");
    CHECK(csv_field("né à Besançon") == "né à Besançon");
    CHECK(csv_field("Dupont, Jean") == "\"Dupont, Jean\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("a\nb") == "\"a\nb\"");
    CHECK(csv_field("a\rb") == "\"a\rb\"");
}
