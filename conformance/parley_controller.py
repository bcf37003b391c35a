"""irctest controller for Parley.

irctest (https://github.com/progval/irctest) starts the server under test once per test case
through a controller. This one writes a Parley config file into the test's temporary directory
and runs the server from the project's runnable jar. Point PARLEY_JAR at another jar to test it.
"""

import os
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
    - "{hostname}:{port}"
auth:
  server-password: "{password}"
  operators:
    - name: operuser
      password: operpassword
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


class ParleyController(BaseServerController, DirectoryBasedController):
    software_name = "Parley"
    supported_sasl_mechanisms: Set[str] = set()
    supports_sts = False

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
        if ssl:
            raise NotImplementedByController("TLS")
        if websocket_hostname is not None or websocket_port is not None:
            raise NotImplementedByController("Websocket")
        if run_services:
            raise NotImplementedByController("Services")
        assert self.proc is None
        self.port = port
        self.hostname = hostname
        self.create_config()
        assert self.directory
        with self.open_file("parley.yaml") as fd:
            fd.write(
                CONFIG.format(
                    hostname=hostname,
                    port=port,
                    password=password or "",
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


def get_irctest_controller_class() -> Type[ParleyController]:
    return ParleyController
