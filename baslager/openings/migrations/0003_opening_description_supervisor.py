import django.db.models.deletion
from django.db import migrations, models


def supervisor_names_to_supervisors(apps, schema_editor):
    """A supervisor written as free text becomes a supervisor of the opening's employer (the one
    of that name, if the employer has one), so no name is lost when the text field goes."""
    Opening = apps.get_model("openings", "Opening")
    Supervisor = apps.get_model("employers", "Supervisor")
    for opening in Opening.objects.exclude(supervisor_name="").select_related("employer"):
        supervisor = Supervisor.objects.filter(
            employer=opening.employer, name=opening.supervisor_name
        ).first() or Supervisor.objects.create(
            organisation_id=opening.organisation_id,
            employer=opening.employer,
            name=opening.supervisor_name,
        )
        opening.supervisor = supervisor
        opening.save(update_fields=["supervisor"])


def supervisors_to_supervisor_names(apps, schema_editor):
    Opening = apps.get_model("openings", "Opening")
    for opening in Opening.objects.exclude(supervisor=None).select_related("supervisor"):
        opening.supervisor_name = opening.supervisor.name
        opening.save(update_fields=["supervisor_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0003_supervisor_supervisortraining_and_more"),
        ("openings", "0002_lowthresholdtask_opening_tasks"),
    ]

    operations = [
        migrations.AddField(
            model_name="opening",
            name="description",
            field=models.TextField(
                blank=True,
                help_text="The work, the workplace and what the employer asks for, in plain words.",
                verbose_name="about the opening",
            ),
        ),
        migrations.AddField(
            model_name="opening",
            name="supervisor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="openings",
                to="employers.supervisor",
                verbose_name="supervisor",
            ),
        ),
        migrations.RunPython(supervisor_names_to_supervisors, supervisors_to_supervisor_names),
        migrations.RemoveField(model_name="opening", name="supervisor_name"),
    ]
