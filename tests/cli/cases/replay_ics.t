# replay --output ics: RFC 5545, every line ends in CRLF (kept in this file), folded at 75
# octets (never inside a UTF-8 letter: see the Polish id). One all-day event per deadline:
# open windows' last days, due and overdue obligations' due days, the days automatic moves take
# effect, retention purge days. DTSTAMP is as_of at 00:00 UTC, so the output is reproducible.
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/reports.jsonl --as-of 2023-10-02 --output ics
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//echeance//replay//EN
CALSCALE:GREGORIAN
BEGIN:VEVENT
UID:20231205.deletion_on_request.1.NIR-masked-1@echeance
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20231205
DTEND;VALUE=DATE:20231206
SUMMARY:NIR-masked-1: last day for operator to send data_deleted
DESCRIPTION:Rule: obligation deletion_on_request (CSP R.1111-36)\nVersion: 
 general-2022\nStarted on 2023-09-05\; due through 2023-12-05 24:00 local t
 ime (2023-12-05T23:00:00Z)\; due\, 64 days left\nRules: mon-espace-sante\,
  as of 2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20330905.ens_archive.1.NIR-masked-1@echeance
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20330905
DTEND;VALUE=DATE:20330906
SUMMARY:NIR-masked-1: purge of the documents and data of the closed space
DESCRIPTION:Rule: retention ens_archive (CSP R.1111-36)\nReading: from-clos
 ure (CSP R.1111-36)\nVersion: general-2022\nArchived on 2023-09-04\; kept 
 through 2033-09-04\; purged on 2033-09-05\nRules: mon-espace-sante\, as of
  2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20231102.opposition_window.1.Dupont\, "Jean"\; né à Besançon@echeanc
 e
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20231102
DTEND;VALUE=DATE:20231103
SUMMARY:Dupont\, "Jean"\; né à Besançon: last day for holder or represen
 tative to send opposition
DESCRIPTION:Rule: window opposition_window (CSP R.1111-28)\nReading: six-we
 eks-from-sending (CSP R.1111-28)\nVersion: general-2022\nOpened on 2023-09
 -20\; open through 2023-11-02 24:00 local time (2023-11-02T23:00:00Z)\nRul
 es: mon-espace-sante\, as of 2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20231103.automatic_creation.1.Dupont\, "Jean"\; né à Besançon@echean
 ce
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20231103
DTEND;VALUE=DATE:20231104
SUMMARY:Dupont\, "Jean"\; né à Besançon: automatic_creation (automatic) 
 takes effect
DESCRIPTION:Rule: timer automatic_creation (CSP R.1111-28)\nVersion: genera
 l-2022\nSent at 24:00 local time on 2023-11-02 (2023-11-02T23:00:00Z)\; in
  effect from 2023-11-03\nRules: mon-espace-sante\, as of 2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20231106.opposition_window.1.Żółw Ćma Ślimak Łoś Jeż Kruk Gęś
  Wąż Żuraw Sójka Dzięcioł@echeance
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20231106
DTEND;VALUE=DATE:20231107
SUMMARY:Żółw Ćma Ślimak Łoś Jeż Kruk Gęś Wąż Żuraw Sójka Dzi
 ęcioł: last day for holder or representative to send opposition
DESCRIPTION:Rule: window opposition_window (CSP R.1111-28)\nReading: six-we
 eks-from-sending (CSP R.1111-28)\nVersion: general-2022\nOpened on 2023-09
 -25\; open through 2023-11-06 24:00 local time (2023-11-06T23:00:00Z)\nRul
 es: mon-espace-sante\, as of 2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20231107.automatic_creation.1.Żółw Ćma Ślimak Łoś Jeż Kruk Gę
 ś Wąż Żuraw Sójka Dzięcioł@echeance
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20231107
DTEND;VALUE=DATE:20231108
SUMMARY:Żółw Ćma Ślimak Łoś Jeż Kruk Gęś Wąż Żuraw Sójka Dzi
 ęcioł: automatic_creation (automatic) takes effect
DESCRIPTION:Rule: timer automatic_creation (CSP R.1111-28)\nVersion: genera
 l-2022\nSent at 24:00 local time on 2023-11-06 (2023-11-06T23:00:00Z)\; in
  effect from 2023-11-07\nRules: mon-espace-sante\, as of 2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20230405.deletion_on_request.1.late@echeance
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20230405
DTEND;VALUE=DATE:20230406
SUMMARY:late: OVERDUE: operator had to send data_deleted by this day
DESCRIPTION:Rule: obligation deletion_on_request (CSP R.1111-36)\nVersion: 
 general-2022\nStarted on 2023-01-05\; due through 2023-04-05 24:00 local t
 ime (2023-04-05T22:00:00Z)\; OVERDUE by 180 days\nRules: mon-espace-sante\
 , as of 2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20230405.deletion_on_request.2.late@echeance
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20230405
DTEND;VALUE=DATE:20230406
SUMMARY:late: OVERDUE: operator had to send data_deleted by this day
DESCRIPTION:Rule: obligation deletion_on_request (CSP R.1111-36)\nVersion: 
 general-2022\nStarted on 2023-01-05\; due through 2023-04-05 24:00 local t
 ime (2023-04-05T22:00:00Z)\; OVERDUE by 180 days\nRules: mon-espace-sante\
 , as of 2023-10-02
END:VEVENT
BEGIN:VEVENT
UID:20330105.ens_archive.1.late@echeance
DTSTAMP:20231002T000000Z
DTSTART;VALUE=DATE:20330105
DTEND;VALUE=DATE:20330106
SUMMARY:late: purge of the documents and data of the closed space
DESCRIPTION:Rule: retention ens_archive (CSP R.1111-36)\nReading: from-clos
 ure (CSP R.1111-36)\nVersion: general-2022\nArchived on 2023-01-04\; kept 
 through 2033-01-04\; purged on 2033-01-05\nRules: mon-espace-sante\, as of
  2023-10-02
END:VEVENT
END:VCALENDAR
[exit 0]
# No person: an empty calendar.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-05-01 --output ics
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//echeance//replay//EN
CALSCALE:GREGORIAN
END:VCALENDAR
[exit 0]
