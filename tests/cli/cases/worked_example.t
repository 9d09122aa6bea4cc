# DOMAIN.md §3 worked example: information sent Thursday 14 April 2022 + six weeks.
# Nominal day Thursday 26 May 2022 is Ascension (C. trav. L.3133-1); CPC 642 extends it.
# Metropolitan France: Friday 27 May 2022.
$ echeance deadline 2022-04-14 P6W
2022-05-27
[exit 0]
$ echeance deadline 2022-04-14 P6W --convention cpc --territory FR
2022-05-27
[exit 0]
# Guadeloupe: 27 May is the abolition of slavery (décret 83-1003), 28-29 May a weekend: Monday 30 May.
$ echeance deadline 2022-04-14 P6W --territory FR-971
2022-05-30
[exit 0]
# The ISO alias of Guadeloupe gives the same answer.
$ echeance deadline 2022-04-14 P6W --territory GP
2022-05-30
[exit 0]
# Plain arithmetic: no extension, Thursday 26 May 2022.
$ echeance deadline 2022-04-14 P6W --convention plain
2022-05-26
[exit 0]
$ echeance deadline 2022-04-14 P6W --convention plain --territory FR-971
2022-05-26
[exit 0]
# Reg. 1182/71 art. 3: same extension past the holiday; six weeks hold far more than two working days.
$ echeance deadline 2022-04-14 P6W --convention eu
2022-05-27
[exit 0]
# 'add' is plain arithmetic too.
$ echeance add 2022-04-14 P6W
2022-05-26
[exit 0]
