from django.apps import AppConfig


class VisualsConfig(AppConfig):
    name = "portal.visuals"
    label = "visuals"
    verbose_name = "Visuals"
