import re
from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from baslager.employability.models import (
    Answer,
    AnsweredHow,
    Assessment,
    AssessmentLink,
    Occasion,
    Question,
)
from baslager.employability.services import assessment_link_create, language_save
from baslager.testing.personas import make_participant
from baslager.testing.queries import queries_to_get


def _url(name, participant):
    return reverse(f"employability:{name}", kwargs={"participant": participant.public_id})


def _answers(questionnaire, value="4"):
    return {f"question_{q.pk}": value for q in questionnaire.questions.filter(is_active=True)}


@pytest.fixture
def somali(questionnaire):
    first = questionnaire.questions.first()
    language_save(
        questionnaire=questionnaire,
        code="so",
        texts={
            "name": "Soomaali",
            "scale": ["Maya", "Wax yar", "Qayb ahaan", "Inta badan", "Haa"],
            "title": "Sidee u aragtaa naftaada iyo shaqada?",
            "submit": "Dir jawaabahayga",
        },
        question_texts={first.pk: "Waan ogahay shaqooyinka aan codsan karo."},
    )
    return questionnaire


def test_the_coach_sees_the_change_over_time(world, signed_in, record):
    record(Occasion.ENTRY, 2, on=date(2026, 1, 10))
    record(Occasion.EXIT, 4, on=date(2026, 6, 10))
    body = signed_in(world.coach).get(_url("participant", world.participant)).content.decode()
    assert "Increased perceived employability" in body
    assert "<svg" in body and "<table" in body and "4.00" in body and "2.00" in body


@pytest.mark.parametrize(
    ("who", "status"),
    [("colleague", 404), ("scout", 403), ("viewer", 403), ("outsider", 404), ("admin", 200)],
)
def test_only_those_who_may_see_the_participant_get_in(world, signed_in, record, who, status):
    record()
    client = signed_in(getattr(world, who))
    for name in ("participant", "summary", "paper", "answer", "enter"):
        assert client.get(_url(name, world.participant)).status_code == status, name
    assessment = Assessment.objects.get()
    delete = reverse("employability:delete", kwargs={"assessment": assessment.public_id})
    assert client.post(delete).status_code == (302 if status == 200 else status)


def test_the_participant_answers_on_the_coachs_device(world, signed_in, somali):
    client = signed_in(world.coach)
    start = client.post(
        _url("start", world.participant),
        {"occasion": Occasion.ENTRY, "language": "so", "how": "screen"},
    )
    page = client.get(start["Location"])
    body = page.content.decode()
    assert 'lang="so"' in body and "Waan ogahay shaqooyinka" in body and "Haa" in body
    # A question nobody translated yet reads in Swedish; the page shows nothing of the person.
    assert "Jag kan berätta om vad jag är bra på." in body
    assert world.participant.last_name not in body and world.participant.first_name not in body
    assert 'class="site-header"' not in body
    response = client.post(start["Location"], _answers(somali, "4") | {"question_1": "skip"})
    assessment = Assessment.objects.get()
    assert assessment.answered_how == AnsweredHow.SCREEN and assessment.language == "so"
    assert assessment.entered_by == world.coach and assessment.occasion == Occasion.ENTRY
    assert response.status_code == 302 and "/summary/" in response["Location"]
    summary = client.get(response["Location"]).content.decode()
    assert "Mahadsanid" not in summary and "Tack för dina svar!" in summary  # thanks falls back


def test_nothing_answered_is_refused(world, signed_in, questionnaire):
    client = signed_in(world.coach)
    response = client.post(_url("answer", world.participant), _answers(questionnaire, "skip"))
    assert (
        response.status_code == 200 and "Answer at least one question." in response.content.decode()
    )
    assert not Assessment.objects.exists()


