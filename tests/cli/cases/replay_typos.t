# An unknown event or role is rejected with its reason and, when one typo away, the id meant.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01
< {"person":"x","at":"2022-04-14","seq":1,"event":"informaton_sent","role":"cnam"}
< {"person":"x","at":"2022-04-14","seq":2,"event":"information_sent","role":"cnm"}
< {"person":"x","at":"2022-04-14","seq":3,"event":"information_sent","role":"cnam"}
x (FR), rules mon-espace-sante, as of 2022-06-01
  state: open since 2022-05-28
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-05-28   information_sent by cnam, line 3, general-2022
    open       since 2022-05-28           automatic_creation (automatic), general-2022
  rejected:
    line 1: 2022-04-14 informaton_sent by cnam: [echeance.replay.unknown_event] unknown event "informaton_sent" (not in rule set mon-espace-sante) (did you mean "information_sent"?)
    line 2: 2022-04-14 information_sent by cnm: [echeance.replay.unknown_role] unknown role "cnm" (not in rule set mon-espace-sante) (did you mean "cnam"?)
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-27  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started
[exit 0]
