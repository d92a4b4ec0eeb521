"""YAML reading that keeps line numbers and refuses duplicate keys.

PyYAML silently keeps the last of two equal keys; in law data that hides a
mistake, so the loader here raises instead. Every value's line is recorded by
its path so that a validation error can name the line of the bad field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

Path_ = tuple[Any, ...]


# libyaml's parser keeps the marks (lines) we need and reads the generated
# appendix rules (1 MB) ten times faster than the pure-Python one.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


def _no_duplicates(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise DataError(loader.name, line, str(key), f"duplicate key (first at line {seen[key]})")
        seen[key] = line
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=deep)


def _timestamp(loader: _Loader, node: yaml.ScalarNode):
    # An impossible date (2026-13-45) stays a string, so that validation names the field.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _record_lines(node: yaml.Node, path: Path_, out: dict[Path_, int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            out[path + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, path + (key,), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), out)


class YamlDoc:
    """A parsed YAML file: its data and the line of every path in it."""

    def __init__(self, file: str, data: Any, lines: dict[Path_, int]):
        self.file, self.data, self.lines = file, data, lines

    def line_of(self, path: Path_) -> int | None:
        """Line of the deepest known prefix of ``path`` (pydantic locations may go deeper)."""
        path = tuple(str(p) if not isinstance(p, int) else p for p in path)
        while path:
            if path in self.lines:
                return self.lines[path]
            # pydantic reports dict keys it parsed (dates) as strings already; ints stay ints.
            path = path[:-1]
        return self.lines.get((), 1)

    def error(self, path: Path_, message: str) -> DataError:
        return DataError(self.file, self.line_of(path), format_path(path), message)


def format_path(path: Path_) -> str:
    """``("rules", 0, "valid_from")`` -> ``rules[0].valid_from``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_yaml(file: Path, display: str | None = None) -> YamlDoc:
    """Parse ``file``; raise :class:`DataError` with a line for malformed YAML.

    Raises
    ------
    DataError
        Malformed YAML, a duplicate key, or an unreadable file.
    """
    name = display or str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(name, None, None, f"cannot read file: {exc}") from None
    loader = _Loader(text)
    loader.name = name
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(name, None, {})
        lines: dict[Path_, int] = {}
        _record_lines(node, (), lines)
        data = loader.construct_document(node)
    except DataError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(name, line, None, f"malformed YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise DataError(name, None, None, f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()
    return YamlDoc(name, data, lines)
