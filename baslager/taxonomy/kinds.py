"""The kinds of taxonomy concept a picker or a search can be about, by URL slug."""

from django.db.models import Model
from django.http import Http404

from .models import EducationLevel, Industry, Language, Occupation, Skill

KINDS: dict[str, type[Model]] = {
    "occupation": Occupation,
    "skill": Skill,
    "language": Language,
    "education": EducationLevel,
    "industry": Industry,
}


def kind_model(kind: str) -> type[Model]:
    try:
        return KINDS[kind]
    except KeyError as exc:
        raise ValueError(f"Unknown taxonomy kind {kind!r}") from exc


def kind_model_or_404(kind: str) -> type[Model]:
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]
