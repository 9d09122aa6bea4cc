// NIR detection and masking: a NIR is never printed in clear.
#include "echeance/io/nir.hpp"

#include <fmt/format.h>

namespace echeance {

bool looks_like_nir(std::string_view id) noexcept {
    char c[15];
    std::size_t n = 0;
    for (char ch : id) {
        if (ch == ' ' || ch == '.' || ch == '-') continue;
        if (n == 15) return false;
        bool digit = ch >= '0' && ch <= '9';
        // Corsica: 2A, 2B in the department; any other letter ends it at once (most ids).
        if (!digit &&
            !(n == 6 && c[5] == '2' && (ch == 'A' || ch == 'B' || ch == 'a' || ch == 'b')))
            return false;
        c[n++] = ch;
    }
    return n == 13 || n == 15;
}

std::string redact_nirs(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0;
    while (i < text.size()) {
        if (!digit(text[i])) {
            out += text[i++];
            continue;
        }
        // A run of digits, Corsican 2A/2B, and single separators between digits.
        std::size_t j = i, end = i, significant = 0;
        while (j < text.size()) {
            char c = text[j];
            if (digit(c) || ((c == 'A' || c == 'B') && text[j - 1] == '2')) {
                ++significant;
                end = ++j;
            } else if ((c == ' ' || c == '.' || c == '-') && j + 1 < text.size() &&
                       digit(text[j + 1])) {
                ++j;
            } else {
                break;
            }
        }
        if (significant >= 13)
            out += "NIR-masked"; // 13 or more: a NIR, or too close to one to print
        else
            out.append(text.substr(i, end - i));
        i = end;
    }
    return out;
}

// A person id to mask: a NIR, or an id with one inside.
bool must_mask(std::string_view id) {
    // Both need 13 digits or Corsican letters: fewer, and nothing is masked (most ids).
    std::size_t significant = 0;
    for (char ch : id)
        significant += (ch >= '0' && ch <= '9') || ch == 'A' || ch == 'B' || ch == 'a' || ch == 'b';
    if (significant < 13) return false;
    return looks_like_nir(id) || redact_nirs(id) != id;
}

std::string mask_person(std::string_view id, std::size_t nir_number) {
    if (!must_mask(id)) return std::string(id);
    return fmt::format("NIR-masked-{}", nir_number);
}

} // namespace echeance
