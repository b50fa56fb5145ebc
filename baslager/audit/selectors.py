"""Reads of the audit log for an organisation's administrators.

The organisation in each entry's ``additional_data`` is the scope: an administrator sees the
entries of their active organisation and nothing else.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from baslager.accounts.models import User
from baslager.organisations.access import AccessPolicy, scoped
from baslager.organisations.models import Membership
from baslager.participants.models import DrivingLicence, Participant, Weekday

ACTIONS = {
    "created": LogEntry.Action.CREATE,
    "changed": LogEntry.Action.UPDATE,
    "deleted": LogEntry.Action.DELETE,
    "viewed": LogEntry.Action.ACCESS,
}
ACTION_LABELS = {
    LogEntry.Action.CREATE: _("created"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("deleted"),
    LogEntry.Action.ACCESS: _("viewed"),
}
# What ``access_record(what=...)`` names, in words.
VIEWED_LABELS = {
    "participant_page": _("participant page"),
    "identity_number": _("identity number"),
    "plan": _("plan"),
    "plan_print": _("printed plan"),
    "special_category_data": _("special-category data"),
    "case_notes": _("case notes"),
    "case_note": _("case note"),
    "case_note_history": _("versions of a case note"),
    "audit_trail": _("audit trail"),
    "audit_log_export": _("export of the audit log"),
}
MAX_VALUE_LENGTH = 120
# Django's name for an object without a __str__ of its own, as auditlog stored it.
GENERIC_REPR = re.compile(r"^\w+ object \(.*\)$")
# JSON lists of codes, read as their labels.
JSON_CHOICES = {
    (Participant, "driving_licences"): DrivingLicence.choices,
    (Participant, "available_days"): Weekday.choices,
}
SENTENCES = {
    LogEntry.Action.CREATE: _("%(who)s created %(what)s."),
    LogEntry.Action.UPDATE: _("%(who)s changed %(what)s."),
    LogEntry.Action.DELETE: _("%(who)s deleted %(what)s."),
    LogEntry.Action.ACCESS: _("%(who)s viewed %(what)s."),
}


def audit_entries_for(
    *,
    membership: Membership | None,
    participant: Participant | None = None,
    actor: User | None = None,
    action: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet:
    """The organisation's log entries, newest first, for administrators only."""
    if membership is None or not membership.is_admin:
        return LogEntry.objects.none()
    entries = LogEntry.objects.filter(additional_data__organisation=membership.organisation_id)
    if participant is not None:
        entries = entries.filter(additional_data__participant=str(participant.public_id))
    if actor is not None:
        entries = entries.filter(actor=actor)
    if action is not None:
        entries = entries.filter(action=action)
    if since is not None:
        entries = entries.filter(timestamp__date__gte=since)
    if until is not None:
        entries = entries.filter(timestamp__date__lte=until)
    return entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def audit_actors_for(*, membership: Membership) -> QuerySet:
    """The members of the organisation, to filter the log by."""
    return User.objects.filter(memberships__organisation_id=membership.organisation_id).order_by(
        "full_name", "email"
    )


def audit_participants_matching(*, membership: Membership, name: str, limit: int = 20) -> list:
    """Participants in the administrator's scope whose name contains every word of ``name``."""
    participants = scoped(Participant, membership)
    for word in name.split():
        participants = participants.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word)
        )
    return list(participants.order_by("last_name", "first_name")[:limit])


@dataclass
class Change:
    """One changed field: ``old`` → ``new``, or ``note`` in words when values are not shown."""

    field: str
    old: str = ""
    new: str = ""
    note: str = ""
    values_hidden: bool = False


@dataclass
class AuditRow:
    entry: LogEntry
    what: str
    action: str
    changes: list[Change] = field(default_factory=list)
    participant: Participant | None = None
    participant_id: str = ""
    sentence: str = ""


def audit_rows_for(*, entries, membership: Membership) -> list[AuditRow]:
    """Readable rows for a page of entries, in a fixed number of queries.

    Participants and the objects foreign keys point to are fetched once per page. Values of
    special-category data and of case notes are never shown, only which fields changed.
    """
    entries = list(entries)
    public_ids = {_participant_id(entry) for entry in entries} - {""}
    participants = {
        str(p.public_id): p
        for p in scoped(Participant, membership).filter(public_id__in=public_ids)
    }
    related = _related_objects(entries, membership)
    rows = []
    for entry in entries:
        participant = participants.get(_participant_id(entry))
        rows.append(
            AuditRow(
                entry=entry,
                what=_what(entry),
                action=_action_label(entry),
                changes=_changes(entry, related),
                participant=participant,
                participant_id=_participant_id(entry),
                sentence=_sentence(entry, participant),
            )
        )
    return rows


def _participant_id(entry: LogEntry) -> str:
    return str((entry.additional_data or {}).get("participant") or "")


def _kind(entry: LogEntry) -> str:
    model = entry.content_type.model_class()
    return str(model._meta.verbose_name if model else entry.content_type.model)


def _name(entry: LogEntry) -> str:
    """The object's own name as it was logged; "" where Django only gave its class and id."""
    name = entry.object_repr or ""
    return "" if GENERIC_REPR.match(name) else name


def _what(entry: LogEntry) -> str:
    name = _name(entry)
    kind = _kind(entry).capitalize()
    return f"{kind}: {name}" if name else kind


