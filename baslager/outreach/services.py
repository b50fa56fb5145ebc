import functools
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.employers.models import Employer, Stage
from baslager.employers.services import employer_move_stage
from baslager.openings.services import opening_create, task_create
from baslager.organisations.models import Membership, Role
from baslager.taxonomy.models import Industry

from .models import (
    Call,
    Campaign,
    CampaignTarget,
    FollowUp,
    FollowUpKind,
    NeedsSurvey,
    Outcome,
    RecruitmentNeed,
    TargetState,
)

CALLER_ROLES = (Role.ADMIN, Role.COACH, Role.SCOUT)
CAMPAIGN_FIELDS = (
    "name",
    "purpose",
    "script",
    "size_bands",
    "kommun_codes",
    "stages",
    "reservation_minutes",
    "status",
)
FILTER_FIELDS = ("industries", "size_bands", "kommun_codes", "stages")
# Outcomes after which the employer is not called again in the campaign.
FINAL_OUTCOMES = (Outcome.NOT_INTERESTED, Outcome.INTERESTED, Outcome.MEETING_BOOKED)
STAGE_ORDER = list(Stage.values)


def _industry_and_below(industries) -> set[int]:
    """The chosen SNI codes and every code under them, one query per level of the tree."""
    found = {industry.pk for industry in industries}
    frontier = set(found)
    while frontier:
        frontier = (
            set(Industry.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            - found
        )
        found |= frontier
    return found


def matching_employers(*, organisation_id: int, filters: dict) -> QuerySet[Employer]:
    """The organisation's employers that match a campaign's filters; an empty filter matches
    every employer."""
    queryset = Employer.objects.filter(organisation_id=organisation_id)
    if industries := list(filters.get("industries") or []):
        queryset = queryset.filter(industry_id__in=_industry_and_below(industries))
    for field, lookup in (
        ("size_bands", "size_band__in"),
        ("kommun_codes", "kommun_code__in"),
        ("stages", "stage__in"),
    ):
        if values := list(filters.get(field) or []):
            queryset = queryset.filter(**{lookup: values})
    return queryset


def _check_callers(organisation_id: int, callers) -> list[User]:
    callers = list(callers)
    allowed = set(
        Membership.objects.filter(
            organisation_id=organisation_id,
            user__in=callers,
            role__in=CALLER_ROLES,
        ).values_list("user_id", flat=True)
    )
    if strangers := [user for user in callers if user.pk not in allowed]:
        raise ValidationError(
            _(
                "%(names)s cannot call in this campaign: callers are coaches, scouts or "
                "administrators of the organisation."
            )
            % {"names": ", ".join(str(user) for user in strangers)},
            code="caller",
        )
    return callers


def _filters_of(campaign: Campaign) -> dict:
    return {
        "industries": campaign.industries.all(),
        "size_bands": campaign.size_bands,
        "kommun_codes": campaign.kommun_codes,
        "stages": campaign.stages,
    }


@transaction.atomic
def campaign_create(*, membership: Membership, actor: User, data: dict) -> Campaign:
    """A campaign with its target list built from the filters in ``data``. Raises
    ValidationError for callers who are not coaches, scouts or administrators of the
    organisation."""
    callers = _check_callers(membership.organisation_id, data.get("callers", []))
    campaign = Campaign(organisation=membership.organisation, created_by=actor)
    for field in CAMPAIGN_FIELDS:
        if field in data:
            setattr(campaign, field, data[field])
    campaign.full_clean(exclude=["organisation", "created_by"])
    campaign.save()
    campaign.callers.set(callers)
    campaign.industries.set(data.get("industries", []))
    campaign_targets_refresh(campaign=campaign)
    return campaign


@transaction.atomic
def campaign_update(*, campaign: Campaign, data: dict) -> Campaign:
    """Saves the campaign and adds employers that match its filters now. Employers already on
    the list stay, whatever the filters say: their calls belong to the campaign."""
    if "callers" in data:
        callers = _check_callers(campaign.organisation_id, data["callers"])
        # Call backs promised by someone who no longer calls go to whoever takes them.
        campaign.targets.exclude(callback_by__in=callers).filter(callback_by__isnull=False).update(
            callback_by=None
        )
        campaign.callers.set(callers)
    for field in CAMPAIGN_FIELDS:
        if field in data:
            setattr(campaign, field, data[field])
    campaign.full_clean(exclude=["organisation", "created_by"])
    campaign.save()
    if "industries" in data:
        campaign.industries.set(data["industries"])
    campaign_targets_refresh(campaign=campaign)
    return campaign


def campaign_targets_refresh(*, campaign: Campaign) -> int:
    """Adds the employers that match the campaign's filters and are not on its list yet;
    returns how many were added."""
    employers = matching_employers(
        organisation_id=campaign.organisation_id, filters=_filters_of(campaign)
    ).exclude(pk__in=campaign.targets.values("employer_id"))
    added = CampaignTarget.objects.bulk_create(
        [
            CampaignTarget(
                organisation_id=campaign.organisation_id, campaign=campaign, employer_id=pk
            )
            for pk in employers.order_by("name", "pk").values_list("pk", flat=True)
        ],
        batch_size=1000,
    )
    return len(added)


def is_caller(*, campaign: Campaign, user: User) -> bool:
    return campaign.callers.filter(pk=user.pk).exists()


def _check_caller(campaign: Campaign, caller: User) -> None:
    if not is_caller(campaign=campaign, user=caller):
        raise PermissionDenied(_("Only the campaign's callers call in it."))


def _free(now: datetime) -> Q:
    return Q(reserved_until__isnull=True) | Q(reserved_until__lt=now)


def current_reservation(*, campaign: Campaign, caller: User) -> CampaignTarget | None:
    return (
        CampaignTarget.objects.filter(
            campaign=campaign, reserved_by=caller, reserved_until__gt=timezone.now()
        )
        .order_by("reserved_until")
        .first()
    )


@functools.cache
def _take_next_sql(lock: str, held_lock: str) -> str:
    """One statement that reserves the caller's next target and returns it. The candidate is
    the first of: the target the caller holds already (kept as it is), a due call back (the
    caller's own or nobody's), an employer never called, the one called longest ago; each
    subquery walks one index of CampaignTarget (see its Meta) and COALESCE stops at the first
    that finds one. On PostgreSQL the subqueries lock their row: the held one waits (so it is
    rechecked if someone took it the moment it ran out), the others skip rows that concurrent
    callers are taking. SQLite runs the whole statement under its single write lock."""
    table = CampaignTarget._meta.db_table
    callers = Campaign.callers.through._meta.db_table
    columns = ", ".join(field.column for field in CampaignTarget._meta.concrete_fields)
    free = "(reserved_until IS NULL OR reserved_until < %(now)s)"
    # Employers never called: "attempts < 1 ORDER BY attempts, id" rather than "= 0 ORDER BY
    # id", or PostgreSQL walks the primary key past every employer called already (they have
    # the lowest ids) instead of the index of those never called.
    return f"""
        UPDATE {table}
        SET reserved_by_id = %(caller)s,
            reserved_until = CASE WHEN reserved_by_id = %(caller)s
                AND reserved_until > %(now)s THEN reserved_until ELSE %(until)s END
        WHERE id = COALESCE(
            (SELECT id FROM {table}
             WHERE campaign_id = %(campaign)s AND reserved_by_id = %(caller)s
               AND reserved_until > %(now)s
             ORDER BY reserved_until LIMIT 1 {held_lock}),
            (SELECT id FROM {table}
             WHERE campaign_id = %(campaign)s AND state = %(callback)s
               AND callback_at <= %(now)s
               AND (callback_by_id = %(caller)s OR callback_by_id IS NULL) AND {free}
             ORDER BY callback_at, id LIMIT 1 {lock}),
            (SELECT id FROM {table}
             WHERE campaign_id = %(campaign)s AND state = %(waiting)s AND attempts < 1
               AND {free}
             ORDER BY attempts, id LIMIT 1 {lock}),
            (SELECT id FROM {table}
             WHERE campaign_id = %(campaign)s AND state = %(waiting)s AND attempts > 0
               AND {free}
             ORDER BY last_called_at, id LIMIT 1 {lock})
        )
        AND ({free} OR reserved_by_id = %(caller)s)
        AND EXISTS (SELECT 1 FROM {callers}
                    WHERE campaign_id = %(campaign)s AND user_id = %(caller)s)
        RETURNING {columns}
    """


def target_take_next(*, campaign: Campaign, caller: User) -> CampaignTarget | None:
    """The employer ``caller`` should call now, reserved for them for the campaign's
    reservation time: the one they hold already, if any, else the first free one in the queue.
    None when nothing is left to call.

    No two callers ever hold one target: on PostgreSQL the candidate row is locked with SKIP
    LOCKED, so concurrent callers pass each other's candidates instead of waiting; on SQLite
    the statement holds the only write lock; and the UPDATE only touches a target that is free
    or the caller's own.
    """
    if not campaign.is_active:
        _check_caller(campaign, caller)
        raise ValidationError(_("The campaign is closed."), code="closed")
    # Raw SQL because taking the next employer is the hot path of a call centre: one
    # UPDATE … RETURNING (callers check included) instead of a query per queue, a claim and a
    # re-fetch, which the ORM cannot express. Only when it finds nothing is it worth asking why.
    if connection.features.has_select_for_update_skip_locked:
        sql = _take_next_sql("FOR UPDATE SKIP LOCKED", "FOR UPDATE")
    else:
        sql = _take_next_sql("", "")
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    params = {
        "caller": caller.pk,
        "campaign": campaign.pk,
        "now": adapt(now),
        "until": adapt(now + timedelta(minutes=campaign.reservation_minutes)),
        "callback": TargetState.CALLBACK,
        "waiting": TargetState.WAITING,
    }
    if taken := list(CampaignTarget.objects.raw(sql, params)):
        return taken[0]
    _check_caller(campaign, caller)
    return None


def _claim(pk: int, caller: User, now: datetime, minutes: int) -> bool:
    return bool(
        CampaignTarget.objects.filter(pk=pk)
        .filter(_free(now))
        .update(reserved_by=caller, reserved_until=now + timedelta(minutes=minutes))
    )


@transaction.atomic
def target_reserve(*, target: CampaignTarget, caller: User) -> None:
    """Reserves one given target, e.g. to make a promised call back. Raises ValidationError
    when someone else holds it or the campaign's calls to it are done."""
    campaign = target.campaign
    _check_caller(campaign, caller)
    if not campaign.is_active:
        raise ValidationError(_("The campaign is closed."), code="closed")
    if target.state == TargetState.DONE:
        raise ValidationError(_("This employer has been called to the end."), code="done")
    now = timezone.now()
    if target.reserved_by_id == caller.pk and target.reserved_until and target.reserved_until > now:
        return
    # Holding two targets at once would leave one of them blocked until it expires.
    CampaignTarget.objects.filter(campaign=campaign, reserved_by=caller).update(
        reserved_by=None, reserved_until=None
    )
    if not _claim(target.pk, caller, now, campaign.reservation_minutes):
        raise ValidationError(_("Another caller has this employer right now."), code="taken")
    target.refresh_from_db()


def target_release(*, target: CampaignTarget, caller: User) -> None:
    CampaignTarget.objects.filter(pk=target.pk, reserved_by=caller).update(
        reserved_by=None, reserved_until=None
    )


def stage_after_call(stage: str, outcome: str) -> str | None:
    """The pipeline stage a call with ``outcome`` moves an employer at ``stage`` to, or None:
    forward only, and not at all when nobody answered."""
    wanted = {
        Outcome.INTERESTED: Stage.INTERESTED,
        Outcome.MEETING_BOOKED: Stage.INTERESTED,
        Outcome.NO_ANSWER: None,
    }.get(outcome, Stage.CONTACTED)
    if wanted and STAGE_ORDER.index(stage) < STAGE_ORDER.index(wanted):
        return wanted
    return None


def _advance_stage(employer: Employer, outcome: str, actor: User) -> None:
    if wanted := stage_after_call(employer.stage, outcome):
        employer_move_stage(employer=employer, to_stage=wanted, actor=actor, note=_("After a call"))


def _follow_up(target: CampaignTarget, assignee: User, kind: str, due_at, note="") -> FollowUp:
    return FollowUp.objects.create(
        organisation_id=target.organisation_id,
        employer_id=target.employer_id,
        target=target,
        assignee=assignee,
        kind=kind,
        due_at=due_at,
        note=note,
    )


@transaction.atomic
def call_log(
    *,
    target: CampaignTarget,
    caller: User,
    outcome: str,
    note: str = "",
    callback_at: datetime | None = None,
    meeting_at: datetime | None = None,
    material_due: datetime | None = None,
) -> Call:
    """Records a call, releases the caller's reservation and moves the target on: done after a
    final answer, due again at ``callback_at`` for a call back, back in the queue otherwise.
    Promised call backs, meetings and material land on the caller's task list, and the
    employer moves forward in the pipeline (with history) when the call got somewhere.

    Raises PermissionDenied for someone who is not a caller, ValidationError when another
    caller holds the target or a call back has no time."""
    # Lock the target only: every caller of the campaign logs calls, and locking the campaign
    # row too would make them wait for each other.
    target = (
        CampaignTarget.objects.select_for_update(of=("self",))
        .select_related("campaign")
        .get(pk=target.pk)
    )
    _check_caller(target.campaign, caller)
    now = timezone.now()
    if target.reserved_by_id not in (None, caller.pk) and target.reserved_until > now:
        raise ValidationError(_("Another caller has this employer right now."), code="taken")
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose an outcome."), code="outcome")
    if outcome == Outcome.CALL_BACK and callback_at is None:
        raise ValidationError(_("Say when to call back."), code="callback_at")
    if outcome == Outcome.MEETING_BOOKED and meeting_at is None:
        raise ValidationError(_("Say when the meeting is."), code="meeting_at")
    call = Call.objects.create(
        organisation_id=target.organisation_id,
        target=target,
        caller=caller,
        called_at=now,
        outcome=outcome,
        callback_at=callback_at if outcome == Outcome.CALL_BACK else None,
        note=note,
    )
    # The caller's earlier call-back promise for this employer is kept by this call.
    FollowUp.objects.filter(
        target=target, assignee=caller, kind=FollowUpKind.CALL_BACK, done_at__isnull=True
    ).update(done_at=now, done_by=caller)
    target.attempts += 1
    target.last_outcome = outcome
    target.last_called_at = now
    target.reserved_by = None
    target.reserved_until = None
    target.callback_at = None
    target.callback_by = None
    if outcome in FINAL_OUTCOMES:
        target.state = TargetState.DONE
    elif outcome == Outcome.CALL_BACK:
        target.state = TargetState.CALLBACK
        target.callback_at = callback_at
        target.callback_by = caller
        _follow_up(target, caller, FollowUpKind.CALL_BACK, callback_at, note)
    else:
        target.state = TargetState.WAITING
    target.save()
    if outcome == Outcome.MEETING_BOOKED:
        _follow_up(target, caller, FollowUpKind.MEETING, meeting_at, note)
    if material_due is not None:
        _follow_up(target, caller, FollowUpKind.SEND_MATERIAL, material_due, note)
    _advance_stage(target.employer, outcome, caller)
    return call


SURVEY_FIELDS = (
    "competence_needs",
    "takes_interns",
    "takes_work_trainees",
    "low_threshold_tasks",
    "supervisors",
    "supervised_participants",
)
NEED_FIELDS = ("horizon", "kind", "occupation", "how_many", "requirements")


@transaction.atomic
def needs_survey_save(
    *, call: Call, membership: Membership, actor: User, data: dict, needs: list[dict] = ()
) -> NeedsSurvey:
    """The needs the employer told of on ``call``, with one RecruitmentNeed per entry of
    ``needs``. Tasks someone without the specialist's training could do go into the employer's
    catalogue of low-threshold tasks as well. Raises ValidationError for a call that reached
    nobody."""
    if not call.reached:
        raise ValidationError(_("Nobody answered, so there are no needs to record."), code="no")
    survey, _created = NeedsSurvey.objects.get_or_create(
        call=call, defaults={"organisation_id": call.organisation_id}
    )
    for field in SURVEY_FIELDS:
        if field in data:
            setattr(survey, field, data[field] if data[field] is not None else _empty(field))
    text = survey.low_threshold_tasks.strip()
    if text and survey.low_threshold_task_id is None:
        employer = call.target.employer
        survey.low_threshold_task = task_create(
            membership=membership,
            actor=actor,
            data={
                "employer": employer,
                "title": text.splitlines()[0][:200],
                "description": text,
                "identified_on": timezone.localdate(),
            },
        )
    survey.save()
    RecruitmentNeed.objects.bulk_create(
        RecruitmentNeed(
            organisation_id=call.organisation_id,
            survey=survey,
            **{field: need[field] for field in NEED_FIELDS if field in need},
        )
        for need in needs
    )
    return survey


def _empty(field: str):
    return None if field in ("supervisors", "supervised_participants") else ""


@transaction.atomic
def recruitment_need_to_opening(*, need: RecruitmentNeed, membership: Membership, actor: User):
    """A draft opening from the need in one step: the need's kind, occupation, number of places
    and requirements, at the employer that has it. Raises ValidationError for a need that has
    become an opening already."""
    need = RecruitmentNeed.objects.select_for_update().get(pk=need.pk)
    if need.opening_id is not None:
        raise ValidationError(_("This need is an opening already."), code="done")
    employer = Employer.objects.get(campaign_targets__calls__survey__needs=need)
    opening = opening_create(
        membership=membership,
        actor=actor,
        data={
            "employer": employer,
            "kind": need.kind,
            "title": need.occupation.label[:200],
            "occupation": need.occupation,
            "places": need.how_many,
            "description": need.requirements,
        },
    )
    need.opening = opening
    need.save(update_fields=["opening"])
    return opening


def follow_up_complete(*, follow_up: FollowUp, actor: User) -> FollowUp:
    if follow_up.done_at is None:
        follow_up.done_at = timezone.now()
        follow_up.done_by = actor
        follow_up.save(update_fields=["done_at", "done_by"])
    return follow_up
