"""The document-type registry."""

from __future__ import annotations

from pydantic import BaseModel

from .common import Page
from .sources import Names


class DocumentPublic(BaseModel):
    id: str
    name: Names
    synonyms: list[str]
    category: str
    strikeable: bool
    issuer: str | None
    result_of: list[str]
    vneid: bool
    #: Sources whose data stands in for this document.
    sources: list[str]


class DocumentPage(Page[DocumentPublic]):
    pass
