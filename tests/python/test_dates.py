"""echeance.deadline, echeance.add, echeance.holidays: values and errors."""
import datetime

import pytest

import echeance


def test_version_is_the_project_version(root):
    cmake = (root / "CMakeLists.txt").read_text()
    assert f"project(echeance VERSION {echeance.__version__} " in cmake


def test_cpc_642_six_weeks_ending_on_ascension_move_to_friday():
    assert echeance.deadline("2022-04-14", "P6W") == datetime.date(2022, 5, 27)
    assert echeance.deadline(datetime.date(2022, 4, 14), "P6W") == datetime.date(2022, 5, 27)
    # plain: the nominal day; Guadeloupe: 27 May is a holiday there too, then a weekend.
    assert echeance.deadline("2022-04-14", "P6W", convention="plain") == datetime.date(2022, 5, 26)
    assert echeance.deadline("2022-04-14", "P6W", territory="FR-971") == datetime.date(2022, 5, 30)


def test_add_month_end_policies():
    assert echeance.add("2022-01-31", "P1M") == datetime.date(2022, 2, 28)
    assert echeance.add("2022-01-31", "P1M", month_end="overflow") == datetime.date(2022, 3, 1)
    with pytest.raises(echeance.Error) as e:
        echeance.add("2022-01-31", "P1M", month_end="reject")
    assert e.value.id == "echeance.period.month_end"


def test_holidays_2024_in_moselle_include_good_friday_and_26_december():
    days = echeance.holidays(2024, territory="FR-57")
    assert {"date", "id", "name", "name_fr", "cite"} == set(days[0])
    by_day = {h["date"]: h for h in days}
    assert datetime.date(2024, 3, 29) in by_day  # Good Friday, C. trav. L.3134-13
    assert datetime.date(2024, 12, 26) in by_day
    assert len(echeance.holidays(2024)) == 11  # C. trav. L.3133-1


def test_errors_carry_their_id_and_are_value_errors():
    with pytest.raises(echeance.Error) as e:
        echeance.deadline("2022-02-30", "P6W")
    assert isinstance(e.value, ValueError)
    assert e.value.id == "echeance.date.invalid"
    assert str(e.value).startswith('[echeance.date.invalid] date: invalid date "2022-02-30"')
    assert e.value.errors == [str(e.value)]
    assert e.value.result is None
    for call, id in [
        (lambda: echeance.deadline("2022-04-14", "P-1M"), "echeance.period.invalid"),
        (lambda: echeance.deadline("2022-04-14", "P6W", convention="x"), "echeance.convention.unknown"),
        (lambda: echeance.deadline("2022-04-14", "P6W", territory="XX"), "echeance.calendar.unknown_territory"),
        (lambda: echeance.holidays(1200), "echeance.date.out_of_range"),
        (lambda: echeance.add("9999-12-01", "P1M"), "echeance.date.out_of_range"),
    ]:
        with pytest.raises(echeance.Error) as e:
            call()
        assert e.value.id == id


def test_a_datetime_is_not_a_day():
    with pytest.raises(TypeError):
        echeance.deadline(datetime.datetime(2022, 4, 14, 12), "P6W")
    with pytest.raises(TypeError):
        echeance.deadline(20220414, "P6W")
