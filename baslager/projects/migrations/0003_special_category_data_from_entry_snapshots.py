"""Special-category answers entered at project entry lived only in the enrolment's snapshot and
never reached the participant's special-category record. The record is now their one source:
copy into it every answer it lacks, from the participant's most recent entry first, so nothing
entered at entry is lost. Answers the record already holds are kept."""

from django.db import migrations

# The snapshot's field and the record's, for the tri-state answers they share.
SHARED = (
    ("disability", "has_disability"),
    ("minority", "minority"),
    ("foreign_background", "foreign_background"),
)
THIRD_COUNTRY = {"third_country": "yes", "stateless": "yes", "eu": "no"}


def copy_snapshots_to_records(apps, schema_editor):
    Snapshot = apps.get_model("projects", "EnrolmentSensitiveSnapshot")
    Record = apps.get_model("participants", "SpecialCategoryData")
    snapshots = Snapshot.objects.select_related("enrolment").order_by(
        "-enrolment__entry_date", "-pk"
    )
    records = {}
    for snapshot in snapshots.iterator():
        participant_id = snapshot.enrolment.participant_id
        record = records.get(participant_id)
        if record is None:
            record = Record.objects.filter(participant_id=participant_id).first() or Record(
                participant_id=participant_id, organisation_id=snapshot.organisation_id
            )
            records[participant_id] = record
        for source, target in SHARED:
            if not getattr(record, target) and getattr(snapshot, source):
                setattr(record, target, getattr(snapshot, source))
        if not record.third_country_national and snapshot.citizenship in THIRD_COUNTRY:
            record.third_country_national = THIRD_COUNTRY[snapshot.citizenship]
        if not record.collection_attempted_at and snapshot.collection_attempted_at:
            record.collection_attempted_at = snapshot.collection_attempted_at
    for record in records.values():
        answered = [getattr(record, target) for _source, target in SHARED]
        if record.pk or any(answered) or record.third_country_national:
            record.save()


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0003_alter_participant_preferred_language_and_more"),
        ("projects", "0002_enrolments"),
    ]

    operations = [migrations.RunPython(copy_snapshots_to_records, migrations.RunPython.noop)]
