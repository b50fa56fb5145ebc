from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.openings.models import Opening, OpeningKind
from baslager.placements.services import placement_create
from baslager.proposals.models import GenderDominatedField
from baslager.proposals.reference import DEFAULT_FIELDS
from baslager.proposals.selectors import (
    fairness_report,
    gender_dominated_fields,
    matching_field,
    mirrors,
    people_behind,
)
from baslager.proposals.services import proposal_create, reference_load_default
from baslager.testing.personas import make_participant, membership_of

from .conftest import occupation


def _opening(world, employer, code, label):
    return Opening.objects.create(
        organisation=world.home,
        employer=employer,
        title=label,
        kind=OpeningKind.INTERNSHIP,
        occupation=occupation(code, label),
    )


def _people(world, gender, count, coach=None, prefix=""):
    return [
        make_participant(
            world.home, coach or world.coach, first_name=f"{prefix}{gender}{i}", gender=gender
        )
        for i in range(count)
    ]


def _propose(world, people, opening):
    membership = membership_of(world.coach, world.home)
    for person in people:
        proposal_create(
            membership=membership, actor=world.admin, participant=person, opening=opening
        )


def _place(world, people, opening):
    membership = membership_of(world.admin, world.home)
    for person in people:
        placement_create(
            membership=membership,
            actor=world.admin,
            data={"participant": person, "opening": opening, "starts_on": timezone.localdate()},
        )


def _warehouse_year(world, employer):
    """Men proposed for warehouse work as the labour market would have it, three women placed
    there against the pattern, and one man placed in home care."""
    warehouse = _opening(world, employer, "4322", "Lagerarbetare")
    care = _opening(world, employer, "5321", "Undersköterska hemtjänst")
    men, women = _people(world, "man", 6), _people(world, "woman", 3)
    _propose(world, men + women[:1], warehouse)
    _place(world, women, warehouse)
    _place(world, men[:1], care)
    return warehouse, care, men, women


def test_it_counts_people_by_gender_per_field_and_flags_the_mirrored_pattern(world, employer):
    _warehouse_year(world, employer)
    report = fairness_report(membership=membership_of(world.viewer, world.home))
    assert report.reference_is_default
    major = {row.code: row for row in report.by_major_group}
    assert (major["4"].proposals.count("man"), major["4"].proposals.count("woman")) == (6, 1)
    assert major["4"].placements.count("woman") == 3
    assert major["5"].placements.count("man") == 1
    fields = {row.code: row for row in report.by_dominated_field}
    assert set(fields) == {"4322", "5321"}
    warehouse = fields["4322"]
    assert mirrors(warehouse, "proposals")  # 6 of 7 are men, like the occupation
    assert not mirrors(warehouse, "placements")  # three women: too few to judge, and against it
    assert warehouse.norm_breaking_placements == 3
    assert fields["5321"].norm_breaking_placements == 1
    assert report.norm_breaking_placements == 4 and report.target_reached


def test_it_does_not_flag_a_balanced_field(world, employer):
    warehouse = _opening(world, employer, "4322", "Lagerarbetare")
    _propose(world, _people(world, "man", 3) + _people(world, "woman", 3), warehouse)
    (row,) = fairness_report(membership=membership_of(world.admin, world.home)).by_dominated_field
    assert not mirrors(row, "proposals")


def test_it_counts_a_person_once_per_cell(world, employer):
    first = _opening(world, employer, "4322", "Lagerarbetare")
    second = _opening(world, employer, "4322", "Truckförare på lager")
    men = _people(world, "man", 5)
    _propose(world, men, first)
    _propose(world, men, second)
    report = fairness_report(membership=membership_of(world.admin, world.home))
    assert report.by_major_group[0].proposals.count("man") == 5
    assert not report.target_reached and report.norm_breaking_placements == 0


