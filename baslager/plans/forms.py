from datetime import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Activity, AttendanceStatus, Goal, Occurrence
from .services import AttendanceEntry


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description", "target_date", "status"]
        widgets = {"target_date": DateInput(), "description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "title": _("In plain words, e.g. “Get a forklift licence”."),
            "description": _("The steps, and who does what."),
        }


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "kind",
            "title",
            "description",
            "location",
            "employer",
            "leader",
            "is_group",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leader"].queryset = leaders

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end cannot come before the start."))
        return cleaned


class IndividualActivityForm(ActivityForm):
    """A one-to-one activity made for one participant, e.g. an internship or coaching sessions."""

    goal = forms.ModelChoiceField(
        queryset=Goal.objects.none(), required=False, label=_("Towards goal")
    )

    class Meta(ActivityForm.Meta):
        fields = [name for name in ActivityForm.Meta.fields if name != "is_group"]

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals


class ActivityChoiceField(forms.ModelChoiceField):
    """Activities often share a title ("Arbetsträning på …"): each choice also names what tells
    it apart — its dates, place, leader and number of participants."""

    def label_from_instance(self, activity: Activity) -> str:
        details = []
        if activity.starts_on or activity.ends_on:
            starts, ends = (
                date_format(day, "DATE_FORMAT") if day else "…"
                for day in (activity.starts_on, activity.ends_on)
            )
            details.append(f"{starts}–{ends}")
        details += [text for text in (activity.location, str(activity.leader or "")) if text]
        details.append(
            ngettext("%(count)d participant", "%(count)d participants", activity.participant_count)
            % {"count": activity.participant_count}
        )
        return f"{activity.title} ({', '.join(details)})"


class EnrolForm(forms.Form):
    activity = ActivityChoiceField(
        queryset=Activity.objects.none(),
        label=_("Activity"),
        help_text=_(
            "Shows activities that have not ended: group activities, and one-to-one activities "
            "nobody takes part in yet."
        ),
    )
    goal = forms.ModelChoiceField(
        queryset=Goal.objects.none(), required=False, label=_("Towards goal")
    )

    def __init__(self, *args, activities, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        self.fields["goal"].queryset = goals


class EnrolmentForm(forms.Form):
    goal = forms.ModelChoiceField(
        queryset=Goal.objects.none(), required=False, label=_("Towards goal")
    )

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = goals


class GroupEnrolForm(forms.Form):
    participants = forms.ModelMultipleChoiceField(
        queryset=None,
        to_field_name="public_id",
        widget=forms.CheckboxSelectMultiple,
        label=_("Participants"),
        error_messages={"required": _("Choose at least one participant.")},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = candidates


class OccurrenceForm(forms.Form):
    date = forms.DateField(label=_("Date of the first occasion"), widget=DateInput())
    time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=5, max_value=720, initial=60
    )
    weeks = forms.IntegerField(
        label=_("Number of weeks"),
        min_value=1,
        max_value=52,
        initial=1,
        help_text=_(
            "1 for a single occasion; 12 for the same day and time every week for 12 weeks."
        ),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def starts_at(self) -> datetime:
        return timezone.make_aware(
            datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        )


class AttendanceForm(forms.Form):
    """One row per participant: present, excused or absent, and the hours to credit."""

    MARK_ALL_PRESENT = "mark"

    def __init__(self, *args, participants, occurrence: Occurrence, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = participants
        self.occurrence = occurrence
        for participant in participants:
            key = participant.public_id
            self.fields[f"status_{key}"] = forms.ChoiceField(
                choices=AttendanceStatus.choices,
                required=False,
                widget=forms.RadioSelect,
                label=participant.full_name,
            )
            self.fields[f"hours_{key}"] = forms.DecimalField(
                required=False,
                min_value=Decimal("0"),
                max_value=Decimal("24"),
                max_digits=3,
                decimal_places=1,
                label=_("Hours"),
                widget=forms.NumberInput(attrs={"step": "0.5"}),
            )

    @classmethod
    def everyone_present(cls, data, *, participants, occurrence: Occurrence) -> "AttendanceForm":
        """The submitted form with every participant marked present and nothing else changed,
        for "Mark all present" without JavaScript; the hours typed so far are kept."""
        data = data.copy()
        for participant in participants:
            data[f"status_{participant.public_id}"] = AttendanceStatus.PRESENT
        data.pop(cls.MARK_ALL_PRESENT, None)
        return cls(data, participants=participants, occurrence=occurrence)

    def rows(self):
        for participant in self.participants:
            key = participant.public_id
            yield participant, self[f"status_{key}"], self[f"hours_{key}"]

    def clean(self):
        cleaned = super().clean()
        # Hours count only for those present: switching someone to absent must not block saving
        # because of hours typed or filled in before, so they are dropped rather than refused.
        for participant in self.participants:
            key = participant.public_id
            if cleaned.get(f"status_{key}") != AttendanceStatus.PRESENT:
                cleaned[f"hours_{key}"] = None
        return cleaned

    def entries(self) -> list[AttendanceEntry]:
        return [
            AttendanceEntry(
                participant=participant,
                status=self.cleaned_data[f"status_{participant.public_id}"],
                hours=self.cleaned_data[f"hours_{participant.public_id}"],
            )
            for participant in self.participants
            if self.cleaned_data.get(f"status_{participant.public_id}")
        ]
