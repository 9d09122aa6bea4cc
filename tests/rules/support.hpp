// Helpers shared by the rule-file tests: reading files, comparing models (locations aside).
#pragma once

#include "echeance/io/rules.hpp"
#include "echeance/ruleset.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace echeance::test {

inline std::string source_path(const std::string& rel) {
    return std::string(ECHEANCE_SOURCE_DIR) + "/" + rel;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Files of a folder (relative to the source tree) whose name ends with `suffix`, sorted.
inline std::vector<std::string> files_in(const std::string& rel_dir, const std::string& suffix) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(source_path(rel_dir), ec)) {
        std::string p = e.path().string();
        if (p.size() >= suffix.size() &&
            p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Every rule set shipped under rules/<id>/ruleset.json.
inline std::vector<std::string> shipped_rulesets() {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(source_path("rules"), ec)) {
        auto p = e.path() / "ruleset.json";
        if (std::filesystem::exists(p)) out.push_back(p.string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

inline bool same(const citation& a, const citation& b) {
    return a.cite == b.cite && a.source == b.source && a.note == b.note;
}
inline bool same(const timing& a, const timing& b) {
    return a.length == b.length && a.rule == b.rule && a.policy == b.policy;
}
inline bool same(const effect& a, const effect& b) {
    return a.what == b.what && a.target == b.target;
}
template <class Tag>
bool same(basic_id<Tag> a, basic_id<Tag> b) {
    return a == b;
}
inline bool same(const interpretation& a, const interpretation& b);
inline bool same(const transition& a, const transition& b);
inline bool same(const version_info& a, const version_info& b);
inline bool same(const role_info& a, const role_info& b);
inline bool same(const state_info& a, const state_info& b);
inline bool same(const event_info& a, const event_info& b);
inline bool same(const window_info& a, const window_info& b);
inline bool same(const timer_info& a, const timer_info& b);
inline bool same(const obligation_info& a, const obligation_info& b);
inline bool same(const retention_info& a, const retention_info& b);

template <class T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same(a[i], b[i])) return false;
    return true;
}
template <class T, class Id>
bool same(const indexed_vector<T, Id>& a, const indexed_vector<T, Id>& b) {
    if (a.size() != b.size()) return false;
    for (Id i : a.ids())
        if (!same(a[i], b[i])) return false;
    return true;
}

inline bool same(const interpretation& a, const interpretation& b) {
    return a.id == b.id && a.is_default == b.is_default && a.anchor == b.anchor &&
           a.anchor_day == b.anchor_day && same(a.by_version, b.by_version) && same(a.why, b.why);
}
inline bool same(const transition& a, const transition& b) {
    return same(a.from, b.from) && a.to == b.to && a.window == b.window &&
           same(a.effects, b.effects) && same(a.why, b.why);
}
inline bool same(const version_info& a, const version_info& b) {
    return a.id == b.id && a.from == b.from && a.published == b.published && same(a.why, b.why);
}
inline bool same(const role_info& a, const role_info& b) {
    return a.id == b.id && a.title == b.title && same(a.why, b.why);
}
inline bool same(const state_info& a, const state_info& b) {
    return a.id == b.id && a.title == b.title && a.kind == b.kind && same(a.why, b.why);
}
inline bool same(const event_info& a, const event_info& b) {
    return a.id == b.id && a.title == b.title && same(a.roles, b.roles) &&
           same(a.transitions, b.transitions) && same(a.effects, b.effects) &&
           a.automatic == b.automatic && same(a.why, b.why);
}
inline bool same(const window_info& a, const window_info& b) {
    return a.id == b.id && same(a.events, b.events) && same(a.roles, b.roles) &&
           same(a.readings, b.readings) && same(a.why, b.why);
}
inline bool same(const timer_info& a, const timer_info& b) {
    return a.id == b.id && a.event == b.event && a.at_end_of == b.at_end_of &&
           same(a.readings, b.readings) && same(a.why, b.why);
}
inline bool same(const obligation_info& a, const obligation_info& b) {
    return a.id == b.id && a.role == b.role && a.event == b.event && same(a.readings, b.readings) &&
           same(a.why, b.why);
}
inline bool same(const retention_info& a, const retention_info& b) {
    return a.id == b.id && a.what == b.what && a.purge_event == b.purge_event &&
           same(a.readings, b.readings) && same(a.why, b.why);
}

// The same model, whatever the file it came from and wherever its rules sat in it.
inline bool same_model(const ruleset& a, const ruleset& b) {
    return a.id == b.id && a.title == b.title && same(a.why, b.why) &&
           a.defaults.rule == b.defaults.rule && a.defaults.policy == b.defaults.policy &&
           a.defaults.territory == b.defaults.territory && same(a.versions, b.versions) &&
           same(a.roles, b.roles) && same(a.states, b.states) && same(a.events, b.events) &&
           same(a.windows, b.windows) && same(a.timers, b.timers) &&
           same(a.obligations, b.obligations) && same(a.retentions, b.retentions) &&
           a.initial_state == b.initial_state;
}

} // namespace echeance::test
