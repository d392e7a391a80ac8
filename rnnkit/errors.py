"""Errors a user can cause (bad files, bad options, corrupt checkpoints).

The command line catches `RnnkitError` and prints its message as one line, with a non-zero
exit and no traceback. Internal invariants use `assert`; wrong arguments to the library's
functions raise ValueError / TypeError as NumPy and PyTorch do.
"""


class RnnkitError(Exception):
    """An error caused by user input; its message is one line that says what to do."""


class DataError(RnnkitError):
    """A corpus or text file that cannot be read as asked (names the file and line)."""

    def __init__(self, path, line, message):
        self.path, self.line = str(path), line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class ConfigError(RnnkitError):
    """An option or configuration value that is not allowed."""


class CheckpointError(RnnkitError):
    """A model directory or checkpoint that is missing, incomplete or corrupt."""
