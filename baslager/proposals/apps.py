from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "baslager.proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
