#!/usr/bin/env python3
"""The summary and iCalendar reports of `echeance replay`, checked against its JSON output.

    python3 tests/io/replay_reports.py BINARY RULES HISTORY AS_OF

The deadlines are derived again here from `--output json` (open windows' last days, due and
overdue obligations' due days, timers' effective days, archived retentions' purge days), then
compared with `--output summary` (read with the csv module) and `--output ics` (read with
python3-icalendar, Debian package python3-icalendar, after checking the RFC 5545 framing on the
raw bytes: CRLF, 75-octet folds that never split a UTF-8 sequence). Exit 0 when all agree.
"""
import csv
import datetime
import io
import json
import re
import subprocess
import sys

import icalendar

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def run(binary, rules, history, as_of, output):
    p = subprocess.run(
        [binary, "replay", "--rules", rules, history, "--as-of", as_of, "--output", output],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        sys.exit(f"replay --output {output} exited {p.returncode}: {p.stderr.decode()}")
    return p.stdout


def day(s):
    return datetime.date.fromisoformat(s)


def expected_items(person):
    """(day, kind, rule) of every deadline of one person of the JSON output, in report order."""
    as_of = day(person["as_of"])
    items = []
    for w in person["windows"]:
        if w["last_day"] and day(w["last_day"]) >= as_of:
            items.append((day(w["last_day"]), "window", w["window"]))
    for o in person["obligations"]:
        if o["due"] and (o["status"] == "overdue"
                         or (o["status"] == "due" and day(o["due"]) >= as_of)):
            items.append((day(o["due"]), "obligation", o["obligation"]))
    for s in person["scheduled"]:
        if s["by"] == "timer":
            items.append((day(s["effective"]), "timer", s["rule"]))
    for r in person["retention"]:
        if r["status"] == "archived" and r["purge_on"] and day(r["purge_on"]) >= as_of:
            items.append((day(r["purge_on"]), "retention", r["retention"]))
    # Stable by day: on one day, the order above (windows, obligations, timers, retentions).
    return sorted(items, key=lambda x: x[0])


def check_summary(persons, raw):
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check(rows[0] == ["person", "state", "since", "next_day", "next_kind", "next_rule",
                      "overdue"], f"summary header {rows[0]}")
    check(len(rows) == len(persons) + 1, f"summary: {len(rows) - 1} lines for {len(persons)}")
    for p, row in zip(persons, rows[1:]):
        upcoming = [x for x in expected_items(p) if x[0] >= day(p["as_of"])]
        nxt = [upcoming[0][0].isoformat(), upcoming[0][1], upcoming[0][2]] if upcoming else [
            "", "", ""]
        overdue = sum(1 for o in p["obligations"] if o["status"] == "overdue")
        want = [p["person"], p["state"], p["since"] or ""] + nxt + [str(overdue)]
        check(row == want, f"summary of {p['person']}: {row} != {want}")


def check_framing(raw):
    check(raw.endswith(b"\r\n"), "ics: the file does not end with CRLF")
    body = raw[:-2] if raw.endswith(b"\r\n") else raw
    for n, line in enumerate(body.split(b"\r\n"), 1):
        check(b"\n" not in line and b"\r" not in line, f"ics line {n}: a bare CR or LF")
        check(len(line) <= 75, f"ics line {n}: {len(line)} octets")
        if line.startswith(b" "):
            check(len(line) > 1 and (line[1] & 0xC0) != 0x80,
                  f"ics line {n}: a fold splits a UTF-8 sequence")
    try:
        raw.decode("utf-8")  # strict: a split sequence would not decode
    except UnicodeDecodeError as e:
        check(False, f"ics: not UTF-8: {e}")


def check_ics(persons, raw):
    check_framing(raw)
    cal = icalendar.Calendar.from_ical(raw)
    check(cal.name == "VCALENDAR", "ics: not a VCALENDAR")
    check(str(cal["VERSION"]) == "2.0", "ics: VERSION is not 2.0")
    check("PRODID" in cal, "ics: no PRODID")
    check(raw.count(b"BEGIN:VCALENDAR") == 1, "ics: more than one VCALENDAR")
    events = list(cal.walk("VEVENT"))
    want = [(p, x) for p in persons for x in expected_items(p)]
    check(len(events) == len(want), f"ics: {len(events)} events, expected {len(want)}")
    uids = [str(e["UID"]) for e in events]
    check(len(set(uids)) == len(uids), f"ics: repeated UIDs {uids}")
    for e, (p, (d, kind, rule)) in zip(events, want):
        who = p["person"]
        as_of = day(p["as_of"])
        check(e.decoded("DTSTART") == d, f"ics {who} {rule}: DTSTART {e.decoded('DTSTART')}")
        check(e.decoded("DTEND") == d + datetime.timedelta(days=1), f"ics {who} {rule}: DTEND")
        stamp = e.decoded("DTSTAMP")
        check(stamp == datetime.datetime(as_of.year, as_of.month, as_of.day,
                                         tzinfo=datetime.timezone.utc),
              f"ics {who} {rule}: DTSTAMP {stamp} is not as_of at 00:00 UTC")
        check(re.fullmatch(re.escape(f"{d.strftime('%Y%m%d')}.{rule}.") + r"[1-9][0-9]*\." +
                           re.escape(f"{who}@echeance"), str(e["UID"])) is not None,
              f"ics {who}: UID {e['UID']}")
        summary = str(e["SUMMARY"])
        check(summary.startswith(who + ": "), f"ics {who}: SUMMARY {summary!r}")
        description = str(e["DESCRIPTION"]).split("\n")
        check(description[0].startswith(f"Rule: {kind} {rule} ("),
              f"ics {who}: DESCRIPTION {description[0]!r}")
        check(description[-1] == f"Rules: {p['rules']}, as of {p['as_of']}",
              f"ics {who}: DESCRIPTION ends {description[-1]!r}")


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    binary, rules, history, as_of = sys.argv[1:]
    persons = [json.loads(l) for l in run(binary, rules, history, as_of, "json").splitlines()]
    check(len(persons) > 0, "no person replayed")
    check(any(expected_items(p) for p in persons), "no deadline at all: the test proves nothing")
    summary = run(binary, rules, history, as_of, "summary")
    ics = run(binary, rules, history, as_of, "ics")
    check_summary(persons, summary)
    check_ics(persons, ics)
    # A person id masked in the JSON output (a NIR) is masked in the others too.
    shown = {p["person"] for p in persons}
    with open(history, encoding="utf-8") as f:
        ids = {json.loads(l)["person"] for l in f if l.strip() and not l.startswith("#")}
    for masked in ids - shown:
        for variant in (masked, masked.replace(" ", "")):
            check(variant.encode() not in summary + ics.replace(b"\r\n ", b""),
                  f"the masked id {masked!r} is printed")
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print(f"ok: {len(persons)} persons")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
