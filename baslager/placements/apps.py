from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "baslager.placements"
    verbose_name = _("Placements")

    def ready(self):
        from .panels import register_panels

        register_panels()
