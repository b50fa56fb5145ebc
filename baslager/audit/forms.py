from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import ACTIONS


class AuditFilterForm(forms.Form):
    name = forms.CharField(
        label=_("Participant"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Part of the first or last name."),
    )
    participant = forms.UUIDField(required=False, widget=forms.HiddenInput)
    actor = forms.ModelChoiceField(
        label=_("User"), required=False, queryset=None, empty_label=_("Everyone")
    )
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[
            ("", _("All")),
            ("created", _("created")),
            ("changed", _("changed")),
            ("deleted", _("deleted")),
            ("viewed", _("viewed")),
        ],
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, actors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned

    def action_code(self) -> int | None:
        return ACTIONS.get(self.cleaned_data.get("action") or "")
