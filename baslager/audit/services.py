from auditlog.models import LogEntry

from baslager.organisations.models import Membership


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
