from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.participants.models import (
    IdKind,
    ParticipantLanguage,
    WorkExperience,
)
from baslager.proposals.models import Proposal, ProposalStatus
from baslager.proposals.services import proposal_create
from baslager.taxonomy.models import Language, Skill
from baslager.testing.personas import make_participant

from .conftest import advance, occupation

S = ProposalStatus


def _url(name, proposal) -> str:
    return reverse(f"proposals:{name}", kwargs={"proposal": proposal.public_id})


def test_it_lets_the_coach_and_admin_in_and_keeps_everyone_else_out(world, signed_in, proposal):
    for name in ("detail", "profile"):
        assert signed_in(world.coach).get(_url(name, proposal)).status_code == 200
        assert signed_in(world.admin).get(_url(name, proposal)).status_code == 200
        assert signed_in(world.colleague).get(_url(name, proposal)).status_code == 404
        assert signed_in(world.outsider).get(_url(name, proposal)).status_code == 404
        assert signed_in(world.scout).get(_url(name, proposal)).status_code == 403
        assert signed_in(world.viewer).get(_url(name, proposal)).status_code == 403
    response = signed_in(world.colleague).post(
        _url("advance", proposal), {"to_status": "discussed"}
    )
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == S.SUGGESTED


def test_it_creates_a_proposal_from_the_participants_page(world, signed_in, opening):
    client = signed_in(world.coach)
    url = f"{reverse('proposals:create')}?participant={world.participant.public_id}"
    page = client.get(url)
    assert page.status_code == 200
    assert f'value="{world.participant.public_id}" selected' in page.content.decode()
    response = client.post(
        url,
        {
            "participant": world.participant.public_id,
            "opening": opening.public_id,
            "source": "matching",
            "note": "Passar bra",
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("detail", proposal)
    assert proposal.source == "matching"
    assert proposal.status_changes.get().note == "Passar bra"


def test_it_refuses_to_preselect_what_the_coach_may_not_see(world, signed_in, opening):
    client = signed_in(world.coach)
    create = reverse("proposals:create")
    assert (
        client.get(f"{create}?participant={world.colleagues_participant.public_id}").status_code
        == 404
    )
    assert client.get(f"{create}?participant=not-a-uuid").status_code == 404
    response = client.post(
        create,
        {
            "participant": world.colleagues_participant.public_id,
            "opening": opening.public_id,
            "source": "manual",
        },
    )
    assert response.status_code == 200 and not Proposal.objects.exists()


def test_it_offers_the_next_steps_as_buttons_and_takes_one(world, signed_in, proposal):
    client = signed_in(world.coach)
    body = client.get(_url("detail", proposal)).content.decode()
    assert 'name="to_status" value="discussed"' in body
    assert 'name="to_status" value="withdrawn"' in body
    assert 'value="interview"' not in body
    response = client.post(_url("advance", proposal), {"to_status": "discussed", "note": "Samtal"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == S.DISCUSSED
    refused = client.post(_url("advance", proposal), {"to_status": "started"}, follow=True)
    assert "cannot become" in refused.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == S.DISCUSSED


def test_it_starts_the_placement_from_the_detail_page(world, signed_in, coach_membership, proposal):
    advance(
        proposal, coach_membership, world.coach, S.DISCUSSED, S.CONSENTED, S.PRESENTED, S.INTERVIEW
    )
    client = signed_in(world.coach)
    today = timezone.localdate().isoformat()
    client.post(_url("advance", proposal), {"to_status": "started", "starts_on": today})
    proposal.refresh_from_db()
    assert proposal.status == S.STARTED and proposal.placement is not None
    body = client.get(_url("detail", proposal)).content.decode()
    assert reverse("placements:detail", kwargs={"placement": proposal.placement.public_id}) in body


def test_it_takes_the_source_from_matchings_propose_link(world, signed_in, opening):
    client = signed_in(world.coach)
    create = reverse("proposals:create")
    plain = client.get(f"{create}?participant={world.participant.public_id}")
    assert plain.context["form"]["source"].value() == "manual"
    from_matching = client.get(
        f"{create}?participant={world.participant.public_id}&opening={opening.public_id}"
        "&source=matching"
    )
    assert from_matching.context["form"]["source"].value() == "matching"
    assert 'value="matching" id="id_source_0" required checked' in from_matching.content.decode()


def test_it_shows_a_missing_start_date_at_its_field_and_keeps_what_was_typed(
    world, signed_in, coach_membership, proposal
):
    advance(
        proposal, coach_membership, world.coach, S.DISCUSSED, S.CONSENTED, S.PRESENTED, S.INTERVIEW
    )
    client = signed_in(world.coach)
    page = client.get(_url("detail", proposal)).content.decode()
    start_label = page[page.index('<label for="id_starts_on"') :].split("</label>")[0]
    assert "optional" not in start_label
    assert "Required when you mark the proposal as started." in page

    response = client.post(
        _url("advance", proposal),
        {"to_status": "started", "note": "Börjar på måndag", "ends_on": "2030-06-30"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["starts_on"] == ["Give the start date of the placement."]
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert 'aria-invalid="true"' in body
    field = body[body.index('<label for="id_starts_on"') :]
    assert field.index("Give the start date") < field.index('name="starts_on"')
    assert "Börjar på måndag" in body and 'value="2030-06-30"' in body
    proposal.refresh_from_db()
    assert proposal.status == S.INTERVIEW and proposal.placement is None


def _rich_profile(world):
    participant = world.participant
    participant.id_kind = IdKind.PERSONNUMMER
    participant.id_number = "198705142389"
    participant.email = "amina@example.se"
    participant.phone = "070-123 45 67"
    participant.driving_licences = ["B"]
    participant.hours_per_week = 30
    participant.save()
    participant.skills.add(Skill.objects.create(concept_id="s1", label="Truckkörning"))
    WorkExperience.objects.create(
        organisation=world.home,
        participant=participant,
        occupation=occupation("9111", "Städare"),
        title="Städade på Hotell Eritrea i Asmara",
        years=3,
    )
    ParticipantLanguage.objects.create(
        organisation=world.home,
        participant=participant,
        language=Language.objects.create(concept_id="l-sv", label="Svenska"),
        cefr_level="B1",
    )


def test_it_presents_an_anonymous_profile_until_consent(
    world, signed_in, coach_membership, proposal
):
    _rich_profile(world)
    client = signed_in(world.coach)
    for url in (_url("profile", proposal), _url("profile", proposal) + "?name=1"):
        body = client.get(url).content.decode()
        for hidden in (
            "Amina",
            "Hassan",
            "198705142389",
            "870514",
            "amina@example.se",
            "070-123",
            "Asmara",
            "Eritrea",
        ):
            assert hidden not in body, hidden
        assert "Truckkörning" in body and "Städare" in body and "Svenska" in body
        assert "B1 Threshold" in body and world.coach.email in body
    advance(proposal, coach_membership, world.coach, S.DISCUSSED, S.CONSENTED)
    anonymous = client.get(_url("profile", proposal)).content.decode()
    assert "Hassan" not in anonymous
    named = client.get(_url("profile", proposal) + "?name=1").content.decode()
    assert "Amina Hassan" in named
    assert "198705142389" not in named and "amina@example.se" not in named
    viewed = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_pk=str(proposal.pk))
    assert viewed.filter(additional_data__viewed="employer_profile_named").count() == 1


def test_it_shows_the_proposals_on_the_participant_and_opening_pages(
    world, signed_in, proposal, opening
):
    participant_page = signed_in(world.coach).get(
        reverse("participants:detail", kwargs={"participant": world.participant.public_id})
    )
    assert _url("detail", proposal) in participant_page.content.decode()
    opening_url = reverse("openings:detail", kwargs={"opening": opening.public_id})
    assert _url("detail", proposal) in signed_in(world.coach).get(opening_url).content.decode()
    for other in (world.colleague, world.scout):
        body = signed_in(other).get(opening_url).content.decode()
        assert _url("detail", proposal) not in body and "Hassan" not in body


def test_a_proposal_under_way_is_a_next_step_on_the_participant_page(
    world, signed_in, proposal, coach_membership
):
    url = reverse("participants:detail", kwargs={"participant": world.participant.public_id})

    def next_steps():
        page = signed_in(world.coach).get(url).content.decode()
        return page[page.index('id="next-steps-heading"') : page.index('id="sections-heading"')]

    assert f'href="{_url("detail", proposal)}"' in next_steps()
    advance(proposal, coach_membership, world.coach, S.WITHDRAWN, note="Flyttar")
    assert _url("detail", proposal) not in next_steps()


def test_it_lists_an_openings_proposals_in_a_constant_number_of_queries(
    world, signed_in, coach_membership, opening
):
    client = signed_in(world.coach)
    url = reverse("openings:detail", kwargs={"opening": opening.public_id})

    def add(count):
        for index in range(count):
            participant = make_participant(world.home, world.coach, first_name=f"P{index}")
            proposal_create(
                membership=coach_membership,
                actor=world.coach,
                participant=participant,
                opening=opening,
            )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add(2)
    few = queries()
    add(15)
    assert queries() == few
