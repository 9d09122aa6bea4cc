# The journal (docs/journal.md). $tmp is the runner's fresh directory for this case file; the
# clock is fixed by ECHEANCE_JOURNAL_NOW (tests/journal.cmake), so receipts are reproducible.
# Receipts on stdout after each commit; a summary per batch on stderr.
$ echeance journal append --db $tmp/j.db tests/cli/fixtures/journal-events.jsonl
{"entry":1,"kind":"event","person":"a","stored_at":"2026-04-12T08:00:00.000Z","hash":"6e0f9fdcf0da0ebd50831d0ac4ab68377fb625f8d53a2d4e074eb0bb97a68534","chain":"a2d871e5ea5f942cc6f8da3ddb26384f3215341ecdc0da2d909244fbc6dee60a"}
{"entry":2,"kind":"event","person":"a","stored_at":"2026-04-12T08:00:00.000Z","hash":"f6824db1e6ae98c02d0f29c5c3ee2cadc99d0948fc4751f02613ec57b906849f","chain":"e6e3aca143c330a3b6d03770d3a9f995f09ae17dd410591ec34b320719a56024"}
{"entry":3,"kind":"event","person":"b","stored_at":"2026-04-12T08:00:00.000Z","hash":"7cf8b40145add247620ba0abce6b425fd9da8e26a3393ae87fa3b40478b2052c","chain":"70a82a0943eeb6d684914f7b0542beddd519041c562b0f7a5acd29cf6672be6c"}
2> echeance: tests/cli/fixtures/journal-events.jsonl: 3 stored, 0 already in the journal
[exit 0]
# Appending again stores nothing: re-running after a crash is safe.
$ echeance journal append --db $tmp/j.db tests/cli/fixtures/journal-events.jsonl
2> echeance: tests/cli/fixtures/journal-events.jsonl: 0 stored, 3 already in the journal
[exit 0]
# A NIR is never stored in clear: without the operator's key the line is refused...
$ echeance journal append --db $tmp/j.db tests/cli/fixtures/journal-nir.jsonl
2> echeance: tests/cli/fixtures/journal-nir.jsonl:1:11: error [echeance.journal.no_key]: the person id is or holds a NIR, which is never stored in clear: give the operator's key (--key-file, or ECHEANCE_JOURNAL_KEY) to store its keyed hash
2> echeance: tests/cli/fixtures/journal-nir.jsonl: nothing of this batch was stored (1 bad line)
[exit 1]
# ...with it, its keyed hash is stored; the receipt masks it.
$ echeance journal append --db $tmp/j.db --key-file tests/cli/fixtures/journal.key tests/cli/fixtures/journal-nir.jsonl
{"entry":4,"kind":"event","person":"NIR-masked","stored_at":"2026-04-12T08:00:00.000Z","hash":"97adf97dce0f815a9c614876c97b76857e9bd6895834e339b383df7d3997d99e","chain":"a34eebaa523b5dfbeef6ff2e10cb5a48da94e91c459665f0ed462ee5426f9a11"}
2> echeance: tests/cli/fixtures/journal-nir.jsonl: 1 stored, 0 already in the journal
[exit 0]
# A bad line rejects its whole batch (nothing of it is stored), a NIR in "data" too.
$ echeance journal append --db $tmp/j.db tests/cli/fixtures/journal-bad.jsonl tests/cli/fixtures/journal-events.jsonl
2> echeance: tests/cli/fixtures/journal-bad.jsonl:2:29: error [echeance.date.invalid]: invalid date "2022-02-30": February 2022 has 28 days (expected YYYY-MM-DD)
2> echeance: tests/cli/fixtures/journal-bad.jsonl:3:81: error [echeance.journal.nir_in_text]: "data" holds a number that looks like a NIR; only the person id is stored as a keyed hash, so this line is refused
2> echeance: tests/cli/fixtures/journal-bad.jsonl: nothing of this batch was stored (2 bad lines)
2> echeance: tests/cli/fixtures/journal-events.jsonl: 0 stored, 3 already in the journal
[exit 1]
$ echeance journal verify --db $tmp/j.db
journal intact: 4 entries, chain verified
[exit 0]
$ echeance journal replay --db $tmp/j.db --rules rules/mon-espace-sante --as-of 2022-06-01
a (FR), rules mon-espace-sante, as of 2022-06-01
  state: opposed since 2022-02-20
  timeline:
    none       until 2022-02-01
    notified   2022-02-01 to 2022-02-20   information_sent by cnam, line 1, general-2022
    opposed    since 2022-02-20           opposition by holder, line 2, general-2022
  readings of contested rules:
    opposition_window (started 2022-02-01):
      six-weeks-from-sending     2022-03-15  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started

