"""Each indicator as its own unit, with the worked cases of the brief (domain-rules §1.3–1.5)."""

import random
from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from baslager.esf import indicators as ind
from baslager.esf.indicators import INDICATORS, compute, people_behind
from baslager.esf.records import (
    Answer,
    EntryStatus,
    Gender,
    Isced,
    Situation,
    SituationKind,
    SixMonthFollowUp,
    age_on,
)

from .factories import record

EXIT = date(2025, 9, 30)


def day(n: int) -> date:
    """The n-th day after exit."""
    return EXIT + timedelta(days=n)


def left(*events, **fields):
    situations = tuple(Situation(kind, on) for kind, on in events)
    return record(exit_date=EXIT, situations=situations, **fields)


JOB, SEEKING, EDUCATION, QUALIFICATION, INTERNSHIP, OTHER = (
    SituationKind.EMPLOYMENT,
    SituationKind.JOB_SEEKING,
    SituationKind.EDUCATION,
    SituationKind.QUALIFICATION,
    SituationKind.INTERNSHIP,
    SituationKind.OTHER,
)


class TestRegistry:
    def test_every_code_once_in_order(self):
        expected = [f"EECO{n:02}" for n in range(1, 18)] + [f"EECR{n:02}" for n in range(1, 7)]
        assert list(INDICATORS) == expected

    def test_each_entry_has_its_own_function_label_and_unit(self):
        functions = {indicator.function for indicator in INDICATORS.values()}
        assert len(functions) == len(INDICATORS)
        for code, indicator in INDICATORS.items():
            assert indicator.function is getattr(ind, code.lower())
            assert str(indicator.label) and str(indicator.unit) == "participants"

    def test_outputs_count_at_entry_and_results_at_exit(self):
        assert all(INDICATORS[f"EECO{n:02}"].is_output for n in range(1, 18))
        assert not any(INDICATORS[f"EECR{n:02}"].is_output for n in range(1, 7))

    def test_only_special_categories_report_refusals(self):
        assert [c for c, i in INDICATORS.items() if i.refused] == ["EECO12", "EECO15"]


class TestEmploymentStatusAtEntry:
    @pytest.mark.parametrize(
        ("status", "expected"),
        [
            (EntryStatus.UNEMPLOYED, {"EECO02"}),
            (EntryStatus.LONG_TERM_UNEMPLOYED, {"EECO02", "EECO03"}),
            (EntryStatus.INACTIVE, {"EECO04"}),
            (EntryStatus.EMPLOYED, {"EECO05"}),
            (EntryStatus.UNKNOWN, set()),
        ],
    )
    def test_exactly_one_status_long_term_a_subset(self, status, expected):
        person = record(entry_status=status)
        codes = ("EECO02", "EECO03", "EECO04", "EECO05")
        assert {code for code in codes if INDICATORS[code].function(person)} == expected

    def test_total_is_unemployed_plus_inactive_plus_employed(self):
        people = [
            record(entry_status=status) for status in EntryStatus if status.value != "unknown"
        ]
        figures = _totals(compute(people, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31)))
        assert figures["EECO01"] == figures["EECO02"] + figures["EECO04"] + figures["EECO05"] == 4
        assert figures["EECO03"] == 1


