# --version prints the project version; --help and -h print the usage and exit 0. The help text
# changes with every new subcommand, so its stdout is not compared ("> /dev/null").
$ echeance --version
echeance 0.1.0
[exit 0]
$ echeance --help > /dev/null
[exit 0]
$ echeance -h > /dev/null
[exit 0]
$ echeance add --help > /dev/null
[exit 0]
$ echeance deadline --help > /dev/null
[exit 0]
$ echeance holidays --help > /dev/null
[exit 0]
