#!/usr/bin/env python3
"""One person with N events, in one of the shapes that used to make a replay quadratic.

    python3 tests/bench/person_size.py PATTERN N > /tmp/person.jsonl
    echeance replay --rules rules/mon-espace-sante /tmp/person.jsonl --as-of 2100-01-01 \
        --output summary

PATTERN: plain (a realistic mix, the day moving forward), rejected (unknown and wrong-state
events), same_day (every event on one day, ordered by a descending "seq"), out_of_order (every
other line dated back, among other rejections), cycles (closure and reopening, day after day).
The same shapes are built in memory by tests/bench/person_size.cpp; this script is for the CLI.
"""
import datetime
import sys

ACTS = [("information_sent", "cnam"), ("information_received", "holder"),
        ("opposition", "holder"), ("creation_request", "holder"), ("activation", "holder"),
        ("closure", "holder"), ("closure_request", "holder"), ("closure", "operator"),
        ("deletion_request", "holder"), ("data_deleted", "operator"), ("reopening", "holder"),
        ("suspension", "cnam"), ("suspension_lifted", "cnam"), ("item_deleted", "holder"),
        ("no_such_event", "holder"), ("closure", "nobody")]


def main():
    pattern, n = sys.argv[1], int(sys.argv[2])
    base = datetime.date(2022, 2, 1)
    out = sys.stdout
    line = '{{"person":"big","at":"{}","event":"{}","role":"{}"{}}}\n'
    state = 12345
    for i in range(n):
        extra = ""
        if pattern == "plain":
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            day = base + datetime.timedelta(days=i // 40)
            ev, role = ACTS[state % len(ACTS)]
            if i == 0:
                ev, role = "information_sent", "cnam"
        elif pattern == "rejected":
            day = base + datetime.timedelta(days=i // 40)
            ev, role = [("information_sent", "cnam"), ("no_such_event", "holder"),
                        ("reopening", "holder"), ("closure", "nobody")][min(i, 1 + i % 3)]
        elif pattern == "same_day":
            day = base
            ev, role = ("information_sent", "cnam") if i == 0 else ACTS[i % len(ACTS)]
            extra = ',"seq":{}'.format(n - i)
        elif pattern == "out_of_order":
            day = base + datetime.timedelta(days=i // 2 + (0 if i % 2 else 10))
            ev, role = ("information_sent", "cnam") if i == 0 else ("reopening", "holder")
        elif pattern == "cycles":
            day = base + datetime.timedelta(days=60 + i) if i else base
            ev, role = [("closure", "holder"), ("reopening", "holder")][i % 2]
            if i == 0:
                ev, role = "information_sent", "cnam"
        else:
            sys.exit("unknown pattern " + pattern)
        out.write(line.format(day.isoformat(), ev, role, extra))


if __name__ == "__main__":
    main()
