from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Phase


class PhaseForm(forms.ModelForm):
    """Name and describe a phase; names are unique within the organisation, whatever the case."""

    class Meta:
        model = Phase
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, ladder: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.ladder = ladder

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = self.ladder.filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                _("There is already a phase called %(name)s."), params={"name": name}
            )
        return name


class MoveForm(forms.Form):
    to_phase = forms.ModelChoiceField(
        label=_("New phase"), queryset=Phase.objects.none(), empty_label=_("Choose a phase")
    )
    moved_on = forms.DateField(
        label=_("Date"),
        help_text=_("The day the participant started in the new phase. Not in the future."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Why the participant moves, in a few words."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, phases: QuerySet, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("moved_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.fields["to_phase"].queryset = phases
        # Opened in place on the participant's page, the form takes the focus to where work starts.
        self.fields["to_phase"].widget.attrs["autofocus"] = True
        self.fields["moved_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_moved_on(self):
        moved_on = self.cleaned_data["moved_on"]
        if moved_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return moved_on


STATUS_CHOICES = [
    ("active", _("Active")),
    ("ended", _("Ended")),
    ("all", _("All")),
]

VIEW_CHOICES = [("board", _("Board")), ("table", _("List"))]

NO_PHASE = "none"


class BoardFilterForm(forms.Form):
    """What the caseload board shows. Built from GET; invalid values fall back to the defaults."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    coach = forms.ChoiceField(label=_("Coach"), required=False)
    mine = forms.BooleanField(label=_("Only my participants"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    view = forms.ChoiceField(
        label=_("Show as"), choices=VIEW_CHOICES, required=False, widget=forms.RadioSelect
    )
    page = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, phases, coaches, can_see_more: bool):
        data = data.copy()
        data.setdefault("status", "active")
        data.setdefault("view", "board")
        super().__init__(data)
        self.fields["phase"].choices = [
            ("", _("All phases")),
            *((str(phase.pk), phase.name) for phase in phases),
            (NO_PHASE, _("No phase")),
        ]
        if can_see_more:
            self.fields["coach"].choices = [
                ("", _("All coaches")),
                *((str(user.pk), str(user)) for user in coaches),
            ]
        else:
            # A coach who sees only their own caseload has nothing more to narrow by.
            del self.fields["coach"]
            del self.fields["mine"]

    def value_of(self, name: str, default=None):
        """The cleaned value of ``name``, or ``default`` when it was invalid or not offered."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value
