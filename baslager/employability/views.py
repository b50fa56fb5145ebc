from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.access_log import access_record
from baslager.core.forms import save_valid_form
from baslager.messaging.models import Channel
from baslager.messaging.selectors import messages_about
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import ADMIN_ONLY, STAFF_WITH_PARTICIPANTS, role_required

from . import charts, selectors, services
from .forms import (
    AnswersForm,
    AssessmentStartForm,
    LanguageForm,
    PaperEntryForm,
    QuestionForm,
    QuestionnaireForm,
)
from .models import RTL_LANGUAGES, AnsweredHow, Occasion, Question

# How the participant will answer: the buttons of the start form.
HOW_TARGETS = {"screen": "employability:answer", "paper": "employability:paper"}
# A link for the participant: shown to copy ("link") or sent by SMS or e-mail.
LINK_HOWS = {"link": "", "link_sms": Channel.SMS, "link_email": Channel.EMAIL}


def _overview_url(participant) -> str:
    return reverse("employability:participant", kwargs={"participant": participant.public_id})


def _setup(request, participant):
    """The questionnaire and the choices for this round (occasion, language, project) from the
    address, with sensible defaults: the participant's own language, entry the first time."""
    questionnaire = services.questionnaire_for(organisation=request.membership.organisation)
    language = participant.preferred_language
    defaults = {
        "occasion": Occasion.INTERIM
        if participant.employability_assessments.exists()
        else Occasion.ENTRY,
        "language": language if language in questionnaire.languages else "sv",
    }
    form = AssessmentStartForm(
        {**defaults, **request.GET.dict()},
        questionnaire=questionnaire,
        membership=request.membership,
    )
    if not form.is_valid():
        form = AssessmentStartForm(
            defaults, questionnaire=questionnaire, membership=request.membership
        )
        form.is_valid()
    return questionnaire, form.cleaned_data, form


def _round_query(choices: dict) -> str:
    query = {"occasion": choices["occasion"], "language": choices["language"]}
    if choices.get("project"):
        query["project"] = choices["project"].pk
    return urlencode(query)


def _direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def _render_overview(request, participant, *, form=None, new_link: str = ""):
    questionnaire, _choices, initial_form = _setup(request, participant)
    found = selectors.history(membership=request.membership, participant=participant)
    context = {
        "participant": participant,
        "questionnaire": questionnaire,
        "history": found,
        "form": form or initial_form,
        "link": selectors.open_link(participant=participant),
        "new_link": new_link,
        "sent": messages_about(
            membership=request.membership, topic=f"assessment_link:{participant.pk}"
        ),
        **_charts(found, labels={o.value: o.label for o in Occasion}),
    }
    return render(request, "employability/participant.html", context)


def _charts(found, *, labels: dict) -> dict:
    items = [
        (labels[a.occasion], a.answered_on.isoformat(), average)
        for a, average in zip(found.assessments, found.averages, strict=True)
    ]
    return {
        "averages_chart": charts.averages_chart(items),
        "questions_chart": charts.first_and_latest_chart(
            [row.first_and_last for row in found.questions]
        ),
    }


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def participant_overview(request, participant):
    participant = selectors.participant_for_assessment(
        membership=request.membership, public_id=participant
    )
    return _render_overview(request, participant)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def assessment_start(request, participant):
    """Starts a round: on this device now, on paper, typed in from paper, or by a link."""
    participant = selectors.participant_for_assessment(
        membership=request.membership, public_id=participant
    )
    questionnaire = services.questionnaire_for(organisation=request.membership.organisation)
    form = AssessmentStartForm(
        request.POST, questionnaire=questionnaire, membership=request.membership
    )
    how = request.POST.get("how", "")
    if not form.is_valid():
        return _render_overview(request, participant, form=form)
    kwargs = {"participant": participant.public_id}
    if how == "enter":
        return redirect(
            f"{reverse('employability:enter', kwargs=kwargs)}?{_round_query(form.cleaned_data)}"
        )
    if how in HOW_TARGETS:
        return redirect(
            f"{reverse(HOW_TARGETS[how], kwargs=kwargs)}?{_round_query(form.cleaned_data)}"
        )
    if how not in LINK_HOWS:
        return _render_overview(request, participant, form=form)
    link_kwargs = {
        "participant": participant,
        "questionnaire": questionnaire,
        "occasion": form.cleaned_data["occasion"],
        "language": form.cleaned_data["language"],
        "project": form.cleaned_data["project"],
        "actor": request.user,
    }
    try:
        if how == "link":
            _link, token = services.assessment_link_create(**link_kwargs)
        else:
            services.assessment_link_send(
                **link_kwargs,
                channel=LINK_HOWS[how],
                link_url=lambda token: request.build_absolute_uri(
                    reverse("employability:respond", kwargs={"token": token})
                ),
            )
    except ValidationError as error:
        form.add_error(None, error)
        return _render_overview(request, participant, form=form)
    if how != "link":
        messages.success(request, _("The link is on its way to the participant."))
        return redirect(_overview_url(participant) + "#link-heading")
    new_link = request.build_absolute_uri(reverse("employability:respond", kwargs={"token": token}))
    return _render_overview(request, participant, new_link=new_link)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def link_revoke(request, participant):
    participant = selectors.participant_for_assessment(
        membership=request.membership, public_id=participant
    )
    if services.assessment_link_revoke(participant=participant):
        messages.success(request, _("The link no longer works."))
    return redirect(_overview_url(participant) + "#link-heading")


