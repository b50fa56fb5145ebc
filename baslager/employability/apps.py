from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployabilityConfig(AppConfig):
    name = "baslager.employability"
    verbose_name = _("Perceived employability")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
