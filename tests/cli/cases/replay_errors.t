# replay: bad history lines are reported with file:line:col on stderr, the other lines are
# replayed, and the exit status is 1.
$ echeance replay --rules rules/mon-espace-sante - --as-of 2022-06-01 --json
< {"person":"p","at":"2022-04-14","event":"information_sent","role":"cnam"}
< {"person":"p","at":"2022-02-30","event":"opposition","role":"holder"}
< not json
< {"person":"p","at":"2022-05-02","event":"opposition","role":"holder","colour":"red"}
< {"person":"p","at":"2022-05-02","time":"25:00","event":"opposition","role":"holder"}
< {"person":"p","at":"2022-05-02","event":"opposition","role":"holder","territory":"FR-99"}
< {"person":"p","at":"2022-05-02","event":"opposition"}
< {"person":"p","at":"2022-05-02","event":"opposition","role":"holder","seq":-1}
{"person":"p","rules":"mon-espace-sante","as_of":"2022-06-01","territory":"FR","state":"open","since":"2022-05-28","timeline":[{"state":"none","from":null,"to":"2022-04-14","event":null,"role":null,"line":null,"version":null},{"state":"notified","from":"2022-04-14","to":"2022-05-28","event":"information_sent","role":"cnam","line":1,"version":"general-2022"},{"state":"open","from":"2022-05-28","to":null,"event":"automatic_creation","role":"system","line":null,"version":"general-2022"}],"windows":[],"scheduled":[],"obligations":[],"retention":[],"rejected":[],"readings":[{"rule":"opposition_window","kind":"window","started":"2022-04-14","readings":[{"reading":"six-weeks-from-sending","default":true,"anchor":"information_sent","anchor_day":"2022-04-14","last_day":"2022-05-27","end_utc":"2022-05-27T22:00:00Z","version":"general-2022","cite":"CSP R.1111-28","source":"R.1111-28 wording; Forum question, Assurance Maladie (2022); Press guide on refusing the space (Feb 2022)"},{"reading":"one-month-from-receipt","default":false,"anchor":"information_received","anchor_day":null,"last_day":null,"end_utc":null,"version":null,"cite":"Press explainer, updated 20 Jan 2022, reading CSP R.1111-28"},{"reading":"six-weeks-from-receipt","default":false,"anchor":"information_received","anchor_day":null,"last_day":null,"end_utc":null,"version":null,"cite":"Press guide, Feb 2022, reading CSP R.1111-28"}],"most_protective":null}],"warnings":[]}
2> echeance: <stdin>:2:29: error [echeance.date.invalid]: invalid date "2022-02-30": February 2022 has 28 days (expected YYYY-MM-DD)
2> echeance: <stdin>:3:2: error [echeance.history.json]: not a JSON object: syntax error while parsing value - invalid literal
2> echeance: <stdin>:4:80: error [echeance.history.unknown_key]: unknown key "colour" (expected person, at, event, role, time, seq, territory, channel, data, born, department)
2> echeance: <stdin>:5:41: error [echeance.history.time]: invalid time "25:00" (expected HH:MM or HH:MM:SS, local time)
2> echeance: <stdin>:6:83: error [echeance.history.territory]: unknown territory "FR-99" (expected an id of the calendar, e.g. FR, FR-971)
2> echeance: <stdin>:7:1: error [echeance.history.missing]: missing "role" (each line needs person, at, event and role)
2> echeance: <stdin>:8:76: error [echeance.history.seq]: "seq" must be a non-negative integer
[exit 1]
