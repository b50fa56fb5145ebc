from django import forms
from django.utils.translation import gettext_lazy as _

from .models import OverrideAction

MOVES = [("up", _("Move up one step")), ("down", _("Move down one step"))]


class OverrideForm(forms.Form):
    opening = forms.UUIDField(widget=forms.HiddenInput)
    current = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    action = forms.ChoiceField(label=_("Change"), choices=MOVES + list(OverrideAction.choices))
    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        max_value=50,
        required=False,
        help_text=_("Only when putting it at a position."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required. Kept in the history and the audit log."),
    )
