"""Excel workbooks (``.xlsx``) as records, streamed with openpyxl's read-only mode.

Each sheet whose first non-empty row is a header gives one record per later
non-empty row, as ``{column title: cell value}``, located as
``book.xlsx#Sheet:ROW`` (Excel's own row number). Cells keep their type
(text, number, date); a number where a code is expected is mended by the
mapping (``1.01385`` -> ``1.013850``). A damaged sheet is reported at the row
where reading stopped; the rows before it are imported.

Memory: rows are read one at a time, but openpyxl loads a workbook's shared
strings table whole, so a workbook holds its distinct texts in memory; for
national-scale data, prefer CSV or JSON Lines.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .readers import Batch, ImportFormatError, Incoming


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def _open(path: Path):
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise ImportFormatError(
            f"{path.name}: not an Excel workbook (.xlsx), or a damaged one ({type(exc).__name__})"
        ) from None


def _header(sheet) -> tuple[int, list[str]] | None:
    """``(row number, titles)`` of the sheet's first non-empty row, or None."""
    for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
        if row and any(v is not None and str(v).strip() for v in row):
            titles = ["" if v is None else str(v).strip() for v in row]
            while titles and not titles[-1]:
                titles.pop()  # the sheet's width, not columns of the header
            return number, titles
    return None


def read_xlsx(path: Path) -> Batch:
    """Open the workbook and read every sheet's header (the rows are read lazily).

    Raises
    ------
    ImportFormatError
        The file is not a workbook, or no sheet has a header row, or a sheet
        cannot be read at all.
    """
    name = path.name
    book = _open(path)
    headers: dict[str, list[str]] = {}
    starts: dict[str, int] = {}
    total = 0
    try:
        for sheet in book.worksheets:
            try:
                found = _header(sheet)
            except Exception as exc:  # noqa: BLE001 - any XML error in the sheet
                raise ImportFormatError(f"{name}#{sheet.title}: the sheet cannot be read ({type(exc).__name__})") from None
            if found is None:
                continue
            starts[sheet.title], headers[sheet.title] = found
            if sheet.max_row:
                total += max(sheet.max_row - found[0], 0)
    except ImportFormatError:
        book.close()
        raise
    if not headers:
        book.close()
        raise ImportFormatError(f"{name}: no sheet has a header row")
    for title, header in headers.items():
        seen: dict[str, int] = {}
        for column, text in enumerate(header, 1):
            if text and text in seen:
                book.close()
                raise ImportFormatError(
                    f"{name}#{title}:{starts[title]}: two columns are headed {text!r} (columns {seen[text]} and {column})"
                )
            seen[text] = column
    batch = Batch("xlsx", total or None, iter(()), headers={f"{name}#{t}": h for t, h in headers.items()},
                  size=path.stat().st_size)

    def records() -> Iterator[Incoming]:
        try:
            for sheet in book.worksheets:
                label = f"{name}#{sheet.title}"
                if sheet.title not in headers or (batch.only is not None and label not in batch.only):
                    continue
                header, first = headers[sheet.title], starts[sheet.title]
                number = 0
                rows = sheet.iter_rows(values_only=True)
                while True:
                    try:
                        row = next(rows)
                    except StopIteration:
                        break
                    except Exception as exc:  # noqa: BLE001 - a damaged sheet: say where it stopped
                        yield Incoming(f"{label}:{number + 1}", None, None, "(sheet)",
                                       f"the sheet cannot be read from here on ({type(exc).__name__})")
                        break
                    number += 1
                    if number <= first or not row or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                        continue
                    where = f"{label}:{number}"
                    if len(row) > len(header) and any(v is not None for v in row[len(header):]):
                        yield Incoming(where, None, None, "(row)",
                                       f"the row has cells beyond the header's {len(header)} columns")
                        continue
                    data = {title: _cell(value) for title, value in zip(header, row) if title}
                    yield Incoming(where, data)
        finally:
            book.close()

    batch.records = records()
    return batch
