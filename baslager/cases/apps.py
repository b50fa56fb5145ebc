from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "baslager.cases"
    verbose_name = _("Cases")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
