/* The C API from C99 (compiled with -std=c99 -Wpedantic -Werror): the header is valid C, and
 * the library links into a C program. Exits 0 when every check passes, printing each failure. */
#include <echeance/echeance.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;

static void check(int ok, const char* what) {
    if (!ok) {
        fprintf(stderr, "c99: FAILED: %s\n", what);
        ++failures;
    }
}

int main(int argc, char** argv) {
    char day[11];
    char* error = NULL;
    char* result = NULL;
    size_t length = 0;
    echeance_rules* rules;
    const char* history =
        "{\"person\":\"ds-1\",\"at\":\"2022-01-31\",\"event\":\"request_received\","
        "\"role\":\"data_subject\"}\n";

    if (argc != 2) {
        fprintf(stderr, "usage: %s RULESET\n", argv[0]);
        return 2;
    }
    check(strlen(echeance_version()) > 0, "echeance_version");

    check(echeance_deadline("2022-04-14", "P6W", "cpc", "FR", day, &error) == ECHEANCE_OK,
          "deadline returns 0");
    check(strcmp(day, "2022-05-27") == 0, "CPC 642: Ascension moves the end to Friday");
    check(error == NULL, "no error on success");

    check(echeance_deadline("2022-02-30", "P6W", "cpc", "FR", day, &error) == ECHEANCE_BAD_INPUT,
          "a bad date is bad input");
    check(error != NULL && strncmp(error, "[echeance.date.invalid]", 23) == 0,
          "the error starts with its id");
    echeance_free(error);

    rules = echeance_rules_load(argv[1], &error);
    check(rules != NULL && error == NULL, "rules load");
    if (rules == NULL) {
        fprintf(stderr, "c99: %s\n", error ? error : "(no message)");
        echeance_free(error);
        return 1;
    }
    check(echeance_replay(rules, history, strlen(history), "jsonl", "2022-03-01", "json", &result,
                          &length, &error) == ECHEANCE_OK,
          "replay returns 0");
    check(result != NULL && length == strlen(result), "the result and its length");
    check(result != NULL && strncmp(result, "{\"person\":\"ds-1\"", 16) == 0,
          "one JSON object for ds-1");
    echeance_free(result);
    check(echeance_replay(rules, history, strlen(history), "jsonl", "2022-03-01", "xml", &result,
                          &length, &error) == ECHEANCE_USAGE,
          "an unknown output is a usage error");
    check(result == NULL && error != NULL, "no result, an error");
    echeance_free(error);
    check(echeance_due(rules, history, strlen(history), "jsonl", "2022-02-01", "2022-03-31", "csv",
                       &result, &length, &error) == ECHEANCE_OK,
          "due returns 0");
    check(result != NULL && strncmp(result, "day,person,what,rule,event,role,cite\n", 37) == 0,
          "the CSV header of the actions due");
    check(result != NULL && strstr(result, ",ds-1,") != NULL, "an action due for ds-1");
    echeance_free(result);
    echeance_rules_free(rules);
    return failures == 0 ? 0 : 1;
}
