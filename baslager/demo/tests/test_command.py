from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from baslager.employers.models import Employer
from baslager.openings.models import Opening
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


def test_it_loads_the_asked_numbers_of_employers_and_openings():
    output = run("--participants", "4", "--employers", "12", "--openings", "8")

    assert "6 employers, 4 openings" in output
    assert Employer.objects.count() == 12
    assert Opening.objects.count() == 8
    with pytest.raises(CommandError, match="--reset"):
        run("--openings", "10")
    assert "already loaded" in run("--participants", "4", "--openings", "8")


def test_it_refuses_too_few_employers():
    with pytest.raises(CommandError, match="--employers"):
        run("--employers", "1")
    with pytest.raises(CommandError, match="--openings"):
        run("--openings", "-1")
    assert not Employer.objects.exists()
