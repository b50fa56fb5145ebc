from django.urls import path

from . import views

app_name = "socioeconomics"
urlpatterns = [
    path("", views.calculator, name="calculator"),
    path("parameters/", views.parameters_edit, name="parameters"),
    path("parameters/preview/", views.parameters_preview, name="preview"),
    path("projects/<int:project>/", views.project_value, name="project"),
    path("projects/<int:project>/pdf/", views.project_pdf, name="project_pdf"),
    path("projects/<int:project>/excel/", views.project_excel, name="project_excel"),
]