def test_it_shows_viewers_counts_with_small_cells_suppressed(world, employer, signed_in):
    _warehouse_year(world, employer)
    response = signed_in(world.viewer).get(reverse("proposals:fairness"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;5" in body  # three women placed, one woman proposed
    assert ">6<" in body  # six men proposed
    assert "Target of at least 3 reached" in body
    assert "Mirrors" in body and "badge--warn" in body
    assert "man0" not in body and "Hassan" not in body
    assert reverse("proposals:people") not in body  # no drill-down for viewers


def test_it_lets_coaches_drill_down_to_their_own_participants_only(world, employer, signed_in):
    warehouse = _opening(world, employer, "4322", "Lagerarbetare")
    _propose(world, _people(world, "man", 2, prefix="mine"), warehouse)
    theirs = _people(world, "man", 2, coach=world.colleague, prefix="theirs")
    _propose(world, theirs, warehouse)
    url = reverse("proposals:people") + "?what=proposals&code=4&gender=man"
    coach_body = signed_in(world.coach).get(url).content.decode()
    assert "mineman0" in coach_body and "theirsman0" not in coach_body
    admin_body = signed_in(world.admin).get(url).content.decode()
    assert "mineman0" in admin_body and "theirsman0" in admin_body
    assert signed_in(world.viewer).get(url).status_code == 403
    assert signed_in(world.scout).get(url).status_code == 403


def test_it_lists_the_people_in_norm_breaking_placements(world, employer):
    _, _, men, women = _warehouse_year(world, employer)
    people = people_behind(
        membership=membership_of(world.admin, world.home),
        what="placements",
        code="",
        gender="",
        norm_breaking=True,
    )
    assert set(people) == {*women, men[0]}


def test_it_uses_the_organisations_own_table_and_the_most_specific_code(world, employer):
    assert len(gender_dominated_fields(organisation=world.home)) == len(DEFAULT_FIELDS)
    GenderDominatedField.objects.create(
        organisation=world.home, ssyk_code="4", label="Administration", dominant_gender="woman"
    )
    GenderDominatedField.objects.create(
        organisation=world.home, ssyk_code="4322", label="Lager", dominant_gender="man"
    )
    fields = gender_dominated_fields(organisation=world.home)
    assert [row.ssyk_code for row in fields] == ["4", "4322"]
    assert matching_field("4322", fields).ssyk_code == "4322"
    assert matching_field("4111", fields).ssyk_code == "4"
    assert matching_field("5321", fields) is None  # the default no longer applies
    assert matching_field(None, fields) is None
    _propose(
        world, _people(world, "woman", 5), _opening(world, employer, "4111", "Ekonomiassistent")
    )
    report = fairness_report(membership=membership_of(world.admin, world.home))
    assert not report.reference_is_default
    assert [row.code for row in report.by_dominated_field] == ["4"]


def test_it_lets_only_administrators_edit_the_table(world, signed_in):
    url = reverse("proposals:reference")
    assert signed_in(world.coach).get(url).status_code == 403
    admin = signed_in(world.admin)
    assert "an estimate from SCB" in admin.get(url).content.decode()
    admin.post(url, {"action": "default"})
    assert GenderDominatedField.objects.filter(organisation=world.home).count() == len(
        DEFAULT_FIELDS
    )
    admin.post(
        url,
        {
            "action": "add",
            "ssyk_code": "7",
            "label": "Bygg",
            "dominant_gender": "man",
            "source": "Egen",
        },
    )
    added = GenderDominatedField.objects.get(organisation=world.home, ssyk_code="7")
    refused = admin.post(
        url, {"action": "add", "ssyk_code": "7x", "label": "Fel", "dominant_gender": "man"}
    )
    assert refused.status_code == 200 and "1 to 4 digits" in refused.content.decode()
    admin.post(url, {"action": "remove", "row": added.pk})
    assert not GenderDominatedField.objects.filter(pk=added.pk).exists()
    outsider = signed_in(world.outsider)
    row = GenderDominatedField.objects.filter(organisation=world.home).first()
    assert outsider.post(url, {"action": "remove", "row": row.pk}).status_code == 404


def test_it_loads_the_default_into_the_table(world):
    assert reference_load_default(organisation=world.home) == len(DEFAULT_FIELDS)
    assert reference_load_default(organisation=world.home) == len(DEFAULT_FIELDS)
    rows = GenderDominatedField.objects.filter(organisation=world.home)
    assert rows.count() == len(DEFAULT_FIELDS)
    assert all(row.dominant_share > 60 and "estimate" in row.source for row in rows)


def test_it_builds_the_report_and_the_drill_down_in_a_constant_number_of_queries(
    world, employer, signed_in
):
    client = signed_in(world.admin)
    people_url = reverse("proposals:people") + "?what=placements&code=4"

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    _warehouse_year(world, employer)
    few = (queries(reverse("proposals:fairness")), queries(people_url))
    warehouse = _opening(world, employer, "4322", "Lager 2")
    more = _people(world, "woman", 12, prefix="more")
    _propose(world, more, warehouse)
    _place(world, more, warehouse)
    assert (queries(reverse("proposals:fairness")), queries(people_url)) == few
