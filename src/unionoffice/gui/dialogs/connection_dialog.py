"""连接数据库服务器: what the clerk sees when the office server cannot be opened.

A wrong password, a mistyped host or a server that is down used to end the program after
确定. Instead the clerk gets the server's fields (address, port, database, user, password),
says 测试连接 (tried off the UI thread: a silent host must not freeze the dialog), and connects
— the password going to the system keyring, never the settings — or opens the PC's own
database instead, or quits. The layout is ui/connection_dialog.ui.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget
from sqlalchemy.engine import URL, make_url

from unionoffice.gui.forms import child, load_form
from unionoffice.gui.workers import BackgroundTask


class Choice(enum.Enum):
    CONNECT = "connect"
    LOCAL = "local"
    QUIT = "quit"


@dataclass(frozen=True)
class ConnectionAnswer:
    choice: Choice
    url: str = ""  # with the password, for CONNECT
    remember: bool = False


class ConnectionDialog(QDialog):
    """The fields of a server URL, filled from the one that failed, and why it failed."""

    def __init__(self, url: str, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("connection_dialog", self)
        self._drivername = "postgresql+psycopg"
        self._query: dict[str, str] = {}
        self.problem = child(self, QLabel, "problem")
        if "无法连接" not in problem:
            problem = f"无法连接数据库服务器：{problem}"
        self.problem.setText(problem)
        self.host = child(self, QLineEdit, "host")
        self.port = child(self, QSpinBox, "port")
        self.database = child(self, QLineEdit, "database")
        self.user = child(self, QLineEdit, "user")
        self.password = child(self, QLineEdit, "password")
        self.remember = child(self, QCheckBox, "remember")
        self.test_result = child(self, QLabel, "test_result")
        self.test_button = child(self, QPushButton, "test_button")
        self.test_button.clicked.connect(self.test_connection)
        self.answer = ConnectionAnswer(Choice.QUIT)
        buttons = (
            ("connect_button", Choice.CONNECT),
            ("local_button", Choice.LOCAL),
            ("quit_button", Choice.QUIT),
        )
        for name, choice in buttons:
            child(self, QPushButton, name).clicked.connect(lambda _=False, c=choice: self._end(c))
        self._fill(url)
        self._test: BackgroundTask | None = None

    def _fill(self, url: str) -> None:
        try:
            parsed = make_url(url)
        except Exception:  # a URL the clerk mistyped: the fields stay empty to fill in
            return
        self._drivername = parsed.drivername
        self._query = {k: str(v) for k, v in parsed.query.items()}
        self.host.setText(parsed.host or "")
        self.port.setValue(parsed.port or 5432)
        self.database.setText(parsed.database or "")
        self.user.setText(parsed.username or "")
        self.password.setText(str(parsed.password) if parsed.password else "")
        (self.password if parsed.host else self.host).setFocus()

    def url(self) -> str:
        """The server URL the fields name, with the password."""
        return URL.create(
            self._drivername,
            username=self.user.text().strip() or None,
            password=self.password.text() or None,
            host=self.host.text().strip() or None,
            port=self.port.value(),
            database=self.database.text().strip() or None,
            query=self._query,
        ).render_as_string(hide_password=False)

    def test_connection(self) -> None:
        """测试连接, off the UI thread; the result shows under the fields."""
        from unionoffice.storage.database import check_server

        if self._test is not None:
            return
        url = self.url()
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText("正在连接…")
        self._test = BackgroundTask(
            self,
            "测试连接",
            lambda _context: check_server(url),
            on_done=lambda _result: self._tested(""),
            on_failed=lambda error: self._tested(str(error) or type(error).__name__),
            show_progress=False,
        ).start()

    def _tested(self, problem: str) -> None:
        self._test = None
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #b00020;" if problem else "")
        self.test_result.setText(problem or "连接成功。")

    def _end(self, choice: Choice) -> None:
        if choice is Choice.CONNECT and not self.host.text().strip():
            self.test_result.setText("请填写服务器地址。")
            return
        url = self.url() if choice is Choice.CONNECT else ""
        self.answer = ConnectionAnswer(choice, url, self.remember.isChecked())
        self.done(QDialog.DialogCode.Accepted if choice is not Choice.QUIT else 0)

    def reject(self) -> None:  # Esc or the title bar's ×: as 退出
        self.answer = ConnectionAnswer(Choice.QUIT)
        super().reject()


def ask_connection(url: str, problem: str, parent: QWidget | None) -> ConnectionAnswer:
    """Show the dialog and wait for the clerk's answer."""
    dialog = ConnectionDialog(url, problem, parent)
    dialog.exec()
    answer = dialog.answer
    dialog.deleteLater()
    return answer


def is_server(argument: str | None) -> bool:
    return bool(argument) and "://" in str(argument) and not str(argument).startswith("sqlite")