def test_right_to_left_languages_read_right_to_left(world, signed_in, questionnaire):
    language_save(
        questionnaire=questionnaire, code="ar", texts={"name": "العربية"}, question_texts={}
    )
    body = signed_in(world.coach).get(_url("paper", world.participant) + "?language=ar").content
    assert 'dir="rtl"' in body.decode() and 'lang="ar"' in body.decode()


def test_the_paper_form_is_printable_and_typed_in(world, signed_in, questionnaire):
    client = signed_in(world.coach)
    paper = client.get(_url("paper", world.participant) + "?language=en&occasion=exit").content
    paper = paper.decode()
    assert "print.css" in paper and "I know which jobs I can apply for." in paper
    assert "Completely true" in paper and "At the end" in paper
    assert world.participant.last_name not in paper
    data = _answers(questionnaire, "3") | {
        "occasion": Occasion.EXIT,
        "answered_on": "2026-02-01",
        "language": "en",
    }
    response = client.post(_url("enter", world.participant), data)
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.answered_how == AnsweredHow.PAPER and assessment.entered_by == world.coach
    assert assessment.answered_on == date(2026, 2, 1)
    assert set(Answer.objects.values_list("value", flat=True)) == {3}


@pytest.fixture
def link_token(world, signed_in, questionnaire):
    response = signed_in(world.coach).post(
        _url("start", world.participant),
        {"occasion": Occasion.INTERIM, "language": "en", "how": "link"},
    )
    body = response.content.decode()
    assert "shown only this once" in body
    return body.split("/employability/answer/")[1].split("/")[0]


def test_the_participant_answers_through_a_one_time_link(world, link_token, questionnaire):
    anonymous = Client()
    url = reverse("employability:respond", kwargs={"token": link_token})
    body = anonymous.get(url).content.decode()
    assert "I know which jobs I can apply for." in body
    for personal in (world.participant.first_name, world.participant.last_name, world.home.name):
        assert personal not in body
    assert LogEntry.objects.filter(additional_data__viewed="employability_link").count() == 1
    done = anonymous.post(url, _answers(questionnaire, "5"))
    assert done.status_code == 200 and "Thank you for your answers!" in done.content.decode()
    assessment = Assessment.objects.get()
    assert assessment.occasion == Occasion.INTERIM and assessment.entered_by is None
    assert anonymous.get(url).status_code == 404
    assert anonymous.post(url, _answers(questionnaire, "1")).status_code == 404
    assert Assessment.objects.count() == 1


def test_a_revoked_expired_or_guessed_link_answers_404(world, signed_in, link_token):
    anonymous = Client()
    url = reverse("employability:respond", kwargs={"token": link_token})
    assert (
        anonymous.get(reverse("employability:respond", kwargs={"token": "gissning"})).status_code
        == 404
    )
    AssessmentLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert anonymous.get(url).status_code == 404
    AssessmentLink.objects.update(expires_at=timezone.now() + timedelta(days=1))
    assert anonymous.get(url).status_code == 200
    signed_in(world.coach).post(_url("link_revoke", world.participant))
    assert anonymous.get(url).status_code == 404


def test_the_participant_page_shows_the_panel(world, signed_in, record):
    record(Occasion.ENTRY, 2)
    body = (
        signed_in(world.coach)
        .get(reverse("participants:detail", kwargs={"participant": world.participant.public_id}))
        .content.decode()
    )
    assert 'id="employability-heading"' in body and "1 self-assessment" in body


@pytest.mark.parametrize("name", ["participant", "summary"])
def test_pages_take_the_same_queries_however_many_assessments(world, signed_in, record, name):
    client = signed_in(world.coach)
    record(Occasion.ENTRY, 2, on=date(2026, 1, 1))
    record(Occasion.EXIT, 3, on=date(2026, 1, 2))
    few = queries_to_get(client, _url(name, world.participant))
    for day in range(3, 15):
        record(Occasion.INTERIM, 4, on=date(2026, 1, day))
    assert queries_to_get(client, _url(name, world.participant)) == few


