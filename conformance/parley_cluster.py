"""What a 2-node Parley cluster needs for one irctest test: a fresh MariaDB database, a Redis key
prefix of its own, and a wait until a node answers /readyz. Used by parley_controller.py when
PARLEY_IRCTEST_CLUSTER=2 is set.

Only the `mariadb` and `redis-cli` programs of the machine are used (MariaDB on 127.0.0.1:3306 as
root without a password, Redis on 127.0.0.1:6379), no Python module beyond the standard library.

    python3 parley_cluster.py cleanup RUN

removes what a run of run-irctest.sh left behind (its marker RUN): databases and Redis keys of
tests that irctest did not tear down.
"""

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Callable

REDIS_URL = "redis://127.0.0.1:6379"
DATABASE_BASE_URL = "jdbc:mariadb://127.0.0.1:3306/"
DATABASE_USER = "root"
MARIADB = ["mariadb", "-h", "127.0.0.1", "-u", DATABASE_USER, "--batch", "--skip-column-names"]
REDIS_CLI = ["redis-cli", "-h", "127.0.0.1", "-p", "6379"]
READY_WITHIN = 60.0


def run_tag(run: str) -> str:
    """The run marker as it may appear in a database name: lower-case letters, digits and _."""
    return re.sub(r"[^a-z0-9]", "_", run.lower())[:24]


def database_prefix(run: str) -> str:
    return f"parley_irctest_{run_tag(run)}_"


def key_prefix_start(run: str) -> str:
    return f"parley-irctest-{run_tag(run)}-"


class ClusterResources:
    """A database and a Redis key prefix of one test's own, removed by close()."""

    def __init__(self, run: str):
        suffix = uuid.uuid4().hex[:10]
        self.database = database_prefix(run) + suffix
        self.key_prefix = key_prefix_start(run) + suffix + ":"
        self.database_url = DATABASE_BASE_URL + self.database
        self.created = False

    def create(self) -> None:
        mariadb(f"CREATE DATABASE {self.database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        self.created = True

    def close(self) -> None:
        if self.created:
            mariadb(f"DROP DATABASE IF EXISTS {self.database}")
            self.created = False
        delete_keys(self.key_prefix + "*")


def mariadb(statement: str) -> str:
    done = subprocess.run(
        MARIADB + ["-e", statement], text=True, capture_output=True, timeout=30
    )
    if done.returncode != 0:
        raise RuntimeError(f"mariadb -e {statement!r}: {done.stderr.strip()}")
    return done.stdout


def delete_keys(pattern: str) -> None:
    keys = subprocess.run(
        REDIS_CLI + ["--scan", "--pattern", pattern],
        text=True, capture_output=True, check=True, timeout=30,
    ).stdout.splitlines()
    for start in range(0, len(keys), 500):
        subprocess.run(
            REDIS_CLI + ["del"] + keys[start:start + 500],
            capture_output=True, check=True, timeout=30,
        )


def await_ready(http_port: int, alive: Callable[[], None], name: str, log: Path) -> None:
    """Returns once http://127.0.0.1:PORT/readyz answers 200; alive() raises if the node ended."""
    deadline = time.monotonic() + READY_WITHIN
    url = f"http://127.0.0.1:{http_port}/readyz"
    while True:
        alive()
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{name} not ready at {url} within {READY_WITHIN:.0f} s:\n{tail(log)}")
        time.sleep(0.1)


def tail(log: Path, lines: int = 20) -> str:
    if not log.exists():
        return "(no output)"
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def cleanup(run: str) -> None:
    """Drops the run's databases and deletes its Redis keys (tests irctest did not tear down)."""
    pattern = database_prefix(run).replace("_", "\\_") + "%"
    for name in mariadb(f"SHOW DATABASES LIKE '{pattern}'").split():
        mariadb(f"DROP DATABASE IF EXISTS {name}")
    delete_keys(key_prefix_start(run) + "*")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "cleanup":
        sys.exit("usage: parley_cluster.py cleanup RUN")
    cleanup(sys.argv[2])
