"""Languages of the GUI: Vietnamese (the source language), English, and a pseudo-translation.

Source strings are Vietnamese, written inside `self.tr("…")` or
`QCoreApplication.translate("Context", "…")`. `pyside6-lupdate` collects them into
`resources/translations/partydesk_en.ts` (committed; translated with Qt Linguist or by
hand), and the build step compiles every `.ts` there into a `.qm` beside it (not committed):

    .venv/bin/python scripts/build_translations.py           # .ts -> .qm (dev.sh does it)
    .venv/bin/python scripts/build_translations.py update    # collect new strings into the .ts
    .venv/bin/python scripts/build_translations.py check     # list strings without English

`qtbase_vi.ts` translates Qt's own strings (OK, Cancel, Yes, No, the text context menu…)
into Vietnamese, because Qt ships no Vietnamese translation.

The language is read from the settings key "ui/language" at start-up and installed before
any widget is built. Changing it takes effect at the next start: widgets set their texts
once, in their constructors, and do not handle `QEvent.LanguageChange`.
"""

from __future__ import annotations

import argparse
import logging
import math
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from partydesk.resources import resources_dir

log = logging.getLogger(__name__)

SETTINGS_KEY = "ui/language"
DEFAULT_LANGUAGE = "vi"
#: False: a new language applies after a restart (see the module docstring).
LIVE_SWITCH = False
#: Our catalogue: resources/translations/partydesk_<language>.ts / .qm.
CATALOGUE = "partydesk"
#: Languages with a .ts of our strings (the source language, Vietnamese, needs none).
TRANSLATED = ("en",)


@dataclass(frozen=True)
class Language:
    """A language the GUI can run in."""

    code: str
    name: str  # in that language itself, except the pseudo mode (in the current language)


def available_languages() -> list[Language]:
    """The choices for the preferences, the default first."""
    return [
        Language("vi", "Tiếng Việt"),
        Language("en", "English"),
        Language("pseudo", QCoreApplication.translate("Languages", "Pseudo (kiểm tra giao diện)")),
    ]


def language_codes() -> tuple[str, ...]:
    """The codes `install_language` accepts."""
    return ("vi", "en", "pseudo")


