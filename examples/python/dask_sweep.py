"""The sweep on a Dask cluster: every person of a JSON Lines history replayed by the echeance module
on Dask `distributed` workers, the report written to stdout in input order, byte for byte what
`echeance replay --output summary` (or `--output json`) prints for the same file.

    # on one machine: a LocalCluster of 4 worker processes
    PYTHONPATH=build/python python3 examples/python/dask_sweep.py --rules rules/mon-espace-sante \\
        --as-of 2024-01-01 --local-workers 4 history.jsonl > summary.csv
    # on a real cluster (see README.md, "The sweep on a Dask cluster")
    python3 examples/python/dask_sweep.py --rules /shared/rules/mon-espace-sante \\
        --as-of 2024-01-01 --scheduler tcp://scheduler-host:8786 history.jsonl > summary.csv

The file is read once, here, and cut into partitions of --partition-persons whole persons: the
lines of one person are never split. Each partition is replayed on a worker (echeance.Rules.replay,
the rule set loaded once per worker from --rules, a path the workers can read; the line numbers
are those of the whole file); the results are gathered in input order as they come, with a
bounded number of partitions in flight.

The lines of each person must be together (consecutive), as a database export sorted or grouped
by person gives them: a person whose lines resume after other persons' would be replayed as two
persons, so the sweep stops with an error naming both lines (sort the file by person first).
Bad lines are reported on stderr with file:line:column and the exit status is 1, as the command
line does; the valid persons are still reported. A masked NIR is numbered in order of first
appearance in the whole file (NIR-masked-1, -2...), as the command line numbers it: the numbers of
each partition are shifted by the count of masked persons before it.
"""
import argparse
import collections
import json
import re
import sys

# One NIR written with or without spaces, dots or dashes is one person (as the history reader
# says); a wider rule is harmless here: it can only keep two persons in one partition.
_SEPARATORS = re.compile(r"[ .\-]")
_NIR_SHAPE = re.compile(r"[0-9AaBb]{13}(?:[0-9]{2})?")
# The common line, {"person":"id",... with no escape in the id: read without a JSON parser.
_LEADING_PERSON = re.compile(rb'\s*\{\s*"person"\s*:\s*"([^"\\]*)"')


def person_key(line):
    """The person of a history line, or None for a blank, comment or unreadable line (it stays
    with the lines before it: the reader reports it where it is)."""
    fast = _LEADING_PERSON.match(line)
    if fast and line.count(b'"person"') == 1:
        person = fast.group(1).decode("utf-8", "replace")
    else:
        stripped = line.strip()
        if not stripped or stripped.startswith(b"#"):
            return None
        try:
            value = json.loads(stripped.decode("utf-8", "replace"))
        except ValueError:
            return None
        person = value.get("person") if isinstance(value, dict) else None
        if not isinstance(person, str):
            return None
    compact = _SEPARATORS.sub("", person)
    return compact if _NIR_SHAPE.fullmatch(compact) else person


class NotGrouped(Exception):
    pass


def partitions(stream, persons_per_partition):
    """(number of the first line, bytes) of whole persons, in input order."""
    lines, first, persons = [], 1, 0
    current, current_last = None, 0
    done = {}  # person -> the last line of its run
    number = 0
    for number, line in enumerate(stream, 1):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a UTF-8 byte-order mark, skipped as the command line skips it
        if not line.endswith(b"\n"):
            line += b"\n"
        person = person_key(line)
        if person is not None and person != current:
            if person in done:
                raise NotGrouped(
                    f"line {number}: the lines of this person resume after other persons' (its "
                    f"previous line is {done[person]}); a sweep in partitions needs the lines of "
                    f"each person together: sort the history by person first")
            if current is not None:
                done[current] = current_last
            if persons == persons_per_partition:
                yield first, b"".join(lines)
                lines, first, persons = [], number, 0
            current, persons = person, persons + 1
        if person is not None:
            current_last = number
        lines.append(line)
    if lines or first == 1:
        yield first, b"".join(lines)


