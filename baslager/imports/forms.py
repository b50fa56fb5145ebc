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


class ColumnsForm(forms.Form):
    """The field each column of each sheet is read into, or none; one choice per named column."""

    prefix = "columns"

    def __init__(self, *args, sheets: list[dict], labels: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.sheets, self.labels = sheets, labels
        choices = [("", _("Do not import")), *labels.items()]
        for number, sheet in enumerate(sheets):
            fields_by_index = {index: field for field, index in sheet["mapping"].items()}
            for index, header in enumerate(sheet["headers"]):
                # A column without a header is nothing a person could name, nor map.
                if header:
                    self.fields[self._key(number, index)] = forms.ChoiceField(
                        label=header,
                        choices=choices,
                        required=False,
                        initial=fields_by_index.get(index, ""),
                    )

    @staticmethod
    def _key(sheet: int, column: int) -> str:
        return f"sheet{sheet}_column{column}"

    def sheet_fields(self):
        """Per sheet: its name (for workbooks of several sheets) and its columns' fields."""
        for number, sheet in enumerate(self.sheets):
            yield {
                "name": sheet["name"] if len(self.sheets) > 1 else "",
                "fields": [
                    self[self._key(number, index)]
                    for index, header in enumerate(sheet["headers"])
                    if header
                ],
            }

    def clean(self):
        cleaned = super().clean()
        for number, sheet in enumerate(self.sheets):
            chosen: dict[str, str] = {}
            for index, header in enumerate(sheet["headers"]):
                key = self._key(number, index)
                field = cleaned.get(key)
                if not field:
                    continue
                if field in chosen:
                    self.add_error(
                        key,
                        _("“%(field)s” is already read from the column “%(header)s”.")
                        % {"field": self.labels[field], "header": chosen[field]},
                    )
                else:
                    chosen[field] = header
            if "name" not in chosen:
                message = (
                    _("Choose the column with the employer's name in the sheet “%(sheet)s”.")
                    % {"sheet": sheet["name"]}
                    if len(self.sheets) > 1
                    else _("Choose the column with the employer's name.")
                )
                self.add_error(None, message)
        return cleaned

    def mappings(self) -> list[dict[str, int]]:
        """{field: column index} per sheet, as the import reads them."""
        return [
            {
                self.cleaned_data[self._key(number, index)]: index
                for index, header in enumerate(sheet["headers"])
                if header and self.cleaned_data.get(self._key(number, index))
            }
            for number, sheet in enumerate(self.sheets)
        ]
