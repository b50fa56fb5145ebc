"""Taxonomy pages for operators: look things up, never edit (imports own the data)."""

from django.contrib import admin

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


class ReadOnlyAdmin(admin.ModelAdmin):
    list_per_page = 50
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TaxonomyVersion)
class TaxonomyVersionAdmin(ReadOnlyAdmin):
    list_display = ["source", "version", "imported_at", "counts"]
    list_filter = ["source"]


@admin.register(OccupationGroup)
class OccupationGroupAdmin(ReadOnlyAdmin):
    list_display = ["code", "label", "level", "concept_id"]
    list_filter = ["level"]
    search_fields = ["code", "label", "concept_id"]
    raw_id_fields = ["parent"]
    filter_horizontal = ["skills"]


@admin.register(Occupation)
class OccupationAdmin(ReadOnlyAdmin):
    list_display = ["label", "group", "concept_id"]
    list_select_related = ["group"]
    search_fields = ["label", "concept_id", "group__code", "group__label"]
    raw_id_fields = ["group"]
    filter_horizontal = ["skills"]


@admin.register(Substitutability)
class SubstitutabilityAdmin(ReadOnlyAdmin):
    list_display = ["occupation", "substitute", "percentage"]
    list_select_related = ["occupation", "substitute"]
    list_filter = ["percentage"]
    search_fields = ["occupation__label", "substitute__label"]


@admin.register(Skill)
class SkillAdmin(ReadOnlyAdmin):
    list_display = ["label", "concept_id"]
    search_fields = ["label", "concept_id"]


@admin.register(Language)
class LanguageAdmin(ReadOnlyAdmin):
    list_display = ["label", "iso_code", "concept_id"]
    search_fields = ["label", "iso_code", "concept_id"]


@admin.register(EducationLevel)
class EducationLevelAdmin(ReadOnlyAdmin):
    list_display = ["code", "label", "level", "isced", "concept_id"]
    list_filter = ["level", "isced"]
    search_fields = ["code", "label", "concept_id"]


@admin.register(Industry)
class IndustryAdmin(ReadOnlyAdmin):
    list_display = ["code", "label", "level", "concept_id"]
    list_filter = ["level"]
    search_fields = ["code", "label", "concept_id"]
    raw_id_fields = ["parent"]
