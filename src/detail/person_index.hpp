// The persons of a history being read, by id: an open-addressing table of their indexes, the ids
// themselves held by the caller. A person's first line costs a probe, not a node allocation.
#pragma once

#include "detail/same_text.hpp"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace echeance::detail {

class person_index {
public:
    static constexpr std::uint32_t none = 0xFFFFFFFF;

    static std::size_t hash(std::string_view id) noexcept {
        return std::hash<std::string_view>{}(id);
    }
    // The index of `id` whose hash() is `h`, or none; `id_of(i)` is the id of index i.
    template <class IdOf>
    std::uint32_t find(std::string_view id, std::size_t h, const IdOf& id_of) const noexcept {
        if (slots_.empty()) return none;
        std::size_t mask = slots_.size() - 1;
        const auto tag = std::uint32_t(h);
        for (std::size_t s = h & mask; slots_[s].index != none; s = (s + 1) & mask)
            if (slots_[s].hash == tag && same_text(id_of(slots_[s].index), id))
                return slots_[s].index;
        return none;
    }
    // Adds index i for an id whose hash() is `h` (not in the table).
    void add(std::size_t h, std::uint32_t i) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        place(std::uint32_t(h), i);
        ++count_;
    }

private:
    // The low bits of the hash kept: the table grows without hashing the ids again, and most
    // probes that miss compare no id.
    struct slot {
        std::uint32_t index = none, hash = 0;
    };
    void place(std::uint32_t h, std::uint32_t i) {
        std::size_t mask = slots_.size() - 1;
        std::size_t s = h & mask;
        while (slots_[s].index != none) s = (s + 1) & mask;
        slots_[s] = {i, h};
    }
    void grow() {
        std::vector<slot> old(slots_.empty() ? 64 : slots_.size() * 2);
        old.swap(slots_);
        for (const slot& x : old)
            if (x.index != none) place(x.hash, x.index);
    }
    std::vector<slot> slots_;
    std::size_t count_ = 0;
};

} // namespace echeance::detail
