/* A minimal C user of echeance: the deadline of DOMAIN.md §3 and the replay of one GDPR request.
 * Build against the installed package:
 *   cc replay.c $(pkg-config --cflags --libs echeance) -o replay && ./replay rules/gdpr-requests */
#include <echeance/echeance.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char** argv) {
    const char* history =
        "{\"person\":\"ds-1\",\"at\":\"2022-01-31\",\"event\":\"request_received\","
        "\"role\":\"data_subject\"}\n";
    char day[11], *error = NULL, *report = NULL;
    size_t length = 0;
    echeance_rules* rules;
    int rc;

    /* Six weeks from Thursday 14 April 2022 (CPC 640-642): Ascension moves the end to Friday. */
    if (echeance_deadline("2022-04-14", "P6W", "cpc", "FR", day, &error) != ECHEANCE_OK) {
        fprintf(stderr, "%s\n", error);
        echeance_free(error);
        return 1;
    }
    printf("deadline: %s\n", day);

    rules = echeance_rules_load(argc > 1 ? argv[1] : "rules/gdpr-requests", &error);
    if (rules == NULL) {
        fprintf(stderr, "%s\n", error);
        echeance_free(error);
        return 1;
    }
    rc = echeance_replay(rules, history, strlen(history), "jsonl", "2022-03-01", "text", &report,
                         &length, &error);
    if (report != NULL) fwrite(report, 1, length, stdout);
    if (error != NULL) fprintf(stderr, "%s\n", error);
    echeance_free(report);
    echeance_free(error);
    echeance_rules_free(rules);
    return rc;
}
