"""``GET /documents``: the document-type registry, with the sources that replace each."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from engine.text import fold

from ..deps import EngineDep, PortalKey
from ..schemas.common import error_responses
from ..schemas.documents import DocumentPage, DocumentPublic

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=DocumentPage, responses=error_responses(401, 403, 422, 429, 500))
async def list_documents(
    _key: PortalKey,
    engine: EngineDep,
    q: Annotated[str | None, Query(max_length=200, description="Words in the id, names or synonyms.")] = None,
    category: Annotated[str | None, Query(max_length=80)] = None,
    source: Annotated[str | None, Query(max_length=80, description="Only documents this source replaces.")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> DocumentPage:
    cat = engine.catalogue
    replaced_by: dict[str, list[str]] = {}
    for src in sorted(cat.sources.values(), key=lambda s: s.id):
        for doc in src.replaces:
            replaced_by.setdefault(doc, []).append(src.id)
    words = fold(q).split() if q else []
    rows = []
    for doc in sorted(cat.documents.values(), key=lambda d: d.id):
        if category and doc.category != category:
            continue
        if source and source not in replaced_by.get(doc.id, []):
            continue
        if words:
            hay = fold(" ".join([doc.id, doc.name.vi, doc.name.en, *doc.synonyms]))
            if not all(w in hay for w in words):
                continue
        rows.append(
            DocumentPublic(
                id=doc.id,
                name={"vi": doc.name.vi, "en": doc.name.en},
                synonyms=list(doc.synonyms),
                category=doc.category,
                strikeable=doc.strikeable,
                issuer=doc.issuer,
                result_of=list(doc.result_of),
                vneid=doc.vneid,
                sources=replaced_by.get(doc.id, []),
            )
        )
    return DocumentPage(total=len(rows), limit=limit, offset=offset, items=rows[offset : offset + limit])
