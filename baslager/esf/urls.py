from django.urls import path

from . import views

app_name = "esf"
urlpatterns = [
    path("projects/<int:project>/", views.report, name="report"),
    path("projects/<int:project>/pdf/", views.report_pdf, name="report_pdf"),
    path("projects/<int:project>/excel/", views.report_excel, name="report_excel"),
    path("projects/<int:project>/people/", views.people, name="people"),
    path("projects/<int:project>/scb/", views.export, name="export"),
    path("projects/<int:project>/scb/download/", views.export_download, name="export_download"),
    path("projects/<int:project>/scb/sent/", views.export_submit, name="export_submit"),
]