def _questions_page(request, *, questionnaire, choices, form, action: str):
    language = choices["language"]
    context = {
        "questionnaire": questionnaire,
        "language": language,
        "direction": _direction(language),
        "form": form,
        "action": action,
        "title": questionnaire.phrase(language, "title"),
        "intro": questionnaire.phrase(language, "intro"),
        "submit": questionnaire.phrase(language, "submit"),
    }
    return render(request, "employability/answer.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, participant):
    """The participant answers on the coach's device: the questions in their language, nothing
    else of theirs on the screen."""
    participant = selectors.participant_for_assessment(
        membership=request.membership, public_id=participant
    )
    questionnaire, choices, _form = _setup(request, participant)
    questions = selectors.active_questions(questionnaire=questionnaire)
    form = AnswersForm(
        request.POST or None,
        questionnaire=questionnaire,
        questions=questions,
        language=choices["language"],
    )
    saved = save_valid_form(
        request,
        form,
        lambda _data: services.assessment_record(
            participant=participant,
            questionnaire=questionnaire,
            occasion=choices["occasion"],
            language=choices["language"],
            project=choices["project"],
            answered_how=AnsweredHow.SCREEN,
            values=form.values(),
            entered_by=request.user,
        ),
    )
    if saved is not None:
        summary = reverse("employability:summary", kwargs={"participant": participant.public_id})
        return redirect(f"{summary}?{urlencode({'language': choices['language'], 'done': 1})}")
    return _questions_page(
        request,
        questionnaire=questionnaire,
        choices=choices,
        form=form,
        action=request.get_full_path(),
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def paper(request, participant):
    """A blank form to print in the chosen language: no name or other personal data on it, so a
    lost sheet gives nobody away; the coach types it in against the right participant."""
    participant = selectors.participant_for_assessment(
        membership=request.membership, public_id=participant
    )
    questionnaire, choices, _form = _setup(request, participant)
    language = choices["language"]
    context = {
        "participant": participant,
        "questionnaire": questionnaire,
        "language": language,
        "direction": _direction(language),
        "questions": [
            question.text_in(language)
            for question in selectors.active_questions(questionnaire=questionnaire)
        ],
        "scale": list(enumerate(questionnaire.scale(language), start=1)),
        "title": questionnaire.phrase(language, "title"),
        "intro": questionnaire.phrase(language, "intro"),
        "skip": questionnaire.phrase(language, "skip"),
        "occasion": questionnaire.phrase(language, choices["occasion"]),
    }
    return render(request, "employability/paper.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def enter(request, participant):
    """The coach types in the answers from a paper form."""
    participant = selectors.participant_for_assessment(
        membership=request.membership, public_id=participant
    )
    questionnaire, choices, _form = _setup(request, participant)
    form = PaperEntryForm(
        request.POST or None,
        questionnaire=questionnaire,
        questions=selectors.active_questions(questionnaire=questionnaire),
        language=request.LANGUAGE_CODE,
        membership=request.membership,
        initial={key: choices[key] for key in ("occasion", "language", "project")},
    )
    saved = save_valid_form(
        request,
        form,
        lambda data: services.assessment_record(
            participant=participant,
            questionnaire=questionnaire,
            occasion=data["occasion"],
            language=data["language"],
            project=data["project"],
            answered_on=data["answered_on"],
            answered_how=AnsweredHow.PAPER,
            values=form.values(),
            entered_by=request.user,
        ),
    )
    if saved is not None:
        messages.success(request, _("The answers are saved."))
        return redirect(_overview_url(participant))
    return render(request, "employability/enter.html", {"participant": participant, "form": form})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def summary(request, participant):
    """The change over time for the participant to see, in their language, in large type."""
    participant = selectors.participant_for_assessment(
        membership=request.membership, public_id=participant
    )
    questionnaire, choices, _form = _setup(request, participant)
    language = choices["language"]
    found = selectors.history(membership=request.membership, participant=participant)
    labels = {o.value: questionnaire.phrase(language, o.value) for o in Occasion}
    context = {
        "participant": participant,
        "questionnaire": questionnaire,
        "language": language,
        "direction": _direction(language),
        "history": found,
        "occasions": [labels[a.occasion] for a in found.assessments],
        "questions": [(row.question.text_in(language), row.values) for row in found.questions],
        "title": questionnaire.phrase(language, "title"),
        "average": questionnaire.phrase(language, "average"),
        "thanks": questionnaire.phrase(language, "thanks") if request.GET.get("done") else "",
        **_charts(found, labels=labels),
    }
    return render(request, "employability/summary.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def assessment_delete(request, assessment):
    assessment = selectors.assessment_detail(membership=request.membership, public_id=assessment)
    participant = assessment.participant
    services.assessment_delete(assessment=assessment)
    messages.success(request, _("The self-assessment is removed."))
    return redirect(_overview_url(participant))


# The participant has no account: the one-time token in the address is the permission. The page
# shows the questions in their language and nothing else, and nothing of it may be cached on a
# shared device.
@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def respond(request, token):
    link = selectors.link_by_token(token=token)
    questionnaire, language = link.questionnaire, link.language
    if request.method == "GET":
        access_record(instance=link, what="employability_link")
    form = AnswersForm(
        request.POST or None,
        questionnaire=questionnaire,
        questions=selectors.active_questions(questionnaire=questionnaire),
        language=language,
    )
    saved = save_valid_form(
        request,
        form,
        lambda _data: services.assessment_link_answer(link=link, values=form.values()),
    )
    if saved is not None:
        context = {
            "language": language,
            "direction": _direction(language),
            "title": questionnaire.phrase(language, "title"),
            "thanks": questionnaire.phrase(language, "thanks"),
        }
        return render(request, "employability/thanks.html", context)
    choices = {"language": language}
    return _questions_page(
        request, questionnaire=questionnaire, choices=choices, form=form, action=request.path
    )


# Configuration: administrators only.


def _settings_url() -> str:
    return reverse("employability:settings")


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET"])
def settings_page(request):
    questionnaire = services.questionnaire_for(organisation=request.membership.organisation)
    context = {
        "questionnaire": questionnaire,
        "questions": list(questionnaire.questions.order_by("position", "pk")),
        "languages": questionnaire.language_choices(),
    }
    return render(request, "employability/settings.html", context)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def questionnaire_edit(request):
    questionnaire = services.questionnaire_for(organisation=request.membership.organisation)
    form = QuestionnaireForm(request.POST or None, instance=questionnaire)
    if request.method == "POST" and form.is_valid():
        services.questionnaire_edit(questionnaire=questionnaire, data=form.cleaned_data)
        messages.success(request, _("The questionnaire is saved."))
        return redirect(_settings_url())
    return render(request, "employability/questionnaire_form.html", {"form": form})


def _question_form(request, questionnaire, question: Question):
    form = QuestionForm(request.POST or None, questionnaire=questionnaire, question=question)
    saved = save_valid_form(
        request,
        form,
        lambda data: services.question_save(
            question=question, texts=form.texts(), is_active=data["is_active"]
        ),
    )
    if saved is not None:
        messages.success(request, _("The question is saved."))
        return redirect(_settings_url())
    return render(request, "employability/question_form.html", {"form": form, "question": question})


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def question_create(request):
    questionnaire = services.questionnaire_for(organisation=request.membership.organisation)
    question = Question(organisation=questionnaire.organisation, questionnaire=questionnaire)
    return _question_form(request, questionnaire, question)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def question_edit(request, question):
    question = get_scoped_or_404(
        Question.objects.select_related("questionnaire"), request.membership, pk=question
    )
    return _question_form(request, question.questionnaire, question)


@role_required(*ADMIN_ONLY)
@require_POST
def question_move(request, question):
    question = get_scoped_or_404(Question, request.membership, pk=question)
    services.question_move(question=question, up=request.POST.get("direction") == "up")
    return redirect(_settings_url() + "#questions-heading")


def _language_form(request, questionnaire, code: str | None):
    form = LanguageForm(request.POST or None, questionnaire=questionnaire, code=code)
    saved = save_valid_form(
        request,
        form,
        lambda _data: services.language_save(
            questionnaire=questionnaire,
            code=form.language_code(),
            texts=form.texts(),
            question_texts=form.question_texts(),
        ),
    )
    if saved is not None:
        messages.success(request, _("The language is saved."))
        return redirect(_settings_url())
    context = {
        "form": form,
        "code": code,
        "name": questionnaire.languages.get(code, {}).get("name"),
    }
    return render(request, "employability/language_form.html", context)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def language_create(request):
    questionnaire = services.questionnaire_for(organisation=request.membership.organisation)
    return _language_form(request, questionnaire, None)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def language_edit(request, language_code):
    questionnaire = services.questionnaire_for(organisation=request.membership.organisation)
    if language_code not in questionnaire.languages:
        raise Http404
    return _language_form(request, questionnaire, language_code)
