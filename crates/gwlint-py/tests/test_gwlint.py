"""The gwlint wheel, installed in a fresh virtual environment, against the command line.

GWLINT_BIN names the gwlint program to compare with; the tests run from the repository root
(scripts/test-python does both)."""

import io
import json
import os
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import gwlint

ROOT = Path(__file__).resolve().parents[3]
BIN = os.environ.get("GWLINT_BIN", str(ROOT / "target" / "debug" / "gwlint"))
DOCUMENTS = sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / "documents").iterdir() if p.suffix in (".txt", ".md", ".docx")
)
DRAFT = "关于开展检查的通知\n\n各单位：\n　　经研究,决定开展检查。\n"


def cli(*args, stdin=None):
    out = subprocess.run([BIN, *args], cwd=ROOT, input=stdin, capture_output=True, check=False)
    return out.stdout


def cli_json(*paths):
    return json.loads(cli("check", "--format", "json", "--exit-zero", "--no-config", *paths))


@pytest.fixture(scope="module")
def linter():
    return gwlint.Linter({}, root=ROOT)


def test_the_fixture_documents_give_the_command_lines_findings(linter, monkeypatch):
    monkeypatch.chdir(ROOT)
    expected = cli_json(*DOCUMENTS)["diagnostics"]
    got = [d for path in DOCUMENTS for d in linter.check_file(path)]
    assert len(got) == len(expected) > 0
    assert got == expected


def test_text_and_bytes_in_any_encoding_give_the_same_findings(linter):
    gbk = (ROOT / "fixtures" / "documents" / "10_gbk_tongzhi.txt").read_bytes()
    text = gbk.decode("gbk")
    from_bytes = linter.check(gbk, "通知.txt")
    from_text = linter.check(text, "通知.txt")
    assert [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["column"]) for d in from_bytes] == [
        (d["code"], d["range"]["start"]["line"], d["range"]["start"]["column"]) for d in from_text
    ]
    assert linter.check("") == []
    assert linter.check("  \n") == []


def test_markdown_is_read_as_markdown(linter):
    found = linter.check("# 关于开展检查的通知\n\n各单位：\n\n经研究,决定开展检查。\n", "通知.md")
    assert "GW401" in [d["code"] for d in found]
    assert all(d["path"] == "通知.md" for d in found)


def test_fix_gives_what_check_fix_writes(linter):
    expected = cli("check", "--fix", "--no-config", "--stdin-filename", "草稿.txt", "-", stdin=DRAFT.encode()).decode()
    assert linter.fix(DRAFT) == expected
    assert "，" in expected and "," not in expected
    assert gwlint.Linter({}).fix("  \n") == "  \n"
    with pytest.raises(gwlint.ReadError, match="annotate"):
        linter.fix((ROOT / "fixtures/docx/libreoffice/rich.docx").read_bytes(), "通知.docx")


def test_annotate_docx_writes_one_comment_per_finding(linter):
    data = (ROOT / "fixtures/docx/libreoffice/rich.docx").read_bytes()
    findings = linter.check(data, "通知.docx")
    annotated = linter.annotate_docx(data)
    with zipfile.ZipFile(io.BytesIO(annotated)) as z:
        comments = z.read("word/comments.xml").decode()
    assert comments.count('w:author="gwlint"') == len(findings) > 0
    with zipfile.ZipFile(io.BytesIO(linter.annotate_docx(data, fix_as_revisions=True))) as z:
        assert "<w:ins " in z.read("word/document.xml").decode()


def test_rules_and_explain(linter):
    rules = linter.rules()
    assert [r["code"] for r in rules] == [r["code"] for r in json.loads(cli("rules", "--format", "json"))]
    assert all(r["enabled"] for r in rules if r["code"] == "GW401")
    assert linter.explain("halfwidth-punctuation").startswith("GW401 halfwidth-punctuation：")
    with pytest.raises(gwlint.UnknownRuleError, match="GW999"):
        linter.explain("GW999")


def test_configuration_from_a_file_a_dict_and_arguments(tmp_path):
    (tmp_path / "gwlint.toml").write_text('[lint]\nignore = ["GW401"]\n', encoding="utf-8")
    found = gwlint.Linter(root=tmp_path).check(DRAFT)
    assert "GW401" not in [d["code"] for d in found]
    assert gwlint.Linter(root=tmp_path).config_path == tmp_path / "gwlint.toml"
    assert gwlint.Linter(tmp_path / "gwlint.toml").config_path == tmp_path / "gwlint.toml"
    only = gwlint.Linter({"lint": {"select": ["GW401"]}}).check(DRAFT)
    assert [d["code"] for d in only] == ["GW401"]
    assert [d["code"] for d in gwlint.Linter({}, select=["GW312"]).check(DRAFT)] == ["GW312"]
    assert gwlint.Linter({}, profile="draft").check(DRAFT) != gwlint.Linter({}).check(DRAFT)


def test_errors_are_typed_and_name_the_problem(linter, tmp_path):
    with pytest.raises(gwlint.ReadError, match="坏.docx：不是有效的 .docx"):
        linter.check(b"PK\x03\x04 broken", "坏.docx")
    with pytest.raises(gwlint.ReadError, match="二进制"):
        linter.check(bytes(range(256)) * 8, "a.txt")
    with pytest.raises(gwlint.ReadError, match="a.pdf：不支持 .pdf"):
        linter.check("文字", "a.pdf")
    with pytest.raises(gwlint.ReadError, match="没有.txt"):
        linter.check_file(tmp_path / "没有.txt")
    (tmp_path / "bad.toml").write_text("[lint\n", encoding="utf-8")
    with pytest.raises(gwlint.ConfigError, match="bad.toml"):
        gwlint.Linter(tmp_path / "bad.toml")
    with pytest.raises(gwlint.ConfigError, match="配置字典：未知的配置项"):
        gwlint.Linter({"lint": {"nope": 1}})
    with pytest.raises(gwlint.ConfigError, match="profile"):
        gwlint.Linter({}, profile="final")
    with pytest.raises(gwlint.ConfigError, match="不存在"):
        gwlint.Linter(tmp_path / "none.toml")
    with pytest.raises(TypeError):
        linter.check(42)
    assert issubclass(gwlint.ReadError, gwlint.GwlintError)


def test_threads_share_one_linter(linter, monkeypatch):
    monkeypatch.chdir(ROOT)
    sequential = [linter.check_file(p) for p in DOCUMENTS * 4]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(linter.check_file, DOCUMENTS * 4))
    assert parallel == sequential


def test_module_level_helpers(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert "GW401" in [d["code"] for d in gwlint.check(DRAFT)]
    assert gwlint.fix("经研究,决定开展检查。\n") == "经研究，决定开展检查。\n"
    assert gwlint.__version__ == json.loads(cli("check", "--format", "json", "--exit-zero", "--no-config", DOCUMENTS[0]))["tool"]["version"]
