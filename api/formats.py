"""Content negotiation for officer outputs: ``?format=`` wins, else ``Accept``."""

from __future__ import annotations

from typing import Literal

from fastapi import Request

from .errors import ApiError

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {"json": "application/json", "csv": CSV, "xlsx": XLSX}
OutputFormat = Literal["json", "csv", "xlsx"]


def chosen(request: Request, format: str | None, allowed: tuple[str, ...]) -> str:
    if format is not None:
        if format not in allowed:
            raise ApiError(406, "not_acceptable", f"format must be one of {', '.join(allowed)}", "query.format")
        return format
    accept = request.headers.get("accept", "")
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        for name in allowed:
            if media == MEDIA[name]:
                return name
    return "json"


def documented(*names: str, json_model=None) -> dict:
    """``responses[200]`` content entries for the other formats."""
    content = {MEDIA[n]: {"schema": {"type": "string", "format": "binary" if n == "xlsx" else None}} for n in names if n != "json"}
    for entry in content.values():
        if entry["schema"]["format"] is None:
            del entry["schema"]["format"]
    return {200: {"content": content, "description": "JSON (default), " + ", ".join(n.upper() for n in names if n != "json")}}
