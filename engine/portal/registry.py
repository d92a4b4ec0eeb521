"""Load the document-type registry the recogniser matches against."""

from __future__ import annotations

from pathlib import Path

import yaml

from engine.models import DocumentType

#: The shipped registry folder.
DOCUMENTS = Path(__file__).resolve().parents[2] / "procedures" / "documents"


def load_documents(root: Path | str | None = None) -> list[DocumentType]:
    """Return the registry's document types.

    Parameters
    ----------
    root : path, optional
        A ``procedures/`` tree; default: the shipped one.

    Notes
    -----
    Uses :func:`engine.loading.load_catalogue` when it loads the documents;
    falls back to reading ``documents/*.yaml`` directly, so that a broken rule
    or catalogue file elsewhere in the tree does not stop an import.
    """
    folder = Path(root) / "documents" if root is not None else DOCUMENTS
    try:
        from engine.loading import load_catalogue

        result = load_catalogue(folder.parent)
        docs = list(result.catalogue.documents.values())
        if docs and not any("documents" in str(getattr(e, "file", "")) for e in result.errors):
            return docs
    except Exception:  # the loader is being written by the lead: never block on it
        pass
    out: list[DocumentType] = []
    for file in sorted(folder.glob("*.yaml")):
        for item in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            out.append(DocumentType.model_validate(item))
    return out


def load_sources(root: Path | str | None = None) -> list:
    """Return the shared databases (``sources/``), read on their own so that a
    broken file elsewhere does not stop an import; a broken source file is skipped."""
    from engine.models import Source

    folder = (Path(root) if root is not None else DOCUMENTS.parent) / "sources"
    out = []
    for file in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
            for item in data if isinstance(data, list) else [data]:
                out.append(Source.model_validate(item))
        except Exception:  # reported by `onceonly check`; the import carries on
            continue
    return out
