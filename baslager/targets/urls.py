from django.urls import path

from . import views

app_name = "targets"
urlpatterns = [
    path("projects/<int:project>/", views.dashboard, name="dashboard"),
    path("projects/<int:project>/pdf/", views.dashboard_pdf, name="pdf"),
    path("projects/<int:project>/excel/", views.dashboard_excel, name="excel"),
    path("projects/<int:project>/new/", views.target_create, name="create"),
    path("<int:project_target>/edit/", views.target_edit, name="edit"),
    path("<int:project_target>/delete/", views.target_delete, name="delete"),
]
