# Public holidays of 2025 (Easter Sunday 20 April: Easter Monday 21 Apr, Ascension 29 May,
# Whit Monday 9 Jun). C. trav. L.3133-1 everywhere.
$ echeance holidays 2025
2025-01-01	New Year's Day
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
[exit 0]
$ echeance holidays 2025 --territory FR
2025-01-01	New Year's Day
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
[exit 0]
# Moselle: also Good Friday (18 Apr) and St Stephen (26 Dec), L.3134-13.
$ echeance holidays 2025 --territory FR-57
2025-01-01	New Year's Day
2025-04-18	Good Friday
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
2025-12-26	St Stephen's Day
[exit 0]
# Guadeloupe: also the abolition of slavery, 27 May (décret 83-1003).
$ echeance holidays 2025 --territory FR-971
2025-01-01	New Year's Day
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-27	Abolition of slavery
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
[exit 0]
# Saint-Martin: default setting 'both' (27 May by decree and 28 May as observed since 2018).
$ echeance holidays 2025 --territory FR-MF
2025-01-01	New Year's Day
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-27	Abolition of slavery
2025-05-28	Abolition of slavery (observed)
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
[exit 0]
$ echeance holidays 2025 --territory FR-MF --setting saint_martin_abolition=observed
2025-01-01	New Year's Day
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-28	Abolition of slavery (observed)
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
[exit 0]
$ echeance holidays 2025 --territory FR-MF --setting saint_martin_abolition=decree
2025-01-01	New Year's Day
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-27	Abolition of slavery
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
[exit 0]
$ echeance holidays 2025 --territory MF --setting saint_martin_abolition=both
2025-01-01	New Year's Day
2025-04-21	Easter Monday
2025-05-01	Labour Day
2025-05-08	Victory in Europe Day
2025-05-27	Abolition of slavery
2025-05-28	Abolition of slavery (observed)
2025-05-29	Ascension
2025-06-09	Whit Monday
2025-07-14	National Day
2025-08-15	Assumption
2025-11-01	All Saints' Day
2025-11-11	Armistice Day
2025-12-25	Christmas Day
[exit 0]
