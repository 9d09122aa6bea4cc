# The replay session shown in README.md, byte for byte (README examples must not rot).
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2023-10-02
NIR-masked-1 (FR), rules mon-espace-sante, as of 2023-10-02
  state: closed since 2023-09-04
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-05-28   information_sent by cnam, line 1, general-2022
    open       2022-05-28 to 2022-06-02   automatic_creation (automatic), general-2022
    active     2022-06-02 to 2023-09-04   activation by holder, line 3, general-2022
    closed     since 2023-09-04           closure by holder, line 4, general-2022
  next deadlines:
    2033-09-04 24:00 (2033-09-04T22:00:00Z): purge (retention ens_archive), in effect from 2033-09-05
  obligations:
    deletion_on_request: operator must send data_deleted by 2023-12-05 (since 2023-09-05): due, 64 days left
  retention:
    ens_archive (documents and data of the closed space), archived on 2023-09-04: archived, kept through 2033-09-04, purged on 2033-09-05
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-27  default
      one-month-from-receipt     2022-05-19
      six-weeks-from-receipt     2022-05-31  most protective for the holder
    ens_archive (started 2023-09-04):
      from-closure               2033-09-04  default  most protective for the holder
      from-request               2033-09-04
[exit 0]
$ echeance deadline 2022-04-14 P6W --convention cpc --explain
2022-05-27
  start Thursday 14/04/2022: the day of the event is not counted (CPC 641)
  + 6 weeks (42 days; a week is seven days) = Thursday 26/05/2022 (CPC 641)
  26/05/2022 is Ascension (C. trav. L.3133-1): moved to the next working day (CPC 642)
  the period ends on Friday 27/05/2022 at 24:00 local time (Europe/Paris), 2022-05-27T22:00:00Z (CPC 642)
[exit 0]
