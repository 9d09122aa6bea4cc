// The masked scan of a simple JSON line (quotes found for the whole line at once) gives the
// bytewise scan's answer: the same members, the same columns, the same "not simple"; the compact
// scan (keys compared with those of the lines before) accepts a part of it, with the same members.
#include "detail/json_line.hpp"

#include "detail/json_compact.hpp"

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

namespace {

// The compact scan with one memo for a whole run of lines, as the history reader holds it.
struct compact_scan {
    echeance::detail::key_memo memo;
    std::vector<std::string> ids; // the ids handed out, in order: resolve is "known key"
    scanned operator()(const std::string& line, std::size_t give_up_at) {
        scanned r;
        std::size_t k = 0;
        r.simple = echeance::detail::scan_compact_object(
            line, memo,
            [&](std::string_view key) {
                for (std::size_t i = 0; i < ids.size(); ++i)
                    if (ids[i] == key) return int(i);
                if (key.size() > 12 || key == "unknown") return -1;
                ids.emplace_back(key);
                return int(ids.size() - 1);
            },
            [&](const json_member_view& m, int id) {
                if (k++ == give_up_at) return false;
                if (ids.at(std::size_t(id)) != m.key) return false; // the id is the key's
                r.members.push_back(std::string(m.key) + "|" + std::string(m.text) + "|" +
                                    (m.is_string ? "s" : "n") + "|" + std::to_string(m.column));
                return true;
            });
        return r;
    }
};

} // namespace

TEST_CASE("the compact scan accepts only what the masked scan accepts, with the same members") {
    rc::prop("a run of lines with one memo: compact implies simple and the same members", [] {
        auto run = *rc::gen::container<std::vector<std::string>>(lines());
        compact_scan compact;
        for (const auto& line : run) {
            std::size_t give_up = *rc::gen::inRange<std::size_t>(0, 12);
            scanned c = compact(line, give_up);
            if (!c.simple) continue;
            // The memo's key may differ from this line's: the members say which key was read.
            scanned b = scan(line, give_up, bytewise);
            RC_ASSERT(b.simple);
            RC_ASSERT(c == b);
            RC_ASSERT(c == scan(line, give_up, masked));
        }
    });
    rc::prop("well-formed lines without spaces are compact, whatever the line before", [] {
        compact_scan compact;
        compact(*lines(), 1000);
        int n = *rc::gen::inRange(0, 40);
        std::string line = members_line(n, "");
        scanned c = compact(line, 1000);
        RC_ASSERT(c.simple);
        RC_ASSERT(c == scan(line, 1000, bytewise));
        RC_ASSERT(compact(line, 1000) == c); // again, with this line's keys in the memo
    });
}

TEST_CASE("the compact scan on history lines") {
    compact_scan compact;
    std::string a = R"({"person":"p1","at":"2024-01-10","seq":12})";
    std::string b = R"({"person":"p2","at":"2024-01-11","event":"x","seq":0})";
    CHECK(compact(a, 100).members ==
          std::vector<std::string>{"person|p1|s|12", "at|2024-01-10|s|22", "seq|12|n|40"});
    // The third key differs from the memo's: read, then remembered.
    CHECK(compact(b, 100).members == std::vector<std::string>{"person|p2|s|12",
                                                              "at|2024-01-11|s|22", "event|x|s|43",
                                                              "seq|0|n|52"});
    CHECK(compact(b, 100) == scan(b, 100, bytewise));
    CHECK_FALSE(compact(R"({"person": "p1"})", 100).simple);  // a space: the other scan's
    CHECK_FALSE(compact(R"({"person":"p1"} )", 100).simple);  // a space after
    CHECK_FALSE(compact(R"({"unknown":"p1"})", 100).simple);  // resolve refused the key
    CHECK_FALSE(compact(R"({"person":"p1")", 100).simple);    // no closing brace
    CHECK_FALSE(compact(R"({"seq":012})", 100).simple);       // a leading zero
    CHECK_FALSE(compact(R"({"person":"p\"1"})", 100).simple); // an escape
    CHECK(compact("{}", 100).simple);
    CHECK_FALSE(compact("{", 100).simple);
}
