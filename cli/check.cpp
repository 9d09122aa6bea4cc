#include "check.hpp"

#include <cstdio>
#include <echeance/check.hpp>
#include <echeance/error.hpp>
#include <echeance/load.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace echeance::cli {

namespace {

// "file:line:col: error [id]: message" (the level word is "error" or "warning").
std::string line_of(const error& e, const char* level) {
    std::string head = e.where().empty() ? std::string() : e.where().to_string() + ": ";
    return head + level + " [" + e.id() + "]: " + e.message() + "\n";
}

nlohmann::ordered_json json_of(const error& e, const char* level) {
    nlohmann::ordered_json j;
    j["file"] = e.where().file;
    j["line"] = e.where().line;
    j["column"] = e.where().column;
    j["level"] = level;
    j["id"] = e.id();
    j["message"] = e.message();
    return j;
}

} // namespace

void register_check(CLI::App& app, std::function<int()>& run) {
    struct args {
        std::vector<std::string> paths;
        bool json = false, strict = false;
    };
    auto a = std::make_shared<args>();
    auto* cmd = app.add_subcommand("check", "Load rule sets and check them statically (errors and "
                                            "warnings, one line each)");
    cmd->add_option("RULESET", a->paths, "Rule file, or rule-set folder holding ruleset.json")
        ->required();
    cmd->add_flag("--json", a->json, "Print one JSON object: files, diagnostics, counts");
    cmd->add_flag("--strict", a->strict, "Exit 1 on warnings too");
    cmd->callback([&run, a] {
        run = [a]() -> int {
            std::string text;
            nlohmann::ordered_json diagnostics = nlohmann::ordered_json::array();
            std::size_t errors = 0, warnings = 0;
            auto emit = [&](const error& e, const char* level) {
                if (a->json)
                    diagnostics.push_back(json_of(e, level));
                else
                    text += line_of(e, level);
            };
            for (const auto& path : a->paths) {
                load_result r = load_ruleset_file(path);
                for (const auto& e : r.errors) {
                    ++errors;
                    emit(e, "error");
                }
                if (!r.ok()) continue;
                for (const auto& f : check(*r.rules)) {
                    bool is_error = f.level == finding::severity::error;
                    ++(is_error ? errors : warnings);
                    emit(f.what, is_error ? "error" : "warning");
                }
            }
            if (a->json) {
                nlohmann::ordered_json j;
                j["files"] = a->paths;
                j["diagnostics"] = std::move(diagnostics);
                j["errors"] = errors;
                j["warnings"] = warnings;
                text = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
            }
            std::fwrite(text.data(), 1, text.size(), stdout);
            if (errors > 0) return 1;
            return warnings > 0 && a->strict ? 1 : 0;
        };
    });
}

} // namespace echeance::cli
