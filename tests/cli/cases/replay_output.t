# replay --output: the choices come from the library; --json is --output json.
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2022-05-01 --output xml
2> echeance: usage error: --output: xml not in {text,json,summary,ics}
2> Run with --help for more information.
[exit 2]
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2022-05-01 --json --output ics
2> echeance: usage error: --json is --output json; it cannot go with --output ics
[exit 2]
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2022-05-01 --explain --output summary
2> echeance: usage error: --explain applies to --output text or json, not summary
[exit 2]
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2022-05-01 --explain --output ics
2> echeance: usage error: --explain applies to --output text or json, not ics
[exit 2]
# --json and --output json together say the same thing twice: allowed.
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2022-04-13 --json --output json
{"person":"NIR-masked-1","rules":"mon-espace-sante","as_of":"2022-04-13","territory":"FR","state":"none","since":null,"timeline":[{"state":"none","from":null,"to":null,"event":null,"role":null,"line":null,"version":null}],"windows":[],"scheduled":[],"obligations":[],"retention":[],"rejected":[],"readings":[],"warnings":[]}
[exit 0]
$ echeance replay --rules rules/mon-espace-sante tests/cli/fixtures/readme_history.jsonl --as-of 2022-04-13 --output text
NIR-masked-1 (FR), rules mon-espace-sante, as of 2022-04-13
  state: none
  timeline:
    none       from the start
[exit 0]
$ echeance deadline 2022-04-14 P6W --convention CPC
2> echeance: usage error: --convention: CPC not in {plain,cpc,eu}
2> Run with --help for more information.
[exit 2]
$ echeance add 2012-01-31 P1M --month-end round
2> echeance: usage error: --month-end: round not in {clamp,overflow,reject}
2> Run with --help for more information.
[exit 2]
