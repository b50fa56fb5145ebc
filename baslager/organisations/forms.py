from django import forms
from django.utils.translation import gettext_lazy as _

from baslager.taxonomy.kommuner import kommun_choices

from .models import Membership, Organisation, Role


class OrganisationSettingsForm(forms.ModelForm):
    kommun_code = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        choices=[("", _("Choose a municipality")), *kommun_choices()],
    )

    class Meta:
        model = Organisation
        fields = ["name", "kommun_code", "coaches_see_all_participants", "days_without_contact"]


class MemberAddForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        required=False,
        help_text=_("Needed only for someone who has no account yet."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=100,
        required=False,
        help_text=_("For example job coach or resource broker."),
    )


class MemberEditForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "title"]
