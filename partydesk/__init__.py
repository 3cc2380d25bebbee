"""partydesk: the offline register of party organizations, members and cadres."""

__version__ = "0.1.0"
