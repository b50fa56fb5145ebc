"""Machine-checkable parts of WCAG 2.2 AA on the pages people work in: every form control has
an accessible name, every page one h1 and a language, every button a name."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from baslager.journal.services import case_note_create
from baslager.plans.models import Activity, ActivityKind

from .walk import build_kwargs_registry

UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class PageAudit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.labelled_ids: set[str] = set()
        self.controls: list[dict] = []
        self.open_labels = 0
        self.h1_count = 0
        self.html_lang = None
        self.buttons: list[dict] = []
        self._button_text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "label":
            self.open_labels += 1
            if attributes.get("for"):
                self.labelled_ids.add(attributes["for"])
        elif tag in {"input", "select", "textarea"}:
            if attributes.get("type", "text") not in UNLABELLED_TYPES:
                self.controls.append({**attributes, "_tag": tag, "_in_label": self.open_labels > 0})
        elif tag == "button":
            self._button_text = []
            self.buttons.append(attributes)

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1
        elif tag == "button" and self._button_text is not None:
            self.buttons[-1]["_text"] = "".join(self._button_text).strip()
            self._button_text = None

    def handle_data(self, data):
        if self._button_text is not None:
            self._button_text.append(data)

    def problems(self) -> list[str]:
        found = []
        if not self.html_lang:
            found.append("<html> has no lang")
        if self.h1_count != 1:
            found.append(f"{self.h1_count} h1 elements")
        for control in self.controls:
            named = (
                control["_in_label"]
                or control.get("id") in self.labelled_ids
                or control.get("aria-label")
                or control.get("aria-labelledby")
            )
            if not named:
                found.append(f"unlabelled {control['_tag']} name={control.get('name')}")
        for button in self.buttons:
            if not (button.get("_text") or button.get("aria-label")):
                found.append(f"button without a name: {button}")
        return found


def pages(world):
    participant = {"participant": world.participant.public_id}
    activity = Activity.objects.create(
        organisation=world.home, kind=ActivityKind.GROUP_MEETING, title="Veckomöte", is_group=True
    )
    case_note_create(
        participant=world.participant,
        occurred_on=world.participant.entry_date,
        text="Första samtalet.",
        author=world.coach,
    )
    return [
        reverse("phases:board"),
        reverse("phases:overview"),
        reverse("phases:ladder"),
        reverse("phases:move", kwargs=participant),
        reverse("participants:list"),
        reverse("participants:create"),
        reverse("participants:detail", kwargs=participant),
        reverse("participants:profile", kwargs=participant),
        reverse("participants:edit", kwargs=participant),
        reverse("participants:mapping", kwargs=participant),
        reverse("participants:special_category", kwargs=participant),
        reverse("participants:special_category_edit", kwargs=participant),
        reverse("participants:coaches", kwargs=participant),
        reverse("plans:plan", kwargs=participant),
        reverse("plans:goal_create", kwargs=participant),
        reverse("plans:enrol", kwargs=participant),
        reverse("plans:print", kwargs=participant),
        reverse("plans:activities"),
        reverse("plans:activity_create"),
        reverse("plans:activity", kwargs={"activity": activity.pk}),
        reverse("plans:occurrence_create", kwargs={"activity": activity.pk}),
        reverse("journal:notes", kwargs=participant),
        reverse("matching:widening", kwargs=participant),
        reverse("placements:participant", kwargs=participant),
        reverse("projects:participant", kwargs=participant),
        reverse("audit:log"),
        *employer_side_pages(world),
    ]


def employer_side_pages(world) -> list[str]:
    """The CRM, outreach and placement pages, built with the URL walk's objects."""
    kwargs = build_kwargs_registry(world)

    def url(name, *names):
        return reverse(name, kwargs={key: kwargs[key] for key in names})

    return [
        url("employers:list"),
        url("employers:create"),
        url("employers:detail", "employer"),
        url("employers:edit", "employer"),
        url("employers:supervisor", "supervisor"),
        url("openings:list"),
        url("openings:create"),
        url("openings:detail", "opening"),
        url("openings:tasks"),
        url("openings:task_create"),
        url("projects:list"),
        url("projects:create"),
        url("projects:detail", "project"),
        url("outreach:campaigns"),
        url("outreach:campaign_create"),
        url("outreach:campaign", "campaign"),
        url("outreach:target", "target"),
        url("outreach:tasks"),
        url("leads:list"),
        url("leads:create"),
        url("leads:detail", "lead"),
        url("handbook:library"),
        url("handbook:edit", "checklist"),
        url("placements:detail", "placement"),
        url("imports:start"),
        url("imports:batch", "batch"),
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_it_names_every_control_on_every_working_page(world, signed_in, language):
    client = signed_in(world.admin)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    failures = []
    for url in pages(world):
        response = client.get(url)
        assert response.status_code == 200, url
        audit = PageAudit()
        audit.feed(response.content.decode())
        failures += [f"{url}: {problem}" for problem in audit.problems()]
    assert not failures, "\n".join(failures)


def test_it_names_every_control_on_the_sign_in_page(client):
    audit = PageAudit()
    audit.feed(client.get(reverse("account_login")).content.decode())
    assert audit.controls, "the sign-in form has fields"
    assert not audit.problems()


def test_it_finds_what_it_looks_for():
    audit = PageAudit()
    audit.feed('<html><h1>A</h1><h1>B</h1><input name="q"><button></button></html>')
    assert audit.problems() == [
        "<html> has no lang",
        "2 h1 elements",
        "unlabelled input name=q",
        "button without a name: {'_text': ''}",
    ]