class TestAgeOnEntryDate:
    ENTRY = date(2025, 3, 10)

    def born_years_before(self, years: int, days: int = 0):
        return record(birth_date=self.ENTRY - relativedelta(years=years) + timedelta(days=days))

    def test_eeco06_below_18(self):
        assert ind.eeco06(self.born_years_before(18, days=1))  # 18 tomorrow
        assert not ind.eeco06(self.born_years_before(18))  # 18 on the entry day

    def test_eeco07_from_18_to_29_both_included(self):
        assert not ind.eeco07(self.born_years_before(18, days=1))
        assert ind.eeco07(self.born_years_before(18))
        assert ind.eeco07(self.born_years_before(30, days=1))  # 29, 30 tomorrow
        assert not ind.eeco07(self.born_years_before(30))

    def test_eeco08_55_and_above(self):
        assert not ind.eeco08(self.born_years_before(55, days=1))
        assert ind.eeco08(self.born_years_before(55))
        assert ind.eeco08(self.born_years_before(70))

    def test_age_is_taken_at_entry_not_today(self):
        person = record(birth_date=date(1970, 1, 1), entry_date=date(2024, 12, 31))
        assert ind.eeco08(person) is False  # 54 at entry, 55 the day after

    def test_no_birth_date_is_in_no_age_band(self):
        person = record(birth_date=None)
        assert not (ind.eeco06(person) or ind.eeco07(person) or ind.eeco08(person))

    @pytest.mark.parametrize(
        "on", [date(2023, 2, 27), date(2023, 2, 28), date(2023, 3, 1), date(2024, 2, 28)]
    )
    def test_leap_day_births_age_as_relativedelta_does(self, on):
        born = date(2005, 3, 1)
        leapling = date(2004, 2, 29)
        assert age_on(leapling, on) == relativedelta(on, leapling).years
        assert age_on(born, on) == relativedelta(on, born).years


class TestEducation:
    @pytest.mark.parametrize(
        ("isced", "code"),
        [
            (Isced.LOWER_SECONDARY_OR_LESS, "EECO09"),
            (Isced.UPPER_OR_POST_SECONDARY, "EECO10"),
            (Isced.TERTIARY, "EECO11"),
        ],
    )
    def test_each_band_in_exactly_one_indicator(self, isced, code):
        person = record(isced=isced)
        hits = [c for c in ("EECO09", "EECO10", "EECO11") if INDICATORS[c].function(person)]
        assert hits == [code]


class TestSpecialCategoriesAndOrigin:
    @pytest.mark.parametrize(
        ("field", "code"),
        [
            ("disability", "EECO12"),
            ("third_country_national", "EECO13"),
            ("foreign_background", "EECO14"),
            ("minority", "EECO15"),
        ],
    )
    def test_only_yes_counts(self, field, code):
        function = INDICATORS[code].function
        assert function(record(**{field: Answer.YES}))
        for answer in (Answer.NO, Answer.REFUSED, Answer.UNKNOWN):
            assert not function(record(**{field: answer}))

    def test_third_country_and_foreign_background_are_independent(self):
        eu_citizen_born_to_parents_abroad = record(foreign_background=Answer.YES)
        assert ind.eeco14(eu_citizen_born_to_parents_abroad)
        assert not ind.eeco13(eu_citizen_born_to_parents_abroad)
        assert ind.eeco13(record(third_country_national=Answer.YES))

    def test_refusals_reported_apart_and_not_as_yes(self):
        people = [
            record(disability=Answer.YES),
            record(disability=Answer.REFUSED, gender=Gender.MAN),
            record(disability=Answer.REFUSED),
            record(disability=Answer.NO, minority=Answer.REFUSED),
        ]
        results = {r.indicator.code: r for r in compute(people, **YEAR)}
        assert results["EECO12"].counts.total == 1
        assert results["EECO12"].refused.total == 2
        assert results["EECO12"].refused[Gender.MAN] == 1
        assert results["EECO15"].counts.total == 0 and results["EECO15"].refused.total == 1
        assert results["EECO13"].refused is None

    def test_homeless_and_rural(self):
        assert ind.eeco16(record(homeless=True)) and not ind.eeco16(record())
        assert ind.eeco17(record(rural=True)) and not ind.eeco17(record())


