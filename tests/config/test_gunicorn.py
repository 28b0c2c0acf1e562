"""config/gunicorn.conf.py: the master loads what learners' requests would otherwise wait for in
each new worker (jieba's dictionaries, the grader's opencc, pypinyin and cn2an) before it forks
them. Run in a fresh interpreter: this one may have loaded them already."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import runpy, sys
conf = runpy.run_path("config/gunicorn.conf.py")
heavy = ("jieba", "cn2an", "pypinyin", "opencc")
assert not any(name in sys.modules for name in heavy), "loaded before when_ready"
conf["when_ready"](None)
from content.lang import chinese, grading
assert chinese._posseg is not None
assert grading._t2s.cache_info().currsize == 1
print(sorted(name for name in heavy if name in sys.modules))
"""


def test_the_master_loads_the_chinese_tools_before_it_forks_its_workers():
    out = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['cn2an', 'jieba', 'opencc', 'pypinyin']"
