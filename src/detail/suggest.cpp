#include "detail/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace echeance::detail {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment distance, two rows plus the one before for transpositions.
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
} // namespace

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > 200) return {}; // not a typo of an id; keep the cost bounded
    const std::size_t limit = word.size() <= 3 ? 1 : word.size() <= 8 ? 2 : 3;
    std::string w = lower(word);
    std::size_t best = limit + 1;
    std::string found;
    for (const auto& c : candidates) {
        if (c.size() > word.size() + limit + 1) continue;
        std::size_t d = edit_distance(w, lower(c));
        if (d < best) {
            best = d;
            found = c;
        }
    }
    return found;
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates,
                       std::string_view /*kind*/) {
    if (candidates.empty()) return {};
    std::string near = closest(word, candidates);
    if (!near.empty()) return " (did you mean \"" + near + "\"?)";
    std::string out = " (expected one of: ";
    std::size_t n = std::min<std::size_t>(candidates.size(), 12);
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += ", ";
        out += candidates[i];
    }
    if (candidates.size() > n) out += ", ...";
    return out + ")";
}

} // namespace echeance::detail