class TestUponLeaving:
    def test_brief_inactive_then_job_seeking_then_job_on_day_20(self):
        person = left((SEEKING, day(3)), (JOB, day(20)), entry_status=EntryStatus.INACTIVE)
        assert ind.eecr04(person) and not ind.eecr01(person)

    def test_brief_job_then_unemployed_again_within_28_days(self):
        person = left((JOB, day(5)), (SEEKING, day(26)))
        assert ind.eecr01(person) and not ind.eecr04(person)

    def test_day_28_counts_day_29_does_not(self):
        assert ind.eecr04(left((SEEKING, day(2)), (JOB, day(28))))
        late = left((SEEKING, day(2)), (JOB, day(29)))
        assert ind.eecr01(late) and not ind.eecr04(late)
        assert not ind.eecr02(left((EDUCATION, day(29))))

    def test_the_exit_day_itself_counts_the_day_before_does_not(self):
        assert ind.eecr04(left((JOB, day(0))))
        assert not ind.eecr04(left((JOB, day(-1))))

    def test_recorded_out_of_order_the_date_decides(self):
        assert ind.eecr04(left((JOB, day(20)), (SEEKING, day(3))))

    def test_an_internship_or_other_last_is_neither(self):
        for last in (INTERNSHIP, OTHER):
            person = left((JOB, day(2)), (last, day(10)))
            assert not ind.eecr01(person) and not ind.eecr04(person)

    def test_education_and_qualification_co_occur_with_anything(self):
        person = left((QUALIFICATION, day(1)), (EDUCATION, day(5)), (JOB, day(10)))
        assert ind.eecr02(person) and ind.eecr03(person) and ind.eecr04(person)
        # and they do not hide the last labour-market situation
        person = left((SEEKING, day(1)), (EDUCATION, day(25)))
        assert ind.eecr01(person) and ind.eecr02(person)

    def test_nobody_still_in_the_project_has_left(self):
        person = record(situations=(Situation(JOB, date(2025, 4, 1)),))
        assert not any(INDICATORS[f"EECR0{n}"].function(person) for n in range(1, 5))

    @pytest.mark.parametrize("n", range(30))
    def test_eecr01_and_eecr04_never_together(self, n):
        person = left((JOB, day(n % 7)), (SEEKING, day(n)), (JOB, day(2 * n % 31)))
        assert not (ind.eecr01(person) and ind.eecr04(person))


class TestSixMonthsAfter:
    def test_eecr05_employed_six_months_after(self):
        assert ind.eecr05(left(follow_up=SixMonthFollowUp(employed=True)))
        assert not ind.eecr05(left(follow_up=SixMonthFollowUp(employed=False)))
        assert not ind.eecr05(left(follow_up=SixMonthFollowUp(employed=None)))
        assert not ind.eecr05(left())  # not followed up yet

    def test_eecr06_improvement_counts_for_those_employed_at_entry(self):
        for flag in ("precarious_to_stable", "underemployed_to_full", "higher_competence"):
            follow_up = SixMonthFollowUp(employed=True, **{flag: True})
            assert ind.eecr06(left(entry_status=EntryStatus.EMPLOYED, follow_up=follow_up))
        promoted = SixMonthFollowUp(employed=True, promoted=True)
        assert ind.eecr06(left(entry_status=EntryStatus.EMPLOYED, follow_up=promoted))

    def test_eecr06_a_pay_rise_alone_does_not_count(self):
        follow_up = SixMonthFollowUp(employed=True, pay_rise=True)
        assert not ind.eecr06(left(entry_status=EntryStatus.EMPLOYED, follow_up=follow_up))

    def test_eecr06_not_for_those_not_employed_at_entry(self):
        follow_up = SixMonthFollowUp(employed=True, precarious_to_stable=True)
        assert not ind.eecr06(left(entry_status=EntryStatus.UNEMPLOYED, follow_up=follow_up))


YEAR = {"starts_on": date(2025, 1, 1), "ends_on": date(2025, 12, 31)}


def _totals(results) -> dict[str, int]:
    return {result.indicator.code: result.counts.total for result in results}


