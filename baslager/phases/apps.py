from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhasesConfig(AppConfig):
    name = "baslager.phases"
    verbose_name = _("Development phases")
