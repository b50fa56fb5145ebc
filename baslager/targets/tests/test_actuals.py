"""Each kind of actual, counted at a date and by gender, on small hand-made projects."""

from datetime import date

from baslager.employability.models import Occasion
from baslager.employers.models import Employer
from baslager.openings.models import LowThresholdTask, OpeningKind
from baslager.projects.models import SituationKind
from baslager.proposals.models import GenderDominatedField
from baslager.targets import actuals
from baslager.targets.models import TargetKind

from .conftest import START

EXIT = date(2025, 3, 31)
BEFORE_EXIT, AFTER_WINDOW = date(2025, 3, 30), date(2025, 5, 31)
EDU, EMP, INT, QUAL = (
    SituationKind.EDUCATION,
    SituationKind.EMPLOYMENT,
    SituationKind.INTERNSHIP,
    SituationKind.QUALIFICATION,
)


def test_destination_shares_count_the_last_situation_of_those_who_left(person, project):
    person("woman", exit=EXIT, situations=[(date(2025, 4, 2), EMP), (date(2025, 4, 20), EDU)])
    person("woman", exit=EXIT, situations=[(date(2025, 4, 5), EDU), (date(2025, 4, 9), QUAL)])
    person("man", exit=EXIT, situations=[(date(2025, 4, 10), EMP)])
    person("man")  # still in the project: not counted among those who left

    studies = actuals.studies(project).at(AFTER_WINDOW)
    assert studies.counted == {"woman": 2, "man": 0, "other": 0}
    assert studies.out_of == {"woman": 1 + 1, "man": 1, "other": 0}
    employment = actuals.employment(project).at(AFTER_WINDOW)
    assert employment.counted == {"woman": 0, "man": 1, "other": 0}  # her job was not her last
    # On 10 April the first woman was still in employment.
    assert actuals.employment(project).at(date(2025, 4, 10)).counted["woman"] == 1
    assert actuals.studies(project).at(BEFORE_EXIT).total_out_of == 0


def test_a_situation_outside_the_28_days_does_not_count(person, project):
    person("woman", exit=EXIT, situations=[(date(2025, 4, 28), INT)])  # day 28: inside
    late = person("man", exit=EXIT)
    late.situations.create(
        organisation=late.organisation,
        kind=INT,
        occurred_on=date(2025, 4, 29),  # day 29, saved past the model's check
        evidence_kind="participant_statement",
    )
    tally = actuals.internship(project).at(AFTER_WINDOW)
    assert tally.counted == {"woman": 1, "man": 0, "other": 0}
    assert tally.total_out_of == 2


def test_other_and_unstated_genders_share_a_column(person, project):
    person("other", exit=EXIT, situations=[(date(2025, 4, 1), EDU)])
    person("not_stated", exit=EXIT, situations=[(date(2025, 4, 1), EDU)])
    assert actuals.studies(project).at(AFTER_WINDOW).counted["other"] == 2


def test_participants_are_counted_from_their_entry(person, project):
    person("woman", entry=START)
    person("man", entry=date(2025, 6, 1))
    assert actuals.participants(project).at(date(2025, 5, 31)).counted == {
        "woman": 1,
        "man": 0,
        "other": 0,
    }
    assert actuals.actual(TargetKind.PARTICIPANTS, project, date(2025, 6, 1)).total == 2


def test_tasks_are_counted_by_the_day_identified_without_gender(world, project):
    employer = Employer.objects.create(organisation=world.home, name="Bageriet")
    for day, in_project in ((date(2025, 2, 1), True), (date(2025, 5, 1), True), (START, False)):
        LowThresholdTask.objects.create(
            organisation=world.home,
            employer=employer,
            title="Diska",
            identified_on=day,
            project=project if in_project else None,
        )
    tally = actuals.low_threshold_tasks(project).at(date(2025, 3, 1))
    assert tally.total == 1
    assert tally.by_gender is False
    assert actuals.low_threshold_tasks(project).at(date(2025, 6, 1)).total == 2


def test_internship_places_count_internships_started_while_in_the_project(person, project, place):
    inside = person("woman", entry=date(2025, 2, 1), exit=date(2025, 8, 1))
    place(inside.participant, date(2025, 3, 1))
    place(inside.participant, date(2025, 1, 15))  # before entry
    place(inside.participant, date(2025, 9, 1))  # after exit
    place(inside.participant, date(2025, 4, 1), kind=OpeningKind.WORK_TRAINING)  # not internship
    open_ended = person("man", entry=date(2025, 2, 1))
    place(open_ended.participant, date(2025, 10, 1))
    tally = actuals.internship_places(project).at(date(2025, 12, 31))
    assert tally.counted == {"woman": 1, "man": 1, "other": 0}
    assert actuals.internship_places(project).at(date(2025, 6, 30)).total == 1


def test_norm_breaking_placements_follow_the_gender_balance_rule(person, project, place):
    # 7111 carpenters are 99 % men, 5321 assistant nurses 90 % women (the shipped reference).
    woman = person("woman").participant
    man = person("man").participant
    place(woman, date(2025, 3, 1), ssyk="7111")  # breaks the norm
    place(man, date(2025, 4, 1), ssyk="5321")  # breaks the norm
    place(man, date(2025, 4, 2), ssyk="7111")  # follows it
    place(woman, date(2025, 4, 3))  # no occupation: cannot break a norm
    tally = actuals.norm_breaking(project).at(date(2025, 12, 31))
    assert tally.counted == {"woman": 1, "man": 1, "other": 0}
    assert actuals.norm_breaking(project).at(date(2025, 3, 31)).total == 1


def test_norm_breaking_uses_the_organisations_own_reference(world, person, project, place):
    GenderDominatedField.objects.create(
        organisation=world.home,
        ssyk_code="9",
        label="Enkla jobb",
        dominant_gender="woman",
        dominant_share=70,
        source="egen",
    )
    place(person("man").participant, date(2025, 3, 1), ssyk="9111")
    place(person("woman").participant, date(2025, 3, 1), ssyk="7111")  # no longer in the table
    assert actuals.norm_breaking(project).at(date(2025, 12, 31)).counted["man"] == 1
    assert actuals.norm_breaking(project).at(date(2025, 12, 31)).total == 1


def test_increased_employability_is_a_share_of_those_measured(person, project, record):
    rose = person("woman").participant
    fell = person("man").participant
    unmeasured = person("woman").participant
    record(rose, Occasion.ENTRY, 2, on=date(2025, 1, 10), project=project)
    record(rose, Occasion.EXIT, 4, on=date(2025, 6, 10), project=project)
    record(fell, Occasion.ENTRY, 4, on=date(2025, 1, 10), project=project)
    record(fell, Occasion.EXIT, 3, on=date(2025, 6, 10), project=project)
    record(unmeasured, Occasion.ENTRY, 2, on=date(2025, 1, 10), project=project)
    facts = actuals.employability(project)
    tally = facts.at(date(2025, 12, 31))
    assert tally.counted == {"woman": 1, "man": 0, "other": 0}
    assert tally.out_of == {"woman": 1, "man": 1, "other": 0}
    assert facts.at(date(2025, 3, 1)).total_out_of == 0  # nothing after entry yet
