from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Channel, ConsentHow, MessageStatus


class ConsentForm(forms.Form):
    channel = forms.ChoiceField(label=_("Remind by"), choices=Channel.choices)
    given_on = forms.DateField(label=_("Agreed on"), widget=forms.DateInput(attrs={"type": "date"}))
    given_how = forms.ChoiceField(label=_("How they agreed"), choices=ConsentHow.choices)

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return given_on


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=_("Withdrawn on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    withdrawn_how = forms.ChoiceField(label=_("How they withdrew"), choices=ConsentHow.choices)

    def clean_withdrawn_on(self):
        withdrawn_on = self.cleaned_data["withdrawn_on"]
        if withdrawn_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return withdrawn_on


class MessageFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + MessageStatus.choices
    )
