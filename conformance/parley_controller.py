"""irctest controller for Parley.

irctest (https://github.com/progval/irctest) starts the server under test once per test case
through a controller. This one writes a Parley config file into the test's temporary directory
and runs the server from the project's runnable jar. Point PARLEY_JAR at another jar to test it.

With PARLEY_IRCTEST_CLUSTER=2 each test runs against a 2-node cluster instead: a fresh MariaDB
database and a Redis key prefix of the test's own (parley_cluster.py), node 1 on the port irctest
gives (its clients connect there alone) and node 2 on free ports, both on that database and Redis;
run() returns once both answer /readyz, and kill() stops both and removes the database and keys.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
from pathlib import Path
from typing import Optional, Set, Type

from irctest.basecontrollers import (
    BaseServerController,
    DirectoryBasedController,
    ProcessStopped,
)
from irctest.runner import NotImplementedByController

import parley_cluster

REPO = Path(__file__).resolve().parent.parent
JAR = Path(os.environ.get("PARLEY_JAR", REPO / "app" / "target" / "parley.jar"))

CONFIG = """\
server:
  name: My.Little.Server
  network: ParleyTest
  listen:
    - "{plain_listen}"
http:
  listen: [{http_listen}]
  tls: "off"
tls:
  listen: [{tls_listen}]
  certificate: "{certificate}"
  private-key: "{private_key}"
auth:
  server-password: "{password}"
  operators:
    - name: operuser
      password: operpassword
accounts:
  registration: {registration}
  bcrypt-cost: 4
  min-password-length: 1
  registrations-per-ip: 10000
  always-on: {always_on}
storage:
  data-dir: "{data_dir}"
{database}history:
  enabled: true
limits:
  nick-length: 32
  flood:
    enabled: false
  connections:
    exempt-loopback: true
{cluster}"""

DATABASE = """\
  database-url: "{database_url}"
  database-user: "{database_user}"
"""

CLUSTER = """\
cluster:
  redis-url: "{redis_url}"
  node-id: "{node_id}"
  key-prefix: "{key_prefix}"
"""


def cluster_size() -> int:
    """How many nodes each test runs: PARLEY_IRCTEST_CLUSTER=2 for a 2-node cluster, else one."""
    size = os.environ.get("PARLEY_IRCTEST_CLUSTER", "")
    if size in ("", "0", "1"):
        return 1
    if size != "2":
        raise ValueError(f"PARLEY_IRCTEST_CLUSTER={size}: only 2 is supported")
    return 2


def always_on_default(test_config) -> str:
    """Parley's accounts.always-on for a test: irctest states it as a change to Ergo's config
    (accounts.multiclient.always-on: opt-in, opt-out or mandatory), applied here to Ergo's
    default; opt-out and mandatory mean always-on unless an account says otherwise."""
    ergo = {"accounts": {"multiclient": {"enabled": True, "always-on": "opt-in"}}}
    adjust = getattr(test_config, "ergo_config", None)
    if adjust is not None:
        adjust(ergo)
    setting = ergo["accounts"]["multiclient"].get("always-on", "opt-in")
    return "true" if setting in ("opt-out", "mandatory") else "false"


def free_port(hostname: str) -> int:
    with socket.socket() as probe:
        probe.bind((hostname, 0))
        return probe.getsockname()[1]


def signal_group(process: subprocess.Popen, sig: signal.Signals) -> None:
    """Signals the process's group (execute() starts each in a session of its own), if still there."""
    try:
        os.killpg(os.getpgid(process.pid), sig)
    except ProcessLookupError:
        pass


