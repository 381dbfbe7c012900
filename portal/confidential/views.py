"""The public side: the report form and "check my case". No address, user
agent or referrer is read or kept; no cookie or session is set."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from portal.visitors import abuse

from . import cases, crypto
from .forms import CheckCaseForm, ReportForm

UNAVAILABLE = _(
    "Reports cannot be received through this website at the moment. Please try again later."
)


def _page(page, request, template, context, status=200):
    response = TemplateResponse(
        request, template, {**page.get_context(request), **context}, status=status
    )
    response.never_cache = request.method == "POST"
    return response


def _forged(request):
    return abuse.refused(
        request, 403, _("This form could not be checked. Please reload the page and try again.")
    )


@abuse.rate_limited("confidential-report", rate="5/h")
def report(page, request):
    available = crypto.oversight_public_key() is not None
    if request.method != "POST":
        return _page(
            page,
            request,
            page.get_template(request),
            {"form": ReportForm(), "available": available},
        )
    if not request.visitor_form_checked:
        return _forged(request)
    if not available:
        return abuse.refused(request, 503, UNAVAILABLE)
    form = ReportForm(request.POST, request.FILES)
    if form.is_valid() and form.is_bot:
        receipt = cases.fake_receipt()
    elif form.is_valid():
        receipt = cases.open_case(
            form.cleaned_data["report"], form.cleaned_data["contact"], form.cleaned_data["files"]
        )
    else:
        return _page(
            page, request, page.get_template(request), {"form": form, "available": True}, 400
        )
    return _page(page, request, "confidential/received.html", {"receipt": receipt})


@abuse.rate_limited("confidential-case", rate="10/h")
def check_case(page, request):
    template = "confidential/check_case.html"
    if request.method != "POST":
        return _page(page, request, template, {"form": CheckCaseForm()})
    if not request.visitor_form_checked:
        return _forged(request)
    form = CheckCaseForm(request.POST)
    if not form.is_valid() or form.is_bot:
        return _page(page, request, template, {"form": form}, 400 if form.errors else 200)
    found = cases.read_for_reporter(form.cleaned_data["number"], form.cleaned_data["passphrase"])
    if found is None:
        form.add_error(None, _("No case matches this number and passphrase."))
        form._mark_errors()
        return _page(page, request, template, {"form": form}, 400)
    case, messages = found
    added = False
    if form.cleaned_data["message"] and crypto.oversight_public_key() is not None:
        cases.add_message(case, form.cleaned_data["message"], from_reporter=True)
        messages.append(
            {"sent_on": None, "from_reporter": True, "text": form.cleaned_data["message"]}
        )
        added = True
    return _page(
        page,
        request,
        template,
        {"form": CheckCaseForm(), "case": case, "case_messages": messages, "added": added},
    )
