// The journal commands of the CLI: append, verify, replay, apply (echeance/io/journal.hpp).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace echeance::cli {

void register_journal(CLI::App& app, std::function<int()>& run);

} // namespace echeance::cli
