// `echeance check RULESET...`: load and statically check rule sets.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace echeance::cli {

void register_check(CLI::App& app, std::function<int()>& run);

} // namespace echeance::cli
