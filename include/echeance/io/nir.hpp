// NIR (French social security number) detection and masking, for every output that echoes a
// person id or input text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace echeance {

// A NIR (French social security number: 13 characters, digits or 2A/2B for Corsica at the
// department position, optionally followed by the 2-digit key; spaces ignored).
bool looks_like_nir(std::string_view id) noexcept;
// A person id to mask: a NIR, or an id with one inside.
bool must_mask(std::string_view id);
// The id to print: unchanged, or "NIR-masked-<n>" (n: order of first appearance of that NIR
// in the input, from 1) when it looks like a NIR. Never prints a NIR in clear.
std::string mask_person(std::string_view id, std::size_t nir_number);
// The text with every run that looks like a NIR (13 or more digits, 2A/2B, single spaces, dots
// or dashes between them) replaced by "NIR-masked": for messages that echo input.
std::string redact_nirs(std::string_view text);

} // namespace echeance
