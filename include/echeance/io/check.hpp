// `check` over rule files: load each, check it statically, and report errors and warnings.
#pragma once

#include "echeance/check.hpp"
#include "echeance/error.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace echeance {

struct diagnostic {
    error what;
    bool is_error = true;
};

struct check_outcome {
    std::vector<std::string> files;
    std::vector<diagnostic> items; // load errors of a file, else its findings, in file order
    std::size_t errors = 0, warnings = 0;
};

// Loads each path (rule file or rule-set folder) and checks those that load.
check_outcome check_files(const std::vector<std::string>& paths);

// "file:line:col: error [id]: message" per line (the level word is "error" or "warning").
std::string to_text(const check_outcome& c);
// One JSON object: files, diagnostics, counts (indented, with a trailing newline).
std::string to_json(const check_outcome& c);

} // namespace echeance
