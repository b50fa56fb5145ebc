from auditlog.models import LogEntry

from baslager.organisations.models import Membership


def access_record(*, instance, what: str, actor=None) -> LogEntry:
    """Log that someone looked at ``instance``: a participant's page, special-category data, a note.

    ``what`` names what was shown, e.g. "participant_page" or "special_category_data". The acting
    user and address come from auditlog's middleware when ``actor`` is not given.
    """
    additional = dict(instance.get_additional_data())
    additional["viewed"] = what
    kwargs = {"additional_data": additional}
    if actor is not None:
        kwargs["actor"] = actor
    return LogEntry.objects.log_create(
        instance, action=LogEntry.Action.ACCESS, force_log=True, **kwargs
    )


def audit_export_record(*, membership: Membership, actor) -> LogEntry:
    """Log that an administrator exported the organisation's audit log; the export is a read too."""
    organisation = membership.organisation
    return LogEntry.objects.log_create(
        organisation,
        action=LogEntry.Action.ACCESS,
        force_log=True,
        actor=actor,
        additional_data={"organisation": organisation.pk, "viewed": "audit_log_export"},
    )
