"""Build the GUI translations: every resources/translations/*.ts into a .qm beside it.

    .venv/bin/python scripts/build_translations.py            # build (dev.sh runs this)
    .venv/bin/python scripts/build_translations.py update     # collect new tr() strings (lupdate)
    .venv/bin/python scripts/build_translations.py check      # list strings without English
    .venv/bin/python scripts/build_translations.py --out DIR  # build into another folder

The work is done by `partydesk.ui.i18n.main` (also `python -m partydesk.ui.i18n`), with the
pyside6-lupdate and pyside6-lrelease tools that PySide6-Essentials ships.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from partydesk.ui.i18n import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
