from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "baslager.taxonomy"
    verbose_name = _("Taxonomy")

    def ready(self) -> None:
        from . import signals

        signals.connect()
