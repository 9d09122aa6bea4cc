#include "check.hpp"

#include <cstdio>
#include <echeance/io/check.hpp>
#include <memory>
#include <string>
#include <vector>

namespace echeance::cli {

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
            check_outcome c = check_files(a->paths);
            std::string text = a->json ? to_json(c) : to_text(c);
            std::fwrite(text.data(), 1, text.size(), stdout);
            if (c.errors > 0) return 1;
            return c.warnings > 0 && a->strict ? 1 : 0;
        };
    });
}

} // namespace echeance::cli
