"""Every message template, in every language, and what it may contain."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.utils import timezone

from baslager.messaging.services import render_message

TEMPLATE_DIRS = sorted(Path(settings.BASE_DIR, "baslager").glob("*/templates/messages/*"))
# The only values a message template may show: names people go by, times and places, links.
# Special-category data, case notes, identity numbers and activity titles are not among them.
ALLOWED_VALUES = {
    "first_name",
    "participant",
    "organisation",
    "starts_at",
    "place",
    "link",
    "expires_on",
    "expires_at",
    "project",
    "due_on",
    # The daily digest: how many of each kind of work wait, never who.
    "sessions_today",
    "sessions_later",
    "follow_ups",
    "exits",
    "call_backs",
    "checklists",
    "proposals",
    "without_contact",
    "overdue",
}
VALUES = {
    "first_name": "D'Angelo",
    "participant": "D'Angelo",
    "organisation": "Kök & Café",
    "starts_at": timezone.make_aware(datetime(2026, 12, 8, 9, 30)),
    "place": "Storgatan 1",
    "link": "https://baslager.example/x/?a=1&b=2",
    "expires_on": date(2027, 1, 31),
    "expires_at": timezone.make_aware(datetime(2026, 12, 14, 12, 0)),
    "project": "Alla kan arbeta",
    "due_on": date(2026, 12, 20),
    "day": date(2026, 12, 7),
    "sessions_today": 2,
    "sessions_later": 3,
    "follow_ups": 4,
    "exits": 5,
    "call_backs": 6,
    "checklists": 7,
    "proposals": 8,
    "without_contact": 9,
    "overdue": 10,
}


def test_there_are_message_templates():
    assert {path.name for path in TEMPLATE_DIRS} >= {
        "session_reminder",
        "supervisor_link",
        "assessment_link",
        "follow_up_6m_due",
        "daily_digest",
    }


@pytest.mark.parametrize("folder", TEMPLATE_DIRS, ids=lambda path: path.name)
def test_a_template_uses_only_harmless_values(folder):
    for path in folder.glob("*.txt"):
        text = path.read_text()
        used = set(re.findall(r"{{\s*(\w+)", text))
        used |= {value for value in re.findall(r"=(\w+)[|\s%]", text)}
        assert used <= ALLOWED_VALUES | {"name", "day", "at", "due", "expires", "counter"}, path


@pytest.mark.parametrize("folder", TEMPLATE_DIRS, ids=lambda path: path.name)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_template_reads_as_typed_in_swedish_and_english(folder, language):
    assert (folder / "label.txt").exists()
    channels = [channel for channel in ("email", "sms") if (folder / f"{channel}.txt").exists()]
    assert channels
    for channel in channels:
        subject, body = render_message(
            template=folder.name, channel=channel, language=language, context=VALUES
        )
        text = subject + body
        assert "&amp;" not in text and "&#x27;" not in text  # plain text, not HTML
        if re.search(r"[{=]\s*organisation\b", (folder / f"{channel}.txt").read_text()):
            assert "Kök & Café" in text
        english = render_message(
            template=folder.name, channel=channel, language="en", context=VALUES
        )
        if language == "sv":
            assert (subject, body) != english, "the Swedish catalogue lacks this template"
    label = engines["django"].get_template(f"messages/{folder.name}/label.txt").render({})
    assert label.strip()
