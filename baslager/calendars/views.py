from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from baslager.core.access_log import access_record
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required

from . import selectors, services
from .forms import CalendarFeedForm
from .ics import feed_calendar

# What a subscribed calendar holds: recent weeks for reference, half a year ahead for planning.
FEED_DAYS_BACK = 28
FEED_DAYS_AHEAD = 183


def _day_param(value: str | None) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return timezone.localdate()


def _only_mine(request) -> bool:
    return request.GET.get("mine") == "1"


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_GET
def week(request):
    monday = selectors.week_start(_day_param(request.GET.get("date")))
    end = monday + timedelta(days=7)
    entries = selectors.calendar_entries(
        membership=request.membership, start=monday, end=end, only_mine=_only_mine(request)
    )
    return render(
        request,
        "calendars/week.html",
        {
            "view": "week",
            "start": monday,
            "last_day": end - timedelta(days=1),
            "days": selectors.calendar_days(entries, monday, end),
            "entry_count": len(entries),
            "previous": monday - timedelta(days=7),
            "next": end,
            "only_mine": _only_mine(request),
        },
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_GET
def month(request):
    first = selectors.month_start(_day_param(request.GET.get("date")))
    following = selectors.next_month(first)
    start, end = selectors.month_grid_bounds(first)
    entries = selectors.calendar_entries(
        membership=request.membership, start=start, end=end, only_mine=_only_mine(request)
    )
    return render(
        request,
        "calendars/month.html",
        {
            "view": "month",
            "start": first,
            "days": selectors.calendar_days(entries, start, end, period=(first, following)),
            "entry_count": len(entries),
            "previous": selectors.month_start(first - timedelta(days=1)),
            "next": following,
            "only_mine": _only_mine(request),
        },
    )


def _render_feed(request, form, *, token: str = ""):
    address = ""
    if token:
        address = request.build_absolute_uri(reverse("calendars:ics", kwargs={"token": token}))
    return render(
        request,
        "calendars/feed.html",
        {
            "form": form,
            "feed": selectors.current_feed(membership=request.membership),
            "address": address,
            "webcal_address": address.replace("https://", "webcal://").replace(
                "http://", "webcal://"
            ),
        },
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def feed(request):
    """The member's private subscription address: made (and shown this once), or replaced."""
    form = CalendarFeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _feed, token = services.calendar_feed_create(
            membership=request.membership,
            full_names=form.cleaned_data["full_names"],
            only_mine=form.cleaned_data["only_mine"],
            language=translation.get_language(),
        )
        messages.success(
            request, _("Your new calendar address is ready. Any earlier one stopped working.")
        )
        return _render_feed(request, CalendarFeedForm(), token=token)
    return _render_feed(request, form)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def feed_revoke(request):
    if services.calendar_feed_revoke(membership=request.membership):
        messages.success(request, _("Your calendar address no longer works."))
    return redirect("calendars:feed")


# A calendar program has no session: the secret token in the address is the permission.
@login_not_required
@never_cache
@require_GET
def ics(request, token):
    feed = selectors.feed_by_token(token=token)
    today = timezone.localdate()
    entries = selectors.calendar_entries(
        membership=feed.membership,
        start=today - timedelta(days=FEED_DAYS_BACK),
        end=today + timedelta(days=FEED_DAYS_AHEAD),
        only_mine=feed.only_mine,
    )
    services.calendar_feed_fetched(feed=feed)
    access_record(instance=feed, what="calendar_feed", actor=feed.membership.user)
    body = feed_calendar(
        feed,
        entries,
        page_url=lambda occurrence: request.build_absolute_uri(
            reverse("plans:attendance", kwargs={"occurrence": occurrence.pk})
        ),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(False, "baslager.ics")
    return response
