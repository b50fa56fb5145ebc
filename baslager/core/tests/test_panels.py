import uuid
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings
from django.urls import reverse

from baslager.core.panels import NextStep, Panel, Panels

STOCKHOLM = ZoneInfo("Europe/Stockholm")
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {"panel.html": "[{{ panel.key }} {{ person.name }} {{ section_url }} {{ n }}]"},
                )
            ]
        },
    }
]


def page() -> Panels:
    return Panels(object_name="person", url_kwargs=lambda person: {"participant": person.uuid})


def panel(key: str, order: int, context, url_name=None) -> Panel:
    return Panel(
        key=key, title=key, order=order, template="panel.html", context=context, url_name=url_name
    )


@pytest.fixture
def person():
    return SimpleNamespace(name="Amina", uuid=uuid.uuid4())


def test_it_refuses_a_panel_registered_twice():
    panels = page()
    panels.register(panel("plan", 1, lambda request, obj: {}))

    with pytest.raises(ImproperlyConfigured):
        panels.register(panel("plan", 2, lambda request, obj: {}))


@override_settings(TEMPLATES=TEMPLATES)
def test_it_renders_the_panels_in_order_and_leaves_out_those_that_answer_none(person):
    panels = page()
    panels.register(panel("notes", 20, lambda request, obj: {"n": 2}, "participants:profile"))
    panels.register(panel("hidden", 10, lambda request, obj: None))
    panels.register(panel("plan", 5, lambda request, obj: {"n": 1}))

    composed = panels.compose(RequestFactory().get("/"), person)

    profile = reverse("participants:profile", kwargs={"participant": person.uuid})
    assert [item.html for item in composed.panels] == [
        "[plan Amina None 1]",
        f"[notes Amina {profile} 2]",
    ]
    assert [item.url for item in composed.panels] == [None, profile]


@override_settings(TEMPLATES=TEMPLATES)
def test_it_gathers_the_next_steps_of_every_panel_soonest_first_undated_last(person):
    now = datetime(2030, 3, 5, 23, 50, tzinfo=STOCKHOLM)
    later = NextStep(text="later", url="/b", when=now + timedelta(days=3))
    undated = NextStep(text="whenever", url="/c")
    tomorrow = NextStep(text="tomorrow", url="/d", when=date(2030, 3, 6))
    soon = NextStep(text="soon", url="/a", when=now + timedelta(minutes=5))
    panels = page()
    panels.register(panel("one", 1, lambda request, obj: {"next_steps": [later, undated]}))
    panels.register(panel("two", 2, lambda request, obj: {"next_steps": [tomorrow, soon]}))

    composed = panels.compose(RequestFactory().get("/"), person)

    assert composed.next_steps == [soon, tomorrow, later, undated]


def test_a_next_step_knows_whether_it_has_a_time():
    assert NextStep(text="", url="", when=datetime(2030, 1, 1, 9, 0)).has_time
    assert not NextStep(text="", url="", when=date(2030, 1, 1)).has_time
    assert not NextStep(text="", url="").has_time
