#include "detail/jsonc.hpp"

#include <fmt/format.h>

namespace echeance::detail::jsonc {

const char* kind_name(value::kind k) noexcept {
    switch (k) {
    case value::kind::null:
        return "null";
    case value::kind::boolean:
        return "true or false";
    case value::kind::number:
        return "a number";
    case value::kind::string:
        return "a string";
    case value::kind::array:
        return "an array";
    case value::kind::object:
        return "an object";
    }
    return "a value";
}

namespace {

struct failure {
    syntax_error e;
};

class reader {
public:
    explicit reader(std::string_view text) : s_(text) {
        if (s_.size() >= 3 && s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3; // UTF-8 BOM
    }

    value document() {
        skip_space();
        value v = parse_value(0);
        skip_space();
        if (i_ < s_.size())
            fail(here(), "unexpected " + describe_here() + " after the end of the document");
        return v;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
    position pos_{1, 1};

    position here() const noexcept { return pos_; }
    bool at_end() const noexcept { return i_ >= s_.size(); }
    char peek() const noexcept { return s_[i_]; }

    void advance() noexcept {
        unsigned char c = static_cast<unsigned char>(s_[i_++]);
        if (c == '\n') {
            ++pos_.line;
            pos_.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++pos_.column;
        }
    }

    [[noreturn]] void fail(position at, std::string message) {
        throw failure{syntax_error{at, std::move(message)}};
    }

    std::string describe_here() const {
        if (at_end()) return "end of file";
        unsigned char c = static_cast<unsigned char>(peek());
        if (c < 0x20) return fmt::format("control character U+{:04X}", unsigned(c));
        if (c >= 0x80) return "non-ASCII character";
        return fmt::format("'{}'", char(c));
    }

    void skip_space() {
        while (!at_end()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                advance();
            } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
                while (!at_end() && peek() != '\n') advance();
            } else if (c == '/' && i_ + 1 < s_.size() && s_[i_ + 1] == '*') {
                position start = here();
                advance();
                advance();
                for (;;) {
                    if (at_end()) fail(start, "unterminated comment (expected \"*/\")");
                    if (peek() == '*' && i_ + 1 < s_.size() && s_[i_ + 1] == '/') {
                        advance();
                        advance();
                        break;
                    }
                    advance();
                }
            } else if (c == '/') {
                fail(here(), "expected a comment (\"//\" or \"/*\") after '/'");
            } else {
                break;
            }
        }
    }

    value parse_value(std::size_t depth) {
        if (at_end()) fail(here(), "unexpected end of file (expected a value)");
        value v;
        v.at = here();
        char c = peek();
        switch (c) {
        case '{':
            parse_object(v, depth + 1);
            break;
        case '[':
            parse_array(v, depth + 1);
            break;
        case '"':
            v.type = value::kind::string;
            parse_string(v.text, &v.plain);
            break;
        case 't':
            literal("true", v);
            v.type = value::kind::boolean;
            v.boolean = true;
            break;
        case 'f':
            literal("false", v);
            v.type = value::kind::boolean;
            break;
        case 'n':
            literal("null", v);
            v.type = value::kind::null;
            break;
        default:
            if (c == '-' || (c >= '0' && c <= '9')) {
                parse_number(v);
            } else if (c == '\'') {
                fail(here(), "strings must be in double quotes");
            } else {
                fail(here(), "expected a value, found " + describe_here());
            }
        }
        return v;
    }

    void literal(std::string_view word, value& v) {
        if (s_.substr(i_, word.size()) != word)
            fail(v.at, "expected a value, found " + describe_here());
        for (std::size_t k = 0; k < word.size(); ++k) advance();
        if (!at_end()) {
            char c = peek();
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_')
                fail(v.at, "expected a value (strings must be in double quotes)");
        }
    }

    static bool digit(char c) noexcept { return c >= '0' && c <= '9'; }

    void parse_number(value& v) {
        v.type = value::kind::number;
        std::size_t start = i_;
        if (peek() == '-') advance();
        if (at_end() || !digit(peek())) fail(v.at, "invalid number (expected a digit)");
        if (peek() == '0') {
            advance();
            if (!at_end() && digit(peek())) fail(v.at, "invalid number (no leading zeros)");
        } else {
            while (!at_end() && digit(peek())) advance();
        }
        if (!at_end() && peek() == '.') {
            advance();
            if (at_end() || !digit(peek()))
                fail(here(), "invalid number (expected a digit after '.')");
            while (!at_end() && digit(peek())) advance();
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            advance();
            if (!at_end() && (peek() == '+' || peek() == '-')) advance();
            if (at_end() || !digit(peek()))
                fail(here(), "invalid number (expected a digit in the exponent)");
            while (!at_end() && digit(peek())) advance();
        }
        v.text.assign(s_.substr(start, i_ - start));
    }

    unsigned hex4(position esc) {
        unsigned u = 0;
        for (int k = 0; k < 4; ++k) {
            if (at_end()) fail(esc, "invalid \\u escape (expected four hexadecimal digits)");
            char c = peek();
            unsigned d;
            if (c >= '0' && c <= '9')
                d = unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                d = unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                d = unsigned(c - 'A' + 10);
            else
                fail(esc, "invalid \\u escape (expected four hexadecimal digits)");
            u = u * 16 + d;
            advance();
        }
        return u;
    }

