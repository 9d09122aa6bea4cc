# Batch mode for 'deadline': one final day per line, errors in place, exit 1 at the end.
$ echeance deadline
< 2022-04-14 P6W
< 2022-02-30 P6W
< 2022-04-14 P6W P1D
< 2022-04-14 PT6H
< 9999-12-01 P1M
< 2012-02-29 P88Y
2022-05-27
error: <stdin>:2:9: [echeance.date.invalid] invalid date "2022-02-30": February 2022 has 28 days (expected YYYY-MM-DD)
error: <stdin>:3:1: [echeance.cli.line] expected "DATE PERIOD", got "2022-04-14 P6W P1D"
error: <stdin>:4:13: [echeance.period.invalid] invalid period "PT6H": time parts (T...) are not allowed in a legal period (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
error: <stdin>:5:1: [echeance.date.out_of_range] 9999-12-01 + P1M falls after 9999-12-31
2100-03-01
[exit 1]
# Guadeloupe: 2022-04-14 + 6 weeks ends Monday 30 May 2022.
$ echeance deadline --territory FR-971
< 2022-04-14 P6W
< 2022-13-01 P6W
< 2022-05-26 P1D
2022-05-30
error: <stdin>:2:6: [echeance.date.invalid] invalid date "2022-13-01": month 13 does not exist (expected YYYY-MM-DD)
2022-05-30
[exit 1]
$ echeance deadline --convention plain
< 2022-04-14 P6W
< 2021-02-29 P1D
2022-05-26
error: <stdin>:2:9: [echeance.date.invalid] invalid date "2021-02-29": February 2021 has 28 days (expected YYYY-MM-DD)
[exit 1]
# --json in batch: one compact object per line, without the explanation steps.
$ echeance deadline --json
< 2022-04-14 P6W
< 2022-1-1 P6W
< 2012-02-29 P88Y
{"start":"2022-04-14","period":"P6W","convention":"cpc","month_end":"clamp","territory":"FR","time_zone":"Europe/Paris","nominal":"2022-05-26","final_day":"2022-05-27","end_local":"2022-05-27T24:00:00","end_utc":"2022-05-27T22:00:00Z"}
error: <stdin>:2:7: [echeance.date.invalid] invalid date "2022-1-1": character 7 is not a digit (expected YYYY-MM-DD)
{"start":"2012-02-29","period":"P88Y","convention":"cpc","month_end":"clamp","territory":"FR","time_zone":"Europe/Paris","nominal":"2100-02-28","final_day":"2100-03-01","end_local":"2100-03-01T24:00:00","end_utc":"2100-03-01T23:00:00Z"}
[exit 1]
# All good lines: exit 0. P0D from Friday 27 May 2022 (a holiday in Guadeloupe): extended to Monday 30 May.
$ echeance deadline --territory GP
< 2022-04-14 P6W
< 2022-05-27 P0D
2022-05-30
2022-05-30
[exit 0]
# --explain needs a single DATE and PERIOD: a usage error in batch mode.
$ echeance deadline --explain
< 2022-04-14 P6W
2> echeance: usage error: --explain needs DATE and PERIOD (batch mode prints one line per input)
[exit 2]
