import pytest

from unionoffice.storage import credentials


def test_split_and_rejoin():
    safe, password = credentials.split_password("postgresql+psycopg://clerk:s3cr%40t@server/office")
    assert safe == "postgresql+psycopg://clerk@server/office"
    assert password == "s3cr@t"
    rejoined = credentials.with_password(safe, password)
    assert credentials.split_password(rejoined) == (safe, "s3cr@t")
    assert credentials.split_password("sqlite:////tmp/a.sqlite") == (
        "sqlite:////tmp/a.sqlite",
        None,
    )


class _MemoryKeyring:
    def __init__(self):
        self.items = {}

    def set_password(self, service, user, password):
        self.items[(service, user)] = password

    def get_password(self, service, user):
        return self.items.get((service, user))


def test_passwords_go_to_the_keyring_keyed_by_the_safe_url(monkeypatch):
    store = _MemoryKeyring()
    monkeypatch.setattr(credentials, "_keyring", lambda: (store, RuntimeError))
    url = "postgresql+psycopg://clerk:pw@server/office"
    assert credentials.remember_password(url, "pw")
    assert list(store.items) == [
        (credentials.KEYRING_SERVICE, "postgresql+psycopg://clerk@server/office")
    ]
    assert credentials.stored_password("postgresql+psycopg://clerk@server/office") == "pw"


def test_a_broken_keyring_means_asking(monkeypatch):
    class Broken:
        def get_password(self, *_):
            raise RuntimeError("no backend")

        set_password = get_password

    monkeypatch.setattr(credentials, "_keyring", lambda: (Broken(), RuntimeError))
    assert not credentials.remember_password("postgresql://a@b/c", "x")
    assert credentials.stored_password("postgresql://a@b/c") is None


@pytest.mark.parametrize("url", ["postgresql+psycopg://clerk:pw@server/office"])
def test_database_never_shows_the_password(url):
    from sqlalchemy.engine import make_url

    from unionoffice.storage.database import database_url

    assert "pw" not in make_url(database_url(url)).render_as_string(hide_password=True)


def test_settings_get_the_url_and_the_keyring_the_password(monkeypatch):
    store = _MemoryKeyring()
    monkeypatch.setattr(credentials, "_keyring", lambda: (store, RuntimeError))
    stored = credentials.storable("postgresql+psycopg://clerk:pw@server/office")
    assert stored == "postgresql+psycopg://clerk@server/office"
    assert credentials.with_stored_password(stored) == "postgresql+psycopg://clerk:pw@server/office"
    assert credentials.storable("/home/clerk/office.sqlite") == "/home/clerk/office.sqlite"
    assert credentials.with_stored_password(None) is None