    static void append_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    // One UTF-8 encoded character, validated (no overlongs, no surrogates, at most U+10FFFF).
    void utf8_char(std::string& out) {
        position at = here();
        unsigned char c = static_cast<unsigned char>(peek());
        std::size_t n;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else
            fail(at, "invalid UTF-8 in string");
        if (i_ + n >= s_.size()) fail(at, "invalid UTF-8 in string");
        for (std::size_t k = 1; k <= n; ++k) {
            unsigned char d = static_cast<unsigned char>(s_[i_ + k]);
            if ((d & 0xC0) != 0x80) fail(at, "invalid UTF-8 in string");
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            fail(at, "invalid UTF-8 in string");
        for (std::size_t k = 0; k <= n; ++k) {
            out += s_[i_];
            advance();
        }
    }

    void parse_string(std::string& out, bool* plain) {
        position start = here();
        advance(); // opening quote
        for (;;) {
            if (at_end()) fail(start, "unterminated string (expected '\"')");
            unsigned char c = static_cast<unsigned char>(peek());
            if (c == '"') {
                advance();
                return;
            }
            if (c < 0x20) {
                if (c == '\n') fail(start, "unterminated string (a string cannot span lines)");
                fail(here(),
                     fmt::format("control character U+{:04X} in string (escape it)", unsigned(c)));
            }
            if (c == '\\') {
                if (plain) *plain = false;
                position esc = here();
                advance();
                if (at_end()) fail(start, "unterminated string (expected '\"')");
                char e = peek();
                advance();
                switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned cp = hex4(esc);
                    if (cp >= 0xDC00 && cp <= 0xDFFF)
                        fail(esc, "invalid \\u escape (lone low surrogate)");
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (i_ + 1 >= s_.size() || peek() != '\\' || s_[i_ + 1] != 'u')
                            fail(esc,
                                 "invalid \\u escape (high surrogate without its low surrogate)");
                        advance();
                        advance();
                        unsigned lo = hex4(esc);
                        if (lo < 0xDC00 || lo > 0xDFFF)
                            fail(esc,
                                 "invalid \\u escape (high surrogate without its low surrogate)");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default:
                    fail(esc, "invalid escape in string (expected \\\" \\\\ \\/ \\b \\f \\n \\r "
                              "\\t or \\uXXXX)");
                }
                continue;
            }
            if (c >= 0x80) {
                utf8_char(out);
                continue;
            }
            out += char(c);
            advance();
        }
    }

    void parse_array(value& v, std::size_t depth) {
        if (depth > max_depth) fail(v.at, fmt::format("nesting deeper than {} levels", max_depth));
        v.type = value::kind::array;
        advance();
        skip_space();
        if (!at_end() && peek() == ']') {
            advance();
            return;
        }
        for (;;) {
            v.items.push_back(parse_value(depth));
            skip_space();
            if (at_end()) fail(v.at, "unterminated array (expected ']')");
            if (peek() == ',') {
                position comma = here();
                advance();
                skip_space();
                if (!at_end() && peek() == ']') fail(comma, "trailing comma is not allowed");
                continue;
            }
            if (peek() == ']') {
                advance();
                return;
            }
            fail(here(), "expected ',' or ']' after an array element, found " + describe_here());
        }
    }

    void parse_object(value& v, std::size_t depth) {
        if (depth > max_depth) fail(v.at, fmt::format("nesting deeper than {} levels", max_depth));
        v.type = value::kind::object;
        advance();
        skip_space();
        if (!at_end() && peek() == '}') {
            advance();
            return;
        }
        for (;;) {
            if (at_end()) fail(v.at, "unterminated object (expected '}')");
            if (peek() != '"') {
                if (peek() == '\'') fail(here(), "keys must be in double quotes");
                fail(here(), "expected a key in double quotes, found " + describe_here());
            }
            member m;
            m.key_at = here();
            parse_string(m.key, nullptr);
            skip_space();
            if (at_end() || peek() != ':')
                fail(here(),
                     "expected ':' after the key \"" + m.key + "\", found " + describe_here());
            advance();
            skip_space();
            m.val = parse_value(depth);
            v.members.push_back(std::move(m));
            skip_space();
            if (at_end()) fail(v.at, "unterminated object (expected '}')");
            if (peek() == ',') {
                position comma = here();
                advance();
                skip_space();
                if (!at_end() && peek() == '}') fail(comma, "trailing comma is not allowed");
                continue;
            }
            if (peek() == '}') {
                advance();
                return;
            }
            fail(here(), "expected ',' or '}' after a member, found " + describe_here());
        }
    }
};

} // namespace

parse_result parse(std::string_view text) {
    parse_result r;
    try {
        reader rd(text);
        r.root = rd.document();
        r.ok = true;
    } catch (const failure& f) {
        r.ok = false;
        r.error = f.e;
    }
    return r;
}

} // namespace echeance::detail::jsonc
