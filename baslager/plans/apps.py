from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "baslager.plans"
    verbose_name = _("Individual plans")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
