"""Procedure search through the database's own full-text index (SQLite FTS5,
PostgreSQL tsvector), best answers first, on SQLite and PostgreSQL stores."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import text

from engine.cli import app
from engine.queries import search
from engine.store import open_store
from engine.store import search as fts

from .conftest import RECORD, write_record


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """An empty store, once on SQLite and once on PostgreSQL (tests/store's server)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'onceonly.db'}"
    return request.getfixturevalue("pg_database")


def _codes(rows):
    return [r["code"] for r in rows]


def test_words_are_whole_and_the_last_may_be_a_prefix():
    from engine.loading import load_catalogue

    cat = load_catalogue().catalogue
    found = _codes(search(cat, "khai sinh"))
    assert found[0] == "1.001193"
    from engine.text import fold

    names = [fold(cat.procedures[c].name.vi) for c in found]
    assert all(re.search(r"\bkhai\b", n) and re.search(r"\bsinh", n) for n in names), names  # not "khai thác" nor "sinh hoạt" alone
    assert _codes(search(cat, "khai si"))[:1] == ["1.001193"]  # typing in progress
    assert _codes(search(cat, "dang ky khai sinh luu dong")) == ["1.003583"]
    assert _codes(search(cat, "Đăng Ký KHAI SINH"))[0] == "1.001193"
    assert _codes(search(cat, "1.001193")) == ["1.001193"]
    assert search(cat, "zzzz khong co") == []


def test_the_ranking_puts_the_phrase_in_the_name_before_scattered_words():
    from engine.loading import load_catalogue

    cat = load_catalogue().catalogue
    found = _codes(search(cat, "khai sinh"))
    first_scattered = next((i for i, c in enumerate(found) if "khai sinh" not in cat.procedures[c].name.vi.lower()), len(found))
    assert all("khai sinh" in cat.procedures[c].name.vi.lower() for c in found[:first_scattered])
    # among equal matches the shorter name first
    lengths = [len(cat.procedures[c].name.vi) for c in found[:first_scattered]]
    assert lengths == sorted(lengths)


def test_the_store_indexes_what_it_imports_and_searches_it(store_url, tmp_path, runner):
    write_record(tmp_path / "records", RECORD)
    assert runner.invoke(app, ["import", str(tmp_path / "records"), "--into", store_url]).exit_code == 0
    with open_store(store_url) as store:
        assert fts.store_match(store.engine, ["thu", "nghiem", "cap"]) == {"9.123456": pytest.approx(fts.store_match(store.engine, ["thu", "nghiem", "cap"])["9.123456"])}
        assert fts.store_match(store.engine, ["khai", "sinh"]) == {}
        assert "9.123456" in fts.store_match(store.engine, ["giay", "ph"])  # prefix
    found = runner.invoke(app, ["procedures", "thử nghiệm cấp giấy", "--catalogue", store_url, "--format", "json"])
    assert found.exit_code == 0, found.output
    assert _codes(json.loads(found.stdout)["items"]) == ["9.123456"]
    # a renamed record is found by its new name, no longer by the old one
    renamed = {**RECORD, "ten_thu_tuc": "Thủ tục kiểm định phương tiện"}
    write_record(tmp_path / "records2", renamed)
    assert runner.invoke(app, ["import", str(tmp_path / "records2"), "--into", store_url]).exit_code == 0
    with open_store(store_url) as store:
        assert "9.123456" in fts.store_match(store.engine, ["kiem", "dinh"])
        assert fts.store_match(store.engine, ["thu", "nghiem", "cap"]) == {}


def test_a_catalogue_from_a_store_is_searched_in_that_store(store_url, tmp_path, runner):
    """The imported procedures' matches come from the store's own index: a row
    taken out of the index (only there) is no longer found."""
    from engine.selection import select_catalogue

    write_record(tmp_path / "records", RECORD)
    assert runner.invoke(app, ["import", str(tmp_path / "records"), "--into", store_url]).exit_code == 0
    cat = select_catalogue(store_url).catalogue
    assert _codes(search(cat, "thu nghiem cap giay phep")) == ["9.123456"]
    with open_store(store_url) as store, store.engine.begin() as conn:
        conn.execute(text(f"DELETE FROM {fts.TABLE} WHERE code = '9.123456'"))
    assert _codes(search(cat, "thu nghiem cap giay phep")) == []
    assert _codes(search(cat, "khai sinh"))[:1] == ["1.001193"]  # curated ones: the in-memory FTS5 index


def test_the_migration_indexes_procedures_imported_before_it(store_url):
    """A store at 0003 with procedures, upgraded: its procedures are searchable."""
    from alembic import command

    from engine.store import migrate
    from tests.store.store_helpers import make_proc

    with open_store(store_url) as store:
        store.import_procedures([make_proc("1.000001", ["giấy khai sinh"], name="Thủ tục cấp phép thử")], "x")
        cfg = migrate.alembic_config()
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0003")  # as it was before the index existed
        assert migrate.current(store.engine) == "0003"
        migrate.upgrade(store.engine)
        assert migrate.current(store.engine) == migrate.head()
        assert list(fts.store_match(store.engine, ["cap", "phep", "thu"])) == ["1.000001"]


def test_queries_cannot_reach_the_query_syntax():
    with pytest.raises(ValueError):
        fts.fts5_query(['" OR 1'])
    assert fts.query_words('"khai" OR sinh*') == ["khai", "or", "sinh"]
    assert fts.tsquery(["khai", "sinh"]) == "'khai' & 'sinh':*"


def test_the_api_search_uses_the_same_ranking():
    from engine.loading import load_catalogue

    cat = load_catalogue().catalogue
    rows = search(cat, "khai sinh", ministry="bo-tu-phap", level="commune")
    assert rows and all(r["ministry"] == "bo-tu-phap" and "commune" in r["level"] for r in rows)
    assert rows[0]["code"] == "1.001193"
