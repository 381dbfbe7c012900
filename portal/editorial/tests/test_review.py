"""The review workflow of a news item: an editor of "Mission to Serbia"
submits it, the mission's moderators (and no other section's) see it awaiting
their review and approve it, then the central reviewers approve it and it goes
live in the news listing. Events need the section's approval only; official
documents, the records managers'."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import TaskState, WorkflowPage

from portal.editorial.models import SectionModerationTask
from portal.news.models import NewsPage
from portal.publications.factories import PublicationPageFactory

from .test_shared_listings import add_url, news_form

pytestmark = pytest.mark.django_db

SERBIA = "/structures/field-operations/mission-to-serbia/"


def member(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def act(client, user, item, action):
    client.force_login(user)
    task_state = item.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{item.pk}/{action}/{task_state.pk}/"
    return client.post(url, {"comment": ""})


def test_editor_submits_section_then_central_review_publish(client, page_at):
    editor = member("editor", "Mission to Serbia — editors")
    moderator = member("moderator", "Mission to Serbia — moderators")
    stranger = member("stranger", "Mission to Montenegro — moderators")
    reviewer = member("reviewer", "Central reviewers")

    client.force_login(editor)
    data = news_form("Border police graduate in Kuršumlija", [page_at(SERBIA).term])
    data["action-submit"] = "Submit for moderation"
    assert client.post(add_url(page_at), data).status_code == 302
    item = NewsPage.objects.get(title="Border police graduate in Kuršumlija")
    assert item.current_workflow_state.workflow.name == "News, stories and publications"
    task_state = item.current_workflow_task_state
    task = task_state.task.specific
    assert isinstance(task, SectionModerationTask)

    assert TaskState.objects.reviewable_by(moderator).filter(pk=task_state.pk).exists()
    assert not TaskState.objects.reviewable_by(stranger).filter(pk=task_state.pk).exists()
    assert not TaskState.objects.reviewable_by(editor).filter(pk=task_state.pk).exists()
    assert task.get_actions(item, stranger) == []
    client.force_login(moderator)
    assert item.title in client.get("/admin/").content.decode()  # "Awaiting your review"
    client.force_login(stranger)
    assert item.title not in client.get("/admin/").content.decode()

    act(client, stranger, item, "approve")
    item.refresh_from_db()
    assert item.current_workflow_task_state.pk == task_state.pk  # a stranger's approval is refused

    act(client, moderator, item, "approve")
    item.refresh_from_db()
    assert item.current_workflow_task.name == "Central reviewers"
    assert not item.live

    act(client, reviewer, item, "approve")
    item.refresh_from_db()
    assert item.live
    assert item.current_workflow_state is None
    assert item.title in client.get(page_at("/news/").url).content.decode()


def test_events_need_the_sections_approval_only(page_at):
    events = page_at("/events/")
    workflow = WorkflowPage.objects.get(page=events).workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [type(task) for task in tasks] == [SectionModerationTask]
    news_workflow = WorkflowPage.objects.get(page=page_at("/news/")).workflow
    assert [task.name for task in news_workflow.tasks] == ["Section moderator", "Central reviewers"]


def test_official_documents_go_to_the_records_managers(client, page_at):
    editor = member("editor", "Mission to Serbia — editors")
    records = member("records", "Records managers")
    moderator = member("moderator", "Mission to Serbia — moderators")
    tags = {"structures": [page_at(SERBIA).term]}
    document = PublicationPageFactory(
        parent=page_at("/resources/"), publication_type="official_document", tags=tags, live=False
    )
    report = PublicationPageFactory(parent=page_at("/resources/"), publication_type="report")
    assert report.get_workflow().name == "News, stories and publications"
    workflow = document.get_workflow()
    assert workflow.name == "Official documents"

    document.save_revision(user=editor)
    workflow.start(document, editor)
    document.refresh_from_db()
    task = document.current_workflow_task.specific
    assert task.get_actions(document, moderator) == []
    assert TaskState.objects.reviewable_by(records).filter(
        pk=document.current_workflow_task_state.pk
    )

    act(client, records, document, "approve")
    document.refresh_from_db()
    assert document.live


def test_the_sections_moderators_are_told_by_mail(client, page_at, mailoutbox):
    editor = member("editor", "Mission to Serbia — editors")
    member("moderator", "Mission to Serbia — moderators")
    member("stranger", "Mission to Montenegro — moderators")
    client.force_login(editor)
    data = news_form("Police training in Novi Pazar", [page_at(SERBIA).term])
    data["action-submit"] = "Submit for moderation"
    assert client.post(add_url(page_at), data).status_code == 302

    told = {address for message in mailoutbox for address in message.to}
    assert "moderator@example.org" in told
    assert not told & {"stranger@example.org", "editor@example.org"}
    mail = next(message for message in mailoutbox if "moderator@example.org" in message.to)
    assert "Police training in Novi Pazar" in mail.subject + mail.body


def mails_to(mailoutbox, address):
    return [message for message in mailoutbox if address in message.to]


def test_the_submitter_is_told_of_each_steps_outcome_in_their_language(client, page_at, mailoutbox):
    from wagtail.users.models import UserProfile

    editor = member("editor", "Mission to Serbia — editors")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    moderator = member("moderator", "Mission to Serbia — moderators")
    reviewer = member("reviewer", "Central reviewers")
    client.force_login(editor)
    data = news_form("Election observers trained in Niš", [page_at(SERBIA).term])
    data["action-submit"] = "Submit for moderation"
    assert client.post(add_url(page_at), data).status_code == 302
    item = NewsPage.objects.get(title="Election observers trained in Niš")
    mailoutbox.clear()

    act(client, moderator, item, "approve")
    (approved,) = mails_to(mailoutbox, "editor@example.org")
    assert "Election observers trained in Niš" in approved.subject
    assert "Section moderator" in approved.subject
    assert "approuvé" in approved.subject + approved.body  # the editor reads French

    mailoutbox.clear()
    item.refresh_from_db()
    client.force_login(reviewer)
    task_state = item.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{item.pk}/reject/{task_state.pk}/"
    client.post(url, {"comment": "Add the training's dates."})
    (rejected,) = mails_to(mailoutbox, "editor@example.org")
    assert "Add the training's dates." in rejected.body
    assert "rejet" in (rejected.subject + rejected.body).lower()
    assert not mails_to(mailoutbox, "moderator@example.org")


def test_the_submitter_is_told_when_the_last_step_publishes(client, page_at, mailoutbox):
    editor = member("editor", "Mission to Serbia — editors")
    moderator = member("moderator", "Mission to Serbia — moderators")
    reviewer = member("reviewer", "Central reviewers")
    client.force_login(editor)
    data = news_form("Judges meet in Belgrade", [page_at(SERBIA).term])
    data["action-submit"] = "Submit for moderation"
    client.post(add_url(page_at), data)
    item = NewsPage.objects.get(title="Judges meet in Belgrade")
    act(client, moderator, item, "approve")
    item.refresh_from_db()
    mailoutbox.clear()
    act(client, reviewer, item, "approve")
    item.refresh_from_db()
    assert item.live
    (approved,) = mails_to(mailoutbox, "editor@example.org")
    assert "Judges meet in Belgrade" in approved.subject + approved.body
    assert "Central reviewers" not in approved.subject  # one mail: the whole workflow's
