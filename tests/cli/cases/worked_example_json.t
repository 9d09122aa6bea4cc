# --json: one object with every field of the result, and the explanation steps.
$ echeance deadline 2022-04-14 P6W --json
{
  "start": "2022-04-14",
  "period": "P6W",
  "convention": "cpc",
  "month_end": "clamp",
  "territory": "FR",
  "time_zone": "Europe/Paris",
  "nominal": "2022-05-26",
  "final_day": "2022-05-27",
  "end_local": "2022-05-27T24:00:00",
  "end_utc": "2022-05-27T22:00:00Z",
  "steps": [
    {
      "text": "start Thursday 14/04/2022: the day of the event is not counted",
      "cite": "CPC 641"
    },
    {
      "text": "+ 6 weeks (42 days; a week is seven days) = Thursday 26/05/2022",
      "cite": "CPC 641"
    },
    {
      "text": "26/05/2022 is Ascension (C. trav. L.3133-1): moved to the next working day",
      "cite": "CPC 642"
    },
    {
      "text": "the period ends on Friday 27/05/2022 at 24:00 local time (Europe/Paris), 2022-05-27T22:00:00Z",
      "cite": "CPC 642"
    }
  ]
}
[exit 0]
$ echeance deadline 2022-04-14 P6W --territory FR-971 --json
{
  "start": "2022-04-14",
  "period": "P6W",
  "convention": "cpc",
  "month_end": "clamp",
  "territory": "FR-971",
  "time_zone": "America/Guadeloupe",
  "nominal": "2022-05-26",
  "final_day": "2022-05-30",
  "end_local": "2022-05-30T24:00:00",
  "end_utc": "2022-05-31T04:00:00Z",
  "steps": [
    {
      "text": "start Thursday 14/04/2022: the day of the event is not counted",
      "cite": "CPC 641"
    },
    {
      "text": "+ 6 weeks (42 days; a week is seven days) = Thursday 26/05/2022",
      "cite": "CPC 641"
    },
    {
      "text": "26/05/2022 is Ascension (C. trav. L.3133-1): moved to the next working day",
      "cite": "CPC 642"
    },
    {
      "text": "27/05/2022 is Abolition of slavery (Loi 83-550; décret 83-1003): moved to the next working day",
      "cite": "CPC 642"
    },
    {
      "text": "28/05/2022 is a Saturday: moved to the next working day",
      "cite": "CPC 642"
    },
    {
      "text": "29/05/2022 is a Sunday: moved to the next working day",
      "cite": "CPC 642"
    },
    {
      "text": "the period ends on Monday 30/05/2022 at 24:00 local time (America/Guadeloupe), 2022-05-31T04:00:00Z",
      "cite": "CPC 642"
    }
  ]
}
[exit 0]
