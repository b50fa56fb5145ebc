"""What a member's calendar shows: their own sessions and the organisation's group activities."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from baslager.core.secret_links import token_hash
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership
from baslager.plans.models import Enrolment, Occurrence

from .models import CalendarFeed


@dataclass(frozen=True)
class CalendarEntry:
    occurrence: Occurrence
    is_mine: bool
    # Only the participants the member may see: a group's other members stay unnamed.
    participants: list = field(default_factory=list)

    @property
    def activity(self):
        return self.occurrence.activity

    @property
    def starts_at(self) -> datetime:
        return timezone.localtime(self.occurrence.starts_at)

    @property
    def ends_at(self) -> datetime:
        return timezone.localtime(self.occurrence.ends_at)


@dataclass(frozen=True)
class CalendarDay:
    day: date
    entries: list[CalendarEntry]
    in_period: bool = True

    @property
    def is_today(self) -> bool:
        return self.day == timezone.localdate()


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def calendar_entries(
    *, membership: Membership, start: date, end: date, only_mine: bool = False
) -> list[CalendarEntry]:
    """Occurrences from ``start`` up to (not including) ``end``: those the member leads or whose
    participants are in their caseload ("mine"), and, unless ``only_mine``, every group activity
    of the organisation. Three queries, however many there are."""
    user_id = membership.user_id
    in_period = scoped(Occurrence, membership).filter(
        starts_at__gte=_midnight(start), starts_at__lt=_midnight(end)
    )
    mine = Q(activity__leader_id=user_id) | Q(activity__enrolments__participant__coaches=user_id)
    wanted = mine if only_mine else mine | Q(activity__is_group=True)
    mine_ids = set(in_period.filter(mine).values_list("pk", flat=True))
    occurrences = (
        Occurrence.objects.filter(pk__in=in_period.filter(wanted).values("pk"))
        .select_related("activity__leader")
        .prefetch_related(
            Prefetch(
                "activity__enrolments",
                queryset=scoped(Enrolment, membership)
                .select_related("participant")
                .order_by("participant__last_name", "participant__first_name"),
                to_attr="visible_enrolments",
            )
        )
        .order_by("starts_at", "activity__title", "pk")
    )
    return [
        CalendarEntry(
            occurrence=occurrence,
            is_mine=occurrence.pk in mine_ids,
            participants=[e.participant for e in occurrence.activity.visible_enrolments],
        )
        for occurrence in occurrences
    ]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    first = month_start(day)
    return (first + timedelta(days=32)).replace(day=1)


def month_grid_bounds(day: date) -> tuple[date, date]:
    """The Monday before the month's first day to the day after the Sunday that ends its last
    week: whole weeks, as a wall calendar shows them."""
    first = month_start(day)
    last = next_month(day) - timedelta(days=1)
    return week_start(first), week_start(last) + timedelta(days=7)


def calendar_days(
    entries: list[CalendarEntry], start: date, end: date, *, period: tuple[date, date] | None = None
) -> list[CalendarDay]:
    """One ``CalendarDay`` for each day from ``start`` to ``end`` (not included); days outside
    ``period`` (the month, in a month grid) are marked so the page can play them down."""
    by_day: dict[date, list[CalendarEntry]] = {}
    for entry in entries:
        by_day.setdefault(entry.starts_at.date(), []).append(entry)
    period_start, period_end = period or (start, end)
    return [
        CalendarDay(
            day=day,
            entries=by_day.get(day, []),
            in_period=period_start <= day < period_end,
        )
        for day in (start + timedelta(days=offset) for offset in range((end - start).days))
    ]


def current_feed(*, membership: Membership) -> CalendarFeed | None:
    return (
        CalendarFeed.objects.filter(membership=membership, revoked_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def feed_by_token(*, token: str) -> CalendarFeed:
    """The working feed with this token, or 404 for a wrong or revoked one alike.

    A calendar program has no session: the token is the permission, and what the feed shows is
    then scoped by the member it belongs to, so a feed never shows more than its owner may see."""
    feed = (
        CalendarFeed.objects.filter(token_hash=token_hash(token), revoked_at__isnull=True)
        .select_related("membership__user", "membership__organisation")
        .first()
    )
    if feed is None or not feed.membership.user.is_active:
        raise Http404
    return feed
