// The operator's daily command of the CLI: every action due in a range of days.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace echeance::cli {

void register_due(CLI::App& app, std::function<int()>& run);

} // namespace echeance::cli
