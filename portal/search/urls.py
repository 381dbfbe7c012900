"""The results page and its suggestions, below ``/<language>/search/``."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/", views.autocomplete, name="search_autocomplete"),
]
