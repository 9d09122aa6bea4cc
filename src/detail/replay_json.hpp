// The JSON renderer's tables for one rule set: every name quoted once, and the long texts of
// rejections and warnings, which repeat from person to person, kept once rendered (internal).
#pragma once

#include "echeance/calendar.hpp"
#include "echeance/engine.hpp"
#include "echeance/history.hpp"
#include "echeance/ruleset.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::detail {

// Every name of a rule set, quoted once; shared by the copies of a report (read only).
struct json_names {
    explicit json_names(const ruleset& rules);

    // The quoted JSON of items[i].id (a name outside a table is quoted when written).
    std::vector<std::string> states, events, roles, versions, windows, obligations, retentions;
    std::uint64_t serial; // unique to this table: the memo of a thread knows whose texts it holds
};

// reason(rules, h, x) and message(rules, w), quoted, computed once per distinct input and kept
// per thread (a report is copied for each chunk of a sweep; its thread keeps the texts).
class json_memo {
public:
    // The memo of this thread for `names`' rule set (emptied when it held another's).
    static json_memo& of(const json_names& names);

    // Empty for the rejections whose text is the person's own (out of order, a condition): the
    // caller appends it (append_reason) to scratch() and quotes it.
    std::string_view reason(const ruleset& rules, const history& h, const rejection& x);
    std::string_view message(const ruleset& rules, const replay_warning& w);
    // The buffer a person's JSON line is written in, kept at its largest size (json_out's
    // scratch).
    std::string& line() { return line_; }
    // A buffer for the texts not kept, kept from text to text (no allocation once warm).
    std::string& scratch() {
        text_.clear();
        return text_;
    }

    // The bytes of a memo key, written in place at the front of a buffer kept from key to key
    // (no call to the string's append per fact).
    struct key_bytes {
        std::string buf;
        std::size_t size = 0; // buf's first `size` bytes are the key
        void add(const void* p, std::size_t n) {
            if (__builtin_expect(size + n > buf.size(), 0)) grow(n);
            std::memcpy(&buf[size], p, n);
            size += n;
        }
        // Out of line: once warm, a key always fits (the fixed facts and a short text).
        void grow(std::size_t n) { buf.resize(std::max<std::size_t>(2 * (size + n), 128)); }
        std::string_view view() const { return {buf.data(), size}; }
    };

private:
    // One text and the key it was rendered for; a slot is overwritten by the next key that
    // hashes to it, its strings' buffers kept (no allocation once warm).
    struct slot {
        std::string key, text;
    };
    static constexpr std::size_t slots = std::size_t(1) << 12;
    // The slot of key_: its text when it holds key_, else `made(text)` rendered, quoted and kept.
    template <class Make>
    std::string_view find(Make&& made);
    std::uint64_t serial_ = 0;
    key_bytes key_; // the input of the text asked for
    std::string text_;
    std::string line_;
    std::vector<slot> slots_;
};

// The JSON line of one person, appended: every member, or with `compact` none whose value is
// null, "", [] or {}.
void append_json_line(std::string& out, const ruleset& rules, const calendar& cal,
                      const json_names& names, const history& h, std::string_view person,
                      const replay_result& r, bool explain, bool compact);

} // namespace echeance::detail
