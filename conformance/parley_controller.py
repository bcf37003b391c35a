"""irctest controller for Parley.

irctest (https://github.com/progval/irctest) starts the server under test once per test case
through a controller. This one writes a Parley config file into the test's temporary directory
and runs the server from the project's runnable jar. Point PARLEY_JAR at another jar to test it.
"""

import os
import socket
import subprocess
from pathlib import Path
from typing import Optional, Set, Type

from irctest.basecontrollers import BaseServerController, DirectoryBasedController
from irctest.runner import NotImplementedByController

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
history:
  enabled: true
limits:
  nick-length: 32
  flood:
    enabled: false
  connections:
    exempt-loopback: true
"""


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


class ParleyController(BaseServerController, DirectoryBasedController):
    software_name = "Parley"
    supported_sasl_mechanisms: Set[str] = {"PLAIN"}
    supports_sts = False
    # Mute extbans are m:nick!user@host, with no prefix (ISUPPORT EXTBAN=,am).
    extban_mute_char = "m"

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
        registration = (
            "before-connect"
            if self.test_config.account_registration_before_connect
            else "after-connect"
        )
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
        http_listen = ""
        if websocket_hostname is not None and websocket_port is not None:
            http_listen = f'"{websocket_hostname}:{websocket_port}"'
        with self.open_file("parley.yaml") as fd:
            fd.write(
                CONFIG.format(
                    plain_listen=plain_listen,
                    tls_listen=tls_listen,
                    http_listen=http_listen,
                    certificate=certificate,
                    private_key=private_key,
                    password=password or "",
                    registration=registration,
                    always_on=always_on_default(self.test_config),
                    data_dir=self.directory / "data",
                )
            )
        self.proc = self.execute(
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
                str(self.directory / "parley.yaml"),
                "--insecure-defaults",
            ]
        )

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
