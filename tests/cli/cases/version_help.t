# --version prints the project version; --help prints the usage and exits 0.
$ echeance --version
echeance 0.1.0
[exit 0]
$ echeance --help
echeance: legal deadlines, retention dates and account lifecycles
Usage: echeance [OPTIONS] SUBCOMMAND

Options:
  -h,--help                   Print this help message and exit
  --version                   Display program version information and exit

Subcommands:
  add                         Add an ISO 8601 period to a date (plain arithmetic)
  deadline                    The last day of a period under a counting convention
  holidays                    Public holidays of a year in a territory

[exit 0]
$ echeance -h
echeance: legal deadlines, retention dates and account lifecycles
Usage: echeance [OPTIONS] SUBCOMMAND

Options:
  -h,--help                   Print this help message and exit
  --version                   Display program version information and exit

Subcommands:
  add                         Add an ISO 8601 period to a date (plain arithmetic)
  deadline                    The last day of a period under a counting convention
  holidays                    Public holidays of a year in a territory

[exit 0]
