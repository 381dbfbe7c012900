from django.apps import AppConfig


class VacanciesConfig(AppConfig):
    name = "portal.vacancies"
    label = "vacancies"
