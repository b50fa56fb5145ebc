from django.urls import path

from . import views

app_name = "handbook"
urlpatterns = [
    path("", views.library, name="library"),
    path("new/", views.checklist_create, name="create"),
    path("<int:checklist>/edit/", views.checklist_edit, name="edit"),
    path("<int:checklist>/active/", views.checklist_active, name="active"),
]
