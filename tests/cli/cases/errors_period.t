# Bad periods: strict ISO 8601 PnYnMnWnD subset. Exit 1, named field PERIOD.
# Time parts are not legal periods.
$ echeance add 2022-01-01 PT1H
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "PT1H": time parts (T...) are not allowed in a legal period (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
# No sign.
$ echeance add 2022-01-01 P-1M
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "P-1M": a sign is not allowed (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
# At least one component.
$ echeance add 2022-01-01 P
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "P": no component after 'P' (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
# Designators in the order Y, M, W, D.
$ echeance add 2022-01-01 P1D1M
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "P1D1M": 'M' is out of order (designators go in the order Y, M, W, D, each once) (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
# Each component at most 999999999.
$ echeance add 2022-01-01 P99999999999999999999Y
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "P99999999999999999999Y": number too large (at most 999999999) (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
# ASCII digits only (U+FF11 FULLWIDTH DIGIT ONE).
$ echeance add 2022-01-01 P１D
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "P１D": only ASCII digits 0-9 are allowed (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
# The same errors from 'deadline'.
$ echeance deadline 2022-04-14 PT1H
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "PT1H": time parts (T...) are not allowed in a legal period (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
$ echeance deadline 2022-04-14 P１D
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "P１D": only ASCII digits 0-9 are allowed (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
$ echeance add 2022-01-01 p1d
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "p1d": it must start with 'P' (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
$ echeance add 2022-01-01 6W
2> echeance: PERIOD: error [echeance.period.invalid]: invalid period "6W": it must start with 'P' (expected ISO 8601 PnYnMnWnD, e.g. P6W or P1Y2M10D)
[exit 1]
