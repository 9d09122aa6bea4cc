"""A minimal Python user of echeance: the deadline of DOMAIN.md §3 and the replay of one GDPR
request. Run from the repository root: python3 examples/python/replay.py"""
import sys

import echeance

print("deadline:", echeance.deadline("2022-04-14", "P6W"))  # CPC 642: Ascension, so Friday

rules = echeance.Rules(sys.argv[1] if len(sys.argv) > 1 else "rules/gdpr-requests")
history = [{"person": "ds-1", "at": "2022-01-31", "event": "request_received", "role": "data_subject"}]
for person in rules.replay(history, as_of="2022-03-01"):
    for o in person["obligations"]:
        print(person["person"], o["obligation"], "due", o["due"], o["status"])
