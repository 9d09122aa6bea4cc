// The lifecycle command of the CLI: replay histories against a rule set.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace echeance::cli {

void register_replay(CLI::App& app, std::function<int()>& run);

} // namespace echeance::cli
