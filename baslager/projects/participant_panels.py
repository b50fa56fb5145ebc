"""Projects on the participant page; follow-ups and situations to record are next steps."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baslager.core.panels import NextStep, Panel
from baslager.participants.panels import participant_page

from .selectors import participant_projects


def _next_steps(enrolments) -> list[NextStep]:
    today = timezone.localdate()
    steps = []
    for enrolment in enrolments:
        name = enrolment.project.name
        window_ends = enrolment.situation_window_ends
        if window_ends and window_ends >= today and not enrolment.situations.all():
            steps.append(
                NextStep(
                    text=_("Record the situation within 28 days after the exit from %(project)s")
                    % {"project": name},
                    url=reverse(
                        "projects:situation_create",
                        kwargs={"project_enrolment": enrolment.pk},
                    ),
                    when=window_ends,
                )
            )
        for follow_up in enrolment.follow_ups_6m.all():
            if follow_up.answered_at is None:
                steps.append(
                    NextStep(
                        text=_("Six months after the exit from %(project)s: record the answer")
                        % {"project": name},
                        url=reverse(
                            "projects:follow_up_answer", kwargs={"follow_up_6m": follow_up.pk}
                        ),
                        when=follow_up.due_on,
                    )
                )
    return steps


def _projects(request, participant) -> dict:
    context = participant_projects(membership=request.membership, participant=participant)
    context["next_steps"] = _next_steps(context["enrolments"])
    return context


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="projects",
            title=gettext_lazy("Projects"),
            order=70,
            template="projects/_participant_panel.html",
            context=_projects,
            url_name="projects:participant",
        )
    )
