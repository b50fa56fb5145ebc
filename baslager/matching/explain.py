"""Constraints in words, for the explanation under each match."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import reference


def constraint_text(constraint: reference.Constraint, *, bent: bool) -> str:
    d = constraint.detail
    if constraint.name == reference.HOURS:
        return (
            _("%(opening)d hours a week, more than the %(participant)d the participant wants") % d
        )
    if constraint.name == reference.START:
        return (
            ngettext(
                "Starts %(days)d day before the participant is available",
                "Starts %(days)d days before the participant is available",
                d["days"],
            )
            % d
        )
    if constraint.name == reference.DISTANCE:
        return _("%(km)s km away; the participant travels at most %(limit)s km") % d
    if constraint.name == reference.LICENCE:
        return _("Needs a driving licence the participant does not have")
    if constraint.name == reference.LANGUAGE:
        if bent:
            return _("Asks for more Swedish than the participant has; language support is offered")
        return _("Asks for more Swedish than the participant has, without language support")
    if bent:
        return _(
            "The participant needs step-free access and the workplace's accessibility is not "
            "described: ask the employer"
        )
    return _("The participant needs step-free access, which the workplace does not have")


def change_text(constraint: reference.Constraint, *, bent: bool) -> str:
    """What would let a requirement hold, for openings and people just out of reach."""
    d = constraint.detail
    if constraint.name == reference.HOURS:
        return (
            _(
                "Fits if the employer can offer %(participant)d hours a week, or the participant "
                "can work %(opening)d"
            )
            % d
        )
    if constraint.name == reference.START:
        return (
            ngettext(
                "Fits if the start can wait %(days)d day, until the participant is available",
                "Fits if the start can wait %(days)d days, until the participant is available",
                d["days"],
            )
            % d
        )
    if constraint.name == reference.DISTANCE:
        return _("Fits if the participant can travel %(km)s km") % d
    if constraint.name == reference.LICENCE:
        return _("Fits once the participant has driving licence %(licence)s") % d
    if constraint.name == reference.LANGUAGE and bent:
        return _("Fits once the participant's Swedish reaches %(needed)s") % d
    if constraint.name == reference.ACCESSIBILITY and bent:
        return _("Fits if the employer confirms step-free access")
    if constraint.name == reference.LANGUAGE:
        return _(
            "Fits if the employer offers language support, or once the participant's Swedish "
            "reaches %(needed)s (now %(has)s)"
        ) % {"needed": d["needed"], "has": d["has"] or _("not recorded")}
    return _("Fits if the workplace can offer step-free access")
