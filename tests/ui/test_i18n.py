"""Translations: the built English catalogue, Qt's strings in Vietnamese, pseudo mode, coverage."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox

from partydesk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
UPDATE_COMMAND = ".venv/bin/python scripts/build_translations.py update"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts files compiled into a temporary folder (the committed tree is not touched)."""
    folder = tmp_path_factory.mktemp("qm")
    i18n.build_catalogues(folder)
    return folder


@pytest.fixture
def install(qapp) -> Iterator[object]:
    """install(language, folder=None), undone after the test (translators and QLocale)."""
    installed = []
    locale = QLocale()

    def _install(language: str, folder: Path | None = None) -> list[object]:
        translators = i18n.install_language(qapp, language, folder)
        installed.extend(translators)
        return list(translators)

    yield _install
    i18n.remove_language(qapp, installed)
    QLocale.setDefault(locale)


def test_build_writes_a_qm_for_every_ts(built: Path):
    sources = sorted(p.stem for p in i18n.translations_dir().glob("*.ts"))
    assert {"partydesk_en", "qtbase_vi"} <= set(sources)
    for stem in sources:
        qm = built / f"{stem}.qm"
        assert qm.exists()
        assert qm.stat().st_size > 100, f"{qm} is empty: are its strings translated?"


def test_build_script_runs(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "scripts/build_translations.py", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "partydesk_en.qm").exists()


def test_english_translates_our_strings_and_qts(install, built: Path):
    from partydesk.ui.dialogs.preferences import PreferencesDialog

    assert install("en", built)
    assert QCoreApplication.translate("Languages", "Pseudo (kiểm tra giao diện)") == (
        "Pseudo (layout check)"
    )
    assert QCoreApplication.translate("PreferencesDialog", "Tùy chọn") == "Preferences"
    assert PreferencesDialog.tr("Ngôn ngữ giao diện:") == "Interface language:"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.buttons()[0].text() == "Cancel"
    assert QLocale().language() == QLocale.Language.English


def test_vietnamese_translates_qts_own_strings(install, built: Path):
    install("vi", built)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Yes
    )
    assert sorted(b.text() for b in buttons.buttons()) == ["&Có", "Hủy", "OK"]
    # Our strings are Vietnamese already: no catalogue, the source shows.
    assert QCoreApplication.translate("PreferencesDialog", "Tùy chọn") == "Tùy chọn"
    assert QLocale().name() == "vi_VN"


def test_pseudo_mode_lengthens_every_string(install):
    install("pseudo")
    source = "Tên đơn vị"
    shown = QCoreApplication.translate("AnyContext", source)
    assert shown.startswith("[")
    assert shown.endswith("]")
    assert len(shown) >= 1.4 * len(source)
    assert "Ť" in shown  # accented, so untranslated strings stand out
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    ok = buttons.buttons()[0].text()
    assert ok != "OK"
    assert ok.startswith("[Ö")


@pytest.mark.parametrize(
    "source",
    [
        "OK",
        "Tên đơn vị",
        "Đã sao lưu vào %1",
        "&Tệp",
        "<b>partydesk {version}</b><br>Sổ đảng viên",
        "Đảng viên chính thức: %n",
        "Tìm đảng viên: tên không dấu, CCCD, số thẻ… (Ctrl+F)",
    ],
)
def test_pseudo_translate_keeps_markup_and_placeholders(source: str):
    shown = i18n.pseudo_translate(source)
    assert len(shown) >= 1.4 * len(source)
    for kept in ("%1", "%n", "{version}", "<b>", "</b>", "<br>", "&T"):
        assert (kept in shown) == (kept in source), (kept, shown)


def test_pseudo_translate_keeps_file_dialog_patterns():
    shown = i18n.pseudo_translate("Cơ sở dữ liệu partydesk (*.sqlite3 *.db);;Mọi tệp (*)")
    first, second = shown.split(";;")
    assert first.endswith(" (*.sqlite3 *.db)")
    assert first.startswith("[")
    assert second.endswith(" (*)")
    assert second.startswith("[")


def test_pseudo_keeps_the_layout_direction(install, qapp):
    install("pseudo")
    assert qapp.isLeftToRight()
    assert QCoreApplication.translate("QGuiApplication", "QT_LAYOUT_DIRECTION") == "LTR"


def test_unknown_language_falls_back_to_vietnamese(install, built: Path, tmp_path: Path):
    install("klingon", built)
    assert QLocale().name() == "vi_VN"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert i18n.saved_language(settings) == "vi"
    settings.setValue(i18n.SETTINGS_KEY, "klingon")
    assert i18n.saved_language(settings) == "vi"
    i18n.save_language(settings, "en")
    assert i18n.saved_language(settings) == "en"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.save_language(settings, "fr")