class ParleyController(BaseServerController, DirectoryBasedController):
    software_name = "Parley"
    supported_sasl_mechanisms: Set[str] = {"PLAIN"}
    supports_sts = False
    # Mute extbans are m:nick!user@host, with no prefix (ISUPPORT EXTBAN=,am).
    extban_mute_char = "m"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # irctest sleeps this long before reading a client's messages (as its Sable controller
        # does, 0.1 s): PARLEY_IRCTEST_SYNC_SLEEP lets a run tell late answers from wrong ones.
        self.sync_sleep_time = float(os.environ.get("PARLEY_IRCTEST_SYNC_SLEEP", "0"))
        self.node2: Optional[subprocess.Popen] = None
        self.cluster: Optional[parley_cluster.ClusterResources] = None

    def run(
        self,
        hostname: str,
        port: int,
        *,
        password: Optional[str],
        ssl: bool,
        run_services: bool,
        faketime: Optional[str],
        websocket_hostname: Optional[str],
        websocket_port: Optional[int],
    ) -> None:
        # Accounts are built in, so there are no separate services to run.
        if self.test_config.account_registration_requires_email:
            raise NotImplementedByController("e-mail verification of new accounts")
        self.password = password
        assert self.proc is None
        self.port = port
        self.hostname = hostname
        self.create_config()
        assert self.directory
        certificate = private_key = ""
        plain_listen = f"{hostname}:{port}"
        tls_listen = ""
        if ssl:
            # irctest's own certificate; IRC over TLS on the port it asked for, plain IRC elsewhere.
            self.gen_ssl()
            certificate, private_key = str(self.pem_path), str(self.key_path)
            tls_listen = f'"{hostname}:{port}"'
            plain_listen = f"{hostname}:{free_port(hostname)}"
        http_listen = []
        if websocket_hostname is not None and websocket_port is not None:
            http_listen.append(f"{websocket_hostname}:{websocket_port}")
        if cluster_size() == 1:
            self.write_config("parley.yaml", plain_listen, tls_listen, http_listen,
                              certificate, private_key, "data", None)
            self.proc = self.start_node("parley.yaml", "parley")
            return
        try:
            self.run_cluster(plain_listen, tls_listen, http_listen, certificate, private_key)
        except BaseException:
            self.kill()
            raise

    def run_cluster(self, plain_listen, tls_listen, http_listen, certificate, private_key) -> None:
        """Node 1 where irctest's clients connect, node 2 on free ports, one database and Redis;
        returns when both answer /readyz (a readiness listener of their own on a free port). Each
        node's output goes to nodeN.log in the test's directory (kept when PARLEY_IRCTEST_LOGS
        names a folder)."""
        self.cluster = parley_cluster.ClusterResources(os.environ.get("PARLEY_IRCTEST_RUN", "manual"))
        self.cluster.create()
        ready1, ready2 = free_port("127.0.0.1"), free_port("127.0.0.1")
        self.write_config("parley.yaml", plain_listen, tls_listen,
                          http_listen + [f"127.0.0.1:{ready1}"], certificate, private_key,
                          "data", "node1")
        self.write_config("parley-node2.yaml", f"127.0.0.1:{free_port('127.0.0.1')}", "",
                          [f"127.0.0.1:{ready2}"], "", "", "data-node2", "node2")
        self.proc = self.start_node("parley.yaml", "node1")
        self.node2 = self.start_node("parley-node2.yaml", "node2")
        self.await_node(1, ready1)
        self.await_node(2, ready2)

    def await_node(self, n: int, ready_port: int) -> None:
        """Waits for node n's /readyz. Started together, the two nodes race to set up the fresh
        database; one that lost and stopped is started once more, the database being ready now."""
        name, config = f"node{n}", "parley.yaml" if n == 1 else "parley-node2.yaml"
        check = self.check_node1_alive if n == 1 else self.check_node2_alive
        try:
            parley_cluster.await_ready(ready_port, check, name, self.node_log(name))
        except ProcessStopped:
            if n == 1:
                self.proc = self.start_node(config, name)
            else:
                self.node2 = self.start_node(config, name)
            parley_cluster.await_ready(ready_port, check, name, self.node_log(name))

    def write_config(self, name, plain_listen, tls_listen, http_listen, certificate, private_key,
                     data_dir, node_id) -> None:
        """Writes one node's config; node_id None means a single node on SQLite."""
        assert self.directory
        registration = (
            "before-connect"
            if self.test_config.account_registration_before_connect
            else "after-connect"
        )
        database = cluster = ""
        if node_id is not None:
            assert self.cluster
            database = DATABASE.format(
                database_url=self.cluster.database_url,
                database_user=parley_cluster.DATABASE_USER,
            )
            cluster = CLUSTER.format(
                redis_url=parley_cluster.REDIS_URL,
                node_id=node_id,
                key_prefix=self.cluster.key_prefix,
            )
        with self.open_file(name, "w") as fd:
            fd.write(
                CONFIG.format(
                    plain_listen=plain_listen,
                    tls_listen=tls_listen,
                    http_listen=", ".join(f'"{address}"' for address in http_listen),
                    certificate=certificate,
                    private_key=private_key,
                    password=self.password or "",
                    registration=registration,
                    always_on=always_on_default(self.test_config),
                    data_dir=self.directory / data_dir,
                    database=database,
                    cluster=cluster,
                )
            )

    def start_node(self, config: str, name: str) -> subprocess.Popen:
        assert self.directory
        output = {}
        if self.cluster is not None and not self.debug_mode:
            log = self.node_log(name).open("ab")
            output = {"stdout": log, "stderr": log}
        try:
            return self.execute(
                [
                    "java",
                    # marks the process so run-irctest.sh can stop servers irctest leaves behind
                    "-Dparley.irctest.run=" + os.environ.get("PARLEY_IRCTEST_RUN", "manual"),
                    "-XX:TieredStopAtLevel=1",
                    "-Xshare:auto",
                    "-jar",
                    str(JAR),
                    "server",
                    "--config",
                    str(self.directory / config),
                    "--insecure-defaults",
                ],
                proc_name=name,
                **output,
            )
        finally:
            for log in set(output.values()):
                log.close()

    def node_log(self, name: str) -> Path:
        assert self.directory
        return self.directory / f"{name}.log"

    def keep_logs(self) -> None:
        """Copies the nodes' output to PARLEY_IRCTEST_LOGS/<test>/, when it is set."""
        folder = os.environ.get("PARLEY_IRCTEST_LOGS")
        if not folder or not self.directory:
            return
        test = os.environ.get("PYTEST_CURRENT_TEST", "unknown").split(" ")[0]
        target = Path(folder) / re.sub(r"[^A-Za-z0-9_.\[\]-]+", "_", test)
        target.mkdir(parents=True, exist_ok=True)
        for name in ("node1", "node2"):
            if self.node_log(name).exists():
                shutil.copy(self.node_log(name), target / f"{name}.log")

    def check_node1_alive(self) -> None:
        assert self.proc
        if self.proc.poll() is not None:
            raise ProcessStopped(f"node 1 returned {self.proc.returncode}:\n"
                                 + parley_cluster.tail(self.node_log("node1")))

    def check_node2_alive(self) -> None:
        assert self.node2
        if self.node2.poll() is not None:
            raise ProcessStopped(f"node 2 returned {self.node2.returncode}:\n"
                                 + parley_cluster.tail(self.node_log("node2")))

    def kill(self) -> None:
        """Stops both nodes (told together), keeps their logs if asked, then removes the test's
        directory, database and Redis keys."""
        if self.node2 is not None:
            signal_group(self.node2, signal.SIGTERM)
        if self.proc:
            self.kill_proc()
        if self.node2 is not None:
            try:
                self.node2.wait(5)
            except subprocess.TimeoutExpired:
                signal_group(self.node2, signal.SIGKILL)
                self.node2.wait(10)
            self.node2 = None
        self.keep_logs()
        super().kill()
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def wait_for_services(self) -> None:
        pass

    def registerUser(self, case, username: str, password: Optional[str] = None) -> None:
        """Registers the account over IRC, as a user would, with REGISTER after connecting; a
        password too long for one IRC line goes through `parley accounts add` instead."""
        assert password
        if len(password) > 400:
            assert self.directory
            subprocess.run(
                ["java", "-jar", str(JAR), "accounts", "add", username, "--password-stdin",
                 "--config", str(self.directory / "parley.yaml")],
                input=password + "\n", text=True, check=True, capture_output=True,
            )
            return
        client = case.addClient(show_io=False)
        if self.password:
            case.sendLine(client, "PASS " + self.password)
        case.sendLine(client, "NICK " + username)
        case.sendLine(client, "USER r e g :user")
        while case.getRegistrationMessage(client).command != "001":
            pass
        case.getMessages(client)
        case.sendLine(client, "REGISTER * * :" + password)
        replies = case.getMessages(client)
        assert any(
            m.command == "REGISTER" and m.params[0] == "SUCCESS" for m in replies
        ), replies
        case.sendLine(client, "QUIT")
        case.assertDisconnected(client)


def get_irctest_controller_class() -> Type[ParleyController]:
    return ParleyController
