from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "baslager.matching"
    verbose_name = _("Matching")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
