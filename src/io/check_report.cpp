// `check` over rule files, and its reports.
#include "echeance/io/check.hpp"
#include "echeance/io/rules.hpp"

#include <nlohmann/json.hpp>

namespace echeance {

namespace {

const char* level_of(const diagnostic& d) {
    return d.is_error ? "error" : "warning";
}

} // namespace

check_outcome check_files(const std::vector<std::string>& paths) {
    check_outcome c;
    c.files = paths;
    for (const auto& path : paths) {
        load_result r = load_ruleset_file(path);
        for (auto& e : r.errors) {
            ++c.errors;
            c.items.push_back({std::move(e), true});
        }
        if (!r.ok()) continue;
        for (auto& f : check(*r.rules)) {
            bool is_error = f.level == finding::severity::error;
            ++(is_error ? c.errors : c.warnings);
            c.items.push_back({std::move(f.what), is_error});
        }
    }
    return c;
}

std::string to_text(const check_outcome& c) {
    std::string text;
    for (const auto& d : c.items) {
        const error& e = d.what;
        std::string head = e.where().empty() ? std::string() : e.where().to_string() + ": ";
        text += head + level_of(d) + " [" + e.id() + "]: " + e.message() + "\n";
    }
    return text;
}

std::string to_json(const check_outcome& c) {
    nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
    for (const auto& d : c.items) {
        nlohmann::ordered_json j;
        j["file"] = d.what.where().file;
        j["line"] = d.what.where().line;
        j["column"] = d.what.where().column;
        j["level"] = level_of(d);
        j["id"] = d.what.id();
        j["message"] = d.what.message();
        diagnostics.push_back(std::move(j));
    }
    nlohmann::ordered_json j;
    j["files"] = c.files;
    j["diagnostics"] = std::move(diagnostics);
    j["errors"] = c.errors;
    j["warnings"] = c.warnings;
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace echeance
