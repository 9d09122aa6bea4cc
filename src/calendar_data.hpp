// The text of rules/calendars/fr.json, embedded at build time (see cmake/embed.cmake); read by
// src/io/calendar_file.cpp.
#pragma once

#include <string_view>

namespace echeance::detail {
std::string_view calendar_fr_json() noexcept;
}
