from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "baslager.messaging"
    verbose_name = _("Messages")

    def ready(self):
        from .participant_panels import register_panels

        register_panels()
