"""A tiny hand-made JobTech export for the widening tests, written in the export's own shape.

Skills (document frequency among the five occupations): matlagning 2, hygien 4, kundservice 4,
servering 1, vinkunskap 1, disk 1, juridik 1. Kock and Kallskänka share group 5120; Servitör is
in 5131 (same major and sub-major group as the cooks), Diskare in 9412, Advokat in 2611.
"""

import json
from pathlib import Path

SKILLS = {
    "s-mat": "Matlagning",
    "s-hyg": "Hygien",
    "s-kund": "Kundservice",
    "s-serv": "Servering",
    "s-vin": "Vinkunskap",
    "s-disk": "Disk",
    "s-jur": "Juridik",
}
GROUPS = {  # code → (concept id, label, skills, occupations)
    "5120": (
        "g-5120",
        "Kockar och kallskänkor",
        ["s-mat", "s-hyg", "s-kund"],
        {"o-kock": "Kock", "o-kall": "Kallskänka"},
    ),
    "5131": (
        "g-5131",
        "Servitörer",
        ["s-kund", "s-hyg", "s-serv", "s-vin"],
        {"o-serv": "Servitör"},
    ),
    "9412": ("g-9412", "Restaurangbiträden", ["s-hyg", "s-disk"], {"o-disk": "Diskare"}),
    "2611": ("g-2611", "Advokater", ["s-jur", "s-kund"], {"o-adv": "Advokat"}),
}
OWN_SKILLS = {"o-kock": ["Matlagning"]}
# (occupation, substitute, percentage): the substitute can do the occupation's work.
SUBSTITUTIONS = [("o-adv", "o-kock", 25), ("o-disk", "o-adv", 25)]


def _concepts(concepts) -> dict:
    return {"data": {"concepts": concepts}}


def _hierarchy() -> list[dict]:
    roots: dict[str, dict] = {}
    for code, (concept_id, label, _, occupations) in sorted(GROUPS.items()):
        level4 = {
            "id": concept_id,
            "type": "ssyk-level-4",
            "preferred_label": label,
            "ssyk_code_2012": code,
            "narrower": [
                {"id": pk, "type": "occupation-name", "preferred_label": name}
                for pk, name in occupations.items()
            ],
        }
        parent = None
        for length in (1, 2, 3):
            prefix = code[:length]
            siblings = roots if parent is None else parent.setdefault("_children", {})
            parent = siblings.setdefault(
                prefix,
                {
                    "id": f"g-{prefix}",
                    "type": f"ssyk-level-{length}",
                    "preferred_label": f"Grupp {prefix}",
                    "ssyk_code_2012": prefix,
                },
            )
        parent.setdefault("_children", {})[code] = level4

    def finish(node):
        node["narrower"] = node.get("narrower") or [
            finish(child) for child in node.pop("_children", {}).values()
        ]
        return node

    return [finish(node) for node in roots.values()]


def write_export(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "the-ssyk-hierarchy-with-occupations.json": _concepts(_hierarchy()),
        "ssyk-level-4-groups-with-related-skills.json": _concepts(
            [
                {
                    "id": concept_id,
                    "related": [
                        {"id": s, "preferred_label": SKILLS[s], "type": "skill"} for s in skills
                    ],
                }
                for concept_id, _, skills, _ in GROUPS.values()
            ]
        ),
        "skills.json": _concepts(
            [{"id": s, "preferred_label": label} for s, label in SKILLS.items()]
        ),
        "occupation-skills.json": {
            pk: {"group_skills": labels} for pk, labels in OWN_SKILLS.items()
        },
        "substitutability-relations-between-occupations.json": _concepts(
            [
                {
                    "id": occupation,
                    "substituted_by": [{"id": substitute, "substitutability_percentage": pct}],
                    "substitutes": [],
                }
                for occupation, substitute, pct in SUBSTITUTIONS
            ]
        ),
        "languages.json": _concepts([]),
        "sun-level-hierarchy.json": _concepts([]),
        "sni-hierarchy.json": _concepts([]),
    }
    for name, content in files.items():
        (folder / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return folder
