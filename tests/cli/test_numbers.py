"""Figures in the CLI are written as their reader writes them."""

from engine.cli.common import number_text


def test_vietnamese_groups_with_stops_and_decimals_with_a_comma():
    assert number_text(1234567, "vi") == "1.234.567"
    assert number_text(1234567, "en") == "1,234,567"
    assert number_text(12.5, "vi") == "12,50" and number_text(12.5, "en") == "12.50"
    assert number_text(1234.56, "vi") == "1.235"  # 100 or more: no decimals
    assert number_text(0.5, "vi", 1) == "0,5"
    assert number_text(None, "vi") == "—" and number_text("n/a", "vi") == "n/a"
