"""A student signs up, logs in, switches the interface to Chinese and back, and logs out."""

import re

from playwright.sync_api import expect

from tests.support.browser import check_a11y, in_menu, open_menu


def test_a_student_signs_up_switches_language_and_logs_out(page, db):
    page.goto("/accounts/signup/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    check_a11y(page, "sign-up")
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu:", exact=True).fill("a long Pass-phrase 42")
    page.get_by_label("Xác nhận mật khẩu").fill("a long Pass-phrase 42")
    page.get_by_role("button", name="Đăng ký").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("lan")
    check_a11y(page, "home")

    in_menu(page, re.compile("Đăng xuất"), "button").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))
    check_a11y(page, "log-in")

    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu").fill("a long Pass-phrase 42")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("lan")

    # The switcher submits itself on change (app.js); the page comes back in Chinese.
    open_menu(page)
    page.get_by_label("Ngôn ngữ").select_option("zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(in_menu(page, "文档")).to_be_visible()
    check_a11y(page, "home in Chinese")

    open_menu(page)
    page.get_by_label("语言").select_option("vi")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(in_menu(page, "Tài liệu")).to_be_visible()

    in_menu(page, re.compile("Đăng xuất"), "button").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))
