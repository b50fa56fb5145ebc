from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from baslager.participants.models import SpecialCategoryData, TriState

from .helpers import enrol, make_activity, make_goal, make_occurrence


def test_it_prints_goals_coaches_and_the_coming_weeks(world, signed_in):
    make_goal(world.participant, title="Ta truckkort", description="Kurs i januari")
    activity = make_activity(world.home, title="Jobbklubben", location="Storgatan 1")
    make_occurrence(activity, starts_at=timezone.now() + timedelta(days=3))
    make_occurrence(activity, starts_at=timezone.now() + timedelta(weeks=10), note="för sent")
    enrol(activity, world.participant)

    response = signed_in(world.coach).get(
        reverse("plans:print", kwargs={"participant": world.participant.public_id})
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Ta truckkort" in content
    assert "Kurs i januari" in content
    assert "Jobbklubben" in content
    assert "Storgatan 1" in content
    assert world.coach.full_name in content
    assert world.coach.email in content
    assert "för sent" not in content
    assert 'onclick="window.print()"' in content
    assert "no-print" in content


def test_it_leaves_sensitive_data_off_the_printed_plan(world, signed_in):
    participant = world.participant
    participant.id_number = "199001011234"
    participant.save()
    SpecialCategoryData.objects.create(
        organisation=world.home,
        participant=participant,
        has_disability=TriState.YES,
        health_notes="Ryggbesvär sedan 2019",
    )
    response = signed_in(world.admin).get(
        reverse("plans:print", kwargs={"participant": participant.public_id})
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "199001011234" not in content
    assert "19900101" not in content
    assert "Ryggbesvär" not in content
