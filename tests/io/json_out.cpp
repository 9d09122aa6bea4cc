// The JSON writer of the replay's JSON Lines writes the bytes nlohmann's dump() writes: for any
// string (ASCII, well-formed and broken UTF-8, control characters, quotes), and for documents.
#include "detail/json_out.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>
#include <vector>

using echeance::detail::json_out;

namespace {

std::string dumped(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Bytes drawn from pieces that matter: plain ASCII, escapes, UTF-8 of every length, overlong
// and surrogate forms, stray continuation bytes, truncated sequences.
rc::Gen<std::string> tricky_strings() {
    static const std::vector<std::string> pieces = {"a",
                                                    "plain text ",
                                                    "\"",
                                                    "\\",
                                                    "\n",
                                                    "\t",
                                                    "\x01",
                                                    "\x1f",
                                                    "\x7f",
                                                    "é",
                                                    "€",
                                                    "😀",
                                                    "\xc3",
                                                    "\xe2\x82",
                                                    "\xf0\x9f",
                                                    "\x80",
                                                    "\xbf",
                                                    "\xc0\xaf",
                                                    "\xe0\x80\xaf",
                                                    "\xed\xa0\x80",
                                                    "\xf4\x90\x80\x80",
                                                    "\xf5",
                                                    "\xff",
                                                    "CSP R.1111-28",
                                                    "12345678"};
    return rc::gen::map(rc::gen::container<std::vector<std::size_t>>(
                            rc::gen::inRange<std::size_t>(0, pieces.size())),
                        [](const std::vector<std::size_t>& idx) {
                            std::string s;
                            for (auto i : idx) s += pieces[i];
                            return s;
                        });
}

} // namespace

TEST_CASE("json_out writes a string as nlohmann's dump() does") {
    rc::prop("same bytes", [] {
        std::string s = *tricky_strings();
        std::string out;
        json_out(out).str(s);
        RC_ASSERT(out == dumped(nlohmann::ordered_json(s)));
    });
    rc::prop("and any bytes at all", [] {
        std::string s = *rc::gen::arbitrary<std::string>();
        std::string out;
        json_out(out).str(s);
        RC_ASSERT(out == dumped(nlohmann::ordered_json(s)));
    });
}

TEST_CASE("json_out writes objects and arrays as dump() does") {
    std::string out;
    json_out w(out);
    w.begin_object();
    w.key("a").str("x");
    w.key("b").begin_array().number(1).null().boolean(true).begin_object().end_object();
    w.end_array();
    w.key("c").begin_array().end_array();
    w.key("d").number(-42);
    w.end_object();
    w.finish();
    nlohmann::ordered_json j;
    j["a"] = "x";
    j["b"] = {1, nullptr, true, nlohmann::ordered_json::object()};
    j["c"] = nlohmann::ordered_json::array();
    j["d"] = -42;
    CHECK(out == dumped(j));
}
