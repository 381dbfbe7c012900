from django.core.checks import run_checks

from portal.core.checks import caches_are_shared, page_models_follow_conventions


def test_project_passes_its_own_checks():
    assert page_models_follow_conventions(None) == []


def test_a_page_type_without_template_is_reported(monkeypatch):
    from portal.projects.models import ProjectPage

    monkeypatch.setattr(ProjectPage, "template", "projects/missing.html")
    errors = page_models_follow_conventions(None)
    assert [e.id for e in errors] == ["portal.E002"]
    assert "projects.ProjectPage" in errors[0].msg


def test_all_checks_pass():
    assert [e for e in run_checks() if e.is_serious()] == []


def test_production_without_a_shared_cache_is_warned(settings):
    file_based = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "x"}
    settings.CACHES = {**settings.CACHES, "versions": file_based}
    settings.SINGLE_APP_SERVER = False
    assert [warning.id for warning in caches_are_shared(None)] == ["portal.W003"]
    settings.SINGLE_APP_SERVER = True
    assert caches_are_shared(None) == []
    redis = {"BACKEND": "portal.core.resilient_cache.ResilientRedisCache", "LOCATION": "redis://"}
    settings.CACHES = {**settings.CACHES, "versions": redis}
    settings.SINGLE_APP_SERVER = False
    assert caches_are_shared(None) == []