def _sentence(entry: LogEntry, participant: Participant | None) -> str:
    """Who did what to whose record, in the interface's language: "Cecilia Coach changed the
    special-category data of Amina Hassan." """
    who = str(entry.actor) if entry.actor else entry.actor_email or str(_("The system"))
    viewed = (entry.additional_data or {}).get("viewed")
    name = _name(entry)
    if entry.action == LogEntry.Action.ACCESS and viewed:
        thing = str(VIEWED_LABELS.get(viewed, viewed))
    elif name:
        thing = _("%(kind)s “%(name)s”") % {"kind": _kind(entry), "name": name}
    else:
        thing = _kind(entry)
    # The participant's own record needs no "of"; a read of their page does.
    of_whom = viewed or entry.content_type.model_class() is not Participant
    if participant is not None and of_whom:
        what = _("the %(thing)s of %(participant)s") % {"thing": thing, "participant": participant}
    elif _participant_id(entry) and participant is None:
        what = _("the %(thing)s of a participant since removed") % {"thing": thing}
    else:
        what = thing
    return SENTENCES.get(entry.action, "%(who)s: %(what)s") % {"who": who, "what": what}


def _action_label(entry: LogEntry) -> str:
    label = str(ACTION_LABELS.get(entry.action, entry.action))
    viewed = (entry.additional_data or {}).get("viewed")
    if entry.action == LogEntry.Action.ACCESS and viewed:
        return f"{label}: {VIEWED_LABELS.get(viewed, viewed)}"
    return label


def values_hidden(entry: LogEntry) -> bool:
    model = entry.content_type.model_class()
    return (
        model is None
        or getattr(model, "access_policy", None) == AccessPolicy.RESTRICTED
        or getattr(model, "audit_values_hidden", False)
        or bool((entry.additional_data or {}).get("special_category"))
    )


def _model_field(model, name: str):
    """The model's field called ``name``, or None for a field since removed."""
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def _worth_showing(model_field) -> bool:
    """Leave out what nobody typed: reverse relations, ids and automatic timestamps."""
    if model_field is None:
        return True
    if model_field.auto_created and not model_field.concrete:
        return False
    return model_field.editable and not model_field.primary_key


def _related_objects(entries: list[LogEntry], membership: Membership) -> dict:
    """``{(model, pk string): str(object)}`` for every foreign key value on the page."""
    wanted: dict = {}
    for entry in entries:
        if values_hidden(entry) or entry.action == LogEntry.Action.ACCESS:
            continue
        model = entry.content_type.model_class()
        for name, values in entry.changes_dict.items():
            model_field = _model_field(model, name)
            if model_field is None or not model_field.many_to_one or isinstance(values, dict):
                continue
            pks = {value for value in values if value not in (None, "None", "")}
            wanted.setdefault(model_field.related_model, set()).update(pks)
    found = {}
    for related_model, pks in wanted.items():
        if hasattr(related_model, "access_policy"):
            queryset = scoped(related_model, membership)
        else:
            queryset = related_model._default_manager.all()
        for obj in queryset.filter(pk__in=pks):
            found[(related_model, str(obj.pk))] = str(obj)
    return found


def _changes(entry: LogEntry, related: dict) -> list[Change]:
    if entry.action == LogEntry.Action.ACCESS:
        return []
    model = entry.content_type.model_class()
    hidden = values_hidden(entry)
    changes = []
    for name, values in entry.changes_dict.items():
        model_field = _model_field(model, name)
        if not _worth_showing(model_field):
            continue
        label = str(model_field.verbose_name) if model_field is not None else name
        if hidden:
            changes.append(Change(field=label, values_hidden=True))
        elif isinstance(values, dict):
            objects = ", ".join(str(o) for o in values.get("objects", []))
            if values.get("operation") == "add":
                note = _("added: %(objects)s") % {"objects": objects}
            else:
                note = _("removed: %(objects)s") % {"objects": objects}
            changes.append(Change(field=label, note=note))
        else:
            old, new = (list(values) + ["", ""])[:2]
            old, new = _readable(model_field, old, related), _readable(model_field, new, related)
            # A new record lists every field; the ones left empty say nothing.
            if old != new:
                changes.append(Change(field=label, old=old, new=new))
    if hidden and changes:
        fields = ", ".join(change.field for change in changes)
        return [Change(field=fields, note=str(_("values not shown")), values_hidden=True)]
    return changes


def _local_time(value: str) -> str:
    """auditlog writes datetimes in UTC without a zone; show them in local time."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=UTC)
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _readable(model_field, value, related: dict) -> str:
    if value in (None, "None", "", "[]", "{}"):
        return "—"
    value = str(value)
    if model_field is not None:
        if model_field.many_to_one:
            return related.get(
                (model_field.related_model, value), _("#%(pk)s (removed)") % {"pk": value}
            )
        if model_field.choices:
            choices = {str(key): label for key, label in model_field.flatchoices}
            return str(choices.get(value, value))
        internal_type = model_field.get_internal_type()
        if internal_type == "JSONField":
            return _json_text(model_field, value)
        if internal_type == "BooleanField":
            return str(_("yes") if value == "True" else _("no"))
        if internal_type == "DateTimeField":
            return _local_time(value)
    if len(value) > MAX_VALUE_LENGTH:
        return value[: MAX_VALUE_LENGTH - 1] + "…"
    return value


def _json_text(model_field, value: str) -> str:
    """A JSON value in words: a list as its items (labels where the field has them), an object
    as "key: value" pairs."""
    try:
        data = json.loads(value)
    except ValueError:
        return value
    labels = {
        str(key): str(label)
        for key, label in JSON_CHOICES.get((model_field.model, model_field.name), ())
    }
    if isinstance(data, list):
        return ", ".join(labels.get(str(item), str(item)) for item in data) or "—"
    if isinstance(data, dict):
        return "; ".join(f"{key}: {item}" for key, item in data.items()) or "—"
    return str(data)