def replay_partition(rules_path, text, as_of, output, first_line, name):
    """On a worker: the report of one partition, and its bad lines ("[id] file:L:C: ..."), with
    the line numbers of the whole file."""
    import distributed

    import echeance

    worker = distributed.get_worker()
    cache = worker.__dict__.setdefault("_echeance_rules", {})
    if rules_path not in cache:
        cache[rules_path] = echeance.Rules(rules_path)
    try:
        return cache[rules_path].replay(text, as_of, output, "jsonl", as_text=True,
                                        first_line=first_line, file_name=name), []
    except echeance.Error as e:
        if e.result is None:
            raise
        return e.result, list(e.errors)


_MASKED = {
    "summary": re.compile(r"^NIR-masked-(\d+),", re.M),
    "json": re.compile(r'^\{"person":"NIR-masked-(\d+)"', re.M),
}


class Writer:
    """Writes the reports of the partitions in input order: one summary header, and the masked
    NIRs numbered over the whole file."""

    def __init__(self, output, out, err):
        self.output, self.out, self.err = output, out, err
        self.nirs = 0  # masked persons in the partitions written so far
        self.header_written = False
        self.bad_lines = 0

    def write(self, report, errors):
        if self.output == "summary":
            header, _, report = report.partition("\n")
            if not self.header_written:
                self.out.write(header + "\n")
                self.header_written = True
        shift, most = self.nirs, 0

        def renumber(m):
            nonlocal most
            n = int(m.group(1))
            most = max(most, n)
            return m.group(0).replace(f"NIR-masked-{n}", f"NIR-masked-{n + shift}", 1)

        if shift or "NIR-masked-" in report:
            report = _MASKED[self.output].sub(renumber, report)
        self.nirs += most
        self.out.write(report)
        for e in errors:
            self.err.write("dask_sweep: " + e + "\n")
        self.bad_lines += len(errors)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("history", help="JSON Lines history file; - for stdin")
    ap.add_argument("--rules", required=True, help="rule set folder, readable by every worker")
    ap.add_argument("--as-of", required=True, help="the day to report on, YYYY-MM-DD")
    ap.add_argument("--output", choices=("summary", "json"), default="summary")
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="a running Dask scheduler, e.g. tcp://host:8786")
    where.add_argument("--local-workers", type=int, metavar="N",
                       help="start a LocalCluster of N worker processes on this machine")
    ap.add_argument("--partition-persons", type=int, default=10000, metavar="K",
                    help="persons per partition (default: 10000)")
    ap.add_argument("--timeout", type=float, default=600,
                    help="seconds to wait for the cluster and for each partition (default: 600)")
    args = ap.parse_args(argv)
    if args.partition_persons < 1:
        ap.error("--partition-persons must be at least 1")
    if args.local_workers is not None and args.local_workers < 1:
        ap.error("--local-workers must be at least 1")

    import distributed

    if args.scheduler:
        cluster = None
        client = distributed.Client(args.scheduler, timeout=args.timeout)
    else:
        cluster = distributed.LocalCluster(n_workers=args.local_workers, threads_per_worker=1,
                                           processes=True, dashboard_address=None,
                                           host="127.0.0.1")
        client = distributed.Client(cluster, timeout=args.timeout)
    name = "<stdin>" if args.history == "-" else args.history
    out = sys.stdout
    writer = Writer(args.output, out, sys.stderr)
    try:
        client.wait_for_workers(1, timeout=args.timeout)
        in_flight = 4 * max(1, sum(client.nthreads().values()))
        pending = collections.deque()
        source = sys.stdin.buffer if args.history == "-" else open(args.history, "rb")
        with source:
            for first, text in partitions(source, args.partition_persons):
                # Scattered first: the partition goes to a worker once, not through the graph.
                data = client.scatter(text, hash=False)
                pending.append(client.submit(replay_partition, args.rules, data, args.as_of,
                                             args.output, first, name, pure=False))
                while len(pending) >= in_flight:
                    writer.write(*pending.popleft().result(timeout=args.timeout))
        while pending:
            writer.write(*pending.popleft().result(timeout=args.timeout))
        out.flush()
    except NotGrouped as e:
        sys.stderr.write(f"dask_sweep: {name}: {e}\n")
        return 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return 1 if writer.bad_lines else 0


if __name__ == "__main__":
    sys.exit(main())
