from django.core.checks import run_checks

from portal.core.checks import page_models_follow_conventions


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
