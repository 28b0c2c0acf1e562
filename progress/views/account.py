"""A learner's own data: download it all as JSON, or delete the account.

Both act on the signed-in user only; there is no way to name another account.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import authenticate, logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from config.htmx import HtmxHttpRequest
from progress import personal_data


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request: HttpRequest, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self) -> str:
        # authenticate(), not check_password(): failures count towards django-axes' lockout.
        password = self.cleaned_data["password"]
        user = self.request.user
        checked = authenticate(self.request, username=user.get_username(), password=password)
        if checked is None or checked.pk != user.pk:
            raise forms.ValidationError(_("That is not your password."))
        return password


@login_required
@require_GET
def my_data(request: HtmxHttpRequest) -> HttpResponse:
    """The signed-in user: everything kept about them, as a JSON download."""
    response = JsonResponse(
        personal_data.export(request.user),
        encoder=DjangoJSONEncoder,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = 'attachment; filename="dongxi-my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HtmxHttpRequest) -> HttpResponse:
    """The signed-in user: say what deleting the account removes, and delete it once they give
    their password; then they are logged out. Template: progress/delete_account.html; context:
    form, consequences."""
    form = DeleteAccountForm(request, request.POST or None)
    if request.method == "POST" and form.is_valid():
        personal_data.delete_account(request.user)
        logout(request)
        messages.success(request, _("Your account and your data were deleted."))
        return redirect("accounts:login")
    context = {"form": form, "consequences": personal_data.consequences(request.user)}
    return render(request, "progress/delete_account.html", context)
