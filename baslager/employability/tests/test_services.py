from datetime import date

import pytest
from django.core.exceptions import ValidationError

from baslager.employability.defaults import DEFAULT_QUESTIONS
from baslager.employability.models import (
    Answer,
    AnsweredHow,
    Occasion,
    Question,
    Questionnaire,
)
from baslager.employability.services import (
    assessment_link_answer,
    assessment_link_create,
    assessment_record,
    language_save,
    question_move,
    question_save,
    questionnaire_for,
)
from baslager.projects.models import Project


def test_the_default_set_is_made_once_per_organisation(world):
    first = questionnaire_for(organisation=world.home)
    again = questionnaire_for(organisation=world.home)
    other = questionnaire_for(organisation=world.other)
    assert first == again and other != first
    assert Questionnaire.objects.filter(organisation=world.home).count() == 1
    assert first.questions.count() == len(DEFAULT_QUESTIONS)
    assert first.questions.first().text_in("sv") == "Jag vet vilka jobb jag kan söka."
    assert first.scale("sv")[0] == "Stämmer inte alls" and first.scale("sv")[4] == "Stämmer helt"


def test_every_default_question_reads_in_swedish_and_english(questionnaire):
    for question in questionnaire.questions.all():
        question.full_clean()
        assert question.text_in("en") != question.text_in("sv")


def test_a_language_without_a_text_falls_back_to_swedish(questionnaire):
    question = questionnaire.questions.first()
    language_save(
        questionnaire=questionnaire,
        code="so",
        texts={"name": "Soomaali", "scale": ["a", "b", "c", "d", "e"], "title": "Cinwaan"},
        question_texts={question.pk: "Waan ogahay shaqooyinka aan codsan karo."},
    )
    questionnaire.refresh_from_db()
    question.refresh_from_db()
    second = questionnaire.questions.all()[1]
    assert question.text_in("so") == "Waan ogahay shaqooyinka aan codsan karo."
    assert second.text_in("so") == second.text_in("sv")
    assert questionnaire.phrase("so", "title") == "Cinwaan"
    assert questionnaire.phrase("so", "submit") == "Skicka mina svar"
    assert questionnaire.scale("so") == ["a", "b", "c", "d", "e"]
    assert questionnaire.language_codes() == ["sv", "en", "so"]


def test_swedish_and_english_cannot_lose_a_question_text(questionnaire):
    question = questionnaire.questions.first()
    with pytest.raises(ValidationError):
        language_save(
            questionnaire=questionnaire,
            code="en",
            texts=questionnaire.languages["en"],
            question_texts={question.pk: ""},
        )
    with pytest.raises(ValidationError):
        question_save(question=question, texts={"sv": "Ny text", "en": " "})


def test_a_new_question_goes_last_and_moves_up(questionnaire):
    question = question_save(
        question=Question(organisation=questionnaire.organisation, questionnaire=questionnaire),
        texts={"sv": "Jag har ett körkort.", "en": "I have a driving licence.", "ar": ""},
    )
    assert question.position == len(DEFAULT_QUESTIONS) + 1
    assert "ar" not in question.texts
    question_move(question=question, up=True)
    order = list(questionnaire.questions.order_by("position").values_list("pk", flat=True))
    assert order[-2] == question.pk
    assert list(
        questionnaire.questions.order_by("position").values_list("position", flat=True)
    ) == list(range(1, len(order) + 1))


def test_an_assessment_keeps_values_and_skips(world, questionnaire):
    first, second, *rest = questionnaire.questions.all()
    assessment = assessment_record(
        participant=world.participant,
        questionnaire=questionnaire,
        occasion=Occasion.ENTRY,
        language="sv",
        answered_how=AnsweredHow.PAPER,
        values={first.pk: 4, second.pk: None},
        answered_on=date(2026, 3, 1),
        entered_by=world.coach,
    )
    answers = dict(Answer.objects.filter(assessment=assessment).values_list("question", "value"))
    assert answers == {first.pk: 4, second.pk: None}
    assert assessment.organisation == world.home


def test_an_answer_outside_the_scale_is_refused(world, questionnaire):
    question = questionnaire.questions.first()
    with pytest.raises(ValidationError):
        assessment_record(
            participant=world.participant,
            questionnaire=questionnaire,
            occasion=Occasion.ENTRY,
            language="sv",
            answered_how=AnsweredHow.PAPER,
            values={question.pk: 6},
        )
    assert not Answer.objects.exists()


def test_a_deactivated_question_is_not_asked_but_its_answers_stay(world, questionnaire, record):
    question = questionnaire.questions.first()
    record(values=2)
    question_save(question=question, texts=question.texts, is_active=False)
    later = record(Occasion.EXIT, 4, on=date(2026, 6, 1))
    assert Answer.objects.filter(question=question).count() == 1
    assert not later.answers.filter(question=question).exists()


def test_another_organisations_project_or_an_unknown_language_is_refused(world, questionnaire):
    theirs = Project.objects.create(
        organisation=world.other,
        name="Deras",
        funder="own",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    values = {questionnaire.questions.first().pk: 3}
    common = {
        "participant": world.participant,
        "questionnaire": questionnaire,
        "occasion": Occasion.ENTRY,
        "answered_how": AnsweredHow.SCREEN,
        "values": values,
    }
    with pytest.raises(ValidationError):
        assessment_record(language="sv", project=theirs, **common)
    with pytest.raises(ValidationError):
        assessment_record(language="ti", **common)


def test_a_link_answers_once(world, questionnaire):
    link, token = assessment_link_create(
        participant=world.participant,
        questionnaire=questionnaire,
        occasion=Occasion.ENTRY,
        language="en",
        actor=world.coach,
    )
    assert link.token_hash != token and len(token) > 30
    values = {questionnaire.questions.first().pk: 5}
    assessment = assessment_link_answer(link=link, values=values)
    assert assessment.answered_how == AnsweredHow.SCREEN and assessment.entered_by is None
    assert assessment.language == "en"
    with pytest.raises(ValidationError):
        assessment_link_answer(link=link, values=values)


def test_a_new_link_stops_the_open_one(world, questionnaire):
    first, _ = assessment_link_create(
        participant=world.participant,
        questionnaire=questionnaire,
        occasion="entry",
        language="sv",
        actor=world.coach,
    )
    assessment_link_create(
        participant=world.participant,
        questionnaire=questionnaire,
        occasion="entry",
        language="sv",
        actor=world.coach,
    )
    first.refresh_from_db()
    assert first.revoked_at is not None
