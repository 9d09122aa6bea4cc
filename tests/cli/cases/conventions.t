# The three conventions on one short period ending next to Ascension (Thursday 26 May 2022).
# Wednesday 25 May + 2 days = Friday 27 May, a working day: CPC 642 does not extend it.
$ echeance deadline 2022-05-25 P2D --convention cpc
2022-05-27
[exit 0]
$ echeance deadline 2022-05-25 P2D --convention plain
2022-05-27
[exit 0]
# Reg. 1182/71 art. 3(5): the period (26-27 May) holds one working day only, so it is extended
# to the second working day, Monday 30 May.
$ echeance deadline 2022-05-25 P2D --convention eu --explain
2022-05-30
  start Wednesday 25/05/2022: the day of the event is not counted (Reg. 1182/71 art. 3(1))
  + 2 days = Friday 27/05/2022 (Reg. 1182/71 art. 3(2))
  a period of two days or more must contain two working days: extended to Monday 30/05/2022 (Reg. 1182/71 art. 3(5))
  the period ends on Monday 30/05/2022 at 24:00 local time (Europe/Paris), 2022-05-30T22:00:00Z (Reg. 1182/71 art. 3(2)(b))
[exit 0]
# A one-day period is not subject to art. 3(5): Thursday 26 May (Ascension) -> Friday 27 May.
$ echeance deadline 2022-05-25 P1D --convention eu
2022-05-27
[exit 0]
# Months under the CPC: 31 January + 1 month = 28 February 2022 (CPC 641), a Monday.
$ echeance deadline 2022-01-31 P1M --explain
2022-02-28
  start Monday 31/01/2022: the day of the event is not counted (CPC 641)
  + 1 month (years and months first, same day number) = 28/02/2022 (CPC 641)
  day 31 does not exist in that month: last day of the month, 28/02/2022 (CPC 641)
  the period ends on Monday 28/02/2022 at 24:00 local time (Europe/Paris), 2022-02-28T23:00:00Z (CPC 642)
[exit 0]
# A period ending on a Saturday goes to Monday (CPC 642): 2022-05-06 + 1 week = Friday 13 May;
# + 8 days = Saturday 14 May -> Monday 16 May.
$ echeance deadline 2022-05-06 P1W
2022-05-13
[exit 0]
$ echeance deadline 2022-05-06 P8D
2022-05-16
[exit 0]
# A rule may choose another month-end policy: 31 January + 1 month does not exist in February.
$ echeance deadline 2012-01-31 P1M --convention plain --month-end overflow --explain
2012-03-01
  start Tuesday 31/01/2012: the day of the event is not counted (ISO 8601 date arithmetic)
  + 1 month (years and months first, same day number) = 01/03/2012 (ISO 8601 date arithmetic)
  day 31 does not exist in that month: first day of the next month, 01/03/2012 (ISO 8601 date arithmetic)
  the period ends on Thursday 01/03/2012 at 24:00 local time (Europe/Paris), 2012-03-01T23:00:00Z (ISO 8601 date arithmetic)
[exit 0]
$ echeance deadline 2022-01-31 P1M --month-end reject
2> echeance: error [echeance.period.month_end]: 2022-01-31 + P1M: day 31 does not exist in 2022-02 (month-end policy is reject; use clamp or overflow)
[exit 1]
