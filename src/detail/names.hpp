// The names of enumerations, written once: to_string, parsing, "did you mean" suggestions and
// the CLI's choices all read these tables (internal).
#pragma once

#include "echeance/convention.hpp"
#include "echeance/engine.hpp"
#include "echeance/history.hpp"
#include "echeance/io/history.hpp"
#include "echeance/io/report.hpp"
#include "echeance/period.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::detail {

template <class E>
struct named {
    E value{};
    std::string_view name;
};

// The values of one enumeration with their names, in declaration order.
template <class E, std::size_t N>
struct name_table {
    std::array<named<E>, N> entries;

    // The name of `v`; empty for a value that is not in the table.
    constexpr std::string_view name(E v) const noexcept {
        for (const auto& e : entries)
            if (e.value == v) return e.name;
        return {};
    }

    constexpr std::optional<E> parse(std::string_view text) const noexcept {
        for (const auto& e : entries)
            if (e.name == text) return e.value;
        return std::nullopt;
    }

    // For suggestion() and CLI11's IsMember.
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        out.reserve(N);
        for (const auto& e : entries) out.emplace_back(e.name);
        return out;
    }

    // "a, b, c" with `last` before the last name: " or " gives "a, b or c".
    std::string joined(std::string_view last = ", ") const {
        std::string out;
        for (std::size_t i = 0; i < N; ++i) {
            if (i) out += i + 1 == N ? last : std::string_view(", ");
            out += entries[i].name;
        }
        return out;
    }
};

inline constexpr name_table<convention, 3> convention_table{{{
    {convention::plain, "plain"},
    {convention::cpc, "cpc"},
    {convention::eu, "eu"},
}}};

inline constexpr name_table<month_end, 3> month_end_table{{{
    {month_end::clamp, "clamp"},
    {month_end::overflow, "overflow"},
    {month_end::reject, "reject"},
}}};

// channel::none has no name: it is the absence of a channel.
inline constexpr name_table<channel, 6> channel_table{{{
    {channel::web, "web"},
    {channel::phone, "phone"},
    {channel::post, "post"},
    {channel::office, "office"},
    {channel::email, "email"},
    {channel::other, "other"},
}}};

inline constexpr name_table<history_parser::format, 3> history_format_table{{{
    {history_parser::format::detect, "detect"},
    {history_parser::format::jsonl, "jsonl"},
    {history_parser::format::csv, "csv"},
}}};

inline constexpr name_table<report_format, 4> report_format_table{{{
    {report_format::text, "text"},
    {report_format::json, "json"},
    {report_format::summary, "summary"},
    {report_format::ics, "ics"},
}}};

inline constexpr name_table<obligation_status::status, 3> obligation_status_table{{{
    {obligation_status::status::due, "due"},
    {obligation_status::status::discharged, "discharged"},
    {obligation_status::status::overdue, "overdue"},
}}};

inline constexpr name_table<retention_status::status, 3> retention_status_table{{{
    {retention_status::status::archived, "archived"},
    {retention_status::status::restored, "restored"},
    {retention_status::status::purged, "purged"},
}}};

inline constexpr name_table<rule_kind, 4> contested_kind_table{{{
    {rule_kind::window, "window"},
    {rule_kind::timer, "timer"},
    {rule_kind::obligation, "obligation"},
    {rule_kind::retention, "retention"},
}}};

} // namespace echeance::detail
