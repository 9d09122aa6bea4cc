# A NIR is never printed in clear: not as a person id, not inside one, not echoed by any error.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01
< {"person":2850578006084x,"at":"2022-04-14","event":"information_sent","role":"cnam"}
< {"person":"2850578006084
< {"person":"p","at":"2022-04-14T2850578006084","event":"information_sent","role":"cnam"}
< {"person":"p","at":"2022-04-14","time":"x 2850578006084","event":"information_sent","role":"cnam"}
< {"person":"p","at":"2850578006084","event":"information_sent","role":"cnam"}
< {"person":"NIR 2850578006084","at":"2022-04-14","event":"information_sent","role":"cnam"}
< {"person":"q","at":"2022-04-14","event":"2850578006084","role":"1 85 05 78 006 084"}
< {"person":"q","at":"2022-04-15","event":"x","role":"cnam","channel":"2850578006084"}
NIR-masked-1 (FR), rules mon-espace-sante, as of 2022-06-01
  state: open since 2022-05-28
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-05-28   information_sent by cnam, line 6, general-2022
    open       since 2022-05-28           automatic_creation (automatic), general-2022
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-27  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started

q (FR), rules mon-espace-sante, as of 2022-06-01
  state: none
  timeline:
    none       from the start
  rejected:
    line 7: 2022-04-14 NIR-masked by NIR-masked: [echeance.replay.unknown_event] unknown event "NIR-masked" (not in rule set mon-espace-sante)
2> echeance: <stdin>:1:24: error [echeance.history.json]: not a JSON object: syntax error while parsing object - invalid literal
2> echeance: <stdin>:2:25: error [echeance.history.json]: not a JSON object: syntax error while parsing value - invalid string: missing closing quote
2> echeance: <stdin>:3:21: error [echeance.history.at]: invalid instant "2022-04-14TNIR-masked" (expected YYYY-MM-DD or RFC 3339 YYYY-MM-DDTHH:MM:SS with Z or an offset)
2> echeance: <stdin>:4:41: error [echeance.history.time]: invalid time "x NIR-masked" (expected HH:MM or HH:MM:SS, local time)
2> echeance: <stdin>:5:21: error [echeance.history.at]: invalid instant "NIR-masked" (expected YYYY-MM-DD or RFC 3339 YYYY-MM-DDTHH:MM:SS with Z or an offset)
2> echeance: <stdin>:8:70: error [echeance.history.channel]: unknown channel "NIR-masked" (expected one of: web, phone, post, office, email, other)
[exit 1]
# One NIR written with or without spaces is one person.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01
< {"person":"1 85 05 78 006 084 36","at":"2022-04-14","event":"information_sent","role":"cnam"}
< {"person":"185057800608436","at":"2022-04-20","event":"opposition","role":"holder"}
NIR-masked-1 (FR), rules mon-espace-sante, as of 2022-06-01
  state: opposed since 2022-04-20
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-04-20   information_sent by cnam, line 1, general-2022
    opposed    since 2022-04-20           opposition by holder, line 2, general-2022
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-27  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started
[exit 0]
