from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "baslager.participants"
    verbose_name = _("Participants")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
