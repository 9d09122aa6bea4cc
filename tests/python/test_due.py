"""Rules.due: the actions due in a range of days, as `echeance due` prints them."""
import datetime
import json

import pytest

import echeance

DUE_ARGS = ("due --rules rules/mon-espace-sante tests/cli/fixtures/due.jsonl "
            "--from 2024-02-01 --to 2024-03-31")


def transcript_output(root, name, command):
    """The stdout of `command` in the CLI transcript tests/cli/cases/NAME.t."""
    out, inside = [], False
    for line in (root / "tests" / "cli" / "cases" / (name + ".t")).read_text().splitlines():
        if inside and (line.startswith("[exit") or line.startswith("2> ")):
            break
        if inside:
            out.append(line + "\n")
        inside = inside or line == "$ echeance " + command
    assert inside, command
    return "".join(out)


@pytest.fixture
def mes(root):
    return echeance.Rules(str(root / "rules" / "mon-espace-sante"))


def test_csv_and_json_equal_the_cli_transcript(root, mes):
    history = (root / "tests" / "cli" / "fixtures" / "due.jsonl").read_text()
    assert mes.due(history, "2024-02-01", "2024-03-31", output="csv") == transcript_output(
        root, "due", DUE_ARGS)
    expected = transcript_output(root, "due", DUE_ARGS + " --output json")
    got = mes.due(history, datetime.date(2024, 2, 1), datetime.date(2024, 3, 31))
    assert got == [json.loads(line) for line in expected.splitlines()]


def test_csp_r1111_28_six_weeks_from_sending(mes):
    sent = [{"person": "p1", "at": datetime.date(2024, 1, 10), "event": "information_sent",
             "role": "cnam"}]
    got = mes.due(sent, "2024-02-01", "2024-02-29")
    assert [(a["day"], a["what"], a["rule"]) for a in got] == [
        ("2024-02-21", "window_end", "opposition_window"),
        ("2024-02-22", "move", "automatic_creation"),
    ]
    assert got[0]["role"] == "holder representative" and got[0]["cite"] == "CSP R.1111-28"
    # One day: `last` defaults to `first`; the move of 2024-02-22 is made at 24:00 the day before.
    assert [a["what"] for a in mes.due(sent, "2024-02-22")] == ["move"]
    assert mes.due(sent, "2024-02-23") == []


def test_errors(mes):
    good = '{"person":"p1","at":"2024-01-10","event":"information_sent","role":"cnam"}\n'
    bad = good + '{"person":"p2","at":"2024-01-10","event":"information_sent"}\n'
    with pytest.raises(echeance.Error) as e:
        mes.due(bad, "2024-02-01", "2024-02-29")
    assert e.value.id == "echeance.history.missing"
    assert e.value.result == mes.due(good, "2024-02-01", "2024-02-29")
    with pytest.raises(echeance.Error) as e:
        mes.due(good, "2024-03-01", "2024-02-01")
    assert e.value.id == "echeance.due.range"
    with pytest.raises(echeance.Error) as e:
        mes.due(good, "2024-02-01", "2024-02-30")
    assert e.value.id == "echeance.date.invalid" and "last" in str(e.value)
    with pytest.raises(echeance.Error) as e:
        mes.due(good, "2024-02-01", output="text")
    assert e.value.id == "echeance.python.usage"


def test_as_text_gives_the_json_lines_of_the_command_line(mes, example_histories):
    """The golden outputs of the examples are the command line's JSON Lines, byte for byte."""
    compared = []
    for history in example_histories("mon-espace-sante"):
        args = history.with_suffix(".args")
        if args.read_text().split()[0] != "--as-of":
            continue
        if len(args.read_text().split()) != 2:
            continue
        expected = history.with_name(history.stem + ".expected.jsonl").read_text()
        as_of = args.read_text().split()[1]
        assert mes.replay(history.read_text(), as_of, as_text=True) == expected, history.name
        compared.append(history.stem)
    assert len(compared) >= 10
    assert "nir-masked" in compared
    text = mes.due('{"person":"p","at":"2024-01-10","event":"information_sent","role":"cnam"}',
                   "2024-02-21", output="json", as_text=True)
    assert text.startswith('{"day":"2024-02-21","person":"p","what":"window_end",')
