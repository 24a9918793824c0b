"""Type stubs of gwlint's native module."""

import os
import pathlib
from typing import Any, Dict, List, Optional, Sequence, Union

__version__: str

class GwlintError(Exception):
    """gwlint 的所有错误的基类。"""

class ConfigError(GwlintError):
    """配置有误：gwlint.toml、配置字典、规则选择或 profile。"""

class ReadError(GwlintError):
    """文档无法读取：无法解码的字节、损坏的 .docx、过大的文件、不支持的类型。"""

class UnknownRuleError(GwlintError):
    """没有这个规则代码或名称。"""

Diagnostic = Dict[str, Any]
"""A finding as in docs/json-output.md (version 2): path, code, name, severity, message, label,
help, source, range {start, end: {line, column, utf16_column, byte}}, related, fingerprint, fix."""

class Linter:
    """A configured linter. Build it once and reuse it (also across threads)."""

    def __init__(
        self,
        config: Union[None, str, "os.PathLike[str]", Dict[str, Any]] = None,
        *,
        root: Union[None, str, "os.PathLike[str]"] = None,
        select: Optional[Sequence[str]] = None,
        extend_select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        profile: Optional[str] = None,
    ) -> None:
        """config: None 从 root（默认当前目录）向上查找 gwlint.toml；路径：使用该文件；字典：
        gwlint.toml 的内容（{} 即内置默认设置）。select、extend_select、ignore、profile 同命令行选项。
        配置有误时抛出 ConfigError。"""

    @property
    def config_path(self) -> Optional[pathlib.Path]:
        """使用的配置文件（字典或内置默认设置时为 None）。"""

    def check(self, source: Union[str, bytes], filename: str = "草稿.txt") -> List[Diagnostic]:
        """检查文本（str）或文件内容（bytes，任何 gwlint 能读的编码，或 .docx）。filename 的扩展名
        决定读法，按文件停用规则也按它匹配。无法读取时抛出 ReadError。"""

    def check_file(self, path: Union[str, "os.PathLike[str]"]) -> List[Diagnostic]:
        """读取并检查一个文件。"""

    def fix(self, source: Union[str, bytes], filename: str = "草稿.txt", unsafe_fixes: bool = False) -> str:
        """返回应用全部安全修复（unsafe_fixes 时包括需确认的修复）后的全文，与 check --fix 写出的
        相同。.docx 请用 annotate_docx。"""

    def annotate_docx(self, data: bytes, fix_as_revisions: bool = False, filename: str = "草稿.docx") -> bytes:
        """返回 .docx 的批注版：每个问题一条 Word 批注；fix_as_revisions 时安全修复写成修订。"""

    def rules(self) -> List[Dict[str, Any]]:
        """全部规则：code、name、category、severity、fix、summary、source、enabled。"""

    def explain(self, code: str) -> str:
        """规则说明（Markdown），同 gwlint explain。没有该规则时抛出 UnknownRuleError。"""