class TestCompute:
    def test_breakdown_by_gender(self):
        people = [
            record(gender=Gender.WOMAN),
            record(gender=Gender.WOMAN),
            record(gender=Gender.MAN),
            record(gender=Gender.NON_BINARY),
        ]
        eeco02 = compute(people, **YEAR)[1]
        assert eeco02.indicator.code == "EECO02"
        assert [eeco02.counts[g] for g in ind.GENDERS] == [2, 1, 1]
        assert eeco02.counts.total == 4

    @pytest.mark.parametrize(
        "missing",
        [
            {"gender": Gender.UNKNOWN},
            {"entry_status": EntryStatus.UNKNOWN},
            {"birth_date": None},
            {"isced": Isced.UNKNOWN},
        ],
    )
    def test_incomplete_records_count_only_in_the_total(self, missing):
        incomplete = record(
            disability=Answer.YES,
            homeless=True,
            exit_date=EXIT,
            situations=(Situation(JOB, EXIT),),
            **missing,
        )
        figures = _totals(compute([incomplete, record()], **YEAR))
        assert figures["EECO01"] == 2
        assert figures["EECO02"] == 1
        assert figures["EECO12"] == figures["EECO16"] == figures["EECR04"] == 0
        assert figures["EECO10"] == 1

    def test_the_total_shows_people_of_unknown_gender(self):
        eeco01 = compute([record(gender=Gender.UNKNOWN)], **YEAR)[0]
        assert eeco01.counts[Gender.UNKNOWN] == 1 and eeco01.counts.total == 1

    def test_outputs_by_entry_date_results_by_exit_date(self):
        entered_2024_left_2025 = left((JOB, day(1)), entry_date=date(2024, 11, 1))
        entered_2025 = record(entry_date=date(2025, 1, 1))
        entered_2026 = record(entry_date=date(2026, 1, 1))
        figures = _totals(compute([entered_2024_left_2025, entered_2025, entered_2026], **YEAR))
        assert figures["EECO01"] == 1
        assert figures["EECR04"] == 1

    def test_people_behind_a_cell(self):
        woman, man = record(disability=Answer.YES), record(disability=Answer.YES, gender=Gender.MAN)
        refused = record(disability=Answer.REFUSED)
        people = [woman, man, refused, record()]
        assert people_behind("EECO12", people, **YEAR) == [woman.person_id, man.person_id]
        assert people_behind("EECO12", people, **YEAR, gender=Gender.MAN) == [man.person_id]
        assert people_behind("EECO12", people, **YEAR, refused=True) == [refused.person_id]
        assert people_behind("EECO13", people, **YEAR, refused=True) == []


def test_compute_and_people_behind_agree_on_every_cell():
    rng = random.Random(5)
    kinds = list(SituationKind)
    people = []
    for _ in range(400):
        entry = date(2024, 6, 1) + timedelta(days=rng.randrange(700))
        exit_date = entry + timedelta(days=rng.randrange(10, 300)) if rng.random() < 0.7 else None
        people.append(
            record(
                gender=rng.choice(list(Gender)),
                birth_date=rng.choice(
                    [None, date(1960, 1, 1) + timedelta(days=rng.randrange(20000))]
                ),
                entry_date=entry,
                exit_date=exit_date,
                entry_status=rng.choice(list(EntryStatus)),
                isced=rng.choice(list(Isced)),
                disability=rng.choice(list(Answer)),
                minority=rng.choice(list(Answer)),
                situations=tuple(
                    Situation(rng.choice(kinds), exit_date + timedelta(days=rng.randrange(-3, 32)))
                    for _ in range(rng.randrange(4) if exit_date else 0)
                ),
                follow_up=SixMonthFollowUp(employed=rng.random() < 0.5, promoted=rng.random() < 0.3)
                if exit_date
                else None,
            )
        )
    for result in compute(people, **YEAR):
        code = result.indicator.code
        for gender in Gender:
            behind = people_behind(code, people, **YEAR, gender=gender)
            assert len(behind) == result.counts[gender], (code, gender)
        if result.refused is not None:
            assert len(people_behind(code, people, **YEAR, refused=True)) == result.refused.total
