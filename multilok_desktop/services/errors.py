"""User errors raised by services: the message is German and can be shown as it is."""


class ServiceError(Exception):
    """Base of every error a user can cause and fix (exit code 1 on the command line)."""


class ValidationError(ServiceError, ValueError):
    """Input that cannot be saved; nothing was changed."""


class NotFoundError(ServiceError, LookupError):
    """A record that does not exist (any more)."""
