from datetime import date

import pytest

from baslager.employability.models import AnsweredHow, Occasion
from baslager.employability.services import assessment_record, questionnaire_for
from baslager.testing.messages import sms_provider, smtp_inbox, worker  # noqa: F401


@pytest.fixture
def questionnaire(world):
    return questionnaire_for(organisation=world.home)


@pytest.fixture
def record(world, questionnaire):
    """``record(occasion, value_or_values, on=date, participant=..., project=...)``: an assessment
    answering every active question with ``value`` (or the list of values, in order)."""

    def make(occasion=Occasion.ENTRY, values=3, *, on=date(2026, 1, 10), participant=None, **kw):
        questions = list(questionnaire.questions.filter(is_active=True))
        if not isinstance(values, list):
            values = [values] * len(questions)
        return assessment_record(
            participant=participant or world.participant,
            questionnaire=questionnaire,
            occasion=occasion,
            language=kw.pop("language", "sv"),
            answered_how=kw.pop("answered_how", AnsweredHow.PAPER),
            values={q.pk: v for q, v in zip(questions, values, strict=False)},
            answered_on=on,
            entered_by=world.coach,
            **kw,
        )

    return make