def saved_language(settings: QSettings) -> str:
    """The language chosen in the preferences; the default when unset or unknown."""
    value = str(settings.value(SETTINGS_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in language_codes() else DEFAULT_LANGUAGE


def save_language(settings: QSettings, language: str) -> None:
    """Remember the language for the next start."""
    if language not in language_codes():
        raise ValueError(f"unknown language {language!r}; one of {language_codes()}")
    settings.setValue(SETTINGS_KEY, language)
    settings.sync()


def translations_dir() -> Path:
    """The folder of the .ts sources and the built .qm files."""
    return resources_dir() / "translations"


def qt_translations_dir() -> Path:
    """Where the Qt wheel keeps Qt's own .qm files (qtbase_en.qm…; no Vietnamese one)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


# --- pseudo-translation --------------------------------------------------------------------

#: How much longer a pseudo-translated string is than its source, at least.
PSEUDO_EXPANSION = 0.4
_ACCENTED = str.maketrans(
    "AaCcDdEeGgHhIiJjKkLlNnOoRrSsTtUuWwYyZz",
    "ÅåÇçÐðËëĜĝĤĥÏïĴĵĶķĻļÑñÖöŔŕŠšŤťÜüŴŵÝýŽž",
)
# Left as they are: markup, entities, mnemonics (&T), placeholders (%1, %n, {version}), globs.
_PROTECTED = re.compile(r"<[^>]*>|&#?\w+;|&.|%L?\d+|%n|\{[^}]*\}|\*\.\w+|\(\*\)")
_FILTER = re.compile(r"^(?P<label>.*?)(?P<pattern>\s*\([^()]*\*[^()]*\))$")
_LAYOUT_DIRECTION = "QT_LAYOUT_DIRECTION"


def _accent(text: str) -> str:
    parts: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(text):
        parts.append(text[last : match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(text[last:].translate(_ACCENTED))
    return "".join(parts)


def _expand(text: str) -> str:
    padding = max(1, math.ceil(len(text) * PSEUDO_EXPANSION) - 3)
    return f"[{_accent(text)} {'~' * padding}]"


def pseudo_translate(source: str) -> str:
    """`source` accented and made ≥ 40 % longer: "Tên đơn vị" -> "[Ťêñ đơñ vị ~~~]".

    Markup, mnemonics and placeholders survive; a file-dialog filter
    ("Bảng tính (*.xlsx);;Mọi tệp (*)") keeps each pattern at the end of its part.
    """
    if not source:
        return source
    parts = source.split(";;")
    if len(parts) > 1 or _FILTER.match(source):
        out = []
        for part in parts:
            match = _FILTER.match(part)
            if match:
                out.append(_expand(match.group("label")) + match.group("pattern"))
            else:
                out.append(_expand(part))
        return ";;".join(out)
    return _expand(source)


class PseudoTranslator(QTranslator):
    """Translates every string, Qt's own included, into its pseudo form."""

    def translate(
        self,
        context: str,
        sourceText: str,  # noqa: N803 (Qt's parameter name)
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The pseudo form of `sourceText` (Qt's layout-direction marker stays "LTR")."""
        if sourceText == _LAYOUT_DIRECTION:
            return "LTR"
        return pseudo_translate(sourceText)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        """Never empty: it has a translation for everything."""
        return False


# --- installing ------------------------------------------------------------------------------


def _locale(language: str) -> QLocale:
    if language == "en":
        # Day/month/year dates, as in Vietnam, and English month names.
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def _load(app: QObject, path: Path) -> QTranslator | None:
    translator = QTranslator(app)
    if path.exists() and translator.load(str(path)):
        return translator
    translator.deleteLater()
    return None


def install_language(
    app: QCoreApplication, language: str, folder: Path | None = None
) -> list[QTranslator]:
    """Install the translators of `language` ("vi", "en" or "pseudo"); return them.

    Call it before building any widget. "vi" is the source language: only Qt's own strings
    need translating (Qt's qtbase_vi.qm when the Qt wheel has one, else ours). "en" installs
    `partydesk_en.qm` and Qt's qtbase_en.qm. An unknown language falls back to "vi"; a
    missing .qm is logged (run scripts/build_translations.py) and the source strings show.
    The translators are children of `app`, so they live as long as it does. `folder`
    replaces `resources/translations` (tests). The default QLocale follows the language.
    """
    if language not in language_codes():
        log.warning("unknown language %r, using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    folder = folder or translations_dir()
    QLocale.setDefault(_locale(language))
    translators: list[QTranslator] = []
    if language == "pseudo":
        translators.append(PseudoTranslator(app))
    else:
        wanted: list[Path] = []
        qt_own = qt_translations_dir() / f"qtbase_{language}.qm"
        if language == "vi" and not qt_own.exists():
            qt_own = folder / "qtbase_vi.qm"
        wanted.append(qt_own)
        if language != "vi":
            wanted.append(folder / f"{CATALOGUE}_{language}.qm")
        for path in wanted:
            translator = _load(app, path)
            if translator is not None:
                translators.append(translator)
            elif path.parent == folder:
                log.warning("translation %s not found: run scripts/build_translations.py", path)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def remove_language(app: QCoreApplication, translators: Sequence[QTranslator]) -> None:
    """Uninstall translators returned by `install_language` (tests, a future live switch)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()


# --- building (development tools, not used at run time) ----------------------------------


def qt_tool(name: str) -> str:
    """Path of a Qt Linguist tool ("lupdate", "lrelease") shipped by PySide6-Essentials."""
    suffix = ".exe" if sys.platform == "win32" else ""
    wrapper = Path(sys.executable).parent / f"pyside6-{name}{suffix}"
    if wrapper.exists():
        return str(wrapper)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    binary = Path(PySide6.__file__).parent / f"{name}{suffix}"
    if binary.exists():
        return str(binary)
    raise FileNotFoundError(f"pyside6-{name} not found: install PySide6-Essentials (./dev.sh)")


def ui_sources() -> list[Path]:
    """The Python files whose `tr()` strings belong in our catalogue: partydesk/ui/**/*.py."""
    return sorted(Path(__file__).resolve().parent.rglob("*.py"))


def ts_path(language: str, folder: Path | None = None) -> Path:
    """The .ts source of our strings in `language`."""
    return (folder or translations_dir()) / f"{CATALOGUE}_{language}.ts"


def update_sources(ts_file: Path | None = None, language: str = "en") -> str:
    """Run lupdate: add new strings to the .ts, drop vanished ones; return lupdate's report."""
    target = ts_file or ts_path(language)
    result = subprocess.run(
        [
            qt_tool("lupdate"),
            *map(str, ui_sources()),
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "vi",
            "-target-language",
            language,
            "-ts",
            str(target),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def build_catalogues(out_dir: Path | None = None, source_dir: Path | None = None) -> list[Path]:
    """Compile every .ts of `source_dir` into a .qm in `out_dir` (both default to ours)."""
    source_dir = source_dir or translations_dir()
    out_dir = out_dir or source_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    for ts_file in sorted(source_dir.glob("*.ts")):
        qm_file = out_dir / f"{ts_file.stem}.qm"
        subprocess.run(
            [qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
            capture_output=True,
            text=True,
            check=True,
        )
        built.append(qm_file)
    return built


@dataclass(frozen=True)
class Message:
    """One string of a .ts file."""

    context: str
    source: str
    translation: str
    finished: bool


def read_ts(path: Path) -> list[Message]:
    """The messages of a Qt Linguist .ts file (obsolete and vanished ones left out)."""
    messages: list[Message] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            node = message.find("translation")
            kind = node.get("type", "") if node is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            forms = node.findall("numerusform") if node is not None else []
            text = (
                "|".join(f.text or "" for f in forms)
                if forms
                else (node.text or "" if node is not None else "")
            )
            finished = kind != "unfinished" and bool(text.strip("|").strip())
            messages.append(Message(name, message.findtext("source", ""), text, finished))
    return messages


def untranslated(language: str = "en", folder: Path | None = None) -> list[Message]:
    """Strings of the source code that the committed .ts lacks or leaves untranslated.

    lupdate runs on a temporary copy of the .ts, so the committed file is not touched.
    """
    committed = ts_path(language, folder)
    with tempfile.TemporaryDirectory(prefix="partydesk-ts-") as tmp:
        copy = Path(tmp) / committed.name
        if committed.exists():
            shutil.copyfile(committed, copy)
        update_sources(copy, language)
        return [m for m in read_ts(copy) if not m.finished]


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m partydesk.ui.i18n [build|update|check]`, see the module docstring."""
    parser = argparse.ArgumentParser(
        prog="build_translations", description="Build and update the GUI translations."
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="build",
        choices=("build", "update", "check"),
        help="build: .ts -> .qm (default); update: run lupdate; check: list untranslated",
    )
    parser.add_argument("--out", type=Path, help="folder for the .qm files (build)")
    args = parser.parse_args(argv)
    if args.command == "update":
        for language in TRANSLATED:
            print(update_sources(language=language))
        return 0
    if args.command == "check":
        missing = [m for language in TRANSLATED for m in untranslated(language)]
        for message in missing:
            print(f"untranslated [{message.context}] {message.source}")
        print(f"{len(missing)} string(s) without a translation")
        return 1 if missing else 0
    for qm_file in build_catalogues(args.out):
        print(f"built {qm_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
