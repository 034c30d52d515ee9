"""Database passwords: kept in the platform keyring (Windows Credential Manager, Secret
Service …), never in settings files or logs. Without a usable keyring the program asks."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url

KEYRING_SERVICE = "UnionOffice database"


def split_password(url: str) -> tuple[str, str | None]:
    """The URL without its password (safe to store or show) and the password, if any."""
    parsed = make_url(url)
    if parsed.password is None:
        return url, None
    password = str(parsed.password)
    safe = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return safe.render_as_string(hide_password=False), password


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def _keyring():  # type: ignore[no-untyped-def]
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None, Exception
    return keyring, KeyringError


def remember_password(url: str, password: str) -> bool:
    """Store the password for ``url`` (given without password); False when no keyring works."""
    keyring, failure = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, split_password(url)[0], password)
    except failure:
        return False
    return True


def stored_password(url: str) -> str | None:
    keyring, failure = _keyring()
    if keyring is None:
        return None
    try:
        password = keyring.get_password(KEYRING_SERVICE, split_password(url)[0])
    except failure:
        return None
    return password if password else None


def storable(argument: str) -> str:
    """What may be written to settings for ``--db``: the password goes to the keyring."""
    if "://" not in argument:
        return argument
    safe, password = split_password(argument)
    if password:
        remember_password(safe, password)
    return safe


def with_stored_password(argument: str | None) -> str | None:
    """``--db`` with the keyring's password filled in when the URL names none."""
    if not argument or "://" not in argument or split_password(argument)[1] is not None:
        return argument
    return with_password(argument, stored_password(argument))
