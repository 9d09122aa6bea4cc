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

    // The index of `id`, or none; `id_of(i)` is the id of index i.
    template <class IdOf>
    std::uint32_t find(std::string_view id, const IdOf& id_of) const noexcept {
        if (slots_.empty()) return none;
        std::size_t mask = slots_.size() - 1;
        for (std::size_t s = hash(id) & mask; slots_[s] != none; s = (s + 1) & mask)
            if (same_text(id_of(slots_[s]), id)) return slots_[s];
        return none;
    }
    // Adds index i for `id` (not in the table).
    template <class IdOf>
    void add(std::string_view id, std::uint32_t i, const IdOf& id_of) {
        if ((count_ + 1) * 2 > slots_.size()) grow(id_of);
        place(hash(id), i);
        ++count_;
    }

private:
    static std::size_t hash(std::string_view id) noexcept {
        return std::hash<std::string_view>{}(id);
    }
    void place(std::size_t h, std::uint32_t i) {
        std::size_t mask = slots_.size() - 1;
        std::size_t s = h & mask;
        while (slots_[s] != none) s = (s + 1) & mask;
        slots_[s] = i;
    }
    template <class IdOf>
    void grow(const IdOf& id_of) {
        std::vector<std::uint32_t> old(slots_.empty() ? 64 : slots_.size() * 2, none);
        old.swap(slots_);
        for (std::uint32_t i : old)
            if (i != none) place(hash(id_of(i)), i);
    }
    std::vector<std::uint32_t> slots_;
    std::size_t count_ = 0;
};

} // namespace echeance::detail
