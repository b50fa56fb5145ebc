"""Reads of personal data are logged beside django-auditlog's writes.

This sits in ``core``, the bottom of the layering, because every app that shows a participant's
data logs the read, ``participants`` included; the audit app above them only shows the log.
"""

from auditlog.models import LogEntry


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
