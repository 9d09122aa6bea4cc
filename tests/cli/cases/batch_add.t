# Batch mode: 'add' with no DATE and PERIOD reads "DATE PERIOD" lines from stdin and prints one
# line per input line, in order: the result, or "error: <stdin>:LINE:COLUMN: [id] message".
# Blanks and tabs separate the fields; "\r\n" line ends are accepted. Exit 1 if any line was bad.
$ echeance add
< 2022-04-14 P6W
< 2012-01-31 P1M
< 2022-02-30 P1D
<   2022-01-01	PT1H
<
< 2022-01-01 P1D extra
< 2022-01-01
< 9999-12-01 P1M
< 2012-02-29 P88Y
< 2022-1-1 P1D
< 2022-01-01 P1D1M
< 2024-01-30 P1M1D
< 2022-01-01 P１D
2022-05-26
2012-02-29
error: <stdin>:3:9: [echeance.date.invalid] invalid date "2022-02-30": February 2022 has 28 days (expected YYYY-MM-DD)
error: <stdin>:4:15: [echeance.period.invalid] invalid period "PT1H": time parts (T...) are not allowed in a legal period (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
error: <stdin>:5:1: [echeance.cli.line] expected "DATE PERIOD", got ""
error: <stdin>:6:1: [echeance.cli.line] expected "DATE PERIOD", got "2022-01-01 P1D extra"
error: <stdin>:7:1: [echeance.cli.line] expected "DATE PERIOD", got "2022-01-01"
error: <stdin>:8:1: [echeance.date.out_of_range] 9999-12-01 + P1M falls after 9999-12-31
2100-02-28
error: <stdin>:10:7: [echeance.date.invalid] invalid date "2022-1-1": character 7 is not a digit (expected YYYY-MM-DD)
error: <stdin>:11:16: [echeance.period.invalid] invalid period "P1D1M": 'M' is out of order (designators go in the order Y, M, W, D, each once) (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
2024-03-01
error: <stdin>:13:13: [echeance.period.invalid] invalid period "P１D": only ASCII digits 0-9 are allowed (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
# With --month-end overflow.
$ echeance add --month-end overflow
< 2012-01-31 P1M
< 2012-02-29 P88Y
< 2022-01-31 P1M
2012-03-01
2100-03-01
2022-03-01
[exit 0]
# With --month-end reject: a day that does not exist is a bad line, the others go on.
$ echeance add --month-end reject
< 2012-01-31 P1M
< 2012-01-15 P1M
< 2012-02-29 P88Y
< 2012-02-29 P4Y
error: <stdin>:1:1: [echeance.period.month_end] 2012-01-31 + P1M: day 31 does not exist in 2012-02 (month-end policy is reject; use clamp or overflow)
2012-02-15
error: <stdin>:3:1: [echeance.period.month_end] 2012-02-29 + P88Y: day 29 does not exist in 2100-02 (month-end policy is reject; use clamp or overflow)
2016-02-29
[exit 1]
# All good lines: exit 0.
$ echeance add
< 2022-04-14 P6W
< 2012-01-31 P1M
< 2024-01-30 P1M1D
2022-05-26
2012-02-29
2024-03-01
[exit 0]
# Empty input: no output, exit 0.
$ echeance add
[exit 0]
