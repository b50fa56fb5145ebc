"""Writing the taxonomy: the JobTech import and the built-in starter set.

Both go through ``taxonomy_store``, which upserts by JobTech concept id in bulk: a concept that
exists is updated only if it changed, so storing the same data twice changes nothing. Concepts
missing from a newer export are kept (participants' records may point at them).
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Model

from .jobtech import TaxonomyData, export_version, jobtech_read
from .models import (
    EducationLevel,
    Industry,
    Language,
    Occupation,
    OccupationGroup,
    Skill,
    Substitutability,
    TaxonomyVersion,
)

JOBTECH_SOURCE = "JobTech Taxonomy"
STARTER_SOURCE = "Basläger starter set"
BATCH = 500


def default_data_dir() -> Path:
    return Path(settings.BASLAGER_DATA_DIR) / "jobtech"


def taxonomy_import(*, data_dir: Path | None = None, version: str = "") -> TaxonomyVersion:
    """Import a JobTech Taxonomy export; the version defaults to a digest of its files."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data = jobtech_read(data_dir)
    return taxonomy_store(
        data=data,
        source=JOBTECH_SOURCE,
        version=version or export_version(data_dir),
        replace_links=True,
    )


def taxonomy_starter_load() -> TaxonomyVersion | None:
    """Load the built-in starter set, unless a real JobTech import has been made."""
    if TaxonomyVersion.objects.filter(source=JOBTECH_SOURCE).exists():
        return None
    from .starter import STARTER_VERSION, starter_data

    return taxonomy_store(
        data=starter_data(), source=STARTER_SOURCE, version=STARTER_VERSION, replace_links=False
    )


@transaction.atomic
def taxonomy_store(
    *, data: TaxonomyData, source: str, version: str, replace_links: bool
) -> TaxonomyVersion:
    """Upsert ``data``; with ``replace_links``, links of the stored concepts not in ``data``
    are removed (a full export is the truth); without, links are only added."""
    groups: dict[str, int] = {}
    for level in (1, 2, 3, 4):
        rows = {
            concept_id: {
                "label": row["label"],
                "code": row["code"],
                "level": level,
                "parent_id": groups.get(row["parent"]) if row["parent"] else None,
                "definition": row.get("definition", ""),
            }
            for concept_id, row in data.groups.items()
            if row["level"] == level
        }
        groups |= _upsert(OccupationGroup, rows)
    occupations = _upsert(
        Occupation,
        {
            concept_id: {"label": row["label"], "group_id": groups.get(row["group"])}
            for concept_id, row in data.occupations.items()
        },
    )
    skills = _upsert(Skill, data.skills)
    _upsert(Language, data.languages)
    education: dict[str, int] = {}
    for level in (1, 2, 3):
        rows = {
            concept_id: {
                "label": row["label"],
                "code": row["code"],
                "level": level,
                "parent_id": education.get(row["parent"]) if row["parent"] else None,
                "isced": row["isced"],
            }
            for concept_id, row in data.education_levels.items()
            if row["level"] == level
        }
        education |= _upsert(EducationLevel, rows)
    industries: dict[str, int] = {}
    for level in (1, 2, 3, 4, 5):
        rows = {
            concept_id: {
                "label": row["label"],
                "code": row["code"],
                "level": level,
                "parent_id": industries.get(row["parent"]) if row["parent"] else None,
            }
            for concept_id, row in data.industries.items()
            if row["level"] == level
        }
        industries |= _upsert(Industry, rows)

    _link(
        OccupationGroup.skills.through,
        ("occupationgroup_id", "skill_id"),
        {(groups[a], skills[b]) for a, b in data.group_skills if a in groups and b in skills},
        owners={groups[concept_id] for concept_id in data.groups},
        replace=replace_links,
    )
    _link(
        Occupation.skills.through,
        ("occupation_id", "skill_id"),
        {
            (occupations[a], skills[b])
            for a, b in data.occupation_skills
            if a in occupations and b in skills
        },
        owners={occupations[concept_id] for concept_id in data.occupations},
        replace=replace_links,
    )
    _link(
        Occupation.skills_in_ads.through,
        ("occupation_id", "skill_id"),
        {
            (occupations[a], skills[b])
            for a, b in data.occupation_ad_skills
            if a in occupations and b in skills
        },
        owners={occupations[concept_id] for concept_id in data.occupations},
        replace=replace_links,
    )
    _store_substitutions(data, occupations, replace_links)

    record, _ = TaxonomyVersion.objects.get_or_create(
        source=source, version=version, defaults={"counts": data.counts()}
    )
    if record.counts != data.counts():
        record.counts = data.counts()
        record.save(update_fields=["counts"])
    return record


def _upsert(model: type[Model], rows: dict[str, dict]) -> dict[str, int]:
    """Create or update ``rows`` (concept id → field values); concept id → pk of all of them."""
    if not rows:
        return {}
    existing = {obj.concept_id: obj for obj in model.objects.filter(concept_id__in=list(rows))}
    fields = sorted({name for values in rows.values() for name in values})
    created, changed = [], []
    for concept_id, values in rows.items():
        obj = existing.get(concept_id)
        if obj is None:
            created.append(model(concept_id=concept_id, **values))
            continue
        differs = False
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)
                differs = True
        if differs:
            changed.append(obj)
    model.objects.bulk_create(created, batch_size=BATCH)
    if changed:
        model.objects.bulk_update(changed, fields, batch_size=BATCH)
    return dict(model.objects.filter(concept_id__in=list(rows)).values_list("concept_id", "pk"))


def _link(through, columns: tuple[str, str], wanted: set[tuple[int, int]], owners, replace):
    owner, target = columns
    existing = {
        (a, b): pk
        for pk, a, b in through.objects.filter(**{f"{owner}__in": list(owners)}).values_list(
            "pk", owner, target
        )
    }
    through.objects.bulk_create(
        [through(**{owner: a, target: b}) for a, b in wanted - existing.keys()],
        batch_size=BATCH,
    )
    if replace:
        _delete(through, [pk for pair, pk in existing.items() if pair not in wanted])


def _store_substitutions(data: TaxonomyData, occupations: dict[str, int], replace: bool) -> None:
    wanted = {
        (occupations[a], occupations[b]): percentage
        for (a, b), percentage in data.substitutions.items()
        if a in occupations and b in occupations
    }
    owners = list(set(occupations.values()))
    existing = {
        (row.occupation_id, row.substitute_id): row
        for row in Substitutability.objects.filter(occupation_id__in=owners)
    }
    Substitutability.objects.bulk_create(
        [
            Substitutability(occupation_id=a, substitute_id=b, percentage=percentage)
            for (a, b), percentage in wanted.items()
            if (a, b) not in existing
        ],
        batch_size=BATCH,
    )
    changed = []
    for pair, row in existing.items():
        if pair in wanted and row.percentage != wanted[pair]:
            row.percentage = wanted[pair]
            changed.append(row)
    Substitutability.objects.bulk_update(changed, ["percentage"], batch_size=BATCH)
    if replace:
        _delete(Substitutability, [row.pk for pair, row in existing.items() if pair not in wanted])


def _delete(model: type[Model], pks: list[int]) -> None:
    for start in range(0, len(pks), BATCH):
        model.objects.filter(pk__in=pks[start : start + BATCH]).delete()
