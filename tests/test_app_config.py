"""The app's server settings: this machine only, no outside call at start-up, no tracebacks in the browser."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".streamlit" / "config.toml"

#: Run Streamlit with every socket call watched: an outside connection or name lookup is written
#: to GUARD_LOG and refused, every bind is written down.
GUARDED_STREAMLIT = """
import os, socket, sys
log = open(os.environ["GUARD_LOG"], "a", buffering=1)
LOCAL = {"127.0.0.1", "localhost", "::1", "0.0.0.0", "::", "", None}
def _host(address):
    return address[0] if isinstance(address, tuple) else address
_connect, _bind, _lookup = socket.socket.connect, socket.socket.bind, socket.getaddrinfo
def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and _host(address) not in LOCAL:
        log.write(f"connect {_host(address)}\\n")
        raise OSError("outside connection refused by the test")
    return _connect(self, address)
def bind(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        log.write(f"bind {_host(address)}\\n")
    return _bind(self, address)
def getaddrinfo(host, *args, **kwargs):
    if host not in LOCAL:
        log.write(f"lookup {host}\\n")
        raise socket.gaierror("outside lookup refused by the test")
    return _lookup(host, *args, **kwargs)
socket.socket.connect, socket.socket.bind, socket.getaddrinfo = connect, bind, getaddrinfo
from streamlit.web.cli import main
sys.argv = ["streamlit", "run", "app.py", *sys.argv[1:]]
main()
"""


def test_the_config_binds_to_this_machine_hides_error_details_and_sends_no_statistics():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["headless"] is True  # no first-run e-mail prompt (which calls out)
    assert config["client"]["showErrorDetails"] == "none"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["maxUploadSize"] == 25


def test_streamlit_reads_the_config_as_written():
    """Streamlit's own parser, run from the project root as `make run` does: the options are known
    to this Streamlit version (an unknown or misspelt one would be ignored with a warning)."""
    script = (
        "from streamlit import config\n"
        "config.get_config_options(force_reparse=True)\n"
        "print(config.get_option('server.address'), config.get_option('client.showErrorDetails'),"
        " config.is_manually_set('server.address'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == ["127.0.0.1", "none", "True"], out.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_and_stop(tmp_path: Path, *flags: str) -> tuple[list[str], str]:
    """Start the app with the socket guard, load its page once, stop it: (guard log, console)."""
    port = _free_port()
    guard_log, console = tmp_path / "guard.log", tmp_path / "console.log"
    env = os.environ | {"GUARD_LOG": str(guard_log)}
    with console.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", GUARDED_STREAMLIT, "--server.port", str(port), *flags],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                        if response.read() == b"ok":
                            break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start: {console.read_text()[-2000:]}")
                time.sleep(0.3)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
                assert response.status == 200
        finally:
            process.terminate()
            process.wait(timeout=15)
    lines = guard_log.read_text().splitlines() if guard_log.exists() else []
    return lines, console.read_text()


def test_the_server_listens_on_this_machine_only_and_looks_nothing_up(tmp_path):
    events, console = _start_and_stop(tmp_path)
    binds = {e.split()[1] for e in events if e.startswith("bind ")}
    assert binds == {"127.0.0.1"}, events
    assert not [e for e in events if e.startswith(("connect", "lookup"))], events
    assert "External URL" not in console and "Network URL" not in console


def test_the_documented_shared_server_option_looks_nothing_up_either(tmp_path):
    events, console = _start_and_stop(
        tmp_path, "--server.address", "0.0.0.0", "--browser.serverAddress", "blma.example.org"
    )
    assert {e.split()[1] for e in events if e.startswith("bind ")} == {"0.0.0.0"}
    assert not [e for e in events if e.startswith(("connect", "lookup"))], events
    assert "blma.example.org" in console
    assert "blma.example.org" in (ROOT / "README.md").read_text(encoding="utf-8")
