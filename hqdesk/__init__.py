"""hqdesk: the headquarters desktop client for franchisee relationships and credit."""

__version__ = "0.1.0"
