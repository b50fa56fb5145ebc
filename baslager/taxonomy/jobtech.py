"""Reading JobTech Taxonomy export files into plain rows the import service stores.

The exports have the GraphQL shape ``{"data": {"concepts": [...]}}``, except
``occupation-skills.json`` (occupation id → skill labels). Concept ids join the files.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .isced import isced_for_sun

FILES = (
    "the-ssyk-hierarchy-with-occupations.json",
    "ssyk-level-4-groups-with-related-skills.json",
    "skills.json",
    "occupation-skills.json",
    "substitutability-relations-between-occupations.json",
    "languages.json",
    "sun-level-hierarchy.json",
    "sni-hierarchy.json",
)

SSYK_LEVELS = {"ssyk-level-1": 1, "ssyk-level-2": 2, "ssyk-level-3": 3, "ssyk-level-4": 4}
SNI_LEVELS = {f"sni-level-{level}": level for level in range(1, 6)}
SUN_LEVELS = {"sun-education-level-1": 1, "sun-education-level-2": 2, "sun-education-level-3": 3}


class ExportMissing(FileNotFoundError):
    pass


@dataclass
class TaxonomyData:
    """Rows keyed by concept id; parents and links refer to concept ids too."""

    groups: dict[str, dict] = field(default_factory=dict)
    occupations: dict[str, dict] = field(default_factory=dict)
    skills: dict[str, dict] = field(default_factory=dict)
    languages: dict[str, dict] = field(default_factory=dict)
    education_levels: dict[str, dict] = field(default_factory=dict)
    industries: dict[str, dict] = field(default_factory=dict)
    group_skills: set[tuple[str, str]] = field(default_factory=set)
    occupation_skills: set[tuple[str, str]] = field(default_factory=set)
    occupation_ad_skills: set[tuple[str, str]] = field(default_factory=set)
    substitutions: dict[tuple[str, str], int] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        return {
            "occupation_groups": len(self.groups),
            "occupations": len(self.occupations),
            "skills": len(self.skills),
            "languages": len(self.languages),
            "education_levels": len(self.education_levels),
            "industries": len(self.industries),
            "group_skills": len(self.group_skills),
            "occupation_skills": len(self.occupation_skills),
            "occupation_ad_skills": len(self.occupation_ad_skills),
            "substitutions": len(self.substitutions),
        }


def export_version(data_dir: Path) -> str:
    """A short digest of the export files, so the same files give the same version."""
    digest = hashlib.sha256()
    for name in FILES:
        digest.update(name.encode())
        digest.update((data_dir / name).read_bytes())
    return f"sha256:{digest.hexdigest()[:16]}"


def _concepts(data_dir: Path, name: str) -> list[dict]:
    return _load(data_dir, name)["data"]["concepts"]


def _load(data_dir: Path, name: str):
    path = data_dir / name
    if not path.is_file():
        raise ExportMissing(f"JobTech export file not found: {path}")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def jobtech_read(data_dir: Path) -> TaxonomyData:
    data = TaxonomyData()
    _read_ssyk(data, _concepts(data_dir, FILES[0]))
    for concept in _concepts(data_dir, "skills.json"):
        data.skills[concept["id"]] = {"label": concept["preferred_label"]}
    for group in _concepts(data_dir, "ssyk-level-4-groups-with-related-skills.json"):
        for related in group.get("related") or []:
            if related.get("type") == "skill":
                data.skills.setdefault(related["id"], {"label": related["preferred_label"]})
                data.group_skills.add((group["id"], related["id"]))
    skill_by_label = {row["label"]: concept_id for concept_id, row in data.skills.items()}
    for occupation_id, entry in _load(data_dir, "occupation-skills.json").items():
        if occupation_id not in data.occupations:
            continue
        for label in entry.get("group_skills") or []:
            skill_id = skill_by_label.get(label)
            if skill_id is not None:
                data.occupation_skills.add((occupation_id, skill_id))
        for label in entry.get("calculated_skills") or []:
            skill_id = skill_by_label.get(label)
            if skill_id is not None:
                data.occupation_ad_skills.add((occupation_id, skill_id))
    _read_substitutions(data, _concepts(data_dir, FILES[4]))
    for concept in _concepts(data_dir, "languages.json"):
        iso = (
            concept.get("iso_639_1_2002")
            or concept.get("iso_639_2_1998")
            or concept.get("iso_639_3_2007")
            or ""
        )
        data.languages[concept["id"]] = {
            "label": concept["preferred_label"],
            "iso_code": iso.lower(),
        }
    _read_sun(data, _concepts(data_dir, "sun-level-hierarchy.json"), parent=None)
    _read_sni(data, _concepts(data_dir, "sni-hierarchy.json"), parent=None)
    return data


def _read_ssyk(data: TaxonomyData, concepts: list[dict], parent: str | None = None) -> None:
    for concept in concepts:
        kind = concept.get("type")
        if kind in SSYK_LEVELS:
            data.groups[concept["id"]] = {
                "label": concept["preferred_label"],
                "code": concept["ssyk_code_2012"],
                "level": SSYK_LEVELS[kind],
                "parent": parent,
                "definition": concept.get("definition") or "",
            }
            _read_ssyk(data, concept.get("narrower") or [], concept["id"])
        elif kind == "occupation-name":
            data.occupations[concept["id"]] = {"label": concept["preferred_label"], "group": parent}


def _read_substitutions(data: TaxonomyData, concepts: list[dict]) -> None:
    """Both directions of the export name the same pairs; ``substituted_by`` lists who can
    do the concept's work."""
    known = data.occupations
    for concept in concepts:
        for other in concept.get("substituted_by") or []:
            pair = (concept["id"], other["id"])
            if pair[0] in known and pair[1] in known:
                data.substitutions.setdefault(pair, other["substitutability_percentage"])
        for other in concept.get("substitutes") or []:
            pair = (other["id"], concept["id"])
            if pair[0] in known and pair[1] in known:
                data.substitutions.setdefault(pair, other["substitutability_percentage"])


def _read_sun(data: TaxonomyData, concepts: list[dict], parent: str | None) -> None:
    for concept in concepts:
        kind = concept.get("type")
        if kind not in SUN_LEVELS:
            continue
        code = concept["sun_education_level_code_2020"]
        data.education_levels[concept["id"]] = {
            "label": concept["preferred_label"],
            "code": code,
            "level": SUN_LEVELS[kind],
            "parent": parent,
            "isced": isced_for_sun(code),
        }
        _read_sun(data, concept.get("narrower") or [], concept["id"])


def _read_sni(data: TaxonomyData, concepts: list[dict], parent: str | None) -> None:
    for concept in concepts:
        kind = concept.get("type")
        if kind not in SNI_LEVELS:
            continue
        data.industries[concept["id"]] = {
            "label": concept["preferred_label"],
            "code": concept["sni_level_code_2007"],
            "level": SNI_LEVELS[kind],
            "parent": parent,
        }
        _read_sni(data, concept.get("narrower") or [], concept["id"])
