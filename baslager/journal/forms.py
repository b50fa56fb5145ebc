from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CaseNoteForm(forms.Form):
    occurred_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day it happened. Not in the future."),
    )
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["occurred_on"].initial = today
        self.fields["occurred_on"].widget.attrs["max"] = today.isoformat()

    def clean_occurred_on(self):
        occurred_on = self.cleaned_data["occurred_on"]
        if occurred_on > timezone.localdate():
            raise forms.ValidationError(_("A note cannot be dated in the future."))
        return occurred_on


class CaseNoteCorrectionForm(forms.Form):
    text = forms.CharField(label=_("Corrected text"), widget=forms.Textarea(attrs={"rows": 8}))
    reason = forms.CharField(
        label=_("Reason for the correction"),
        max_length=200,
        help_text=_("For example: wrong date mentioned, misspelt name. Shown with the note."),
    )

    def __init__(self, *args, current_text: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_text = current_text
        self.fields["text"].initial = current_text

    def clean_text(self):
        text = self.cleaned_data["text"]
        if text.strip() == self.current_text.strip():
            raise forms.ValidationError(_("The text is unchanged."))
        return text
