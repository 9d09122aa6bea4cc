// A read-only open-addressing table from names to ids, for the readers' per-line lookups of
// events and roles (the rule set's own lookups are linear scans: fine once, not per line).
#pragma once

#include "detail/same_text.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace echeance::detail {

template <class Id>
class name_index {
public:
    // Names must outlive the index. The first of two equal names wins, as a linear scan would.
    template <class Items>
    explicit name_index(const Items& items) {
        std::size_t n = 8;
        while (n < items.size() * 2) n *= 2;
        slots_.resize(n);
        for (Id i : items.ids()) {
            std::string_view name = items[i].id;
            std::size_t s = hash(name) & (n - 1);
            while (slots_[s].used && slots_[s].name != name) s = (s + 1) & (n - 1);
            if (!slots_[s].used) slots_[s] = {name, i, true};
        }
    }

    Id find(std::string_view name) const noexcept {
        std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash(name) & mask;; s = (s + 1) & mask) {
            if (!slots_[s].used) return Id();
            if (same_text(slots_[s].name, name)) return slots_[s].id;
        }
    }

private:
    struct slot {
        std::string_view name;
        Id id;
        bool used = false;
    };
    // The length and three bytes, mixed: names of a rule set differ there (probing settles the
    // rest), and a per-line lookup does not walk the whole name as FNV-1a did.
    static std::size_t hash(std::string_view s) noexcept {
        if (s.empty()) return 0;
        std::uint64_t h = std::uint64_t(s.size()) | std::uint64_t(std::uint8_t(s[0])) << 16 |
                          std::uint64_t(std::uint8_t(s[s.size() / 2])) << 24 |
                          std::uint64_t(std::uint8_t(s[s.size() - 1])) << 32;
        h *= 0x9E3779B97F4A7C15ull;
        return std::size_t(h >> 29);
    }
    std::vector<slot> slots_;
};

} // namespace echeance::detail
