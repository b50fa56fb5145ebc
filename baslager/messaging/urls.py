from django.urls import path

from . import views

app_name = "messaging"
urlpatterns = [
    path("", views.message_list, name="list"),
    path("participants/<uuid:participant>/reminders/", views.consent, name="consent"),
    path(
        "participants/<uuid:participant>/reminders/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
]
