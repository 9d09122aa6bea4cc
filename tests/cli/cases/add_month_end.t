# Month-end policies (DOMAIN.md §3, Catala's vectors).
# 2012-01-31 + 1 month: clamp 2012-02-29 (leap year), overflow 2012-03-01, reject an error.
$ echeance add 2012-01-31 P1M
2012-02-29
[exit 0]
$ echeance add 2012-01-31 P1M --month-end clamp
2012-02-29
[exit 0]
$ echeance add 2012-01-31 P1M --month-end overflow
2012-03-01
[exit 0]
$ echeance add 2012-01-31 P1M --month-end reject
2> echeance: error [echeance.period.month_end]: 2012-01-31 + P1M: day 31 does not exist in 2012-02 (month-end policy is reject; use clamp or overflow)
[exit 1]
# 2012-02-29 + 88 years: 2100 is not a leap year. clamp 2100-02-28, overflow 2100-03-01.
$ echeance add 2012-02-29 P88Y
2100-02-28
[exit 0]
$ echeance add 2012-02-29 P88Y --month-end clamp
2100-02-28
[exit 0]
$ echeance add 2012-02-29 P88Y --month-end overflow
2100-03-01
[exit 0]
$ echeance add 2012-02-29 P88Y --month-end reject
2> echeance: error [echeance.period.month_end]: 2012-02-29 + P88Y: day 29 does not exist in 2100-02 (month-end policy is reject; use clamp or overflow)
[exit 1]
# Years and months first (clamped once), then days: 2024-01-30 + P1M1D = 2024-02-29 + 1 day.
$ echeance add 2024-01-30 P1M1D
2024-03-01
[exit 0]
# A day that exists needs no policy, even with reject.
$ echeance add 2022-01-15 P1M --month-end reject
2022-02-15
[exit 0]
# CPC 641 example: 2022-01-31 + 1 month = 2022-02-28.
$ echeance add 2022-01-31 P1M
2022-02-28
[exit 0]
# An unknown policy is a usage error.
$ echeance add 2012-01-31 P1M --month-end round
2> echeance: usage error: --month-end: round not in {clamp,overflow,reject}
2> Run with --help for more information.
[exit 2]
