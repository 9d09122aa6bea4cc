# replay: the text output for people, with rejected events (the history goes on), and CSV input.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01
< {"person":"worked-fr","at":"2022-04-14","event":"information_sent","role":"cnam"}
< {"person":"worked-fr","at":"2022-05-28","event":"opposition","role":"holder","channel":"web"}
< {"person":"184127645108946","at":"2022-05-20","event":"opposition","role":"cnam"}
worked-fr (FR), rules mon-espace-sante, as of 2022-06-01
  state: open since 2022-05-28
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-05-28   information_sent by cnam, line 1, general-2022
    open       since 2022-05-28           automatic_creation (automatic), general-2022
  rejected:
    line 2: 2022-05-28 opposition by holder: [echeance.replay.window_closed] opposition is allowed in states none, notified; the state is open since 2022-05-28; window opposition_window ended on 2022-05-27 at 24:00 local time (2022-05-27T22:00:00Z)
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-27  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started

NIR-masked-1 (FR), rules mon-espace-sante, as of 2022-06-01
  state: none
  timeline:
    none       from the start
  rejected:
    line 3: 2022-05-20 opposition by cnam: [echeance.replay.role_not_allowed] opposition may be sent by holder, representative, not by cnam
[exit 0]
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-15 --format csv
< person,at,event,role,territory
< gp,2022-04-14,information_sent,cnam,FR-971
< gp,2022-05-30,opposition,holder,
< gp,2022-05-31,"closure",holder
gp (FR-971), rules mon-espace-sante, as of 2022-06-15
  state: opposed since 2022-05-30
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-05-30   information_sent by cnam, line 2, general-2022
    opposed    since 2022-05-30           opposition by holder, line 3, general-2022
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-30  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started
2> echeance: <stdin>:4:31: error [echeance.history.csv]: 4 fields, the header has 5 columns
[exit 1]
