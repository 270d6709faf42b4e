"""The franchisee profile editor, split by concern:

- ``editor``: ProfileEditor, the mode (empty / edit / new), load, save, the conflict flow, refusals, the bus;
- ``header``: name, badges, actions, the read-only note and the message line;
- ``form``: the franchisee form (the Profile tab);
- ``tabs``: the ProfileTab protocol, the generic RowListTab (contacts and stores, tomorrow visits,
  complaints and ledger documents) and the history tab.
"""

from hqdesk.ui.views.profile.editor import ProfileEditor
from hqdesk.ui.views.profile.tabs import ProfileTab, RowListSpec, RowListTab

__all__ = ["ProfileEditor", "ProfileTab", "RowListSpec", "RowListTab"]
