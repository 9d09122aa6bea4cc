// The identity of a person in a history: what the readers and the sweep compare.
#pragma once

#include "echeance/io/nir.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace echeance::detail {

// One NIR written with or without spaces, dots or dashes is one person.
inline std::string normalized_person(std::string_view id) {
    std::string person(id);
    if (looks_like_nir(person))
        person.erase(std::remove_if(person.begin(), person.end(),
                                    [](char c) { return c == ' ' || c == '.' || c == '-'; }),
                     person.end());
    return person;
}

} // namespace echeance::detail
