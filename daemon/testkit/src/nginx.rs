//! A real nginx with the RTMP module (Debian's `nginx` and `libnginx-mod-rtmp`), started in
//! the foreground on a loopback port with its configuration, logs and pid in a temporary
//! directory. Tests that need it skip without it outside CI and fail under `CI=true` (CI
//! installs both; see scripts/ci.sh).

use std::net::SocketAddr;
use std::process::Stdio;
use std::time::Duration;

use tokio::process::{Child, Command};

/// Where Debian puts the module.
const MODULE: &str = "/usr/lib/nginx/modules/ngx_rtmp_module.so";

/// A running nginx; it is killed when this is dropped.
#[derive(Debug)]
pub struct Nginx {
    /// Where it accepts RTMP.
    pub rtmp: SocketAddr,
    child: Child,
    _dir: tempfile::TempDir,
}

fn binary() -> Option<String> {
    crate::browser::found("nginx").or_else(|| {
        let sbin = "/usr/sbin/nginx";
        std::path::Path::new(sbin)
            .is_file()
            .then(|| sbin.to_owned())
    })
}

impl Nginx {
    /// Starts nginx serving RTMP with one application, `app`, configured by `directives`
    /// (`on_play http://...;` and the like), or `None` (after saying why) when nginx or its
    /// RTMP module is not installed outside CI.
    pub async fn start_rtmp(test: &str, app: &str, directives: &str) -> Option<Self> {
        let found = binary().filter(|_| std::path::Path::new(MODULE).is_file());
        let Some(nginx) = found else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{test}: nginx and libnginx-mod-rtmp must be installed in CI (scripts/ci.sh does)"
            );
            eprintln!("{test}: skipped, nginx or its RTMP module is not installed");
            return None;
        };
        // nginx takes a port number, not a listening socket: a free one is picked, and
        // another if something took it before nginx bound it.
        for _ in 0..5 {
            let dir = tempfile::tempdir().unwrap();
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let rtmp: SocketAddr = ([127, 0, 0, 1], port).into();
            let conf = format!(
                "load_module {MODULE};\n\
                 daemon off;\nmaster_process off;\nworker_processes 1;\n\
                 pid {dir}/nginx.pid;\nerror_log {dir}/error.log info;\n\
                 events {{ worker_connections 64; }}\n\
                 rtmp {{ server {{ listen {rtmp}; application {app} {{ live on; {directives} }} }} }}\n",
                dir = dir.path().display(),
            );
            let path = dir.path().join("nginx.conf");
            std::fs::write(&path, conf).unwrap();
            let mut child = Command::new(&nginx)
                .arg("-p")
                .arg(dir.path())
                .arg("-c")
                .arg(&path)
                .arg("-e")
                .arg(dir.path().join("error.log"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .expect("nginx starts");
            let up = tokio::time::timeout(Duration::from_secs(10), async {
                loop {
                    if let Ok(Some(_)) = child.try_wait() {
                        return false;
                    }
                    if tokio::net::TcpStream::connect(rtmp).await.is_ok() {
                        return true;
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            })
            .await
            .unwrap_or(false);
            if up {
                return Some(Self {
                    rtmp,
                    child,
                    _dir: dir,
                });
            }
            let log = std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default();
            assert!(
                log.contains("Address already in use"),
                "{test}: nginx did not start:\n{log}"
            );
        }
        panic!("{test}: no free port for nginx after 5 tries");
    }

    /// nginx's error log so far (`info` level: every notification it made and its answer).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self._dir.path().join("error.log")).unwrap_or_default()
    }

    /// Stops nginx.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}
