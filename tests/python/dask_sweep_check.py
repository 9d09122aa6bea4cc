"""examples/python/dask_sweep.py on a LocalCluster of 2 worker processes against the command line,
byte for byte: 20 000 generated persons (summary), 2 000 with bad lines (json; the bad lines named
at the same file:line:column), and a history whose persons are interleaved (refused, naming both
lines). Run by ctest as python.dask_sweep (tests/sweep.cmake), with PYTHONPATH at the module.

    python3 tests/python/dask_sweep_check.py --cli build/echeance \\
        --generate build/tests/echeance-generate --work /tmp/dask-sweep
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "python" / "dask_sweep.py"
RULES = str(ROOT / "rules" / "mon-espace-sante")
AS_OF = "2024-01-01"
TIMEOUT = 240  # seconds per run: a hung cluster fails the test instead of blocking it


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, **kw)


def sweep(history, output, partition):
    start = time.monotonic()
    r = run([sys.executable, str(SCRIPT), "--rules", RULES, "--as-of", AS_OF, "--output", output,
             "--local-workers", "2", "--partition-persons", str(partition), "--timeout", "120",
             str(history)])
    return r, time.monotonic() - start


def positions(stderr, pattern):
    return sorted(re.findall(pattern, stderr.decode(), re.M))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--generate", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    work = pathlib.Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    failures = []

    # 20 000 persons, one in 37 with a NIR id: the masked numbers run over the whole file.
    big = work / "persons-20k.jsonl"
    with open(big, "wb") as f:
        subprocess.run([a.generate, "--persons", "20000", "--seed", "10", "--nir-every", "37"],
                       stdout=f, check=True, timeout=TIMEOUT)
    expected = run([a.cli, "replay", "--rules", RULES, str(big), "--as-of", AS_OF,
                    "--output", "summary"])
    assert expected.returncode == 0, expected.stderr.decode()
    got, seconds = sweep(big, "summary", 1500)
    print(f"summary, 20000 persons, 14 partitions: {seconds:.1f} s, exit {got.returncode}")
    if got.returncode != 0 or got.stdout != expected.stdout:
        failures.append(f"summary differs from the command line (exit {got.returncode}): "
                        f"{got.stderr.decode()[-2000:]}")
    if expected.stdout.count(b"\nNIR-masked-") < 500:
        failures.append("too few masked persons: the renumbering is not tested")

    # 2 000 persons and bad lines in several partitions: the same JSON Lines, the same errors.
    lines = big.read_bytes().splitlines(keepends=True)[:10000]
    for at in (7, 2500, 2501, 9000):  # each keeps its person: the persons stay grouped
        bad = json.loads(lines[at])
        bad["at"] = "2024-02-30"
        lines[at] = json.dumps(bad).encode() + b"\n"
    lines.insert(4000, b"not json\n")
    small = work / "persons-2k-bad.jsonl"
    small.write_bytes(b"".join(lines))
    expected = run([a.cli, "replay", "--rules", RULES, str(small), "--as-of", AS_OF, "--json"])
    assert expected.returncode == 1, expected.stderr.decode()
    got, seconds = sweep(small, "json", 300)
    print(f"json, 2000 persons with bad lines: {seconds:.1f} s, exit {got.returncode}")
    if got.returncode != 1 or got.stdout != expected.stdout:
        failures.append(f"json differs from the command line (exit {got.returncode})")
    cli_errors = positions(expected.stderr, r"^echeance: (\S+:\d+:\d+): error \[([a-z._]+)\]")
    sweep_errors = positions(got.stderr, r"^dask_sweep: \[([a-z._]+)\] (\S+:\d+:\d+):")
    if len(cli_errors) != 5 or sorted((w, i) for i, w in sweep_errors) != cli_errors:
        failures.append(f"bad lines: {cli_errors} from the command line, {sweep_errors} here")

    # Persons interleaved: refused, with both lines named.
    mixed = work / "persons-ungrouped.jsonl"
    with open(mixed, "wb") as f:
        subprocess.run([a.generate, "--persons", "30", "--ungrouped"], stdout=f, check=True,
                       timeout=TIMEOUT)
    got, seconds = sweep(mixed, "summary", 10)
    message = got.stderr.decode()
    print(f"ungrouped: {seconds:.1f} s, exit {got.returncode}: {message.strip()}")
    if got.returncode != 1 or "line 31: the lines of this person resume" not in message \
            or "its previous line is 1)" not in message:
        failures.append(f"ungrouped persons: exit {got.returncode}, {message!r}")

    for f in failures:
        print("FAILED:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
