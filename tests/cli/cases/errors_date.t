# Bad dates: strict YYYY-MM-DD, a real day of that month, 1583-9999. Exit 1, named field DATE.
# 30 February never exists.
$ echeance deadline 2022-02-30 P6W
2> echeance: DATE: error [echeance.date.invalid]: invalid date "2022-02-30": February 2022 has 28 days (expected YYYY-MM-DD)
[exit 1]
# 2021 is not a leap year.
$ echeance add 2021-02-29 P1D
2> echeance: DATE: error [echeance.date.invalid]: invalid date "2021-02-29": February 2021 has 28 days (expected YYYY-MM-DD)
[exit 1]
$ echeance add 2022-13-01 P1D
2> echeance: DATE: error [echeance.date.invalid]: invalid date "2022-13-01": month 13 does not exist (expected YYYY-MM-DD)
[exit 1]
# Two-digit month and day are required.
$ echeance deadline 2022-1-1 P6W
2> echeance: DATE: error [echeance.date.invalid]: invalid date "2022-1-1": character 7 is not a digit (expected YYYY-MM-DD)
[exit 1]
$ echeance add 2022-00-10 P1D
2> echeance: DATE: error [echeance.date.invalid]: invalid date "2022-00-10": month 00 does not exist (expected YYYY-MM-DD)
[exit 1]
$ echeance add 2022-04-00 P1D
2> echeance: DATE: error [echeance.date.invalid]: invalid date "2022-04-00": day 00 does not exist (expected YYYY-MM-DD)
[exit 1]
$ echeance add 22-04-14 P1D
2> echeance: DATE: error [echeance.date.invalid]: invalid date "22-04-14": character 3 is not a digit (expected YYYY-MM-DD)
[exit 1]
$ echeance add 1582-12-31 P1D
2> echeance: DATE: error [echeance.date.out_of_range]: date "1582-12-31" is before 1583: the supported range is 1583-01-01 to 9999-12-31 (Gregorian calendar)
[exit 1]
$ echeance add '2022-04-14 ' P1D
2> echeance: DATE: error [echeance.date.invalid]: invalid date "2022-04-14 ": unexpected characters after the day (expected YYYY-MM-DD)
[exit 1]
