from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DuplicatePolicy, RowStatus


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "An Excel workbook (.xlsx) or a CSV file. The first row names the columns, for "
            "example Företag, Organisationsnummer, Bransch, Kommun, Kontaktperson, Telefon, "
            "E-post."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt"}),
    )


class ConfirmForm(forms.Form):
    duplicate_policy = forms.ChoiceField(
        label=_("Employers that are already registered"),
        choices=DuplicatePolicy.choices,
        initial=DuplicatePolicy.SKIP,
        widget=forms.RadioSelect,
    )


class RowFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Show"), required=False, choices=[("", _("All rows")), *RowStatus.choices]
    )
