from django.contrib import admin

from content.models import Document, Fact, Term


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["slug", "title_vi", "title_zh", "published", "languages", "updated_at"]
    search_fields = ["slug", "title_vi", "title_zh"]
    readonly_fields = ["content_hash", "problems", "created_at", "updated_at"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["zh", "vi", "kind", "level", "pinyin", "hanviet", "document", "is_active"]
    list_filter = ["kind", "level", "is_active"]
    search_fields = ["zh", "vi", "pinyin"]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["kind", "zh", "vi", "only_in", "document", "is_active"]
    list_filter = ["kind", "only_in", "is_active"]
    search_fields = ["zh", "vi"]
    raw_id_fields = ["passage", "sentence"]
    filter_horizontal = ["terms"]
