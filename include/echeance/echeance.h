/* The C API of echeance: load a rule set, replay histories, compute a deadline. C99, usable from
 * C and C++ and from any language with a C foreign-function interface (Java, Go, Rust, Python).
 *
 * Conventions:
 * - Return values: ECHEANCE_OK (0), ECHEANCE_BAD_INPUT (1: a bad date, period, history line,
 *   rule file...), ECHEANCE_USAGE (2: a NULL pointer where a value is needed, an unknown output,
 *   input format or convention name). No C++ exception ever crosses this interface.
 * - Strings in are NUL-terminated UTF-8, except the history (a pointer and a length).
 * - Strings out (*result, *error) are allocated by the library, NUL-terminated, and freed with
 *   echeance_free(). On entry every out pointer given is set to NULL (and *result_length to 0).
 *   An `error` argument may be NULL: the message is then not returned.
 * - Every error message starts with its stable id in brackets, then the position when there is
 *   one, e.g. "[echeance.date.invalid] as_of: invalid date \"2022-02-30\": ...". Several errors
 *   (a rule file, history lines) are one per line, separated by '\n'. The ids are documented in
 *   docs/errors.md.
 * - A rules handle is immutable once loaded: many threads may replay on one handle at once.
 *   Every other function is reentrant.
 */
#ifndef ECHEANCE_ECHEANCE_H
#define ECHEANCE_ECHEANCE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ECHEANCE_OK 0
#define ECHEANCE_BAD_INPUT 1
#define ECHEANCE_USAGE 2

typedef struct echeance_rules echeance_rules;

/* Loads a rule set: `path` is a rule-set folder (its ruleset.json is read) or a file. Returns
 * NULL on failure with every error of the file in *error, one per line, each with file:line:col.
 * The built-in holiday calendar (rules/calendars/fr.json, embedded) is used for every count. */
echeance_rules* echeance_rules_load(const char* path, char** error);
/* Frees a handle from echeance_rules_load(); NULL is allowed. No replay may still be using it. */
void echeance_rules_free(echeance_rules* rules);

/* Replays every person of a history as known on `as_of` (YYYY-MM-DD) and renders the report.
 * history, length: the text of a history file (`length` bytes; NULL is allowed when length is 0).
 * input_format:    "jsonl", "csv", or "detect" (or NULL: detect from the first line).
 * output:          "json" (one JSON object per person per line), "json-compact" (the same
 *                  without the members whose value is null, "", [] or {}), "text" (for people),
 *                  "summary" (CSV, one line per person, header first) or "ics" (an RFC 5545
 *                  calendar).
 * On success: 0, the report in *result (*result_length bytes, plus a NUL).
 * Bad history lines: 1, and, as the command line does, the valid lines are still replayed:
 * *result holds the report of every person (without the bad lines) and *error lists every bad
 * line ("[echeance.history.missing] <history>:3:1: missing \"role\" ..."), in input order.
 * Any other error (as_of, a usage error): *result stays NULL. */
int echeance_replay(const echeance_rules* rules, const char* history, size_t length,
                    const char* input_format, const char* as_of, const char* output, char** result,
                    size_t* result_length, char** error);

/* Every action due from `from` to `to` (YYYY-MM-DD, both included; from <= to) for every person
 * of a history: automatic moves, purges, last days of windows and obligations, and obligations
 * already overdue on `from`; each judged as of its own day (docs/due.md).
 * history, length, input_format: as echeance_replay().
 * output:          "csv" (a header line, then one line per action) or "json" (one object per
 *                  action per line): day, person, what, rule, event, role, cite.
 * Return values, *result and *error as echeance_replay(): bad history lines give 1 with the
 * actions of the valid persons in *result; a bad date or from > to ("[echeance.due.range]")
 * gives 1 with *result NULL; an unknown output gives 2. */
int echeance_due(const echeance_rules* rules, const char* history, size_t length,
                 const char* input_format, const char* from, const char* to, const char* output,
                 char** result, size_t* result_length, char** error);

/* The last day of `period` (ISO 8601, e.g. "P6W") from `date` (YYYY-MM-DD) under `convention`
 * ("plain", "cpc" or "eu"; NULL: "cpc") in `territory` (e.g. "FR", "FR-971", "GP"; NULL: "FR"),
 * with the built-in calendar. On success writes "YYYY-MM-DD" and a NUL into `out`. */
int echeance_deadline(const char* date, const char* period, const char* convention,
                      const char* territory, char out[11], char** error);

/* Frees a string from this library (*result, *error); NULL is allowed. */
void echeance_free(void* p);

/* The library version, e.g. "0.1.0" (static storage). */
const char* echeance_version(void);

#ifdef __cplusplus
}
#endif

#endif /* ECHEANCE_ECHEANCE_H */
