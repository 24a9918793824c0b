"""gwlint：公文检查。

按《党政机关公文处理工作条例》、GB/T 9704—2012、GB/T 15834—2011、GB/T 15835—2011、错别字与
规范用语检查公文草稿（.txt、.md、.docx），返回与 ``gwlint check --format json`` 相同的问题列表。

>>> import gwlint
>>> linter = gwlint.Linter()                 # 从当前目录向上查找 gwlint.toml
>>> for d in linter.check("关于开展检查的通知\\n\\n各单位：\\n经研究,决定开展检查。\\n"):
...     print(d["code"], d["range"]["start"]["line"], d["message"])

``Linter`` 只需建一次（加载规则和词典），之后可在多个线程中反复使用：检查时释放 GIL。
"""

from __future__ import annotations

import threading
from typing import Any, Dict, List, Optional, Union

from ._gwlint import (
    ConfigError,
    GwlintError,
    Linter,
    ReadError,
    UnknownRuleError,
    __version__,
)

__all__ = [
    "ConfigError",
    "GwlintError",
    "Linter",
    "ReadError",
    "UnknownRuleError",
    "__version__",
    "check",
    "fix",
]

_default: Optional[Linter] = None
_lock = threading.Lock()


def _linter() -> Linter:
    global _default
    with _lock:
        if _default is None:
            _default = Linter()
        return _default


def check(source: Union[str, bytes], filename: str = "草稿.txt") -> List[Dict[str, Any]]:
    """用默认配置（当前目录的 gwlint.toml 或内置默认设置）检查一段文稿或一个文件的内容。"""
    return _linter().check(source, filename)


def fix(source: Union[str, bytes], filename: str = "草稿.txt") -> str:
    """用默认配置应用全部安全修复，返回修复后的全文。"""
    return _linter().fix(source, filename)
