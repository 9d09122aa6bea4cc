// The masked scan of a simple JSON line (quotes found for the whole line at once) gives the
// bytewise scan's answer: the same members, the same columns, the same "not simple".
#include "detail/json_line.hpp"

#include <catch2/catch.hpp>
#include <rapidcheck.h>
#include <rapidcheck/catch.h>
#include <string>
#include <vector>

using echeance::detail::json_member_view;

namespace {

struct scanned {
    bool simple = false;
    std::vector<std::string> members; // key, text, string or number, column
    bool operator==(const scanned& o) const { return simple == o.simple && members == o.members; }
};

template <class Scan>
scanned scan(const std::string& line, std::size_t give_up_at, Scan&& how) {
    scanned r;
    std::size_t k = 0;
    r.simple = how(line, [&](const json_member_view& m) {
        if (k++ == give_up_at) return false;
        r.members.push_back(std::string(m.key) + "|" + std::string(m.text) + "|" +
                            (m.is_string ? "s" : "n") + "|" + std::to_string(m.column));
        return true;
    });
    return r;
}

// Lines from pieces that matter: members, spaces, escapes, tabs, non-ASCII bytes, broken syntax,
// numbers with fractions or leading zeros, any length (past the 512 bytes of the masks).
rc::Gen<std::string> lines() {
    static const std::vector<std::string> pieces = {
        "{",
        "}",
        "\"person\"",
        "\"at\"",
        ":",
        ",",
        " ",
        "  ",
        "\t",
        "\"p1\"",
        "\"2024-01-10\"",
        "0",
        "12",
        "012",
        "1.5",
        "1e3",
        "\"a\\\"b\"",
        "\"\xc3\xa9\"",
        "\"x\x01\"",
        "\"",
        "[1]",
        "true",
        "\"seq\"",
        "\"\"",
        "\"a long value that pushes the line past sixteen and sixty-four bytes\""};
    return rc::gen::map(rc::gen::container<std::vector<std::string>>(rc::gen::elementOf(pieces)),
                        [](const std::vector<std::string>& v) {
                            std::string s;
                            for (const auto& p : v) s += p;
                            return s;
                        });
}

auto masked = [](std::string_view line, auto&& f) {
    return echeance::detail::scan_simple_object(line, f);
};
auto bytewise = [](std::string_view line, auto&& f) {
    return echeance::detail::scan_simple_object_bytewise(line, f);
};

// A well-formed line of `n` members, to reach every length.
std::string members_line(int n, const std::string& sep) {
    std::string s = "{";
    for (int i = 0; i < n; ++i)
        s += (i ? "," + sep : "") + "\"k" + std::to_string(i) + "\":" + sep +
             (i % 3 ? "\"value " + std::to_string(i) + "\"" : std::to_string(i));
    return s + "}";
}

} // namespace

TEST_CASE("the masked scan answers what the bytewise scan answers") {
    rc::prop("same members, same columns; tabs and CR only send a line to the full reader", [] {
        std::string line = *lines();
        std::size_t give_up = *rc::gen::inRange<std::size_t>(0, 12);
        scanned m = scan(line, give_up, masked), b = scan(line, give_up, bytewise);
        // What `member` saw of a line found not simple is dropped by every caller.
        if (line.find('\t') == std::string::npos) {
            RC_ASSERT(m.simple == b.simple);
            if (m.simple) RC_ASSERT(m == b);
        } else {
            RC_ASSERT(!m.simple || m == b); // simple for the masked scan: simple for both
        }
    });
    rc::prop("well-formed lines of any length", [] {
        int n = *rc::gen::inRange(0, 60);
        std::string line = members_line(n, *rc::gen::element<std::string>("", " "));
        scanned m = scan(line, 1000, masked);
        RC_ASSERT(m.simple);
        RC_ASSERT(m.members.size() == std::size_t(n));
        RC_ASSERT(m == scan(line, 1000, bytewise));
    });
}

TEST_CASE("the masked scan on a history line") {
    std::string line = R"({"person":"p1","at":"2024-01-10","seq":12})";
    scanned m = scan(line, 100, masked);
    CHECK(m.simple);
    CHECK(m.members ==
          std::vector<std::string>{"person|p1|s|12", "at|2024-01-10|s|22", "seq|12|n|40"});
    CHECK_FALSE(scan(R"({"person":"p\"1"})", 100, masked).simple);       // an escape
    CHECK_FALSE(scan("{\"person\":\"p\xc3\xa9\"}", 100, masked).simple); // non-ASCII
    CHECK_FALSE(scan(R"({"seq":012})", 100, masked).simple);             // a leading zero
    CHECK_FALSE(scan(R"({"person":"p1")", 100, masked).simple);          // no closing brace
}
