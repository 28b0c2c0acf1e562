"""Staff manage users here, and grant the teacher role with one checkbox."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Classroom, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "is_teacher", "is_staff", "date_joined"]
    list_filter = ["is_teacher", "is_staff", "is_active"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Role"), {"fields": ["is_teacher"]}),
    ]
    actions = ["make_teacher"]

    @admin.action(description=_("Grant the teacher role"))
    def make_teacher(self, request, queryset):
        queryset.update(is_teacher=True)


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ["name", "teacher", "join_code", "created_at"]
    search_fields = ["name", "join_code", "teacher__username"]
    filter_horizontal = ["students"]
    raw_id_fields = ["teacher"]
