# echeance check: exit 0 clean, 1 on errors; warnings exit 0, or 1 with --strict.
$ echeance check tests/rules/valid/small.json
[exit 0]
$ echeance check tests/rules/flawed/unreachable_state.json
tests/rules/flawed/unreachable_state.json:27:5: warning [echeance.check.unreachable_state]: state "transferred" cannot be reached from the initial state "none"
[exit 0]
$ echeance check --strict tests/rules/flawed/unreachable_state.json
tests/rules/flawed/unreachable_state.json:27:5: warning [echeance.check.unreachable_state]: state "transferred" cannot be reached from the initial state "none"
[exit 1]
# Several files: diagnostics of each, in order; loader errors count as errors.
$ echeance check tests/rules/valid/small.json tests/rules/invalid/unknown_state_to.json tests/rules/flawed/unused_role.json
tests/rules/invalid/unknown_state_to.json:49:52: error [echeance.rule.unknown_state]: event "closure" goes to unknown state "closd" (did you mean "closed"?)
tests/rules/flawed/unused_role.json:17:5: warning [echeance.check.unused_role]: role "cpam" may send no event and is bound by no window or obligation
[exit 1]
$ echeance check --json tests/rules/invalid/unknown_key_period.json tests/rules/flawed/unused_role.json
{
  "files": [
    "tests/rules/invalid/unknown_key_period.json",
    "tests/rules/flawed/unused_role.json"
  ],
  "diagnostics": [
    {
      "file": "tests/rules/invalid/unknown_key_period.json",
      "line": 92,
      "column": 28,
      "level": "error",
      "id": "echeance.rule.missing_key",
      "message": "obligation \"deletion_on_request\" has no count (expected \"period\" or \"interpretations\")"
    },
    {
      "file": "tests/rules/invalid/unknown_key_period.json",
      "line": 92,
      "column": 75,
      "level": "error",
      "id": "echeance.rule.unknown_key",
      "message": "unknown key \"perod\" in obligation \"deletion_on_request\" (did you mean \"period\"?)"
    },
    {
      "file": "tests/rules/flawed/unused_role.json",
      "line": 17,
      "column": 5,
      "level": "warning",
      "id": "echeance.check.unused_role",
      "message": "role \"cpam\" may send no event and is bound by no window or obligation"
    }
  ],
  "errors": 2,
  "warnings": 1
}
[exit 1]
$ echeance check tests/rules/no-such-file.json
tests/rules/no-such-file.json: error [echeance.rule.io]: cannot read "tests/rules/no-such-file.json": No such file or directory
[exit 1]
$ echeance check
2> echeance: usage error: RULESET is required
2> Run with --help for more information.
[exit 2]