b (FR-974), rules mon-espace-sante, as of 2022-06-01
  state: open since 2022-03-18
  timeline:
    none       until 2022-02-03
    notified   2022-02-03 to 2022-03-18   information_sent by cnam, line 3, general-2022
    open       since 2022-03-18           automatic_creation (automatic), general-2022
  readings of contested rules:
    opposition_window (started 2022-02-03):
      six-weeks-from-sending     2022-03-17  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started

NIR-masked-1 (FR), rules mon-espace-sante, as of 2022-06-01
  state: open since 2022-05-28
  timeline:
    none       until 2022-04-14
    notified   2022-04-14 to 2022-05-28   information_sent by cnam, line 4, general-2022
    open       since 2022-05-28           automatic_creation (automatic), general-2022
  readings of contested rules:
    opposition_window (started 2022-04-14):
      six-weeks-from-sending     2022-05-27  default
      one-month-from-receipt     not started (no information_received)
      six-weeks-from-receipt     not started (no information_received)
      most protective for the holder: undetermined until every reading has started
[exit 0]
# The other outputs and options of echeance replay, with its checks: a summary, a reading.
$ echeance journal replay --db $tmp/j.db --rules rules/mon-espace-sante --as-of 2022-06-01 --output summary
person,state,since,next_day,next_kind,next_rule,overdue
a,opposed,2022-02-20,,,,0
b,open,2022-03-18,,,,0
NIR-masked-1,open,2022-05-28,,,,0
[exit 0]
$ echeance journal replay --db $tmp/j.db --rules rules/mon-espace-sante --as-of 2022-03-01 --json --reading opposition_window=one-month-from-receipt
{"person":"a","rules":"mon-espace-sante","as_of":"2022-03-01","territory":"FR","state":"opposed","since":"2022-02-20","timeline":[{"state":"none","from":null,"to":"2022-02-01","event":null,"role":null,"line":null,"version":null},{"state":"notified","from":"2022-02-01","to":"2022-02-20","event":"information_sent","role":"cnam","line":1,"version":"general-2022"},{"state":"opposed","from":"2022-02-20","to":null,"event":"opposition","role":"holder","line":2,"version":"general-2022"}],"windows":[],"scheduled":[],"obligations":[],"retention":[],"rejected":[],"readings":[{"rule":"opposition_window","kind":"window","started":"2022-02-01","readings":[{"reading":"six-weeks-from-sending","default":true,"anchor":"information_sent","anchor_day":"2022-02-01","last_day":"2022-03-15","end_utc":"2022-03-15T23:00:00Z","version":"general-2022","cite":"CSP R.1111-28","source":"R.1111-28 wording; Forum question, Assurance Maladie (2022); Press guide on refusing the space (Feb 2022)"},{"reading":"one-month-from-receipt","default":false,"anchor":"information_received","anchor_day":null,"last_day":null,"end_utc":null,"version":null,"cite":"Press explainer, updated 20 Jan 2022, reading CSP R.1111-28"},{"reading":"six-weeks-from-receipt","default":false,"anchor":"information_received","anchor_day":null,"last_day":null,"end_utc":null,"version":null,"cite":"Press guide, Feb 2022, reading CSP R.1111-28"}],"most_protective":null}],"warnings":[]}
{"person":"b","rules":"mon-espace-sante","as_of":"2022-03-01","territory":"FR-974","state":"notified","since":"2022-02-03","timeline":[{"state":"none","from":null,"to":"2022-02-03","event":null,"role":null,"line":null,"version":null},{"state":"notified","from":"2022-02-03","to":null,"event":"information_sent","role":"cnam","line":3,"version":"general-2022"}],"windows":[{"window":"opposition_window","events":["opposition"],"roles":["holder","representative"],"reading":"one-month-from-receipt","opened":"2022-02-03","last_day":null,"end_utc":null,"version":"general-2022"}],"scheduled":[],"obligations":[],"retention":[],"rejected":[],"readings":[{"rule":"opposition_window","kind":"window","started":"2022-02-03","readings":[{"reading":"six-weeks-from-sending","default":true,"anchor":"information_sent","anchor_day":"2022-02-03","last_day":"2022-03-17","end_utc":"2022-03-17T20:00:00Z","version":"general-2022","cite":"CSP R.1111-28","source":"R.1111-28 wording; Forum question, Assurance Maladie (2022); Press guide on refusing the space (Feb 2022)"},{"reading":"one-month-from-receipt","default":false,"anchor":"information_received","anchor_day":null,"last_day":null,"end_utc":null,"version":null,"cite":"Press explainer, updated 20 Jan 2022, reading CSP R.1111-28"},{"reading":"six-weeks-from-receipt","default":false,"anchor":"information_received","anchor_day":null,"last_day":null,"end_utc":null,"version":null,"cite":"Press guide, Feb 2022, reading CSP R.1111-28"}],"most_protective":null}],"warnings":[]}
{"person":"NIR-masked-1","rules":"mon-espace-sante","as_of":"2022-03-01","territory":"FR","state":"none","since":null,"timeline":[{"state":"none","from":null,"to":null,"event":null,"role":null,"line":null,"version":null}],"windows":[],"scheduled":[],"obligations":[],"retention":[],"rejected":[],"readings":[],"warnings":[]}
[exit 0]
$ echeance journal replay --db $tmp/j.db --rules rules/mon-espace-sante --output summary --json
2> echeance: usage error: --json is --output json; it cannot go with --output summary
[exit 2]
# The automatic creation of b's space (no opposition within six weeks), recorded once.
$ echeance journal apply --db $tmp/j.db --rules rules/mon-espace-sante --as-of 2022-06-01
{"entry":5,"kind":"automatic","person":"b","stored_at":"2026-04-12T08:00:00.000Z","hash":"ebceac14e42543ae59738ed3069e178a6405a3571c4c5bce1ec89041adec5d87","chain":"e5ba62b59911d80cd8cbe9bea388659bdd8f462d939a192d79e39fdc32187a27"}
{"entry":6,"kind":"automatic","person":"NIR-masked","stored_at":"2026-04-12T08:00:00.000Z","hash":"5a92e510b4f115d6210768b5a72b6552861dccae1fb36e972a36a7667e2e7f70","chain":"3d2f0a9436045cc60f685f72a438c961e11cd47750a5e65b9ea7b93140b3059a"}
2> echeance: apply run 1 as of 2022-06-01: 2 recorded, 0 already recorded, 3 persons
[exit 0]
$ echeance journal apply --db $tmp/j.db --rules rules/mon-espace-sante --as-of 2022-06-01
2> echeance: apply run 2 as of 2022-06-01: 0 recorded, 2 already recorded, 3 persons
[exit 0]
# The phone opposition of entry 2 is proved; a receipt with a changed hash is not.
$ echeance journal verify --db $tmp/j.db --receipt tests/cli/fixtures/journal-receipts.jsonl
journal intact: 6 entries, chain verified
receipts: 3 checked, 2 proved by the journal
2> echeance: tests/cli/fixtures/journal-receipts.jsonl:3:1: error [echeance.journal.receipt_mismatch]: entry 3 of the journal differs from this receipt (hash)
[exit 1]
# Not a journal, and no journal: clear errors, nothing created.
$ echeance journal verify --db tests/cli/fixtures/journal-not-a-journal.db
2> echeance: tests/cli/fixtures/journal-not-a-journal.db: error [echeance.journal.not_a_journal]: not a journal: the file is not an SQLite database
[exit 1]
$ echeance journal append --db tests/cli/fixtures/journal-not-a-journal.db tests/cli/fixtures/journal-events.jsonl
2> echeance: tests/cli/fixtures/journal-not-a-journal.db: error [echeance.journal.not_a_journal]: not a journal: the file is not an SQLite database
[exit 1]
$ echeance journal replay --db tests/cli/fixtures/no-such-journal.db --rules rules/mon-espace-sante
2> echeance: tests/cli/fixtures/no-such-journal.db: error [echeance.journal.open]: no journal at this path: No such file or directory
[exit 1]
$ echeance journal append --db $tmp/j.db --key-file tests/cli/fixtures/no-such.key tests/cli/fixtures/journal-nir.jsonl
2> echeance: --key-file: error [echeance.journal.key]: cannot read the key file: No such file or directory
[exit 1]
