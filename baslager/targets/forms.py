from django import forms

from .models import ProjectTarget


class ProjectTargetForm(forms.ModelForm):
    class Meta:
        model = ProjectTarget
        fields = ["kind", "value", "baseline", "note"]
