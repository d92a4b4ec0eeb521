"""``/keys`` (admin): create, list and revoke API keys (like ``onceonly keys``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from starlette.concurrency import run_in_threadpool

from engine.store import api_repo

from ..deps import AdminKey, RuntimeDep
from ..errors import ApiError
from ..schemas.common import error_responses
from ..schemas.keys import KeyCreate, KeyCreated, KeyPublic

router = APIRouter(prefix="/keys", tags=["keys"])


def _public(record: api_repo.KeyRecord) -> dict:
    return {
        "id": record.id,
        "name": record.name,
        "role": record.role,
        "rate_limit": record.rate_limit,
        "prefix": record.prefix,
        "created_at": record.created_at,
        "revoked_at": record.revoked_at,
    }


@router.get("", response_model=list[KeyPublic], responses=error_responses(401, 403, 429, 500))
async def list_keys(_key: AdminKey, runtime: RuntimeDep) -> list[KeyPublic]:
    records = await run_in_threadpool(api_repo.list_keys, runtime.store.engine)
    return [KeyPublic(**_public(r)) for r in records]


@router.post("", response_model=KeyCreated, status_code=201, responses=error_responses(401, 403, 422, 429, 500))
async def create_key(body: KeyCreate, _key: AdminKey, runtime: RuntimeDep) -> KeyCreated:
    record, token = await run_in_threadpool(api_repo.create_key, runtime.store.engine, body.name, body.role, body.rate_limit)
    return KeyCreated(**_public(record), token=token)


@router.delete("/{key_id}", response_model=KeyPublic, responses=error_responses(401, 403, 404, 422, 429, 500))
async def revoke_key(_key: AdminKey, runtime: RuntimeDep, key_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> KeyPublic:
    record = await run_in_threadpool(api_repo.revoke_key, runtime.store.engine, key_id)
    if record is None:
        raise ApiError(404, "unknown_key", f"no key {key_id}", "path.key_id")
    runtime.keys.clear()  # this worker forgets it at once; others within key_cache_seconds
    return KeyPublic(**_public(record))
