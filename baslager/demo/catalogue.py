"""The taxonomy rows the demo draws from, picked deterministically (by concept id)."""

from dataclasses import dataclass

from baslager.taxonomy.models import EducationLevel, Industry, Language, Occupation, Skill

from . import employer_texts, texts

FALLBACK_OCCUPATIONS = 40
FALLBACK_SKILLS = 60
SKILLS_PER_OCCUPATION = 8

# Education bands by the first digit of the SUN level code: compulsory, upper secondary, and
# post-secondary short of research degrees (SUN 6).
EDUCATION_BANDS = {"compulsory": "12", "upper_secondary": "3", "tertiary": "45"}


@dataclass
class Catalogue:
    occupations: list[tuple[Occupation, str]]
    occupation_skills: dict[int, list[int]]
    skill_ids: list[int]
    languages: dict[str, Language]
    education: dict[str, list[EducationLevel]]
    # For openings: the occupations employers' trades name, by label, and SNI codes → pk.
    opening_occupations: dict[str, Occupation]
    industries: dict[str, int]

    def language(self, code: str, label: str) -> Language | None:
        return self.languages.get(label.lower()) or self.languages.get(code.lower())


def catalogue_read() -> Catalogue:
    """What the demo can point at: preferably the occupations and skills named in ``texts``."""
    own_words = dict(texts.OCCUPATIONS)
    occupations = [
        (occupation, own_words[occupation.label])
        for occupation in Occupation.objects.filter(label__in=own_words).order_by("concept_id")
    ]
    if len(occupations) < 5:
        occupations += [
            (occupation, "")
            for occupation in Occupation.objects.exclude(label__in=own_words).order_by(
                "concept_id"
            )[:FALLBACK_OCCUPATIONS]
        ]

    trade_labels = {label for trade in employer_texts.TRADES for label in trade.occupations}
    opening_occupations = {
        occupation.label: occupation
        for occupation in Occupation.objects.filter(label__in=trade_labels).order_by("concept_id")
    }

    occupation_skills: dict[int, list[int]] = {}
    occupation_ids = {occupation.pk for occupation, _ in occupations}
    occupation_ids |= {occupation.pk for occupation in opening_occupations.values()}
    links = (
        Occupation.skills.through.objects.filter(occupation_id__in=occupation_ids)
        .order_by("occupation_id", "skill__concept_id")
        .values_list("occupation_id", "skill_id")
    )
    for occupation_id, skill_id in links:
        skills = occupation_skills.setdefault(occupation_id, [])
        if len(skills) < SKILLS_PER_OCCUPATION:
            skills.append(skill_id)

    skill_ids = list(
        Skill.objects.filter(label__in=texts.SKILLS)
        .order_by("concept_id")
        .values_list("pk", flat=True)
    )
    if len(skill_ids) < 5:
        skill_ids += list(
            Skill.objects.exclude(pk__in=skill_ids)
            .order_by("concept_id")
            .values_list("pk", flat=True)[:FALLBACK_SKILLS]
        )

    languages: dict[str, Language] = {}
    for language in Language.objects.order_by("concept_id"):
        languages.setdefault(language.label.lower(), language)
        if language.iso_code:
            languages.setdefault(language.iso_code.lower(), language)

    education: dict[str, list[EducationLevel]] = {band: [] for band in EDUCATION_BANDS}
    levels = list(EducationLevel.objects.order_by("code", "concept_id"))
    # Prefer the middle level of the hierarchy ("Gymnasial utbildning, 3 år"), else any.
    preferred = [level for level in levels if level.level == 2] or levels
    for level in preferred:
        for band, digits in EDUCATION_BANDS.items():
            if level.code[:1] in digits:
                education[band].append(level)
    return Catalogue(
        occupations=occupations,
        occupation_skills=occupation_skills,
        skill_ids=skill_ids,
        languages=languages,
        education=education,
        opening_occupations=opening_occupations,
        industries=_industries(),
    )


def industry_codes(trade) -> tuple[str, ...]:
    """The SNI codes to try for a trade, most specific first: the real import has five-digit
    codes and their parents, the starter taxonomy only the section letters."""
    code = trade.sni
    return (code, code[:4], code[:3], code[:2], trade.section)


def _industries() -> dict[str, int]:
    wanted = {code for trade in employer_texts.TRADES for code in industry_codes(trade)}
    return dict(
        Industry.objects.filter(code__in=wanted).order_by("-concept_id").values_list("code", "pk")
    )
