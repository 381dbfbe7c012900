from django.apps import AppConfig


class StructuresConfig(AppConfig):
    name = "portal.structures"
    label = "structures"
