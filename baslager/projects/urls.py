from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("", views.project_list, name="list"),
    path("new/", views.project_create, name="create"),
    path("<int:project>/", views.project_detail, name="detail"),
    path("<int:project>/edit/", views.project_edit, name="edit"),
]
