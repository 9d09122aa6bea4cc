// The date-calculator commands of the CLI: add, deadline, holidays.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace echeance::cli {

// Each registers its subcommand; `run` is set to the command's body, returning the exit code.
void register_add(CLI::App& app, std::function<int()>& run);
void register_deadline(CLI::App& app, std::function<int()>& run);
void register_holidays(CLI::App& app, std::function<int()>& run);

} // namespace echeance::cli
