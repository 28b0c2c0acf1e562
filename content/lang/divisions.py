"""A built-in table of Chinese administrative divisions with their Vietnamese names.

Question generation draws distractors from it when a document names too few places of a kind
(a province for a province, a prefecture-level city for a city), and the language pipeline may
read it to learn the level of a place. It is generic reference data, not tied to any document:
all 34 provincial-level units, a spread of prefecture-level cities across the provinces and a
few counties.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PROVINCE = "province"
PREFECTURE = "prefecture"
COUNTY = "county"


@dataclass(frozen=True)
class Division:
    zh: str  # the bare name, without 省/市/自治区…: 山东, 宁夏, 乌兰察布
    vi: str  # the usual Vietnamese name, without "tỉnh"/"thành phố": Sơn Đông, Ulanqab
    level: str  # "province" | "prefecture" | "county"
    parent: str | None  # zh of the province for cities and counties, None for provinces
    pinyin: str  # tone marks, syllables separated by spaces
    suffix: str = ""  # the official zh suffix: 省, 市, 自治区, 回族自治区, 特别行政区, 县
    vi_prefix: str = ""  # what Vietnamese puts before the name: tỉnh, thành phố, khu tự trị…
    abbreviations: str = ""  # one-character province abbreviations: 闽 for 福建, 蒙 for 内蒙古
    # Taiwan, Hong Kong and Macau are listed for lookup but make implausible distractors in
    # texts about the mainland's administrative system.
    mainland: bool = True

    @property
    def full_zh(self) -> str:
        return self.zh + self.suffix

    @property
    def full_vi(self) -> str:
        return f"{self.vi_prefix} {self.vi}" if self.vi_prefix else self.vi


_PROVINCES = [
    # zh, vi, pinyin, zh suffix, vi prefix, one-character abbreviations
    ("北京", "Bắc Kinh", "běi jīng", "市", "thành phố", "京"),
    ("天津", "Thiên Tân", "tiān jīn", "市", "thành phố", "津"),
    ("上海", "Thượng Hải", "shàng hǎi", "市", "thành phố", "沪"),
    ("重庆", "Trùng Khánh", "chóng qìng", "市", "thành phố", "渝"),
    ("河北", "Hà Bắc", "hé běi", "省", "tỉnh", "冀"),
    ("山西", "Sơn Tây", "shān xī", "省", "tỉnh", "晋"),
    ("辽宁", "Liêu Ninh", "liáo níng", "省", "tỉnh", "辽"),
    ("吉林", "Cát Lâm", "jí lín", "省", "tỉnh", "吉"),
    ("黑龙江", "Hắc Long Giang", "hēi lóng jiāng", "省", "tỉnh", "黑"),
    ("江苏", "Giang Tô", "jiāng sū", "省", "tỉnh", "苏"),
    ("浙江", "Chiết Giang", "zhè jiāng", "省", "tỉnh", "浙"),
    ("安徽", "An Huy", "ān huī", "省", "tỉnh", "皖"),
    ("福建", "Phúc Kiến", "fú jiàn", "省", "tỉnh", "闽"),
    ("江西", "Giang Tây", "jiāng xī", "省", "tỉnh", "赣"),
    ("山东", "Sơn Đông", "shān dōng", "省", "tỉnh", "鲁"),
    ("河南", "Hà Nam", "hé nán", "省", "tỉnh", "豫"),
    ("湖北", "Hồ Bắc", "hú běi", "省", "tỉnh", "鄂"),
    ("湖南", "Hồ Nam", "hú nán", "省", "tỉnh", "湘"),
    ("广东", "Quảng Đông", "guǎng dōng", "省", "tỉnh", "粤"),
    ("海南", "Hải Nam", "hǎi nán", "省", "tỉnh", "琼"),
    ("四川", "Tứ Xuyên", "sì chuān", "省", "tỉnh", "川蜀"),
    ("贵州", "Quý Châu", "guì zhōu", "省", "tỉnh", "黔贵"),
    ("云南", "Vân Nam", "yún nán", "省", "tỉnh", "滇云"),
    ("陕西", "Thiểm Tây", "shǎn xī", "省", "tỉnh", "陕秦"),
    ("甘肃", "Cam Túc", "gān sù", "省", "tỉnh", "甘陇"),
    ("青海", "Thanh Hải", "qīng hǎi", "省", "tỉnh", "青"),
    ("台湾", "Đài Loan", "tái wān", "省", "", ""),
    ("内蒙古", "Nội Mông Cổ", "nèi méng gǔ", "自治区", "khu tự trị", "蒙"),
    ("广西", "Quảng Tây", "guǎng xī", "壮族自治区", "khu tự trị dân tộc Choang", "桂"),
    ("西藏", "Tây Tạng", "xī zàng", "自治区", "khu tự trị", "藏"),
    ("宁夏", "Ninh Hạ", "níng xià", "回族自治区", "khu tự trị dân tộc Hồi", "宁"),
    ("新疆", "Tân Cương", "xīn jiāng", "维吾尔自治区", "khu tự trị dân tộc Duy Ngô Nhĩ", "新"),
    ("香港", "Hồng Kông", "xiāng gǎng", "特别行政区", "đặc khu hành chính", ""),
    ("澳门", "Ma Cao", "ào mén", "特别行政区", "đặc khu hành chính", ""),
]

_PREFECTURES = {
    # province: prefecture-level cities (all with the 市 suffix), zh, vi, pinyin
    "河北": [
        ("石家庄", "Thạch Gia Trang", "shí jiā zhuāng"),
        ("唐山", "Đường Sơn", "táng shān"),
        ("保定", "Bảo Định", "bǎo dìng"),
        ("邯郸", "Hàm Đan", "hán dān"),
        ("秦皇岛", "Tần Hoàng Đảo", "qín huáng dǎo"),
        ("张家口", "Trương Gia Khẩu", "zhāng jiā kǒu"),
    ],
    "山西": [
        ("太原", "Thái Nguyên", "tài yuán"),
        ("大同", "Đại Đồng", "dà tóng"),
        ("长治", "Trường Trị", "cháng zhì"),
    ],
    "内蒙古": [
        ("呼和浩特", "Hohhot", "hū hé hào tè"),
        ("包头", "Bao Đầu", "bāo tóu"),
        ("鄂尔多斯", "Ordos", "è ěr duō sī"),
        ("通辽", "Thông Liêu", "tōng liáo"),
        ("呼伦贝尔", "Hulunbuir", "hū lún bèi ěr"),
        ("巴彦淖尔", "Bayannur", "bā yàn nào ěr"),
        ("乌海", "Ô Hải", "wū hǎi"),
        ("赤峰", "Xích Phong", "chì fēng"),
        ("乌兰察布", "Ulanqab", "wū lán chá bù"),
    ],
    "辽宁": [
        ("沈阳", "Thẩm Dương", "shěn yáng"),
        ("大连", "Đại Liên", "dà lián"),
        ("鞍山", "An Sơn", "ān shān"),
        ("丹东", "Đan Đông", "dān dōng"),
        ("抚顺", "Phủ Thuận", "fǔ shùn"),
    ],
    "吉林": [
        ("长春", "Trường Xuân", "cháng chūn"),
        ("四平", "Tứ Bình", "sì píng"),
    ],
    "黑龙江": [
        ("哈尔滨", "Cáp Nhĩ Tân", "hā ěr bīn"),
        ("齐齐哈尔", "Tề Tề Cáp Nhĩ", "qí qí hā ěr"),
        ("大庆", "Đại Khánh", "dà qìng"),
        ("牡丹江", "Mẫu Đơn Giang", "mǔ dān jiāng"),
    ],
    "江苏": [
        ("南京", "Nam Kinh", "nán jīng"),
        ("苏州", "Tô Châu", "sū zhōu"),
        ("无锡", "Vô Tích", "wú xī"),
        ("徐州", "Từ Châu", "xú zhōu"),
        ("扬州", "Dương Châu", "yáng zhōu"),
        ("常州", "Thường Châu", "cháng zhōu"),
    ],
    "浙江": [
        ("杭州", "Hàng Châu", "háng zhōu"),
        ("宁波", "Ninh Ba", "níng bō"),
        ("温州", "Ôn Châu", "wēn zhōu"),
        ("绍兴", "Thiệu Hưng", "shào xīng"),
        ("嘉兴", "Gia Hưng", "jiā xīng"),
    ],
    "安徽": [
        ("合肥", "Hợp Phì", "hé féi"),
        ("芜湖", "Vu Hồ", "wú hú"),
        ("安庆", "An Khánh", "ān qìng"),
    ],
    "福建": [
        ("福州", "Phúc Châu", "fú zhōu"),
        ("厦门", "Hạ Môn", "xià mén"),
        ("泉州", "Tuyền Châu", "quán zhōu"),
        ("漳州", "Chương Châu", "zhāng zhōu"),
    ],
    "江西": [
        ("南昌", "Nam Xương", "nán chāng"),
        ("九江", "Cửu Giang", "jiǔ jiāng"),
        ("赣州", "Cám Châu", "gàn zhōu"),
    ],
    "山东": [
        ("济南", "Tế Nam", "jǐ nán"),
        ("青岛", "Thanh Đảo", "qīng dǎo"),
        ("烟台", "Yên Đài", "yān tái"),
        ("潍坊", "Duy Phường", "wéi fāng"),
        ("淄博", "Truy Bác", "zī bó"),
        ("临沂", "Lâm Nghi", "lín yí"),
        ("威海", "Uy Hải", "wēi hǎi"),
    ],
    "河南": [
        ("郑州", "Trịnh Châu", "zhèng zhōu"),
        ("洛阳", "Lạc Dương", "luò yáng"),
        ("开封", "Khai Phong", "kāi fēng"),
    ],
    "湖北": [
        ("武汉", "Vũ Hán", "wǔ hàn"),
        ("宜昌", "Nghi Xương", "yí chāng"),
        ("襄阳", "Tương Dương", "xiāng yáng"),
    ],
    "湖南": [
        ("长沙", "Trường Sa", "cháng shā"),
        ("株洲", "Chu Châu", "zhū zhōu"),
        ("岳阳", "Nhạc Dương", "yuè yáng"),
    ],
    "广东": [
        ("广州", "Quảng Châu", "guǎng zhōu"),
        ("深圳", "Thâm Quyến", "shēn zhèn"),
        ("珠海", "Châu Hải", "zhū hǎi"),
        ("汕头", "Sán Đầu", "shàn tóu"),
        ("佛山", "Phật Sơn", "fó shān"),
        ("东莞", "Đông Hoản", "dōng guǎn"),
    ],
    "广西": [
        ("南宁", "Nam Ninh", "nán níng"),
        ("桂林", "Quế Lâm", "guì lín"),
        ("柳州", "Liễu Châu", "liǔ zhōu"),
        ("北海", "Bắc Hải", "běi hǎi"),
    ],
    "海南": [
        ("海口", "Hải Khẩu", "hǎi kǒu"),
        ("三亚", "Tam Á", "sān yà"),
    ],
    "四川": [
        ("成都", "Thành Đô", "chéng dū"),
        ("绵阳", "Miên Dương", "mián yáng"),
        ("宜宾", "Nghi Tân", "yí bīn"),
        ("乐山", "Lạc Sơn", "lè shān"),
    ],
    "贵州": [
        ("贵阳", "Quý Dương", "guì yáng"),
        ("遵义", "Tuân Nghĩa", "zūn yì"),
        ("六盘水", "Lục Bàn Thủy", "liù pán shuǐ"),
    ],
    "云南": [
        ("昆明", "Côn Minh", "kūn míng"),
        ("曲靖", "Khúc Tĩnh", "qū jìng"),
        ("丽江", "Lệ Giang", "lì jiāng"),
    ],
    "西藏": [
        ("拉萨", "Lhasa", "lā sà"),
        ("日喀则", "Shigatse", "rì kā zé"),
    ],
    "陕西": [
        ("西安", "Tây An", "xī ān"),
        ("宝鸡", "Bảo Kê", "bǎo jī"),
        ("延安", "Diên An", "yán ān"),
        ("榆林", "Du Lâm", "yú lín"),
    ],
    "甘肃": [
        ("兰州", "Lan Châu", "lán zhōu"),
        ("天水", "Thiên Thủy", "tiān shuǐ"),
        ("定西", "Định Tây", "dìng xī"),
    ],
    "青海": [
        ("西宁", "Tây Ninh", "xī níng"),
        ("海东", "Hải Đông", "hǎi dōng"),
    ],
    "宁夏": [
        ("银川", "Ngân Xuyên", "yín chuān"),
        ("固原", "Cố Nguyên", "gù yuán"),
        ("石嘴山", "Thạch Chủy Sơn", "shí zuǐ shān"),
        ("吴忠", "Ngô Trung", "wú zhōng"),
        ("中卫", "Trung Vệ", "zhōng wèi"),
    ],
    "新疆": [
        ("乌鲁木齐", "Urumqi", "wū lǔ mù qí"),
        ("克拉玛依", "Karamay", "kè lā mǎ yī"),
        ("吐鲁番", "Turpan", "tǔ lǔ fān"),
    ],
}

_COUNTIES = [
    # zh, vi, pinyin, province
    ("西吉", "Tây Cát", "xī jí", "宁夏"),
    ("彭阳", "Bành Dương", "péng yáng", "宁夏"),
    ("城口", "Thành Khẩu", "chéng kǒu", "重庆"),
    ("巫山", "Vu Sơn", "wū shān", "重庆"),
    ("奉节", "Phụng Tiết", "fèng jié", "重庆"),
    ("化德", "Hóa Đức", "huà dé", "内蒙古"),
]


def _build() -> list[Division]:
    divisions = [
        Division(
            zh,
            vi,
            PROVINCE,
            None,
            pinyin,
            suffix,
            prefix,
            abbreviations,
            mainland=zh not in ("台湾", "香港", "澳门"),
        )
        for zh, vi, pinyin, suffix, prefix, abbreviations in _PROVINCES
    ]
    for province, cities in _PREFECTURES.items():
        divisions += [
            Division(zh, vi, PREFECTURE, province, pinyin, "市", "thành phố")
            for zh, vi, pinyin in cities
        ]
    divisions += [
        Division(zh, vi, COUNTY, province, pinyin, "县", "huyện")
        for zh, vi, pinyin, province in _COUNTIES
    ]
    return divisions


DIVISIONS: list[Division] = _build()

# Longest first, so that 回族自治区 is stripped whole rather than leaving 回族 behind.
ZH_SUFFIXES = sorted(
    {d.suffix for d in DIVISIONS if d.suffix} | {"自治区", "地区", "盟"}, key=len, reverse=True
)
VI_PREFIXES = sorted(
    {d.vi_prefix for d in DIVISIONS if d.vi_prefix}
    | {"khu tự trị", "đặc khu", "đặc khu hành chính"},
    key=len,
    reverse=True,
)


def fold(text: str) -> str:
    """Lower case without diacritics (đ → d), one output character per input character."""
    out = []
    for char in text.lower():
        if char == "đ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base)
    return "".join(out)


def _index() -> tuple[dict[str, Division], dict[str, Division]]:
    by_zh: dict[str, Division] = {}
    by_vi: dict[str, Division] = {}
    for d in DIVISIONS:
        by_zh.setdefault(d.zh, d)
        by_zh.setdefault(d.full_zh, d)
        by_vi.setdefault(fold(d.vi), d)
        by_vi.setdefault(fold(d.full_vi), d)
    return by_zh, by_vi


_BY_ZH, _BY_VI = _index()


def lookup(name: str) -> Division | None:
    """The division a name denotes: zh with or without its suffix, or vi with or without its
    prefix ("tỉnh", "thành phố", "khu tự trị"…), diacritics and case ignored."""
    name = " ".join(name.split())
    if not name:
        return None
    if name in _BY_ZH:
        return _BY_ZH[name]
    for suffix in ZH_SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in _BY_ZH:
            return _BY_ZH[name[: -len(suffix)]]
    folded = fold(name)
    if folded in _BY_VI:
        return _BY_VI[folded]
    for prefix in VI_PREFIXES:
        head = fold(prefix) + " "
        if folded.startswith(head) and folded[len(head) :] in _BY_VI:
            return _BY_VI[folded[len(head) :]]
    return None


def abbreviation_map() -> dict[str, Division]:
    """One-character abbreviation → province (闽 → 福建), as used in compounds like 闽宁, 京蒙."""
    return {char: d for d in DIVISIONS for char in d.abbreviations}
