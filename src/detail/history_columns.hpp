// The columns of a history line, by name: what the history reader reads and the journal stores.
#pragma once

#include "detail/same_text.hpp"

#include <cstdint>
#include <string_view>

namespace echeance::detail::columns {

enum column : std::uint8_t {
    c_person,
    c_at,
    c_event,
    c_role,
    c_time,
    c_seq,
    c_territory,
    c_channel,
    c_data,
    c_born,
    c_department,
    c_count
};
inline constexpr std::string_view column_names[c_count] = {"person", "at",   "event",     "role",
                                                           "time",   "seq",  "territory", "channel",
                                                           "data",   "born", "department"};

// The key `k` (of the length of `w`) is `w`: a compare of known size, inlined.
template <std::size_t N>
inline bool key_is(std::string_view k, const char (&w)[N]) noexcept {
    return same_text(k, std::string_view(w, N - 1));
}

// The column of a key, c_count when unknown: by length first (one compare per known key).
inline column column_of(std::string_view k) noexcept {
    auto is = [](bool same, column c) { return same ? c : c_count; };
    switch (k.size()) {
    case 2:
        return is(key_is(k, "at"), c_at);
    case 3:
        return is(key_is(k, "seq"), c_seq);
    case 4:
        return k[0] == 'r'   ? is(key_is(k, "role"), c_role)
               : k[0] == 't' ? is(key_is(k, "time"), c_time)
               : k[0] == 'd' ? is(key_is(k, "data"), c_data)
                             : is(key_is(k, "born"), c_born);
    case 5:
        return is(key_is(k, "event"), c_event);
    case 6:
        return is(key_is(k, "person"), c_person);
    case 7:
        return is(key_is(k, "channel"), c_channel);
    case 9:
        return is(key_is(k, "territory"), c_territory);
    case 10:
        return is(key_is(k, "department"), c_department);
    default:
        return c_count;
    }
}

} // namespace echeance::detail::columns
