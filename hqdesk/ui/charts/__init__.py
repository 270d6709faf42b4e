"""pyqtgraph widgets fed with series DTOs (later issues). Import pyqtgraph only here, lazily."""
