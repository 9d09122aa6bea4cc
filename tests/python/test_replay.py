"""echeance.Rules and Rules.replay: inputs (str, bytes, dicts, CSV), outputs, errors, threads."""
import concurrent.futures
import datetime
import json

import pytest

import echeance


def example(root, rules, name):
    return (root / "rules" / rules / "examples" / name).read_text()


def test_json_replays_equal_the_golden_outputs(root, example_histories):
    compared = []
    for rules_id in ("gdpr-requests", "mon-espace-sante"):
        rules = echeance.Rules(str(root / "rules" / rules_id))
        assert rules.id == rules_id
        for history in example_histories(rules_id):
            args = history.with_suffix(".args").read_text().split()
            if len(args) != 2 or args[0] != "--as-of":
                continue  # --reading and --explain are not arguments of replay()
            expected = history.with_name(history.stem + ".expected.jsonl").read_text()
            got = rules.replay(history.read_text(), args[1])
            assert got == [json.loads(line) for line in expected.splitlines()], history.name
            compared.append(history.stem)
    assert len(compared) >= 20
    assert "nir-masked" in compared  # the only NIR-masking case here, from tests/engine/examples/


def test_str_bytes_dicts_and_csv_give_the_same_report(root, gdpr):
    text = example(root, "gdpr-requests", "answered-in-time.jsonl")
    reference = gdpr.replay(text, "2022-03-01")
    assert gdpr.replay(text.encode(), datetime.date(2022, 3, 1)) == reference
    # Without the two comment lines, so that the line numbers agree.
    lines = [line for line in text.splitlines(keepends=True) if line.startswith("{")]
    reference = gdpr.replay("".join(lines), "2022-03-01")
    dicts = [json.loads(line) for line in lines]
    assert gdpr.replay(dicts, "2022-03-01") == reference
    assert gdpr.replay(iter(dicts), "2022-03-01") == reference
    # Dates in dicts may be datetime.date.
    dated = [dict(d, at=datetime.date.fromisoformat(d["at"])) for d in dicts]
    assert gdpr.replay(dated, "2022-03-01") == reference
    csv = ("person,at,event,role,channel\n"
           "ds-1,2022-01-31,request_received,data_subject,email\n"
           "ds-1,2022-02-20,answer,controller,\n")
    from_csv = gdpr.replay(csv, "2022-03-01", input_format="csv")
    assert [p["state"] for p in from_csv] == [p["state"] for p in reference]


def test_text_output_is_a_string(root, gdpr):
    text = gdpr.replay(example(root, "gdpr-requests", "answered-in-time.jsonl"), "2022-03-01", "text")
    assert text.startswith("ds-1 (FR), rules gdpr-requests, as of 2022-03-01\n")


def test_summary_and_ics_are_passed_to_the_io_layer(root, gdpr):
    text = example(root, "gdpr-requests", "answered-in-time.jsonl")
    for output, check in [("summary", lambda s: len(s.splitlines()) == 2),
                          ("ics", lambda s: s.startswith("BEGIN:VCALENDAR\r\n"))]:
        assert check(gdpr.replay(text, "2022-03-01", output))


def test_bad_lines_raise_with_every_line_and_the_valid_persons_report(root, gdpr):
    good = example(root, "gdpr-requests", "answered-in-time.jsonl")
    bad = good + '{"person":"ds-2","at":"2022-02-01","event":"x"}\n{"person":"ds-3"\n'
    with pytest.raises(echeance.Error) as e:
        gdpr.replay(bad, "2022-03-01")
    assert e.value.id == "echeance.history.missing"
    assert len(e.value.errors) == 2
    assert e.value.errors[0].startswith("[echeance.history.missing] <history>:5:1: ")
    assert e.value.errors[1].startswith("[echeance.history.json] <history>:6:")
    assert e.value.result == gdpr.replay(good, "2022-03-01")


def test_a_rule_file_that_does_not_load_names_its_position(root):
    path = root / "tests" / "rules" / "invalid" / "bad_date.json"
    with pytest.raises(echeance.Error) as e:
        echeance.Rules(str(path))
    assert e.value.id == "echeance.rule.bad_date"
    assert e.value.errors == [f"[echeance.rule.bad_date] {path}:9:46: \"from\" of version "
                              "\"general-2022\": invalid date \"2022-02-30\": February 2022 "
                              "has 28 days (expected YYYY-MM-DD)"]


def pruned(value):
    """A JSON value without its members whose value is null, "", [] or {} (at every depth)."""
    if isinstance(value, list):
        return [pruned(v) for v in value]
    if not isinstance(value, dict):
        return value
    kept = {k: pruned(v) for k, v in value.items()}
    return {k: v for k, v in kept.items() if v is not None and v != "" and v != [] and v != {}}


def test_json_compact_is_json_without_null_and_empty_members(root, example_histories):
    mes = echeance.Rules(str(root / "rules" / "mon-espace-sante"))
    compared = 0
    histories = example_histories("mon-espace-sante")
    assert "nir-masked" in [h.stem for h in histories]
    for history in histories:
        text = history.read_text()
        full = mes.replay(text, "2030-01-01")
        compact = mes.replay(text, "2030-01-01", "json-compact")
        assert compact == [pruned(p) for p in full], history.name
        as_text = mes.replay(text, "2030-01-01", "json-compact", as_text=True)
        assert [json.loads(line) for line in as_text.splitlines()] == compact
        assert len(as_text) < len(mes.replay(text, "2030-01-01", as_text=True))
        compared += len(full)
    assert compared >= 20


def test_usage_errors(gdpr):
    with pytest.raises(echeance.Error) as e:
        gdpr.replay("", "2022-03-01", "xml")
    assert e.value.id == "echeance.python.usage"
    with pytest.raises(echeance.Error) as e:
        gdpr.replay("", "2022-03-01", input_format="yaml")
    assert e.value.id == "echeance.python.usage"
    with pytest.raises(echeance.Error) as e:
        gdpr.replay("", "2022-02-30")
    assert e.value.id == "echeance.date.invalid"
    with pytest.raises(TypeError):
        gdpr.replay(42, "2022-03-01")
    with pytest.raises(TypeError):
        gdpr.replay(["not a dict"], "2022-03-01")
    assert gdpr.replay("", "2022-03-01") == []


def test_one_rules_object_replayed_from_many_threads(root, example_histories):
    rules = echeance.Rules(str(root / "rules" / "mon-espace-sante"))
    paths = example_histories("mon-espace-sante")
    assert "nir-masked" in [p.stem for p in paths]
    histories = [p.read_text() for p in paths]
    reference = [rules.replay(h, "2030-01-01", "text") for h in histories]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert list(pool.map(lambda h: rules.replay(h, "2030-01-01", "text"), histories)) == reference
