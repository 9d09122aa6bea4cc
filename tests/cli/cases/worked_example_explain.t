# --explain: each step with its article. 24:00 in Paris (CEST, UTC+2) is 22:00Z.
$ echeance deadline 2022-04-14 P6W --explain
2022-05-27
  start Thursday 14/04/2022: the day of the event is not counted (CPC 641)
  + 6 weeks (42 days; a week is seven days) = Thursday 26/05/2022 (CPC 641)
  26/05/2022 is Ascension (C. trav. L.3133-1): moved to the next working day (CPC 642)
  the period ends on Friday 27/05/2022 at 24:00 local time (Europe/Paris), 2022-05-27T22:00:00Z (CPC 642)
[exit 0]
# Guadeloupe (UTC-4, no DST): 24:00 on Monday 30 May is 04:00Z on 31 May.
$ echeance deadline 2022-04-14 P6W --territory FR-971 --explain
2022-05-30
  start Thursday 14/04/2022: the day of the event is not counted (CPC 641)
  + 6 weeks (42 days; a week is seven days) = Thursday 26/05/2022 (CPC 641)
  26/05/2022 is Ascension (C. trav. L.3133-1): moved to the next working day (CPC 642)
  27/05/2022 is Abolition of slavery (Loi 83-550; décret 83-1003): moved to the next working day (CPC 642)
  28/05/2022 is a Saturday: moved to the next working day (CPC 642)
  29/05/2022 is a Sunday: moved to the next working day (CPC 642)
  the period ends on Monday 30/05/2022 at 24:00 local time (America/Guadeloupe), 2022-05-31T04:00:00Z (CPC 642)
[exit 0]
# Plain: the nominal day is the last day, nothing is extended.
$ echeance deadline 2022-04-14 P6W --convention plain --explain
2022-05-26
  start Thursday 14/04/2022: the day of the event is not counted (ISO 8601 date arithmetic)
  + 6 weeks (42 days; a week is seven days) = Thursday 26/05/2022 (ISO 8601 date arithmetic)
  the period ends on Thursday 26/05/2022 at 24:00 local time (Europe/Paris), 2022-05-26T22:00:00Z (ISO 8601 date arithmetic)
[exit 0]
