from django import forms
from django.utils.translation import gettext_lazy as _

from baslager.employers.models import Employer, Supervisor
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership
from baslager.projects.models import Project
from baslager.taxonomy.kommuner import kommun_choices
from baslager.taxonomy.linker_widgets import SuggestingTextInput
from baslager.taxonomy.models import Occupation, Skill
from baslager.taxonomy.widgets import TaxonomyPicker

from .models import LowThresholdTask, Opening, OpeningKind, OpeningStatus


def _with_blank(field, label):
    field.choices = [("", label), *[choice for choice in field.choices if choice[0] != ""]]


class OpeningForm(forms.ModelForm):
    occupation = forms.ModelChoiceField(
        label=_("Occupation"),
        required=False,
        queryset=Occupation.objects.all(),
        widget=TaxonomyPicker("occupation"),
    )
    must_have_skills = forms.ModelMultipleChoiceField(
        label=_("Must-have skills"),
        required=False,
        queryset=Skill.objects.all(),
        widget=TaxonomyPicker("skill", multiple=True),
    )
    nice_to_have_skills = forms.ModelMultipleChoiceField(
        label=_("Nice-to-have skills"),
        required=False,
        queryset=Skill.objects.all(),
        widget=TaxonomyPicker("skill", multiple=True),
    )
    kommun_code = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        choices=[("", _("Choose a municipality")), *kommun_choices()],
    )

    class Meta:
        model = Opening
        fields = [
            "employer",
            "kind",
            "employment_form",
            "title",
            "description",
            "occupation",
            "must_have_skills",
            "nice_to_have_skills",
            "swedish_level_needed",
            "offers_language_support",
            "driving_licence",
            "physical_demands",
            "physical_demands_text",
            "hours_per_week",
            "schedule",
            "place",
            "kommun_code",
            "workplace_accessibility",
            "places",
            "starts_on",
            "ends_on",
            "supervisor",
        ]
        widgets = {
            # Occupations the title points to, to choose in the occupation picker.
            "title": SuggestingTextInput("occupation", picker="occupation"),
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "physical_demands_text": forms.Textarea(attrs={"rows": 2}),
            "workplace_accessibility": forms.Textarea(attrs={"rows": 2}),
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = scoped(Employer, membership).order_by("name", "pk")
        supervisor = self.fields["supervisor"]
        supervisor.queryset = (
            scoped(Supervisor, membership)
            .select_related("employer")
            .order_by("employer__name", "name", "pk")
        )
        supervisor.label_from_instance = _supervisor_label
        supervisor.empty_label = _("Not chosen yet")
        supervisor.help_text = _("A supervisor at the opening's employer.")
        _with_blank(self.fields["employment_form"], _("Not a job"))
        _with_blank(self.fields["swedish_level_needed"], _("No particular level"))
        _with_blank(self.fields["driving_licence"], _("None needed"))
        _with_blank(self.fields["physical_demands"], _("Not described"))


def _supervisor_label(supervisor: Supervisor) -> str:
    return f"{supervisor.name} ({supervisor.employer.name})"


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), choices=OpeningStatus.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OpeningFilterForm(forms.Form):
    q = forms.CharField(label=_("Title or occupation"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of opening"), required=False, choices=[("", _("All")), *OpeningKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *OpeningStatus.choices]
    )
    kommun = forms.ChoiceField(
        label=_("Municipality"), required=False, choices=[("", _("All")), *kommun_choices()]
    )
    employer = forms.ModelChoiceField(
        label=_("Employer"),
        required=False,
        queryset=Employer.objects.none(),
        to_field_name="public_id",
        empty_label=_("All"),
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = scoped(Employer, membership).order_by("name", "pk")


class TaskForm(forms.ModelForm):
    class Meta:
        model = LowThresholdTask
        fields = [
            "employer",
            "title",
            "description",
            "done_today_by",
            "hours_per_week",
            "language_demand",
            "physical_demands",
            "supervision",
            "offered_to_everyone_regardless_of_gender",
            "project",
            "identified_on",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "supervision": forms.RadioSelect,
            "identified_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = scoped(Employer, membership).order_by("name", "pk")
        self.fields["project"].queryset = scoped(Project, membership)
        self.fields["project"].empty_label = _("No project")
        _with_blank(self.fields["language_demand"], _("No particular level"))
        _with_blank(self.fields["physical_demands"], _("Not described"))


class TaskFilterForm(forms.Form):
    employer = forms.ModelChoiceField(
        label=_("Employer"),
        required=False,
        queryset=Employer.objects.none(),
        to_field_name="public_id",
        empty_label=_("All"),
    )
    project = forms.ModelChoiceField(
        label=_("Project"), required=False, queryset=Project.objects.none(), empty_label=_("All")
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = scoped(Employer, membership).order_by("name", "pk")
        self.fields["project"].queryset = scoped(Project, membership)


class BundleForm(forms.Form):
    tasks = forms.ModelMultipleChoiceField(
        label=_("Bundled tasks"),
        required=False,
        queryset=LowThresholdTask.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        # All tasks of the organisation are valid choices so the service, not the form, is the
        # one to refuse another employer's task with its own message.
        self.fields["tasks"].queryset = scoped(LowThresholdTask, membership).order_by("title")
