from django import forms


class TermCheckboxes(forms.CheckboxSelectMultiple):
    """Tag picker: a scrollable, searchable-by-browser list of checkboxes."""

    template_name = "core/widgets/term_checkboxes.html"
