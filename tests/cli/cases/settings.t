# Calendar settings change deadlines. Saint-Martin 2025: 1 day after Monday 26 May is Tuesday 27 May.
# Default 'both': 27 May (decree) and 28 May (observed) are holidays, 29 May is Ascension: Friday 30 May.
$ echeance deadline 2025-05-26 P1D --territory FR-MF
2025-05-30
[exit 0]
$ echeance deadline 2025-05-26 P1D --territory FR-MF --setting saint_martin_abolition=both
2025-05-30
[exit 0]
# 'observed': only 28 May, so Tuesday 27 May is a working day.
$ echeance deadline 2025-05-26 P1D --territory FR-MF --setting saint_martin_abolition=observed
2025-05-27
[exit 0]
# 'decree': only 27 May; 28 May is a working day.
$ echeance deadline 2025-05-26 P1D --territory FR-MF --setting saint_martin_abolition=decree
2025-05-28
[exit 0]
# Alsace-Moselle 2025: Thursday 17 April + 1 day = Good Friday 18 April, a holiday (L.3134-13);
# 19-20 April a weekend, 21 April Easter Monday: Tuesday 22 April.
# The setting alsace_moselle_good_friday=temple_communes leaves Good Friday out: Friday 18 April.
$ echeance deadline 2025-04-17 P1D --territory FR-57
2025-04-22
[exit 0]
$ echeance deadline 2025-04-17 P1D --territory FR-57 --setting alsace_moselle_good_friday=temple_communes
2025-04-18
[exit 0]