def test_available_languages_lead_with_vietnamese():
    codes = [language.code for language in i18n.available_languages()]
    assert codes == ["vi", "en", "pseudo"] == list(i18n.language_codes())


def test_every_tr_string_has_an_english_translation():
    missing = i18n.untranslated("en")
    listing = "\n".join(f"  [{m.context}] {m.source!r}" for m in missing)
    assert not missing, (
        f"{len(missing)} GUI string(s) have no English translation in "
        f"resources/translations/partydesk_en.ts:\n{listing}\n"
        f"Run `{UPDATE_COMMAND}`, translate them in the .ts (by hand or with "
        "`.venv/bin/pyside6-linguist resources/translations/partydesk_en.ts`), then "
        "`.venv/bin/python scripts/build_translations.py`."
    )


def _tr_calls(tree: ast.AST) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("tr", "translate")
        ):
            yield node


def test_tr_calls_can_be_extracted():
    """lupdate only sees literal strings, and takes the context from the enclosing class.

    `obj.tr("…")` on another object gets the context "obj" in the .ts but the class name at
    run time, so it is never translated: use `self.tr` or
    `QCoreApplication.translate("ClassName", "…")`.
    """
    problems = []
    for path in i18n.ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _tr_calls(tree):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            func = call.func
            assert isinstance(func, ast.Attribute)
            owner = func.value
            if func.attr == "translate":
                if not (isinstance(owner, ast.Name) and owner.id == "QCoreApplication"):
                    continue
                texts = call.args[1:2]
                context = call.args[0] if call.args else None
                if not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
                    problems.append(f"{where}: context is not a literal string")
            else:
                texts = call.args[:1]
                owner_ok = isinstance(owner, ast.Name) and (
                    owner.id == "self" or owner.id[:1].isupper()
                )
                if not owner_ok:
                    problems.append(f"{where}: tr() called on {ast.unparse(owner)!r}")
            for text in texts:
                if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                    problems.append(f"{where}: not a literal string: {ast.unparse(text)}")
    assert not problems, "untranslatable tr() calls:\n" + "\n".join(problems)


def test_code_labels_match_the_codes():
    """The GUI's translatable copies of the code labels never drift from `codes`."""
    from partydesk.codes import EventKind, MemberStatus, OrgKind, TransferStatus
    from partydesk.services.due import DUE_GROUPS
    from partydesk.ui import code_labels

    tables = code_labels.all_tables()
    assert tables["status"] == {s.value: s.label for s in MemberStatus}
    assert tables["event"] == {e.value: e.label for e in EventKind}
    assert tables["org_kind"] == {k.value: k.label for k in OrgKind}
    assert tables["transfer_status"] == {t.value: t.label for t in TransferStatus}
    assert tables["due_group"] == DUE_GROUPS
    assert code_labels.status_label("unknown") == "unknown"
    assert code_labels.count_text(1234567) == "1.234.567"
    assert code_labels.days_left_text(-3) == "quá hạn 3 ngày"


def test_english_mode_translates_table_cells_and_counts(install, built: Path, qtbot, demo_ctx):
    """Codes stored in Vietnamese (status, sex, due groups) show in English, 1,234 grouping."""
    from partydesk.ui import code_labels
    from partydesk.ui.pages.overview import OverviewPage

    assert install("en", built)
    assert code_labels.status_label("official") == "Full member"
    assert code_labels.sex_label("nữ") == "Female"
    assert code_labels.days_left_text(-3) == "3 days overdue"
    assert code_labels.count_text(1234567) == "1,234,567"
    page = OverviewPage(demo_ctx)
    qtbot.addWidget(page)
    headings = [page.due_model.item(r, 0).text() for r in range(page.due_model.rowCount())]
    assert headings
    assert not any("Kết nạp" in heading for heading in headings)
    labels = [
        page.status_form.itemAt(i).widget().text()
        for i in range(page.status_form.count())
        if page.status_form.itemAt(i).widget() is not None
    ]
    assert "Full member:" in labels


def test_base_classes_translate_with_their_own_context():
    """`self.tr` in a class that others subclass looks up the subclass's name at run time,
    while lupdate files the string under the base class: it would never be translated.
    Base classes use `QCoreApplication.translate("BaseName", "…")` instead.
    """
    classes: dict[str, tuple[Path, ast.ClassDef]] = {}
    bases: set[str] = set()
    for path in i18n.ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = (path, node)
                bases.update(b.id for b in node.bases if isinstance(b, ast.Name))
    problems = []
    for name in sorted(bases & set(classes)):
        path, node = classes[name]
        for call in _tr_calls(node):
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr == "tr":
                owner = func.value
                if isinstance(owner, ast.Name) and owner.id == "self":
                    problems.append(f"{path.relative_to(ROOT)}:{call.lineno} in {name}")
    assert not problems, "self.tr() in a base class:\n" + "\n".join(problems)
