"""Everything that imports PySide6 or pyqtgraph."""
