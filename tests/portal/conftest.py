"""Shared fixtures for the portal importer tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from engine.portal import Recogniser, load_documents

REPO = Path(__file__).resolve().parents[2]


def portal_data() -> Path:
    """The portal fixture: ``ONCEONLY_PORTAL_DATA`` or the repo's sibling ``shared``."""
    env = os.environ.get("ONCEONLY_PORTAL_DATA")
    return Path(env) if env else (REPO / ".." / "shared" / "data" / "portal-2026").resolve()


def require_portal_data() -> Path:
    root = portal_data()
    if not root.is_dir():
        pytest.skip(f"portal fixture not found at {root} (set ONCEONLY_PORTAL_DATA to run the fixture tests)")
    return root


@pytest.fixture(scope="session")
def recogniser() -> Recogniser:
    return Recogniser(load_documents())
