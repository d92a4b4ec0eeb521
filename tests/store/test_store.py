"""Store behaviour on SQLite and PostgreSQL: versions, idempotence, supersede, history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, inspect, select

from engine.store import open_store
from engine.store import migrate
from engine.store.schema import catalogue_versions, procedure_history, procedures


def _rows(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_open_creates_schema_at_head(store):
    names = set(inspect(store.engine).get_table_names())
    assert {"catalogue_versions", "procedures", "procedure_history", "alembic_version"} <= names
    assert migrate.current(store.engine) == migrate.head()
    assert store.procedures() == [] and store.versions() == [] and store.history() == []


def test_first_import_is_a_version_with_counts(store, make_proc):
    procs = [make_proc("1.000001", ["Tờ khai", "Giấy khai sinh"]), make_proc("1.000002", ["Đơn đề nghị"])]
    summary = store.import_procedures(procs, "/data/portal", skipped=3)
    assert (summary.version, summary.added, summary.updated, summary.unchanged) == (1, 2, 0, 0)
    [version] = store.versions()
    assert version.id == 1 and version.source_folder == "/data/portal"
    assert (version.records, version.added, version.skipped) == (2, 2, 3)
    assert version.created_at.tzinfo is not None
    assert abs(version.created_at - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    assert [h.kind for h in store.history()] == ["added", "added"]
    assert store.history(code="1.000001")[0].requirements_added == ["Tờ khai", "Giấy khai sinh"]


def test_round_trip_keeps_every_field(store, make_proc):
    proc = make_proc("1.012753.H19", ["Hộ chiếu/Thẻ căn cước"], updated=dt.date(2026, 3, 1),
                     types={"Hộ chiếu/Thẻ căn cước": ["passport", "the-can-cuoc"]})
    store.import_procedures([proc], "x")
    assert store.get("1.012753.H19") == proc
    assert store.procedures() == [proc]
    assert store.get("9.999999") is None


def test_same_records_again_change_nothing(store, make_proc):
    procs = [make_proc("1.000001", ["Tờ khai"]), make_proc("1.000002", ["Đơn"])]
    store.import_procedures(procs, "a")
    before = [_rows(store, t) for t in (catalogue_versions, procedures, procedure_history)]
    # Fresh but equal objects, in another order: content, not identity, decides.
    again = store.import_procedures(list(reversed([p.model_copy(deep=True) for p in procs])), "a")
    assert again.version is None
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert [_rows(store, t) for t in (catalogue_versions, procedures, procedure_history)] == before


def test_newer_record_supersedes_and_history_shows_requirements(store, make_proc):
    store.import_procedures([make_proc("1.000001", ["Tờ khai", "Sổ hộ khẩu", "Ảnh 4x6"]),
                             make_proc("1.000002", ["Đơn"])], "2025")
    newer = make_proc("1.000001", ["Tờ khai", "Ảnh 4x6", "Giấy xác nhận cư trú"], name="Tên mới")
    summary = store.import_procedures([newer, make_proc("1.000002", ["Đơn"])], "2026")
    assert (summary.version, summary.added, summary.updated, summary.unchanged) == (2, 0, 1, 1)
    assert summary.updated_codes == ["1.000001"]
    assert store.get("1.000001") == newer
    [change] = store.history(version=2)
    assert change.code == "1.000001" and change.kind == "updated"
    assert change.requirements_added == ["Giấy xác nhận cư trú"]
    assert change.requirements_removed == ["Sổ hộ khẩu"]
    assert change.fields_changed == ["name", "requirements"]
    assert [h.version for h in store.history(code="1.000001")] == [1, 2]
    with store.engine.connect() as conn:
        first, last = conn.execute(
            select(procedures.c.first_version, procedures.c.last_version).where(procedures.c.code == "1.000001")
        ).one()
    assert (first, last) == (1, 2)
    assert [v.updated for v in store.versions()] == [0, 1]


def test_older_record_does_not_replace_a_newer_one(store, make_proc):
    store.import_procedures([make_proc("1.000001", ["Mới"], updated=dt.date(2026, 5, 1))], "new")
    summary = store.import_procedures([make_proc("1.000001", ["Cũ"], updated=dt.date(2025, 1, 1))], "old")
    assert summary.version is None and summary.stale == 1
    assert store.get("1.000001").requirements[0].text == "Mới"


def test_duplicate_codes_in_one_batch_keep_the_newest(store, make_proc):
    procs = [make_proc("1.000001", ["B"], updated=dt.date(2026, 2, 1)),
             make_proc("1.000001", ["A"], updated=dt.date(2026, 1, 1)),
             make_proc("1.000002", ["first"]), make_proc("1.000002", ["second"])]
    summary = store.import_procedures(procs, "x")
    assert summary.duplicates == 2 and summary.records == 2
    assert store.get("1.000001").requirements[0].text == "B"
    assert store.get("1.000002").requirements[0].text == "second"


def test_import_is_additive_and_filters_by_ministry(store, make_proc):
    store.import_procedures([make_proc("1.000001", ["a"], ministry="bo-tu-phap")], "tp")
    store.import_procedures([make_proc("2.000001", ["b"], ministry="bo-cong-an")], "ca")
    assert [p.code for p in store.procedures()] == ["1.000001", "2.000001"]
    assert [p.code for p in store.procedures(ministry="bo-cong-an")] == ["2.000001"]
    assert store.count() == 2 and len(store.versions()) == 2


def test_reopening_keeps_data_and_skips_migrations(store_url, make_proc):
    with open_store(store_url) as first:
        first.import_procedures([make_proc("1.000001", ["a"])], "x")
    with open_store(store_url) as second:
        assert [p.code for p in second.procedures()] == ["1.000001"]
        assert migrate.current(second.engine) == migrate.head()


def test_many_procedures_in_one_transaction(store, make_proc):
    # More codes than one IN-list chunk, to exercise the chunked look-ups.
    procs = [make_proc(f"1.{i:06d}", [f"giấy {i}", "tờ khai"]) for i in range(1200)]
    assert store.import_procedures(procs, "x").added == 1200
    changed = [make_proc(f"1.{i:06d}", [f"giấy {i}"]) for i in range(0, 1200, 2)]
    summary = store.import_procedures(procs[1::2] + changed, "y")
    assert (summary.updated, summary.unchanged) == (600, 600)
    assert all(h.requirements_removed == ["tờ khai"] for h in store.history(version=2))
    assert len(store.procedures()) == 1200


def test_migrations_match_the_table_definitions(store):
    # A change to schema.py without a migration (or the reverse) shows up here.
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from engine.store import schema

    targets = [schema.metadata]
    try:
        from engine.store import api_tables

        targets.append(api_tables.metadata)
    except ImportError:
        pass
    from engine.store.search import include_name  # the full-text index (0004) lives outside the metadata

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"include_name": include_name}), targets) == []


def _open_and_report(path: str, start, queue) -> None:
    start.wait()
    try:
        with open_store(path) as opened:
            queue.put(migrate.current(opened.engine))
    except Exception as exc:  # reported to the parent, which fails the test
        queue.put(f"{type(exc).__name__}: {exc}")


def test_workers_opening_a_new_sqlite_store_at_once_take_turns(tmp_path):
    # `onceonly serve --workers N` on a fresh machine: N processes create the same file together.
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    start, queue = ctx.Event(), ctx.Queue()
    path = str(tmp_path / "fresh.db")
    procs = [ctx.Process(target=_open_and_report, args=(path, start, queue)) for _ in range(6)]
    for proc in procs:
        proc.start()
    start.set()
    answers = [queue.get(timeout=120) for _ in procs]
    for proc in procs:
        proc.join(timeout=30)
    assert answers == [migrate.head()] * 6


def test_the_bootstrap_key_is_created_once_when_workers_race(tmp_path, monkeypatch):
    from engine.store import api_repo
    from engine.store.api_tables import api_keys

    store = open_store(f"sqlite:///{tmp_path / 'race.db'}")
    real_create = api_repo.create_key

    def racing_create(engine, name, role, rate_limit=None, token=None):
        real_create(engine, name, role, token=token)  # another worker's insert lands first
        return real_create(engine, name, role, token=token)  # ours collides with it

    monkeypatch.setattr(api_repo, "create_key", racing_create)
    record = api_repo.ensure_key(store.engine, "oo_race-token-0123456789", "bootstrap-admin", "admin")
    assert record.name == "bootstrap-admin" and record.role == "admin"
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(api_keys)).scalar() == 1
