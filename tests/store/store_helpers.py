"""Shared test helpers: small procedures and a stand-in portal parser."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


def make_proc(code: str, texts: list[str], *, ministry: str = "bo-tu-phap", name: str = "Thủ tục thử",
              updated=None, types: dict[str, list[str]] | None = None):
    """Build a small imported Procedure whose requirements have the given texts."""
    from engine.models import Procedure

    types = types or {}
    return Procedure.model_validate({
        "code": code, "name": {"vi": name}, "ministry": ministry, "origin": "imported", "updated": updated,
        "requirements": [
            {"id": f"r{i}", "text": text, "document_types": types.get(text, [])} for i, text in enumerate(texts, 1)
        ],
    })


@dataclass
class _Error:
    file: str
    field: str
    reason: str


@dataclass
class _Result:
    procedure: object
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def stub_parse(data: dict, path: str, ministry: str) -> _Result:
    """Tiny stand-in for ``engine.portal.parse_record``: entries are a JSON list."""
    if data.get("boom"):
        raise RuntimeError("parser bug quoting record text: Nguyễn Văn A")
    code = data.get("ma_thu_tuc")
    if not code:
        return _Result(None, [_Error(path, "ma_thu_tuc", "missing procedure code")])
    known = {"Giấy khai sinh": ["birth-certificate"]}
    proc = make_proc(code, data.get("entries", []), ministry=ministry,
                     types={t: known[t] for t in data.get("entries", []) if t in known})
    return _Result(proc, warnings=["w"] * data.get("warnings", 0))


def stub_list(root: Path):
    for path in sorted(Path(root).rglob("*.json")):
        yield path, path.parent.name


def write(root: Path, ministry: str, name: str, content) -> None:
    folder = root / ministry
    folder.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    (folder / name).write_text(text, encoding="utf-8")


