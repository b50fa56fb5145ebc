"""Arbetsförmedlingen's JobTech taxonomy: shared reference data, not owned by any organisation.

Concept ids (``concept_id``) are JobTech's stable ids, so imports update in place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxonomyVersion(models.Model):
    source = models.CharField(_("source"), max_length=200)
    version = models.CharField(_("version"), max_length=100)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    counts = models.JSONField(_("counts"), default=dict)

    class Meta:
        verbose_name = _("taxonomy version")
        verbose_name_plural = _("taxonomy versions")
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.version}"


class Concept(models.Model):
    concept_id = models.CharField(_("concept id"), max_length=20, unique=True)
    label = models.CharField(_("label"), max_length=255)

    class Meta:
        abstract = True
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label


class OccupationGroup(Concept):
    """SSYK 2012 at levels 1–4; occupations hang from level 4."""

    code = models.CharField(_("SSYK code"), max_length=4, db_index=True)
    level = models.PositiveSmallIntegerField(_("level"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    definition = models.TextField(_("definition"), blank=True)
    skills = models.ManyToManyField("Skill", blank=True, related_name="occupation_groups")

    class Meta(Concept.Meta):
        verbose_name = _("occupation group (SSYK)")
        verbose_name_plural = _("occupation groups (SSYK)")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.label}"


class Occupation(Concept):
    """An occupation name (yrkesbenämning) under an SSYK level-4 group."""

    group = models.ForeignKey(
        OccupationGroup, null=True, on_delete=models.SET_NULL, related_name="occupations"
    )
    skills = models.ManyToManyField("Skill", blank=True, related_name="occupations")
    # The group's skills say what the SSYK group needs; these say what employers ask of this
    # occupation in particular, so occupations of one group can be told apart.
    skills_in_ads = models.ManyToManyField(
        "Skill",
        blank=True,
        related_name="+",
        verbose_name=_("skills asked for in job ads"),
        help_text=_("Computed by Arbetsförmedlingen from job ads for this occupation."),
    )
    substitutes = models.ManyToManyField(
        "self",
        through="Substitutability",
        symmetrical=False,
        related_name="substituted_by",
        blank=True,
    )

    class Meta(Concept.Meta):
        verbose_name = _("occupation")
        verbose_name_plural = _("occupations")


class Substitutability(models.Model):
    """``substitute`` can do the work of ``occupation`` to ``percentage`` (25 or 75)."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    substitute = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    percentage = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "substitute"], name="unique_substitution")
        ]

    def __str__(self) -> str:
        return f"{self.substitute_id} → {self.occupation_id} ({self.percentage} %)"


class Skill(Concept):
    class Meta(Concept.Meta):
        verbose_name = _("skill")
        verbose_name_plural = _("skills")


class Language(Concept):
    iso_code = models.CharField(_("ISO 639 code"), max_length=3, blank=True, db_index=True)

    class Meta(Concept.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class EducationLevel(Concept):
    """SUN 2020 level (levels 1–3 of JobTech's hierarchy), with its ISCED 2011 level."""

    code = models.CharField(_("SUN code"), max_length=3)
    level = models.PositiveSmallIntegerField()
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    isced = models.PositiveSmallIntegerField(_("ISCED 2011 level"), null=True, blank=True)

    class Meta(Concept.Meta):
        verbose_name = _("education level (SUN)")
        verbose_name_plural = _("education levels (SUN)")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.label


class Industry(Concept):
    """SNI 2007: a section letter (A–U) at level 1, then 2, 3, 4 and 5 digit codes."""

    code = models.CharField(_("SNI code"), max_length=5, db_index=True)
    level = models.PositiveSmallIntegerField(_("level"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )

    class Meta(Concept.Meta):
        verbose_name = _("industry (SNI)")
        verbose_name_plural = _("industries (SNI)")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.display_code} {self.label}"

    @property
    def display_code(self) -> str:
        return sni_display_code(self.code)


def sni_display_code(code: str) -> str:
    """The code as SNI prints it, with a dot after the division: 56.1, 56.10, 56.100."""
    return f"{code[:2]}.{code[2:]}" if len(code) > 2 else code
