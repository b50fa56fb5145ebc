from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "baslager.journal"
    verbose_name = _("Case notes")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
