# --json: date, id, names and the citing text of each holiday.
$ echeance holidays 2025 --territory FR-971 --json
[
  {
    "date": "2025-01-01",
    "id": "new_year",
    "name": "New Year's Day",
    "name_fr": "Jour de l'an",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-04-21",
    "id": "easter_monday",
    "name": "Easter Monday",
    "name_fr": "Lundi de Pâques",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-05-01",
    "id": "labour_day",
    "name": "Labour Day",
    "name_fr": "Fête du Travail",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-05-08",
    "id": "victory_1945_restored",
    "name": "Victory in Europe Day",
    "name_fr": "Victoire 1945",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-05-27",
    "id": "abolition_gp",
    "name": "Abolition of slavery",
    "name_fr": "Abolition de l'esclavage",
    "cite": "Loi 83-550; décret 83-1003"
  },
  {
    "date": "2025-05-29",
    "id": "ascension",
    "name": "Ascension",
    "name_fr": "Ascension",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-06-09",
    "id": "whit_monday",
    "name": "Whit Monday",
    "name_fr": "Lundi de Pentecôte",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-07-14",
    "id": "national_day",
    "name": "National Day",
    "name_fr": "Fête nationale",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-08-15",
    "id": "assumption",
    "name": "Assumption",
    "name_fr": "Assomption",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-11-01",
    "id": "all_saints",
    "name": "All Saints' Day",
    "name_fr": "Toussaint",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-11-11",
    "id": "armistice",
    "name": "Armistice Day",
    "name_fr": "Armistice 1918",
    "cite": "C. trav. L.3133-1"
  },
  {
    "date": "2025-12-25",
    "id": "christmas",
    "name": "Christmas Day",
    "name_fr": "Noël",
    "cite": "C. trav. L.3133-1"
  }
]
[exit 0]
