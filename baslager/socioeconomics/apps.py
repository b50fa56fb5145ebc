from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocioeconomicsConfig(AppConfig):
    name = "baslager.socioeconomics"
    verbose_name = _("Socio-economic value")
