// Unit tests: iCalendar content lines, TEXT escaping and folding (src/detail/ics.hpp).
#include "detail/ics.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using echeance::detail::ics_line;
using echeance::detail::ics_text;

namespace {

// The physical lines of `out`, each without its CRLF; fails on a bare LF or a missing CRLF.
std::vector<std::string> physical_lines(const std::string& out) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < out.size()) {
        std::size_t end = out.find("\r\n", at);
        REQUIRE(end != std::string::npos);
        lines.push_back(out.substr(at, end - at));
        REQUIRE(lines.back().find('\n') == std::string::npos);
        at = end + 2;
    }
    return lines;
}

// RFC 5545 3.1: unfolding removes every CRLF followed by one space.
std::string unfold(const std::string& out) {
    std::string s;
    for (const auto& l : physical_lines(out))
        s += l.empty() || l[0] != ' ' ? "\n" + l : l.substr(1);
    return s.substr(1);
}

} // namespace

TEST_CASE("RFC 5545 3.3.11: TEXT escapes backslash, semicolon, comma and line feeds") {
    CHECK(ics_text("plain words") == "plain words");
    CHECK(ics_text("Dupont, \"Jean\"; a\\b") == "Dupont\\, \"Jean\"\\; a\\\\b");
    CHECK(ics_text("line 1\nline 2") == "line 1\\nline 2");
    CHECK(ics_text("line 1\r\nline 2") == "line 1\\nline 2");
    CHECK(ics_text("colon: kept") == "colon: kept");
}

TEST_CASE("RFC 5545 3.1: a line of 75 octets or fewer is not folded, and ends in CRLF") {
    std::string out;
    ics_line(out, "SUMMARY", std::string(75 - 8, 'x'));
    CHECK(out == "SUMMARY:" + std::string(67, 'x') + "\r\n");
    out.clear();
    ics_line(out, "BEGIN:VEVENT");
    CHECK(out == "BEGIN:VEVENT\r\n");
}

TEST_CASE("RFC 5545 3.1: a long line folds at 75 octets, continuations start with a space") {
    std::string value(200, 'a');
    std::string out;
    ics_line(out, "DESCRIPTION", value);
    auto lines = physical_lines(out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1].size() == 75);
    CHECK(lines[1][0] == ' ');
    CHECK(lines[2][0] == ' ');
    CHECK(unfold(out) == "DESCRIPTION:" + value);
}

TEST_CASE("RFC 5545 3.1: a fold never splits a UTF-8 sequence") {
    // "é" is two octets, "€" three, "𝄞" four: every offset of the fold is tried.
    for (const std::string letter : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9D\x84\x9E"}) {
        for (std::size_t pad = 0; pad < 4; ++pad) {
            std::string value(pad, 'p');
            for (int i = 0; i < 60; ++i) value += letter;
            std::string out;
            ics_line(out, "SUMMARY", value);
            for (const auto& l : physical_lines(out)) {
                CHECK(l.size() <= 75);
                std::size_t first = l[0] == ' ' ? 1 : 0;
                CHECK((static_cast<unsigned char>(l[first]) & 0xC0) != 0x80);
                // A line ends on a whole sequence: it is followed by a lead byte or nothing.
            }
            CHECK(unfold(out) == "SUMMARY:" + value);
        }
    }
}

TEST_CASE("RFC 5545 3.1: bytes that are not UTF-8 still fold, within 75 octets") {
    std::string out;
    ics_line(out, "X", std::string(300, '\x80'));
    for (const auto& l : physical_lines(out)) CHECK(l.size() <= 75);
    CHECK(unfold(out) == "X:" + std::string(300, '\x80'));
}
