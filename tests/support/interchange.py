"""Interchange test data: one question of each type in each language, for the GIFT and Moodle XML
tests."""

from quizzes.interchange.model import Item

# One question of each type in each language, in the shapes generation stores (and awkward
# characters: GIFT's specials, a backslash, new lines).
ITEMS = [
    Item("cloze", "zh", "填空：是国家作出的____项制度性安排。", "一", title="cloze zh"),
    Item("cloze", "vi", "Điền vào chỗ trống: đó là ____ bố trí {a=b}.", ["một", "1"], title="c"),
    Item("cloze", "vi", "Năm nào? ____", "1996", title="blank at the end"),
    Item(
        "single_choice",
        "zh",
        "选择正确的一项填空：自____年开始,形成目前的格局。",
        "1996",
        ["1997", "1996", "2010", "1995"],
        title="sc",
    ),
    Item(
        "single_choice",
        "vi",
        "Ai? ~ = # : \\ chọn",
        "Ninh Hạ #1",
        ["Ninh Hạ #1", "Ninh Ba", "Hạ Môn"],
    ),
    Item(
        "multiple_choice",
        "zh",
        "选出所有应填入空格的选项（多选）：目前____省(市)、____个计划单列市和____个大城市",
        ["9", "5", "4"],
        ["10", "14", "9", "5", "4", "8"],
        title="mc",
    ),
    Item("multiple_choice", "vi", "Chọn hai:", ["a", "b"], ["a", "c", "b"], title="mc2"),
    Item("true_false", "zh", "判断正误：东西部扶贫协作是一项制度性安排。", True, title="tf"),
    Item("true_false", "vi", "Đúng hay sai: Hà Nội ở miền Nam.", False, title="tf2"),
    Item(
        "matching",
        "zh",
        "将下列各项与原文中对应的例子配对：\n1. 企业合作\n2. 高层沟通",
        [["企业合作", "山东省的14个地级市"], ["高层沟通", "福建省与宁夏每年召开联席会议"]],
        ["福建省与宁夏每年召开联席会议", "山东省的14个地级市", "多余的选项"],
        title="match",
    ),
    Item(
        "ordering",
        "vi",
        "Sắp xếp các mục sau theo thứ tự được liệt kê trong bài:",
        ["9 tỉnh (thành phố)", "5 thành phố: #1 = ~a {riêng", "4 thành phố lớn"],
        ["4 thành phố lớn", "9 tỉnh (thành phố)", "5 thành phố: #1 = ~a {riêng"],
        title="order",
    ),
    Item("translation", "zh", "“大连”用越南语怎么说？", "Đại Liên", title="tr"),
    Item("translation", "vi", "“Đại Liên” trong tiếng Trung là gì?", ["大连", "大连市"], title="t"),
]
for _item in ITEMS:
    _item.category = f"dongxi/doc/{_item.language}"
