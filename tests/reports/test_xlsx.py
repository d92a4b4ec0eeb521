

def test_xlsx_survives_control_characters_in_filters_and_text(tmp_path):
    import datetime as dt

    from openpyxl import load_workbook

    from engine.evaluator import Engine
    from engine.loading import load_catalogue
    from engine.reports import to_xlsx, unnecessary_report
    from engine.reports.rows import Filters

    cat = load_catalogue().catalogue
    day = dt.date(2026, 6, 1)
    report = unnecessary_report(Engine(cat).evaluate_all(day, {"nationality": "vn"}), cat, day, Filters(field="Hộ\x07 tịch"))
    path = to_xlsx(report, tmp_path / "r.xlsx", cat)
    assert load_workbook(path).sheetnames
