from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.accounts.models import User
from baslager.organisations.models import Membership, Organisation, Role
from baslager.phases.models import Phase, PhaseTransition
from baslager.phases.services import participant_move_to_phase
from baslager.testing.personas import make_participant

HTMX = {"HTTP_HX_REQUEST": "true"}


def ladder_of(organisation):
    return list(Phase.objects.filter(organisation=organisation).order_by("position"))


def move_url(participant):
    return reverse("phases:move", kwargs={"participant": participant.public_id})


def phase_url(name, phase):
    return reverse(f"phases:{name}", kwargs={"phase": phase.pk})


# The ladder


def test_it_shows_the_ladder_to_an_administrator(world, signed_in):
    response = signed_in(world.admin).get(reverse("phases:ladder"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Arbetsträning" in content
    assert "Olga" not in content
    assert content.count('action="/phases/ladder/') >= 6 * 2


def test_it_gives_an_organisation_without_phases_the_default_ladder(world, signed_in):
    newcomer = Organisation.objects.create(name="Nystartade")
    admin = User.objects.create_user("ny@example.org", "x", full_name="Nina Ny")
    Membership.objects.create(user=admin, organisation=newcomer, role=Role.ADMIN)
    response = signed_in(admin).get(reverse("phases:ladder"))
    assert response.status_code == 200
    assert [phase.name for phase in ladder_of(newcomer)][0] == "Kartläggning"
    assert "Uppföljning" in response.content.decode()


@pytest.mark.parametrize("persona", ["coach", "scout", "viewer"])
def test_it_keeps_the_ladder_from_everyone_but_administrators(world, signed_in, persona):
    client = signed_in(getattr(world, persona))
    phase = ladder_of(world.home)[0]
    assert client.get(reverse("phases:ladder")).status_code == 403
    assert client.post(reverse("phases:add"), {"name": "Ny"}).status_code == 403
    assert client.post(phase_url("deactivate", phase)).status_code == 403
    assert client.post(phase_url("reorder", phase), {"direction": "down"}).status_code == 403
    assert Phase.objects.get(pk=phase.pk).is_active


def test_it_answers_404_for_another_organisations_phase(world, signed_in):
    client = signed_in(world.outsider)
    phase = ladder_of(world.home)[-1]
    for name in ("edit", "reorder", "deactivate", "activate", "delete"):
        assert client.post(phase_url(name, phase), {"name": "Stulen"}).status_code == 404
    assert client.get(phase_url("edit", phase)).status_code == 404
    phase.refresh_from_db()
    assert (phase.name, phase.is_active) == ("Uppföljning", True)


def test_it_adds_a_phase_and_logs_it(world, signed_in):
    response = signed_in(world.admin).post(
        reverse("phases:add"), {"name": "  Eget   företag ", "description": "Starta eget."}
    )
    assert response.status_code == 302
    added = Phase.objects.get(organisation=world.home, name="Eget företag")
    assert (added.position, added.description) == (7, "Starta eget.")
    entry = LogEntry.objects.get_for_object(added).get()
    assert entry.actor == world.admin


def test_it_refuses_a_phase_name_already_on_the_ladder(world, signed_in):
    response = signed_in(world.admin).post(reverse("phases:add"), {"name": "praktik"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is already a phase called praktik." in content
    assert 'aria-invalid="true"' in content
    assert 'href="#id_name"' in content
    assert Phase.objects.filter(organisation=world.home).count() == 6


def test_it_allows_a_name_another_organisation_uses(world, signed_in):
    signed_in(world.admin).post(reverse("phases:add"), {"name": "Egen fas"})
    response = signed_in(world.outsider).post(reverse("phases:add"), {"name": "Egen fas"})
    assert response.status_code == 302
    assert Phase.objects.filter(name="Egen fas").count() == 2


def test_it_renames_and_describes_a_phase(world, signed_in):
    phase = ladder_of(world.home)[3]
    client = signed_in(world.admin)
    form = client.get(phase_url("edit", phase))
    assert 'value="Praktik"' in form.content.decode()
    response = client.post(
        phase_url("edit", phase),
        {"name": "Praktik hos arbetsgivare", "description": "Med handledare."},
    )
    assert response.status_code == 302
    phase.refresh_from_db()
    assert (phase.name, phase.description) == ("Praktik hos arbetsgivare", "Med handledare.")


def test_it_keeps_what_was_typed_when_a_rename_clashes(world, signed_in):
    phase = ladder_of(world.home)[3]
    response = signed_in(world.admin).post(
        phase_url("edit", phase), {"name": "Kartläggning", "description": "Nytt"}
    )
    assert response.status_code == 200
    assert "There is already a phase called Kartläggning." in response.content.decode()
    assert "Nytt</textarea>" in response.content.decode()
    assert "<h1>Edit Praktik</h1>" in response.content.decode()
    phase.refresh_from_db()
    assert phase.name == "Praktik"


def test_it_moves_a_phase_down_the_ladder(world, signed_in):
    first = ladder_of(world.home)[0]
    response = signed_in(world.admin).post(phase_url("reorder", first), {"direction": "down"})
    assert response.status_code == 302
    assert [phase.name for phase in ladder_of(world.home)][:2] == ["Förberedelse", "Kartläggning"]


def test_it_takes_a_phase_out_of_use_and_back(world, signed_in):
    phase = ladder_of(world.home)[0]
    client = signed_in(world.admin)
    response = client.post(phase_url("deactivate", phase), follow=True)
    assert "Kartläggning is out of use." in response.content.decode()
    phase.refresh_from_db()
    assert not phase.is_active
    client.post(phase_url("activate", phase))
    phase.refresh_from_db()
    assert phase.is_active


def test_it_refuses_to_delete_a_phase_with_participants(world, signed_in):
    phase = ladder_of(world.home)[0]
    response = signed_in(world.admin).post(phase_url("delete", phase), follow=True)
    assert "cannot be deleted" in response.content.decode()
    assert Phase.objects.filter(pk=phase.pk).exists()


def test_it_deletes_an_empty_phase(world, signed_in):
    phase = ladder_of(world.home)[-1]
    response = signed_in(world.admin).post(phase_url("delete", phase), follow=True)
    assert "Uppföljning was deleted." in response.content.decode()
    assert not Phase.objects.filter(pk=phase.pk).exists()


def test_it_accepts_only_posts_for_ladder_changes(world, signed_in):
    phase = ladder_of(world.home)[-1]
    assert signed_in(world.admin).get(phase_url("delete", phase)).status_code == 405
    assert Phase.objects.filter(pk=phase.pk).exists()


# Moving a participant


def move_data(phase, **overrides):
    data = {"to_phase": phase.pk, "moved_on": timezone.localdate().isoformat(), "reason": "Redo"}
    data.update(overrides)
    return data


def test_it_answers_404_to_an_outsider_moving_a_home_participant(world, signed_in):
    client = signed_in(world.outsider)
    second = ladder_of(world.home)[1]
    assert client.get(move_url(world.participant)).status_code == 404
    assert client.post(move_url(world.participant), move_data(second)).status_code == 404
    assert not PhaseTransition.objects.exists()


@pytest.mark.parametrize("persona", ["scout", "viewer"])
def test_it_forbids_scouts_and_viewers_to_move(world, signed_in, persona):
    client = signed_in(getattr(world, persona))
    second = ladder_of(world.home)[1]
    assert client.get(move_url(world.participant)).status_code == 403
    assert client.post(move_url(world.participant), move_data(second)).status_code == 403
    assert not PhaseTransition.objects.exists()


def test_it_answers_404_to_a_coach_moving_a_colleagues_participant(world, signed_in):
    second = ladder_of(world.home)[1]
    response = signed_in(world.coach).post(
        move_url(world.colleagues_participant), move_data(second)
    )
    assert response.status_code == 404


def test_it_offers_the_other_phases_in_use(world, signed_in):
    ladder = ladder_of(world.home)
    ladder[2].is_active = False
    ladder[2].save()
    response = signed_in(world.coach).get(move_url(world.participant))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Move Amina Hassan to another phase</h1>" in content
    assert f'value="{ladder[1].pk}"' in content
    assert f'value="{ladder[0].pk}"' not in content
    assert f'value="{ladder[2].pk}"' not in content
    assert f'value="{timezone.localdate().isoformat()}"' in content
    assert "hx-post" not in content


def test_it_moves_a_participant_and_returns_to_their_page(world, signed_in):
    second = ladder_of(world.home)[1]
    response = signed_in(world.coach).post(move_url(world.participant), move_data(second))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participants:detail", kwargs={"participant": world.participant.public_id}
    )
    world.participant.refresh_from_db()
    assert world.participant.current_phase == second
    transition = PhaseTransition.objects.get()
    assert (transition.moved_by, transition.reason) == (world.coach, "Redo")


def test_it_answers_htmx_with_the_updated_timeline(world, signed_in):
    second = ladder_of(world.home)[1]
    response = signed_in(world.admin).post(
        move_url(world.participant), move_data(second, reason="Klar med kartläggningen"), **HTMX
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<section id="phase-timeline"')
    assert "<html" not in content
    assert '<ol class="timeline">' in content
    assert "Klar med kartläggningen" in content
    assert "moved by Alma Admin" in content
    assert f'<time datetime="{timezone.localdate().isoformat()}"' in content
    assert "Amina Hassan moved to Förberedelse." in content
    assert f'hx-get="{move_url(world.participant)}"' in content
    assert "phase-changed" in response["HX-Trigger"]
    world.participant.refresh_from_db()
    assert world.participant.current_phase == second


def test_it_answers_htmx_with_the_form_alone(world, signed_in):
    response = signed_in(world.coach).get(move_url(world.participant), **HTMX)
    content = response.content.decode()
    assert content.startswith('<form id="phase-move-form"')
    assert 'hx-post="/phases/move/' in content
    assert "<h1>" not in content


def test_it_shows_why_a_move_was_refused(world, signed_in):
    second = ladder_of(world.home)[1]
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    response = signed_in(world.coach).post(
        move_url(world.participant), move_data(second, moved_on=future, reason="")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The date cannot be in the future." in content
    assert "This field is required." in content
    assert 'href="#id_reason"' in content
    assert future in content
    assert not PhaseTransition.objects.exists()


def test_it_shows_htmx_errors_in_place_of_the_form(world, signed_in):
    world.participant.entry_date = timezone.localdate() - timedelta(days=3)
    world.participant.save()
    second = ladder_of(world.home)[1]
    earlier = (timezone.localdate() - timedelta(days=4)).isoformat()
    response = signed_in(world.coach).post(
        move_url(world.participant), move_data(second, moved_on=earlier), **HTMX
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#phase-move-form"
    assert response["HX-Reswap"] == "outerHTML"
    assert "when the current phase began" in response.content.decode()
    assert not PhaseTransition.objects.exists()


# Moving from the board


def test_it_offers_a_move_on_every_board_card_that_returns_to_the_board(world, signed_in):
    client = signed_in(world.coach)
    board = reverse("phases:board") + "?q=Amina&view=board"
    content = client.get(board).content.decode()
    link = f"{move_url(world.participant)}?next=/phases/board/%3Fq%3DAmina%26view%3Dboard"
    assert f'href="{link}"' in content
    assert f'hx-get="{link}"' in content
    assert 'id="board-move-slot"' in content

    form = client.get(link, **HTMX).content.decode()
    assert '<input type="hidden" name="next" value="/phases/board/?q=Amina&amp;view=board">' in form
    assert 'hx-target="#phase-move-form"' in form
    assert "<h2>Move Amina Hassan to another phase</h2>" in form


def test_it_moves_from_the_board_and_goes_back_to_it_without_javascript(world, signed_in):
    second = ladder_of(world.home)[1]
    client = signed_in(world.coach)
    data = move_data(second, next="/phases/board/?q=Amina")
    response = client.post(move_url(world.participant), data)
    assert response.status_code == 302
    assert response["Location"] == "/phases/board/?q=Amina"
    world.participant.refresh_from_db()
    assert world.participant.current_phase == second
    board = client.get(response["Location"]).content.decode()
    assert "Amina Hassan moved to Förberedelse." in board


def test_it_moves_from_the_board_and_reloads_it_with_htmx(world, signed_in):
    second = ladder_of(world.home)[1]
    data = move_data(second, next="/phases/board/?view=table")
    response = signed_in(world.coach).post(move_url(world.participant), data, **HTMX)
    assert response["HX-Redirect"] == "/phases/board/?view=table"
    world.participant.refresh_from_db()
    assert world.participant.current_phase == second


def test_it_keeps_the_board_form_in_place_when_a_move_is_refused(world, signed_in):
    second = ladder_of(world.home)[1]
    data = move_data(second, reason="", next="/phases/board/")
    response = signed_in(world.coach).post(move_url(world.participant), data, **HTMX)
    content = response.content.decode()
    assert response["HX-Retarget"] == "#phase-move-form"
    assert "This field is required." in content
    assert 'name="next" value="/phases/board/"' in content
    assert not PhaseTransition.objects.exists()


def test_it_returns_only_to_pages_of_this_site(world, signed_in):
    second = ladder_of(world.home)[1]
    data = move_data(second, next="https://evil.example/phases/board/")
    response = signed_in(world.coach).post(move_url(world.participant), data)
    assert response["Location"] == reverse(
        "participants:detail", kwargs={"participant": world.participant.public_id}
    )


def test_it_refuses_the_current_phase_as_a_choice(world, signed_in):
    first = ladder_of(world.home)[0]
    response = signed_in(world.coach).post(move_url(world.participant), move_data(first))
    assert "Select a valid choice." in response.content.decode()
    assert not PhaseTransition.objects.exists()


# The caseload board


@pytest.mark.parametrize("persona", ["scout", "viewer"])
def test_it_keeps_the_board_from_scouts_and_viewers(world, signed_in, persona):
    assert signed_in(getattr(world, persona)).get(reverse("phases:board")).status_code == 403


def test_it_shows_the_coach_their_caseload_by_phase(world, signed_in):
    make_participant(
        world.home,
        world.coach,
        first_name="Lina",
        last_name="Lång",
        labour_market_status="unemployed",
        unemployed_since=date(2020, 1, 1),
    )
    response = signed_in(world.coach).get(reverse("phases:board"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="board"' in content and 'class="board__column"' in content
    assert content.count('class="board__card"') == 2
    detail = reverse("participants:detail", kwargs={"participant": world.participant.public_id})
    assert f'href="{detail}">Amina Hassan</a>' in content
    assert "Long-term unemployed" in content
    assert "Cecilia Coach" in content
    assert "Bertil" not in content
    assert "Olga" not in content
    assert 'name="coach"' not in content
    assert f'href="{reverse("participants:create")}"' in content


def test_it_shows_a_colleagues_participant_when_the_organisation_allows(world, signed_in):
    world.home.coaches_see_all_participants = True
    world.home.save()
    client = signed_in(world.coach)
    assert "Bertil Berg" in client.get(reverse("phases:board")).content.decode()
    assert "Bertil Berg" not in client.get(reverse("phases:board"), {"mine": "on"}).content.decode()


def test_it_filters_the_board_without_javascript(world, signed_in):
    response = signed_in(world.admin).get(
        reverse("phases:board"), {"q": "berg", "coach": world.colleague.pk, "status": "active"}
    )
    content = response.content.decode()
    assert "Bertil Berg" in content
    assert "Amina Hassan" not in content
    assert 'value="berg"' in content
    assert f'<option value="{world.colleague.pk}" selected>Kalle Kollega</option>' in content


def test_it_answers_htmx_filters_with_the_results_alone(world, signed_in):
    response = signed_in(world.admin).get(reverse("phases:board"), {"q": "amina"}, **HTMX)
    content = response.content.decode()
    assert "<html" not in content and 'class="filters"' not in content
    assert "Amina Hassan" in content and "Bertil Berg" not in content
    assert "HX-Request" in response["Vary"]


def test_it_answers_a_history_restore_with_the_whole_page(world, signed_in):
    response = signed_in(world.admin).get(
        reverse("phases:board"), {"q": "amina"}, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX
    )
    assert 'class="filters"' in response.content.decode()


def test_it_shows_the_board_as_tables(world, signed_in):
    response = signed_in(world.admin).get(reverse("phases:board"), {"view": "table"})
    content = response.content.decode()
    assert "<caption>Kartläggning (2)</caption>" in content
    assert '<th scope="row"><a href=' in content
    assert 'class="board"' not in content


def test_it_offers_more_cards_of_a_crowded_phase(world, signed_in):
    first = ladder_of(world.home)[0]
    for number in range(26):
        make_participant(world.home, world.coach, first_name="Extra", last_name=f"P{number:02}")
    client = signed_in(world.admin)
    content = client.get(reverse("phases:board")).content.decode()
    assert content.count('class="board__card"') == 25
    assert f"phase={first.pk}&amp;page=2" in content
    assert "Show more in Kartläggning" in content

    page = client.get(reverse("phases:board"), {"phase": first.pk, "page": 2}).content.decode()
    assert page.count('class="board__card"') == 3
    assert "26–28 of 28" in page
    assert 'rel="prev"' in page and 'rel="next"' not in page


def test_it_draws_the_board_in_the_same_number_of_queries_for_3_and_30(world, signed_in):
    client = signed_in(world.admin)
    second = ladder_of(world.home)[1]

    def add(count, start):
        for number in range(start, start + count):
            participant = make_participant(
                world.home, world.coach, world.colleague, first_name="P", last_name=f"{number:03}"
            )
            if number % 3 == 0:
                participant_move_to_phase(
                    participant=participant,
                    to_phase=second,
                    moved_on=timezone.localdate(),
                    reason="Vidare",
                    moved_by=world.admin,
                )

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("phases:board"))
        assert response.status_code == 200
        return len(captured), response.content.decode().count('class="board__card"')

    add(1, 0)
    few = queries()
    add(27, 1)
    many = queries()
    assert (few[1], many[1]) == (3, 30)
    assert few[0] == many[0]
