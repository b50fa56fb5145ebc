from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("<uuid:participant>/close/", views.close, name="close"),
    path("<uuid:participant>/reopen/", views.reopen, name="reopen"),
]
