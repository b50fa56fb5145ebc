from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("switch/", views.switch, name="switch"),
    path("settings/", views.settings, name="settings"),
    path("members/", views.members, name="members"),
    path("members/<int:member>/", views.member_edit, name="member_edit"),
    path("members/<int:member>/remove/", views.member_remove, name="member_remove"),
]
