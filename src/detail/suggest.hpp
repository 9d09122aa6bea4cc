// "Did you mean" for rule files: the closest declared name by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace echeance::detail {

// Levenshtein distance (insertions, deletions, substitutions; a swap of two neighbours counts 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate when it is close enough to be a typo ("" otherwise). Ties: the first.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean \"closed\"?)" when a candidate is close, else " (expected one of: a, b, c)"
// (at most 12 listed), or "" when there are no candidates. `kind` is unused in the text today
// but names what the candidates are, for readers of the call.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view kind);

} // namespace echeance::detail
