from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from baslager.participants.models import Participant

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("demo_data", *args, stdout=out)
    return out.getvalue()


def test_it_loads_and_prints_the_logins():
    output = run("--participants", "10")

    assert "Demo data loaded" in output
    for email in (
        "admin@arbetslivskraft.example",
        "coach@arbetslivskraft.example",
        "scout@arbetslivskraft.example",
        "viewer@arbetslivskraft.example",
        "coach@allakanarbeta.example",
    ):
        assert email in output
    assert "baslager-demo" in output
    assert Participant.objects.count() == 10


def test_it_says_already_loaded_and_reprints_the_logins():
    run("--participants", "10")

    output = run("--participants", "10")

    assert "already loaded" in output
    assert "coach@allakanarbeta.example" in output
    assert Participant.objects.count() == 10


def test_it_explains_how_to_load_another_number():
    run("--participants", "10")

    with pytest.raises(CommandError, match="--reset"):
        run("--participants", "14")
    run("--participants", "14", "--reset")

    assert Participant.objects.count() == 14
