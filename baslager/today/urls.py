from django.urls import path

from . import views

# Included into the ``core`` namespace by config/urls.py: the start page keeps the name
# ``core:home`` that the header, the sign-in and the organisation switch send people to.
urlpatterns = [
    path("", views.start, name="home"),
    path("today/digest/", views.digest, name="digest"),
]
