from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.import_start, name="start"),
    path("employers.xlsx", views.employers_export, name="export"),
    path("<uuid:batch>/", views.import_batch, name="batch"),
    path("<uuid:batch>/columns/", views.import_columns, name="columns"),
    path("<uuid:batch>/step/", views.import_step, name="step"),
    path("<uuid:batch>/cancel/", views.import_cancel, name="cancel"),
    path("<uuid:batch>/failed.csv", views.failed_rows_csv, name="failed_rows"),
]
