"""Load a ``procedures/`` tree into a :class:`~engine.catalogue.Catalogue`.

Every problem becomes a :class:`~engine.errors.DataError` naming the file, the
line and the field. Loading never stops at the first error: a broken file is
skipped, the rest still loads, and all errors are returned together
(``onceonly check`` prints them and exits non-zero).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from .catalogue import Catalogue
from .errors import CatalogueError, DataError
from .models import Agency, AllOf, AnyOf, Attribute, DocumentType, Fallback, Procedure, Rule, Source
from .yamlio import YamlDoc, format_path, read_yaml

M = TypeVar("M", bound=BaseModel)

#: The shipped catalogue (a checkout or an editable install).
DEFAULT_ROOT = Path(__file__).resolve().parents[1] / "procedures"


@dataclass
class LoadResult:
    catalogue: Catalogue
    errors: list[DataError] = field(default_factory=list)

    def raise_for_errors(self) -> Catalogue:
        if self.errors:
            raise CatalogueError(self.errors)
        return self.catalogue


def _pydantic_errors(doc: YamlDoc, prefix: tuple, exc: ValidationError) -> list[DataError]:
    out = []
    for err in exc.errors():
        loc = _yaml_path(doc, prefix + tuple(err["loc"]))
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "field required"
        out.append(doc.error(loc, message))
    return out


def _yaml_path(doc: YamlDoc, loc: tuple) -> tuple:
    """A pydantic location as a path in the file.

    Drops the union tags of a paper tree (``<paper>``, ``<any_of>``) and the
    ``all_of`` key that a plain list of papers stands for.
    """
    out: tuple = ()
    for part in loc:
        if isinstance(part, str) and part.startswith("<"):
            continue
        if part == "all_of" and out in doc.lines and (out + ("all_of",)) not in doc.lines:
            continue
        out += (part,)
    return out


def paper_paths(node, where: tuple):
    """``(path in the file, paper)`` for every paper of a tree.

    A plain list in the file stands for an ``all_of``: the path then has no
    ``all_of`` key, which :meth:`YamlDoc.line_of` tolerates (it falls back to
    the deepest known prefix).
    """
    if isinstance(node, AnyOf):
        for j, child in enumerate(node.any_of):
            yield from paper_paths(child, where + ("any_of", j))
    elif isinstance(node, AllOf):
        for j, child in enumerate(node.all_of):
            yield from paper_paths(child, where + ("all_of", j))
    else:
        yield where, node


def _validate(doc: YamlDoc, model: type[M], data: Any, prefix: tuple, errors: list[DataError]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors.extend(_pydantic_errors(doc, prefix, exc))
        return None


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _display(root: Path, file: Path) -> str:
    try:
        return str(file.relative_to(root.parent))
    except ValueError:
        return str(file)


def _read(root: Path, file: Path, errors: list[DataError]) -> YamlDoc | None:
    try:
        return read_yaml(file, _display(root, file))
    except DataError as exc:
        errors.append(exc)
        return None


def _load_list(
    root: Path,
    files: list[Path],
    model: type[M],
    key: str | None,
    errors: list[DataError],
    add: Callable[[M, YamlDoc, tuple], None],
    read: dict[Path, YamlDoc | None] | None = None,
) -> None:
    """Load files holding a list of ``model`` (or a mapping whose ``key`` is that list).

    ``read`` holds files parsed already (rule files are read once for rules,
    fallbacks and their provenance)."""
    for file in files:
        doc = read[file] if read is not None and file in read else _read(root, file, errors)
        if doc is None or doc.data is None:
            continue
        data, prefix = doc.data, ()
        if key is not None:
            if not isinstance(data, dict):
                errors.append(doc.error((), f"expected a mapping with a '{key}' list"))
                continue
            data, prefix = data.get(key), (key,)
            if data is None:
                continue
        if isinstance(data, dict):
            data, single = [data], True
        else:
            single = False
        if not isinstance(data, list):
            errors.append(doc.error(prefix, "expected a list"))
            continue
        for index, item in enumerate(data):
            where = prefix if single else prefix + (index,)
            obj = _validate(doc, model, item, where, errors)
            if obj is not None:
                add(obj, doc, where)


def load_catalogue(root: Path | str | None = None) -> LoadResult:
    """Load the ``procedures/`` tree at ``root`` (default: the shipped one).

    Returns
    -------
    LoadResult
        The catalogue of everything that loaded, and every error found.

    Examples
    --------
    >>> result = load_catalogue()
    >>> result.errors
    []
    >>> "population" in result.catalogue.sources
    True
    """
    root = Path(root) if root is not None else DEFAULT_ROOT
    errors: list[DataError] = []
    cat = Catalogue(root=root)
    if not root.is_dir():
        return LoadResult(cat, [DataError(str(root), None, None, "not a folder")])
    places: dict[tuple[str, str], str] = {}
    locations: dict[tuple[str, str], tuple[YamlDoc, tuple]] = {}

    def unique(kind: str, ident: str, doc: YamlDoc, where: tuple, id_field: str = "id") -> bool:
        here = f"{doc.file}:{doc.line_of(where + (id_field,))}"
        if (kind, ident) in places:
            errors.append(doc.error(where + (id_field,), f"duplicate {kind} {ident!r} (also at {places[(kind, ident)]})"))
            return False
        places[(kind, ident)] = here
        return True

    def adder(kind: str, target: dict, id_attr: str = "id") -> Callable:
        def add(obj, doc: YamlDoc, where: tuple) -> None:
            ident = getattr(obj, id_attr)
            if unique(kind, ident, doc, where, id_attr):
                target[ident] = obj
                locations[(kind, ident)] = (doc, where)
                if kind == "procedure":
                    cat.origins[ident] = doc.file
        return add

    _load_list(root, [root / "agencies.yaml"] if (root / "agencies.yaml").exists() else [], Agency, None, errors, adder("agency", cat.agencies))
    _load_list(root, [root / "attributes.yaml"] if (root / "attributes.yaml").exists() else [], Attribute, None, errors, adder("attribute", cat.attributes))
    _load_list(root, _files(root / "documents"), DocumentType, None, errors, adder("document type", cat.documents))
    _load_list(root, _files(root / "sources"), Source, None, errors, adder("source", cat.sources))
    rule_files = _files(root / "rules")
    rule_docs = {file: _read(root, file, errors) for file in rule_files}
    _load_list(root, rule_files, Rule, "rules", errors, adder("rule", cat.rules), rule_docs)
    _load_list(root, rule_files, Fallback, "fallbacks", errors, adder("fallback", cat.fallbacks), rule_docs)
    for file, doc in rule_docs.items():
        # Rules generated from published data say which data (file, hash, rows).
        if doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("built_from"), dict):
            cat.built_from[file.stem] = {**doc.data["built_from"], "unmapped": doc.data.get("unmapped") or []}
    _load_list(root, _files(root / "catalogue"), Procedure, None, errors, adder("procedure", cat.procedures, "code"))
    for folder, target in (("parameters", cat.parameters), ("scenarios", cat.scenarios)):
        for file in _files(root / folder):
            doc = _read(root, file, errors)
            if doc is not None and doc.data is not None:
                target[file.stem] = doc.data
    errors.extend(cross_check(cat, locations))
    return LoadResult(cat, errors)


def cross_check(cat: Catalogue, locations: dict | None = None) -> list[DataError]:
    """Errors in the references between files (unknown ids, rules on never-strike types).

    ``locations`` maps ``(kind, id)`` to the file and path an object was read
    from, so that each error names the file and line of the bad field.
    """
    locations = locations or {}
    errors: list[DataError] = []
    docs, attrs = cat.documents, cat.attributes

    def report(kind: str, ident: str, field: tuple, message: str) -> None:
        place = locations.get((kind, ident))
        if place is None:
            errors.append(DataError(f"{kind} {ident}", None, format_path(field), message))
            return
        doc, where = place
        errors.append(doc.error(_yaml_path(doc, where + field), message))

    def check_attr_values(kind: str, ident: str, field: tuple, attr: str, values: list[str]) -> None:
        if attrs and attr not in attrs:
            report(kind, ident, field, f"unknown attribute {attr!r}")
            return
        if attrs:
            bad = [v for v in values if v not in attrs[attr].values]
            if bad:
                report(kind, ident, field, f"unknown value(s) {bad} for attribute {attr!r}")

    for src in cat.sources.values():
        k = ("source", src.id)
        for name in ("replaces", "holds"):
            for j, t in enumerate(getattr(src, name)):
                if t not in docs:
                    report(*k, (name, j), f"unknown document type {t!r}")
        if cat.agencies and src.owner not in cat.agencies:
            report(*k, ("owner",), f"unknown agency {src.owner!r}")
        for i, cov in enumerate(src.coverage):
            check_attr_values(*k, ("coverage", i, "attribute"), cov.attribute, [v for vals in cov.values.values() for v in vals])
    for rule in cat.rules.values():
        k = ("rule", rule.id)
        if rule.fallback is not None and rule.fallback not in cat.fallbacks:
            report(*k, ("fallback",), f"unknown fallback {rule.fallback!r}")
        if rule.scope == "dossier-waiver":
            # The dossier text names the source; the rule must not.
            if rule.source is not None or rule.document_types:
                report(*k, ("scope",), "a dossier-waiver rule names neither a source nor document types")
            continue
        if rule.source is not None and rule.source not in cat.sources:
            report(*k, ("source",), f"unknown source {rule.source!r}")
        for j, sid in enumerate(rule.also_from):
            if sid not in cat.sources:
                report(*k, ("also_from", j), f"unknown source {sid!r}")
        if rule.also_from and rule.source is None:
            report(*k, ("also_from",), "also_from needs a first source in 'source'")
        if rule.attributed_to is not None and (rule.attributed_to not in cat.sources or rule.effect.value != "cut"):
            report(*k, ("attributed_to",), f"attributed_to names a known source, on a cut only: {rule.attributed_to!r}")
        if rule.effect.value != "cut" and rule.source is None:
            report(*k, ("source",), f"a {rule.effect.value} rule needs a source")
        if not cat.rule_document_types(rule):
            report(*k, ("document_types",), "rule applies to no document type")
        for j, t in enumerate(cat.rule_document_types(rule)):
            field = ("document_types", j) if rule.document_types else ("source",)
            if t not in docs:
                report(*k, field, f"unknown document type {t!r}")
            elif not docs[t].strikeable:
                report(*k, field, f"document type {t!r} is never struck (strikeable: false)")
            elif not rule.explicit and rule.source in cat.sources and t not in cat.sources[rule.source].replaces:
                # An explicit row says itself which database replaces the paper.
                report(*k, field, f"source {rule.source!r} does not replace {t!r}")
        for attr, vals in rule.requires.items():
            check_attr_values(*k, ("requires", attr), attr, vals)
    for proc in cat.procedures.values():
        k = ("procedure", proc.code)
        if cat.agencies and proc.ministry not in cat.agencies:
            report(*k, ("ministry",), f"unknown agency {proc.ministry!r}")
        for j, t in enumerate(proc.results):
            if t not in docs:
                report(*k, ("results", j), f"unknown document type {t!r}")
        for i, req in enumerate(proc.requirements):
            if req.components is None:
                for j, t in enumerate(req.document_types):
                    if t not in docs:
                        report(*k, ("requirements", i, "document_types", j), f"unknown document type {t!r}")
            for where, paper in paper_paths(req.components, ("requirements", i, "components")) if req.components is not None else ():
                for j, t in enumerate(paper.document_types):
                    if t not in docs:
                        report(*k, where + ("document_types", j), f"unknown document type {t!r}")
                if paper.waiver is not None and paper.waiver not in cat.sources:
                    report(*k, where + ("waiver",), f"unknown source {paper.waiver!r}")
            for attr, vals in req.applies_if.items():
                check_attr_values(*k, ("requirements", i, "applies_if", attr), attr, vals)
    for doc in docs.values():
        if doc.issuer and cat.agencies and doc.issuer not in cat.agencies:
            report("document type", doc.id, ("issuer",), f"unknown agency {doc.issuer!r}")
    return errors
