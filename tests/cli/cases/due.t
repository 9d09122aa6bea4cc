# due: every action due in a range of days (docs/due.md), person by person in input order.
# February-March 2024. Information sent 2024-01-10: the opposition window ends six weeks later,
# 2024-02-21 (CSP R.1111-28), and the space is created automatically the next day. Events dated
# in the range count: "opposed-in-range" opposed on 2024-02-05 (nothing is due), "sent-in-range"
# was informed on 2024-02-05 (window to 2024-03-18), "deleted-in-range" had its data deleted on
# 2024-02-20 (the three months of its request, to 2024-03-04, are discharged), "closure-request"
# asked on 2024-02-12 (closure is due that very day, CSP R.1111-36). "overdue" asked for
# deletion on 2023-06-01: due 2023-09-01 and still not done, listed first on its past day.
# "suspended" was informed of its suspension on 2024-02-02: six weeks to oppose, to 2024-03-15,
# then closure d'office (CSP R.1111-36). The NIR is masked.
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-01 --to 2024-03-31
day,person,what,rule,event,role,cite
2024-02-21,sent-2024-01-10,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2024-02-22,sent-2024-01-10,move,automatic_creation,automatic_creation,system,CSP R.1111-28
2024-03-18,sent-in-range,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2024-03-19,sent-in-range,move,automatic_creation,automatic_creation,system,CSP R.1111-28
2024-02-21,NIR-masked-1,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2024-02-22,NIR-masked-1,move,automatic_creation,automatic_creation,system,CSP R.1111-28
2024-03-04,deletion-due,obligation_due,deletion_on_request,data_deleted,operator,CSP R.1111-36
2023-09-01,overdue,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2024-02-12,closure-request,obligation_due,closure_on_request,closure,operator,CSP R.1111-36
2024-03-15,suspended,window_end,suspension_opposition_window,suspension_opposition,holder representative,CSP R.1111-36
2024-03-16,suspended,move,closure_ex_officio,closure_ex_officio,system,CSP R.1111-36
[exit 0]
# The same as JSON Lines: the same fields, in the same order.
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-01 --to 2024-03-31 --output json
{"day":"2024-02-21","person":"sent-2024-01-10","what":"window_end","rule":"opposition_window","event":"opposition","role":"holder representative","cite":"CSP R.1111-28"}
{"day":"2024-02-22","person":"sent-2024-01-10","what":"move","rule":"automatic_creation","event":"automatic_creation","role":"system","cite":"CSP R.1111-28"}
{"day":"2024-03-18","person":"sent-in-range","what":"window_end","rule":"opposition_window","event":"opposition","role":"holder representative","cite":"CSP R.1111-28"}
{"day":"2024-03-19","person":"sent-in-range","what":"move","rule":"automatic_creation","event":"automatic_creation","role":"system","cite":"CSP R.1111-28"}
{"day":"2024-02-21","person":"NIR-masked-1","what":"window_end","rule":"opposition_window","event":"opposition","role":"holder representative","cite":"CSP R.1111-28"}
{"day":"2024-02-22","person":"NIR-masked-1","what":"move","rule":"automatic_creation","event":"automatic_creation","role":"system","cite":"CSP R.1111-28"}
{"day":"2024-03-04","person":"deletion-due","what":"obligation_due","rule":"deletion_on_request","event":"data_deleted","role":"operator","cite":"CSP R.1111-36"}
{"day":"2023-09-01","person":"overdue","what":"obligation_overdue","rule":"deletion_on_request","event":"data_deleted","role":"operator","cite":"CSP R.1111-36"}
{"day":"2024-02-12","person":"closure-request","what":"obligation_due","rule":"closure_on_request","event":"closure","role":"operator","cite":"CSP R.1111-36"}
{"day":"2024-03-15","person":"suspended","what":"window_end","rule":"suspension_opposition_window","event":"suspension_opposition","role":"holder representative","cite":"CSP R.1111-36"}
{"day":"2024-03-16","person":"suspended","what":"move","rule":"closure_ex_officio","event":"closure_ex_officio","role":"system","cite":"CSP R.1111-36"}
[exit 0]
# One day (--to defaults to --from): the automatic creation that takes effect on 2024-02-22 was
# made at 24:00 the day before, and is the action of that day. Overdue obligations are listed
# whatever the range: "closure-request" was not closed on the day of its request.
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-22
day,person,what,rule,event,role,cite
2024-02-22,sent-2024-01-10,move,automatic_creation,automatic_creation,system,CSP R.1111-28
2024-02-22,NIR-masked-1,move,automatic_creation,automatic_creation,system,CSP R.1111-28
2023-09-01,overdue,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2024-02-12,closure-request,obligation_overdue,closure_on_request,closure,operator,CSP R.1111-36
[exit 0]
# The last day of the window alone.
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-02-21 --to 2024-02-21
day,person,what,rule,event,role,cite
2024-02-21,sent-2024-01-10,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2024-02-21,NIR-masked-1,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2023-09-01,overdue,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2024-02-12,closure-request,obligation_overdue,closure_on_request,closure,operator,CSP R.1111-36
[exit 0]
# Rule 12: the DMP kept on opposition is closed at the end of 2024 (dmp_transition, three years
# from 2022, CSP R.1111-40): the move takes effect on 2025-01-01.
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-12-01 --to 2025-01-31
day,person,what,rule,event,role,cite
2024-03-04,deletion-due,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2023-09-01,overdue,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2024-02-12,closure-request,obligation_overdue,closure_on_request,closure,operator,CSP R.1111-36
2025-01-01,dmp,move,dmp_transition,dmp_closed,system,CSP R.1111-40
[exit 0]
# Under the other reading (one year from 2022) the count ended on 2022-12-31, before the DMP was
# kept: no move in that range (the overdue obligations stay).
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2024-12-01 --to 2025-01-31 --reading dmp_transition=one-year-from-2022
day,person,what,rule,event,role,cite
2024-03-04,deletion-due,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2023-09-01,overdue,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2024-02-12,closure-request,obligation_overdue,closure_on_request,closure,operator,CSP R.1111-36
[exit 0]
# Ten years on: the archive of "overdue" (closed 2023-05-31) is purged on 2033-06-01 (CSP
# R.1111-36), which ends its deletion request too. On 2033-05-31 the request is still overdue;
# from 2033-06-01 it is not.
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2033-05-31 --to 2033-06-01
day,person,what,rule,event,role,cite
2024-03-04,deletion-due,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2023-09-01,overdue,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2033-06-01,overdue,purge,ens_archive,purge,system,CSP R.1111-36
2024-02-12,closure-request,obligation_overdue,closure_on_request,closure,operator,CSP R.1111-36
[exit 0]
$ echeance due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl --from 2033-06-01 --to 2034-12-31
day,person,what,rule,event,role,cite
2024-03-04,deletion-due,obligation_overdue,deletion_on_request,data_deleted,operator,CSP R.1111-36
2033-12-02,deletion-due,purge,ens_archive,purge,system,CSP R.1111-36
2033-06-01,overdue,purge,ens_archive,purge,system,CSP R.1111-36
2024-02-12,closure-request,obligation_overdue,closure_on_request,closure,operator,CSP R.1111-36
2034-03-17,suspended,purge,ens_archive,purge,system,CSP R.1111-36
[exit 0]
# From stdin, CSV input; then no person: the header alone.
$ echeance due --rules rules/mon-espace-sante - --from 2024-02-01 --to 2024-02-29 --format csv
< person,at,event,role
< p1,2024-01-10,information_sent,cnam
day,person,what,rule,event,role,cite
2024-02-21,p1,window_end,opposition_window,opposition,holder representative,CSP R.1111-28
2024-02-22,p1,move,automatic_creation,automatic_creation,system,CSP R.1111-28
[exit 0]
$ echeance due --rules rules/mon-espace-sante - --from 2024-02-01
day,person,what,rule,event,role,cite
[exit 0]
