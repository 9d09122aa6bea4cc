# replay: history values read with range checks. A key given twice is an error naming both of
# its columns (before, the last value won); a seq beyond 2^63 - 1 is out of range (before, a CSV
# seq of 19 digits or more overflowed a signed integer; a JSON one of 19 digits was taken as
# negative); a number beyond double (1e999) is valid JSON (before, it stopped the whole replay).
# Columns are those of the values as read (line 5: not the "seq" inside the person's name).
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01 --format jsonl
< {"person":"p","at":"2022-04-14","event":"information_sent","role":"cnam","at":"2022-04-15"}
< {"person":"p","at":"2022-04-14","event":"information_sent","role":"cnam","seq":9999999999999999999}
< {"person":"p","at":"2022-04-14","event":"information_sent","role":"cnam","seq":1234567890123456789012345}
< {"person":"p","at":"2022-04-14","event":"information_sent","role":"cnam","seq":1e999}
< {"person":"seq","at":"2022-04-14","event":"information_sent","role":"cnam","seq":-1}
< {"person":"p","at":"2022-04-14","event":"information_sent","role":"cnam","seq":9223372036854775807,"data":1e999}
p (FR), rules mon-espace-sante, as of 2022-06-01
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
2> echeance: <stdin>:1:74: error [echeance.history.duplicate_key]: duplicate key "at" (first at column 15, again at column 74; a key is given once per line)
2> echeance: <stdin>:2:80: error [echeance.history.seq]: "seq" is out of range (a non-negative integer below 2^63)
2> echeance: <stdin>:3:80: error [echeance.history.seq]: "seq" is out of range (a non-negative integer below 2^63)
2> echeance: <stdin>:4:80: error [echeance.history.seq]: "seq" must be a non-negative integer
2> echeance: <stdin>:5:82: error [echeance.history.seq]: "seq" must be a non-negative integer
[exit 1]
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01 --format csv
< person,at,event,role,seq
< p,2022-04-14,information_sent,cnam,9999999999999999999
< p,2022-04-14,information_sent,cnam,1234567890123456789012345
< p,2022-04-14,information_sent,cnam,-0
< p,2022-04-14,information_sent,cnam,1000000000000000000
p (FR), rules mon-espace-sante, as of 2022-06-01
  state: open since 2022-05-28
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-05-28   information_sent by cnam, line 5, general-2022
    open       since 2022-05-28           automatic_creation (automatic), general-2022
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-27  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started
2> echeance: <stdin>:2:36: error [echeance.history.seq]: "seq" is out of range (a non-negative integer below 2^63)
2> echeance: <stdin>:3:36: error [echeance.history.seq]: "seq" is out of range (a non-negative integer below 2^63)
2> echeance: <stdin>:4:36: error [echeance.history.seq]: "seq" must be a non-negative integer
[exit 1]
