# Control characters in echoed input are shown as \xNN: a history line cannot forge a report line.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-05-01
< {"person":"x\n  state: deleted since 2000-01-01","at":"2022-04-14","event":"information_sent\nx","role":"cnam"}
x\x0A  state: deleted since 2000-01-01 (FR), rules mon-espace-sante, as of 2022-05-01
  state: none
  timeline:
    none       from the start
  rejected:
    line 1: 2022-04-14 information_sent\x0Ax by cnam: [echeance.replay.unknown_event] unknown event "information_sent\x0Ax" (not in rule set mon-espace-sante)
[exit 0]
