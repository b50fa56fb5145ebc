"""The feed as iCalendar (RFC 5545), for Outlook, Google Calendar and Apple's Calendar."""

from datetime import UTC

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .models import CalendarFeed
from .selectors import CalendarEntry


def initials(participant) -> str:
    """ "Amina Hassan" → "A. H.": enough for the coach to know who, little for anyone else."""
    return " ".join(
        f"{part[0]}." for part in (participant.first_name, participant.last_name) if part
    )


def entry_summary(entry: CalendarEntry, *, full_names: bool) -> str:
    """A group activity is organisation data and keeps its title. A one-to-one session's title may
    name the person, so without full names it shows the kind of session and initials only."""
    activity = entry.activity
    if activity.is_group:
        return activity.title
    if full_names:
        who = ", ".join(participant.full_name for participant in entry.participants)
        return f"{activity.title} · {who}" if who else activity.title
    who = ", ".join(initials(participant) for participant in entry.participants)
    kind = activity.get_kind_display()
    return f"{kind} · {who}" if who else kind


def feed_calendar(feed: CalendarFeed, entries: list[CalendarEntry], *, page_url) -> bytes:
    """``page_url(occurrence)``: the occurrence's address in Basläger (it needs signing in)."""
    with translation.override(feed.language):
        calendar = Calendar()
        calendar.add("prodid", "-//Basläger//Kalender//SV")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", f"Basläger · {feed.membership.organisation.name}")
        calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
        stamp = timezone.now().astimezone(UTC)
        for entry in entries:
            occurrence = entry.occurrence
            event = Event()
            event.add("uid", f"occurrence-{occurrence.pk}@baslager")
            event.add("dtstamp", stamp)
            event.add("dtstart", occurrence.starts_at.astimezone(UTC))
            event.add("dtend", occurrence.ends_at.astimezone(UTC))
            event.add("summary", entry_summary(entry, full_names=feed.full_names))
            if entry.activity.location:
                event.add("location", entry.activity.location)
            url = page_url(occurrence)
            event.add("url", url)
            event.add(
                "description", _("Attendance and details in Basläger: %(url)s") % {"url": url}
            )
            calendar.add_component(event)
        return calendar.to_ical()