def test_only_administrators_configure_the_questions(world, signed_in, questionnaire):
    question = questionnaire.questions.first()
    edit = reverse("employability:question_edit", kwargs={"question": question.pk})
    assert signed_in(world.coach).get(reverse("employability:settings")).status_code == 403
    assert signed_in(world.coach).post(edit, {}).status_code == 403
    admin = signed_in(world.admin)
    assert (
        "Jag vet vilka jobb jag kan söka."
        in admin.get(reverse("employability:settings")).content.decode()
    )
    response = admin.post(
        edit, {"text_sv": "Jag vet vilka yrken som finns.", "text_en": "I know the trades."}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.texts == {"sv": "Jag vet vilka yrken som finns.", "en": "I know the trades."}
    assert question.is_active is False  # the box was left unticked


def test_an_administrator_adds_a_question_and_a_language(world, signed_in, questionnaire):
    admin = signed_in(world.admin)
    missing = admin.post(reverse("employability:question_create"), {"text_sv": "Bara svenska"})
    assert (
        missing.status_code == 200
        and not Question.objects.filter(texts__sv="Bara svenska").exists()
    )
    admin.post(
        reverse("employability:question_create"),
        {"text_sv": "Jag har körkort.", "text_en": "I have a licence.", "is_active": "on"},
    )
    assert Question.objects.filter(
        questionnaire=questionnaire, texts__sv="Jag har körkort."
    ).exists()
    data = {"code": "ti", "name": "ትግርኛ"} | {f"scale_{v}": f"{v}" for v in range(1, 6)}
    first = questionnaire.questions.first()
    data[f"question_{first.pk}"] = "ክሰርሖ ዝኽእል ስራሕ እፈልጥ እየ።"
    assert admin.post(reverse("employability:language_create"), data).status_code == 302
    questionnaire.refresh_from_db()
    first.refresh_from_db()
    assert questionnaire.languages["ti"]["name"] == "ትግርኛ" and first.text_in("ti").startswith(
        "ክሰርሖ"
    )
    edit = reverse("employability:language_edit", kwargs={"language_code": "ti"})
    assert admin.get(edit).status_code == 200
    unknown = reverse("employability:language_edit", kwargs={"language_code": "xx"})
    assert admin.get(unknown).status_code == 404


def test_an_outsider_cannot_edit_homes_questions(world, signed_in, questionnaire):
    question = questionnaire.questions.first()
    client = signed_in(world.outsider)
    edit = reverse("employability:question_edit", kwargs={"question": question.pk})
    assert client.get(edit).status_code == 404
    move = reverse("employability:question_move", kwargs={"question": question.pk})
    assert client.post(move, {"direction": "down"}).status_code == 404


def test_a_link_for_another_participant_is_not_shown_to_a_colleague(
    world, signed_in, questionnaire
):
    other = make_participant(world.home, world.colleague)
    assessment_link_create(
        participant=other,
        questionnaire=questionnaire,
        occasion="entry",
        language="sv",
        actor=world.colleague,
    )
    assert signed_in(world.coach).get(_url("participant", other)).status_code == 404


def test_the_charts_draw_in_swedish_too(world, signed_in, record):
    """Coordinates must not be localised: "146,7" would break the drawing."""
    record(Occasion.ENTRY, [2, 3, 2, 3, 1, 2, 3, 2, 2], on=date(2026, 1, 10))
    record(Occasion.EXIT, [4, 4, 3, 5, 4, 3, 4, 4, None], on=date(2026, 6, 10))
    client = signed_in(world.coach)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sv"
    for name in ("participant", "summary"):
        body = client.get(_url(name, world.participant)).content.decode()
        assert body.count("<svg") == (1 if name == "participant" else 2)
        assert not re.search(r'\b(?:x|y|cx|cy|width)="[^"]*,', body), name
        assert "2,22" in body  # the figures themselves are in Swedish
