"""`python -m partydesk`: the same entry point as the `partydesk` console script."""

import sys

from partydesk.app import main

if __name__ == "__main__":
    sys.exit(main())
