from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "portal.publications"
    label = "publications"
