//! A PostgreSQL server of a test's own, for what the shared test server cannot show: TLS on
//! TCP, and the server going away and coming back under load. Debian's server binaries (their
//! directory in `HYCTL_TEST_PG_BINDIR`, which `scripts/with-postgres.sh` sets), a fresh cluster
//! in a temporary directory owned by a non-root user, loopback TCP on a free port, fsync on.
//! Without the variable a test says it was skipped, except under `CI=true`.

use std::path::{Path, PathBuf};
use std::process::Output;

use hy_central::pg::Target;
use tempfile::TempDir;
use tokio::process::Command;

use crate::central::fixture;

/// The variable naming the directory of `initdb`, `pg_ctl` and `postgres`.
pub const BINDIR_ENV: &str = "HYCTL_TEST_PG_BINDIR";

/// A running PostgreSQL server, stopped (immediately) when dropped.
#[derive(Debug)]
pub struct PgCluster {
    /// Loopback TCP port it listens on.
    pub port: u16,
    /// True when it serves TLS with the fixture certificate and refuses plaintext over TCP.
    pub tls: bool,
    bindir: PathBuf,
    dir: TempDir,
    /// `runuser -u postgres --` when the tests run as root (initdb and postgres refuse root).
    prefix: Vec<String>,
}

impl PgCluster {
    /// A fresh server, or `None` (after saying so) without the server binaries.
    pub async fn start(test: &str, tls: bool) -> Option<Self> {
        let Some(bindir) = std::env::var_os(BINDIR_ENV).map(PathBuf::from) else {
            assert!(
                std::env::var_os("CI").is_none(),
                "{test}: {BINDIR_ENV} is not set; CI runs the tests through scripts/with-postgres.sh"
            );
            eprintln!(
                "skipped {test}: {BINDIR_ENV} is not set (run it under scripts/with-postgres.sh)"
            );
            return None;
        };
        let dir = tempfile::tempdir().unwrap();
        let root = running_as_root();
        let prefix: Vec<String> = if root {
            ["runuser", "-u", "postgres", "--"]
                .map(String::from)
                .to_vec()
        } else {
            vec![]
        };
        let data = dir.path().join("data");
        let mut cluster = Self {
            port: 0,
            tls,
            bindir,
            dir,
            prefix,
        };
        if root {
            cluster.chown_to_postgres(cluster.dir.path()).await;
        }
        let initdb = cluster.bindir.join("initdb");
        let out = cluster
            .run(
                &initdb,
                &[
                    "-D",
                    path(&data),
                    "-U",
                    "hyctl",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-sync",
                ],
            )
            .await;
        assert!(
            out.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if tls {
            for (from, to) in [("server.pem", "server.crt"), ("server.key", "server.key")] {
                let target = data.join(to);
                std::fs::copy(fixture(from), &target).unwrap();
                use std::os::unix::fs::PermissionsExt as _;
                std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
                if root {
                    cluster.chown_to_postgres(&target).await;
                }
            }
            // TCP only with TLS; the Unix socket (local) stays open for pg_ctl's checks.
            std::fs::write(
                data.join("pg_hba.conf"),
                "local all all trust\nhostssl all all 127.0.0.1/32 trust\n",
            )
            .unwrap();
        }
        cluster.start_again().await;
        Some(cluster)
    }

    /// Starts the server again after [`PgCluster::stop`], on the same port.
    pub async fn start_again(&mut self) {
        // The port is found free here and taken by the server a moment later; another process
        // taking it in between fails the start, and another port is tried.
        for _ in 0..5 {
            let port = if self.port == 0 {
                std::net::TcpListener::bind("127.0.0.1:0")
                    .unwrap()
                    .local_addr()
                    .unwrap()
                    .port()
            } else {
                self.port
            };
            let mut options = format!(
                "-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={} \
                 -c fsync=on -c max_connections=100",
                path(self.dir.path())
            );
            if self.tls {
                options.push_str(" -c ssl=on");
            }
            let (data, log) = (
                self.dir.path().join("data"),
                self.dir.path().join("server.log"),
            );
            let pg_ctl = self.bindir.join("pg_ctl");
            let out = self
                .run(
                    &pg_ctl,
                    &[
                        "-D",
                        path(&data),
                        "-l",
                        path(&log),
                        "-w",
                        "-o",
                        &options,
                        "start",
                    ],
                )
                .await;
            if out.status.success() {
                self.port = port;
                return;
            }
            if self.port != 0 {
                break;
            }
        }
        panic!(
            "PostgreSQL did not start: {}",
            std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default()
        );
    }

    /// Stops the server: `fast` (clients told, a clean shutdown) or `immediate` (as a crash:
    /// recovery from the WAL at the next start).
    pub async fn stop(&self, mode: &str) {
        let pg_ctl = self.bindir.join("pg_ctl");
        let data = self.dir.path().join("data");
        let out = self
            .run(&pg_ctl, &["-D", path(&data), "-m", mode, "-w", "stop"])
            .await;
        assert!(
            out.status.success(),
            "pg_ctl stop: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The URL of database `dbname` over TCP, with `query` (such as `sslmode=...`) appended.
    pub fn url(&self, dbname: &str, query: &str) -> String {
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("postgresql://hyctl@127.0.0.1:{}/{dbname}{query}", self.port)
    }

    /// A target for database `dbname` (TLS verified by the fixture CA when the server has it).
    pub fn target(&self, dbname: &str) -> Target {
        let target = Target::parse(&self.url(dbname, ""), None).unwrap();
        if self.tls {
            target.with_ca_file(&fixture("ca.pem")).unwrap()
        } else {
            target
        }
    }

    async fn run(&self, program: &Path, args: &[&str]) -> Output {
        let mut cmd = match self.prefix.split_first() {
            Some((first, rest)) => {
                let mut cmd = Command::new(first);
                cmd.args(rest).arg(program);
                cmd
            }
            None => Command::new(program),
        };
        cmd.args(args).kill_on_drop(true).output().await.unwrap()
    }

    async fn chown_to_postgres(&self, path: &Path) {
        let out = Command::new("chown")
            .args(["postgres:", self::path(path)])
            .output()
            .await
            .unwrap();
        assert!(
            out.status.success(),
            "chown: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let pg_ctl = self.bindir.join("pg_ctl");
        let mut cmd = match self.prefix.split_first() {
            Some((first, rest)) => {
                let mut cmd = std::process::Command::new(first);
                cmd.args(rest).arg(pg_ctl);
                cmd
            }
            None => std::process::Command::new(pg_ctl),
        };
        let _ = cmd
            .args(["-D", path(&data), "-m", "immediate", "stop"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false)
}
