// Equality of two short texts without a call to memcmp: the readers compare person ids, names
// and keys of 2 to 20 bytes on every line, where the call costs more than the compare.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace echeance::detail {

inline bool same_text(std::string_view a, std::string_view b) noexcept {
    const std::size_t n = a.size();
    if (n != b.size()) return false;
    const char* p = a.data();
    const char* q = b.data();
    auto load8 = [](const char* s) {
        std::uint64_t v;
        std::memcpy(&v, s, 8);
        return v;
    };
    auto load4 = [](const char* s) {
        std::uint32_t v;
        std::memcpy(&v, s, 4);
        return v;
    };
    if (n >= 8) { // whole words, then the last eight bytes (overlapping)
        for (std::size_t i = 0; i + 8 <= n; i += 8)
            if (load8(p + i) != load8(q + i)) return false;
        return load8(p + n - 8) == load8(q + n - 8);
    }
    if (n >= 4) return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] != q[i]) return false;
    return true;
}

} // namespace echeance::detail
