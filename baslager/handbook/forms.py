from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .models import ChecklistTemplate, ChecklistTemplateItem


class ChecklistForm(forms.ModelForm):
    class Meta:
        model = ChecklistTemplate
        fields = ["stage", "title"]


class ChecklistItemForm(forms.ModelForm):
    class Meta:
        model = ChecklistTemplateItem
        fields = ["text", "guidance", "who", "position"]
        widgets = {"guidance": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"position": _("Items are shown in this order, lowest first.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        if self.instance.pk is None:
            # Left empty, a new row goes last rather than first.
            self.fields["position"].initial = None
            self.initial.pop("position", None)

    def clean_position(self):
        # A new row without a position goes last.
        position = self.cleaned_data.get("position")
        return 10_000 if position is None else position


def item_formset_class(extra: int):
    return inlineformset_factory(
        ChecklistTemplate,
        ChecklistTemplateItem,
        form=ChecklistItemForm,
        extra=extra,
        can_delete=True,
    )
