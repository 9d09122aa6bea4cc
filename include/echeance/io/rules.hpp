// Loading and validating rule files (rules/<id>/ruleset.json): strict, all errors collected,
// each naming file:line:column, a stable id and what was expected.
#pragma once

#include "echeance/error.hpp"
#include "echeance/ruleset.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace echeance {

struct load_result {
    std::optional<ruleset> rules; // set only when there is no error
    std::vector<error> errors;    // in file order
    bool ok() const noexcept { return errors.empty(); }
};

// `path` is a rule-set folder (then <path>/ruleset.json is read) or a file.
load_result load_ruleset_file(const std::string& path);
// `file_name` is used in locations only.
load_result load_ruleset_text(std::string_view text, const std::string& file_name);

// Throws the first error when there is any (all errors are in its message, one per line).
ruleset load_ruleset(const std::string& path);

// Writes the model back as a rule file (load -> serialize -> load gives the same model).
std::string serialize(const ruleset& rules);

} // namespace echeance
