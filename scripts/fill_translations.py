"""Collect new tr() strings and fill their English from a JSON file, under a file lock.

    .venv/bin/python scripts/fill_translations.py strings.json

`strings.json` maps a context (the class name) to {Vietnamese source: English}:

    {"ReportDialog": {"Báo cáo thống kê": "Statistical report"}}

The script takes an exclusive lock on the .ts (several people or sessions may update it at
once), runs lupdate (new strings appear, vanished ones go), sets the English of every
message named in the JSON, and writes the file back in lupdate's layout. It prints the
strings of the code that still have no English.
"""

from __future__ import annotations

import fcntl
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from partydesk.ui.i18n import ts_path, untranslated, update_sources


def fill(ts_file: Path, strings: dict[str, dict[str, str]]) -> int:
    """Set the English of the messages named in `strings`; returns how many were set."""
    tree = ET.parse(ts_file)
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        wanted = strings.get(name)
        if not wanted:
            continue
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if source not in wanted:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = wanted[source]
            translation.attrib.pop("type", None)
            done += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return done


def main(argv: list[str]) -> int:
    """Update the English catalogue from the code, then fill it from the JSON files given."""
    strings: dict[str, dict[str, str]] = {}
    for name in argv:
        for context, pairs in json.loads(Path(name).read_text(encoding="utf-8")).items():
            strings.setdefault(context, {}).update(pairs)
    ts_file = ts_path("en")
    with open(ts_file.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        update_sources(ts_file)
        count = fill(ts_file, strings)
        update_sources(ts_file)  # back to lupdate's own layout
    missing = untranslated("en")
    print(f"filled {count}; still without English: {len(missing)}")
    for message in missing:
        print(f"  {message.context}: {message.source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
