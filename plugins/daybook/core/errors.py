"""The small exception tree Daybook raises for problems a user can fix."""


class DaybookError(Exception):
    """Base class: a problem with a user's input or settings, reported in one line."""


class SourceError(DaybookError):
    """Raised by the importer when a saved page cannot be used (empty, binary, no updates)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DayFileError(DaybookError):
    """Raised by the day-file codec when a day file breaks the format."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class SettingsError(DaybookError):
    """Raised when the DAYBOOK settings are missing or malformed."""
