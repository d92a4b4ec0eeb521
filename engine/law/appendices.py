"""Res. 66.7's Appendices I and II as rules.

The Government's lists are published as tables whose cells are written by
hand: codes with a comma (``1,010826``) or with trailing zeros lost
(``1.01385``), one database spelt a dozen ways, several databases in one cell,
a document cell naming several papers or adding a condition. This module
reads those rows, maps each to our procedure code, source ids and document
types, and says, row by row, why one could not be mapped. Nothing is guessed:
an unmapped row is listed with its reason, never encoded.

The mapping itself is data: source names and their spellings live in
``procedures/sources/`` (``name``, ``synonyms``), document names in
``procedures/documents/``, and the dates, acts and wording of the generated
rules in ``procedures/parameters/res-66-7-appendices.yaml``. A cell that names
the data rather than a paper ("Bảo hiểm xã hội"), or a paper only in an aside
("(trong đó có căn cước công dân)"), is read there too (``row_readings``), each
reading with its reference.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..models import Source
from ..text import fold

ROMAN = {"I": 1, "II": 2}
_CODE = re.compile(r"^([0-9])[.,]([0-9]{1,6})$")


class CodeError(ValueError):
    """A procedure code that cannot be read as ``d.dddddd``."""


def normalise_code(text: str) -> str:
    """The official code of a procedure as the appendix writes it.

    Parameters
    ----------
    text : str
        The cell as written: ``2.002093``, ``1,010826`` (a comma for the
        point) or ``1.01385`` (trailing zeros lost, as a spreadsheet does).

    Raises
    ------
    CodeError
        The cell is not a one-digit group, a point or comma, and one to six digits.

    Examples
    --------
    >>> normalise_code("1,010826")
    '1.010826'
    >>> normalise_code("1.01385")
    '1.013850'
    >>> normalise_code(" 2.002093 ")
    '2.002093'
    >>> normalise_code("1.0138500")
    Traceback (most recent call last):
    ...
    engine.law.appendices.CodeError: malformed procedure code '1.0138500'
    """
    cleaned = text.strip().rstrip(".")
    m = _CODE.match(cleaned)
    if m is None:
        raise CodeError(f"malformed procedure code {text.strip()!r}")
    return f"{m.group(1)}.{m.group(2).ljust(6, '0')}"


class DatabaseNames:
    """Read the database cell of a row: which of our sources it names.

    Every name and synonym of every source is looked for, longest first; the
    words left over must be separators (``;``, ``,``, ``và``...), else the cell
    names a database we do not know and the row is reported.

    Examples
    --------
    >>> from engine.loading import load_catalogue
    >>> names = DatabaseNames(load_catalogue().catalogue.sources.values())
    >>> names.read("CSDL hộ tịch; CSDL dân cư")
    (['civil-status', 'population'], '')
    >>> names.read("CSDL quốc gia về dân cư Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp")
    (['population', 'business-registration'], '')
    >>> names.read("CSDL về thời tiết")
    ([], 'csdl ve thoi tiet')
    """

    def __init__(self, sources: Iterable[Source], separators: Iterable[str] = (";", ",", "và")):
        phrases: dict[str, str] = {}
        for src in sources:
            for phrase in [src.name.vi, *src.synonyms]:
                key = fold(phrase)
                if len(key) >= 4:
                    phrases.setdefault(key, src.id)
        ordered = sorted(phrases, key=len, reverse=True)
        self._phrases = phrases
        self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b") if ordered else None
        self._separators = {w for s in separators for w in fold(s).split()}

    def read(self, cell: str) -> tuple[list[str], str]:
        """The sources named in ``cell``, in order, and the words left unread."""
        folded = fold(cell)
        found: list[str] = []
        rest: list[str] = []
        end = 0
        for m in self._pattern.finditer(folded) if self._pattern is not None else ():
            rest.append(folded[end : m.start()])
            found.append(self._phrases[m.group(0)])
            end = m.end()
        rest.append(folded[end:])
        left = [w for w in " ".join(rest).split() if w not in self._separators]
        return list(dict.fromkeys(found)), " ".join(left)


@dataclass
class RowProblem:
    """Why one appendix row was not encoded."""

    appendix: str
    item: int
    line: int
    field: str
    reason: str
    text: str
    ministry: str = ""
    code: str = ""
    procedure: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"item": self.item, "line": self.line, "field": self.field, "reason": self.reason, "text": self.text,
                "ministry": self.ministry, "code": self.code, "procedure": self.procedure}

    def __str__(self) -> str:
        return f"Appendix {self.appendix}, item {self.item} (line {self.line}), {self.field}: {self.reason}: {self.text!r}"


@dataclass
class AppendixBuild:
    """The rules of one appendix, and every row that could not become one."""

    appendix: str
    file: Path
    sha256: str
    rows: int
    rules: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    #: Rows whose database cell maps entirely to sources, and whose document
    #: cell names at least one paper type we know.
    databases_mapped: int = 0
    documents_recognised: int = 0
    #: Rows encoded (a row naming papers of several databases becomes one rule per database).
    encoded: int = 0

    def built_from(self) -> dict[str, Any]:
        return {"file": self.file.name, "sha256": self.sha256, "rows": self.rows, "encoded": self.encoded, "rules": len(self.rules)}

    def document(self) -> dict[str, Any]:
        """The YAML document written to ``procedures/rules/``."""
        return {
            "built_from": self.built_from(),
            "rules": self.rules,
            "unmapped": [p.as_dict() for p in self.problems],
        }


def build_appendix(
    appendix: str,
    folder: Path,
    params: dict[str, Any],
    sources: dict[str, Source],
    recogniser: Any,
) -> AppendixBuild:
    """Map every row of one appendix's CSV to a rule, or to a reason it cannot be.

    Parameters
    ----------
    appendix : {"I", "II"}
    folder : Path
        The folder holding the appendix CSVs (``../shared/data/res-66-7``).
    params : dict
        ``procedures/parameters/res-66-7-appendices.yaml``.
    sources : dict of Source
        The catalogue's sources: their names and synonyms read the database cells.
    recogniser : engine.portal.Recogniser
        The dossier recogniser: it reads the document cells.

    Raises
    ------
    FileNotFoundError
        The appendix file is missing.
    """
    spec = params["appendices"][appendix]
    path = folder / spec["file"]
    raw = path.read_bytes()
    build = AppendixBuild(appendix, path, hashlib.sha256(raw).hexdigest(), 0)
    names = DatabaseNames(sources.values(), params.get("separators", ()))
    # A row may only name paper types some database holds: a generic type
    # ("an administrative decision") in the same cell would strike unrelated
    # papers of the procedure.
    held = {t for src in sources.values() for t in src.replaces}
    docs = recogniser.documents
    partial = [fold(p) for p in params.get("partial_phrases", ())]
    readings = {int(i): r for r in params.get("row_readings", ()) if str(r.get("appendix")) == appendix
                for i in ([r["item"]] if "item" in r else r.get("items", ()))}
    seen: dict[int, int] = {}
    reader = csv.DictReader(raw.decode("utf-8-sig").splitlines())
    end = 1  # the header's line
    for row in reader:
        build.rows += 1
        # The row's first line (a quoted cell may span several).
        line, end = end + 1, reader.line_num
        try:
            item = int(row["item"])
        except (TypeError, ValueError):
            build.problems.append(RowProblem(appendix, 0, line, "item", "not a row number", row.get("item") or ""))
            continue
        seen[item] = seen.get(item, 0) + 1

        def problem(fieldname: str, reason: str, text: str) -> None:
            build.problems.append(RowProblem(
                appendix, item, line, fieldname, reason, text,
                (row.get("ministry_section") or "").strip(), (row.get("code_as_written") or "").strip(), (row.get("procedure_name") or "").strip(),
            ))

        db_cell = row.get("database_as_written") or ""
        named, left = names.read(_drop_partial(db_cell, partial))
        db_ok = bool(named) and not left
        if db_ok:
            build.databases_mapped += 1
        doc_cell = row.get("document_as_written") or ""
        reading = readings.get(item)
        if reading is not None:
            # The cell names the data, or a paper only in a case or an aside:
            # the parameters say which papers the row stands for. Its own
            # database cell says who holds them.
            recognised = [str(t) for t in reading.get("document_types") or ()]
        else:
            recognised = recogniser.recognise(doc_cell).types
        # A row naming a paper by its older name names the renamed paper too.
        recognised += [docs[t].renamed_to for t in recognised
                       if t in docs and docs[t].renamed_to and docs[t].renamed_to not in recognised]
        types = [t for t in recognised if t in docs] if reading is not None else [t for t in recognised if t in held]
        if types:
            build.documents_recognised += 1
        try:
            code = normalise_code(row.get("code_as_written") or "")
        except CodeError as exc:
            problem("code_as_written", str(exc), row.get("code_as_written") or "")
            continue
        if not db_ok:
            problem("database_as_written", "unknown database name" + (f" ({left!r} left unread)" if left else ""), db_cell)
            continue
        if reading is not None and (not recognised or len(types) < len(recognised)):
            unknown = [t for t in recognised if t not in docs]
            problem("document_as_written", "row_readings names " + (f"unknown document types {', '.join(unknown)}" if unknown else "no document type"), doc_cell)
            continue
        if not recognised:
            problem("document_as_written", "no paper type recognised", doc_cell)
            continue
        if not types:
            problem("document_as_written", f"names no paper a database holds (recognised: {', '.join(recognised)})", doc_cell)
            continue
        if any(p in fold(doc_cell) or p in fold(db_cell) for p in partial):
            problem("document_as_written", "the row replaces the paper only in part, without saying which part", doc_cell)
            continue
        suffix = "" if seen[item] == 1 else f"-{seen[item]}"
        # A cut needs no database: one rule for the row's papers.
        groups = [(types, named)] if spec["effect"] == "cut" else _by_source(types, named, sources, recogniser.documents)
        build.encoded += 1
        for k, (group_types, group_sources) in enumerate(groups):
            part = suffix + (chr(ord("a") + k) if len(groups) > 1 else "")
            build.rules.append(_rule(appendix, spec, params, row, item, line, part, code, group_types, group_sources, reading))
    return build


def _by_source(types: list[str], named: list[str], sources: dict[str, Source],
               documents: dict | None = None) -> list[tuple[list[str], list[str]]]:
    """Split a row naming several papers and databases by which named database
    holds which paper (our registry's ``replaces``): "GCN ĐKDN, CCCD or passport"
    from "the business, citizen-ID and passport databases" fetches each paper
    from its own database, so one database offline or unannounced does not
    keep the others' papers. A paper none of the named databases is known to
    hold is fetched from the database Art. 4 names for it and from the row's
    (``also_from``: all must answer); a paper no Art. 4 database holds either is
    fetched from all the named ones.

    Examples
    --------
    >>> from engine.loading import load_catalogue
    >>> srcs = load_catalogue().catalogue.sources
    >>> _by_source(["business-registration-certificate", "cccd", "passport"], ["business-registration", "population", "passport"], srcs)
    [(['business-registration-certificate'], ['business-registration']), (['cccd'], ['population']), (['passport'], ['passport'])]
    >>> _by_source(["birth-certificate"], ["civil-status"], srcs)
    [(['birth-certificate'], ['civil-status'])]
    >>> _by_source(["birth-certificate", "cccd"], ["civil-status"], srcs)
    [(['birth-certificate'], ['civil-status']), (['cccd'], ['population', 'civil-status'])]
    """
    groups: dict[tuple[str, ...], list[str]] = {}
    for t in types:
        holders = tuple(s for s in named if s in sources and t in sources[s].replaces)
        owners = tuple(s.id for s in sorted(sources.values(), key=lambda s: s.id) if s.clause and t in s.replaces)
        if not holders and owners:
            # "Giấy khai sinh, Căn cước công dân" from "CSDL hộ tịch điện tử": the
            # card's data sits in the database Art. 4 names for it. It is fetched
            # from there, and from the row's databases too, as the row names them.
            holders = owners + tuple(s for s in named if s not in owners)
        if not holders:
            # Named first: a database holding papers of this paper's kind (a
            # passport beside "the civil-status and population databases" is
            # answered as population data); the others as the row orders them.
            kind = documents[t].category if documents and t in documents else None
            holders = tuple(sorted(named, key=lambda s: not (kind and s in sources and any(
                r in documents and documents[r].category == kind for r in sources[s].replaces))))
        groups.setdefault(holders, []).append(t)
    return [(ts, list(srcs)) for srcs, ts in groups.items()]


def _drop_partial(cell: str, partial: list[str]) -> str:
    folded = fold(cell)
    for p in partial:
        folded = folded.replace(p, " ")
    return folded


def _rule(appendix: str, spec: dict, params: dict, row: dict, item: int, line: int, suffix: str, code: str, types: list[str], named: list[str],
          reading: dict | None = None) -> dict[str, Any]:
    cut = spec["effect"] == "cut"
    act, provision = (row.get("legal_act") or "").strip().rstrip(";"), (row.get("provision") or "").strip()
    rule: dict[str, Any] = {
        "id": f"{spec['rule_prefix']}-item-{item}{suffix}",
        "description": f"Res. 66.7 Appendix {appendix} item {item}: {row['procedure_name'].strip()}: {row['document_as_written'].strip()}",
        "effect": spec["effect"],
        "procedures": [code],
        "document_types": types,
    }
    if not cut and named:
        rule["source"] = named[0]
        if len(named) > 1:
            rule["also_from"] = named[1:]
    elif cut and len(named) == 1:
        # The row's database cell says whose data made the paper unnecessary:
        # answers name it (it gates nothing, a cut paper never comes back).
        rule["attributed_to"] = named[0]
    rule["valid_from"] = params["valid_from"]
    rule["valid_to"] = params["valid_to"]
    rule["status"] = "in_force"
    rule["legal_basis"] = {"act": params["act"], "article": spec["article"].format(item=item)}
    if not cut:
        rule["min_quality"] = spec.get("min_quality", "sufficient")
        rule["fallback"] = spec.get("fallback")
    rule["explanation"] = {k: v.format(item=item) for k, v in spec["explanation"].items()}
    rule["references"] = [
        {"source": f"{params['act']}, Appendix {appendix}, item {item}; {params['reference']['source']}"},
    ]
    if act:
        rule["references"].append({"source": f"{act}{', ' + provision if provision else ''}", "note": "where the procedure's dossier prescribes this paper"})
    if reading is not None:
        rule["references"].append({"source": reading["reference"]["source"], "note": " ".join(str(reading.get("reading", "")).split())})
    rule["listing"] = {
        "appendix": appendix,
        "item": item,
        "line": line,
        "ministry": (row.get("ministry_section") or "").strip(),
        "code": (row.get("code_as_written") or "").strip(),
        "procedure": (row.get("procedure_name") or "").strip(),
        "document": (row.get("document_as_written") or "").strip(),
        "database": (row.get("database_as_written") or "").strip() or None,
        "act": act or None,
        "provision": provision or None,
    }
    return rule


class _NoAliases(yaml.SafeDumper):
    """Every rule written out in full: no ``&id001`` anchors for shared dates."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


HEADER = """\
# GENERATED by `onceonly law appendices` from {file} (sha256 {sha}).
# Do not edit by hand: change procedures/sources/ (database spellings),
# procedures/documents/ (paper names) or procedures/parameters/res-66-7-appendices.yaml
# and run the command again. Rows it could not map are listed under `unmapped`,
# each with its reason; they are not encoded.
"""


def write_build(build: AppendixBuild, out: Path) -> Path:
    """Write ``build`` as ``<rule_prefix>.yaml`` in ``out``; return the path."""
    prefix = build.rules[0]["id"].split("-item-")[0] if build.rules else f"res-66-7-appendix-{ROMAN[build.appendix]}"
    target = out / f"{prefix}.yaml"
    body = yaml.dump(build.document(), Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    target.write_text(HEADER.format(file=build.file.name, sha=build.sha256[:16]) + body, encoding="utf-8")
    return target


def load_params(root: Path) -> dict[str, Any]:
    """``procedures/parameters/res-66-7-appendices.yaml`` with its dates as dates."""
    data = yaml.safe_load((root / "parameters" / "res-66-7-appendices.yaml").read_text(encoding="utf-8"))
    for key in ("valid_from", "valid_to"):
        if isinstance(data.get(key), str):
            data[key] = dt.date.fromisoformat(data[key])
    return data
