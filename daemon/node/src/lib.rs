//! hyctl's node runtime: what every data plane's node needs, written once and knowing no data
//! plane. It keeps the user list current (long poll, backstop fetch, last good list on disk so
//! a restart with central down still admits the right users), decides each connection attempt
//! from memory ([`decide`]), counts traffic exactly once through a durable spool, closes the
//! connections of users who lose access, shares device counts across nodes, and serves
//! `/healthz`, `/readyz` and `/metrics`.
//!
//! An adapter (`hy-hysteria` for `hyctl agent`) translates its protocol into an [`Attempt`]
//! and the [`Decision`] back, implements [`Plane`] for an external data plane or uses
//! [`Sessions`] for one that moves the bytes itself, and calls [`Node::start`] and
//! [`Node::stop`] around its own listener.

pub mod admissions;
pub mod authlog;
pub mod backoff;
pub mod config;
pub mod decide;
pub mod devices;
pub mod enforce;
pub mod every;
pub mod http;
pub mod metrics;
pub mod plane;
pub mod report;
pub mod sessions;
pub mod spool;
pub mod state;
pub mod status;
pub mod sync;
pub mod table;

use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use hy_api::client::{Client, ClientConfig};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub use config::{NodeArgs, NodeConfig, NodeKind};
pub use decide::{Admit, Attempt, Decision, Outcome, Refusal, Resource, decide};
pub use plane::{Online, Plane, PlaneError};
pub use sessions::{Counted, Session, Sessions};
pub use state::NodeState;

/// Bound on the final report attempt at shutdown.
const FINAL_REPORT_TIMEOUT: Duration = Duration::from_secs(5);

/// A running node: its loops, its state and its plane.
#[derive(Debug)]
pub struct Node<P> {
    state: NodeState,
    plane: Arc<P>,
    traffic: report::Traffic,
    loops: CancellationToken,
    tasks: TaskTracker,
}

impl<P: Plane> Node<P> {
    /// Opens the state directory and spool, loads the last good list, and starts the loops:
    /// list sync (long poll and backstop), traffic collection and reports, the enforcer.
    pub async fn start(config: NodeConfig, plane: P) -> anyhow::Result<Self> {
        let state_dir = config.state_dir.clone();
        let spool = tokio::task::spawn_blocking(move || -> anyhow::Result<spool::Spool> {
            std::fs::create_dir_all(&state_dir).with_context(|| {
                format!("could not create state directory {}", state_dir.display())
            })?;
            std::fs::set_permissions(&state_dir, std::fs::Permissions::from_mode(0o700))
                .with_context(|| {
                    format!("could not restrict state directory {}", state_dir.display())
                })?;
            Ok(spool::Spool::open(&state_dir)?)
        })
        .await??;

        let mut client_config = ClientConfig::new("http://unused.invalid");
        client_config.ca_file = config.central_ca.clone();
        client_config.user_agent = config.kind.user_agent;
        client_config.node_kind = Some(config.kind.kind);
        client_config.timeout = Duration::from_secs(15);
        let client = Client::new(&client_config)?;

        let mut state = NodeState::new(
            &label(config.server_id.expose()),
            plane.name(),
            plane.display(),
            config.kind.metrics_prefix,
        );
        state.ready_max_list_age = config.ready_max_list_age;
        if let Some(registry) = state.metrics.registry_mut() {
            plane.register_metrics(registry);
        }
        // Cumulative counters resume from what was spooled before this start.
        plane.restore_marks(&spool.state().marks);
        let plane = Arc::new(plane);
        let syncer = Arc::new(sync::Syncer::new(
            client.clone(),
            config.list_url.clone(),
            &state,
            &config.state_dir,
        ));
        syncer.load_saved()?;
        let traffic = report::Traffic::new(
            state.clone(),
            client.clone(),
            config.report_url.clone(),
            spool,
        );
        let enforcer = enforce::Enforcer {
            state: state.clone(),
            plane: Arc::clone(&plane),
            client,
            devices_url: config.devices_url.clone(),
            sessions_url: config.sessions_url.clone(),
            sessions_sent: Default::default(),
        };

        let loops = CancellationToken::new();
        let tasks = TaskTracker::new();
        {
            let (s, t) = (Arc::clone(&syncer), loops.clone());
            tasks.spawn(async move { s.run_long_poll(t).await });
            let (s, t) = (Arc::clone(&syncer), loops.clone());
            let every = config.interval_list;
            tasks.spawn(async move { s.run_interval(every, t).await });
        }
        tasks.spawn(enforcer.run(config.interval_close, loops.clone()));
        tasks.spawn(traffic.clone().run_collector(
            Arc::clone(&plane),
            config.interval_collect,
            loops.clone(),
        ));
        tasks.spawn(
            traffic
                .clone()
                .run_reporter(config.interval_report, loops.clone()),
        );
        tasks.close();
        tracing::info!(
            server = %state.label, central = %config.central_label, plane = plane.display(),
            "node runtime started"
        );
        Ok(Self {
            state,
            plane,
            traffic,
            loops,
            tasks,
        })
    }

    /// The shared state, for the adapter's handlers.
    pub fn state(&self) -> &NodeState {
        &self.state
    }

    /// The plane, for the adapter's handlers.
    pub fn plane(&self) -> &Arc<P> {
        &self.plane
    }

    /// `/healthz`, `/readyz` and `/metrics`, to merge into the adapter's router.
    pub fn router(&self) -> axum::Router {
        http::router(self.state.clone(), self.plane.name())
    }

    /// Stops the loops, takes the plane's traffic one last time and makes one last report
    /// attempt; what central does not acknowledge stays in the spool for the next start. The
    /// adapter keeps serving its plane until this returns: the plane may still call.
    pub async fn stop(self) {
        self.loops.cancel();
        self.tasks.wait().await;
        tracing::info!("stopping: collecting the plane's counters and reporting one last time");
        self.traffic.collect(&*self.plane).await;
        if tokio::time::timeout(FINAL_REPORT_TIMEOUT, self.traffic.report())
            .await
            .is_err()
        {
            tracing::warn!(
                "final report timed out; the spool keeps the traffic for the next start"
            );
        }
    }
}

/// Server ids are credentials: logs show a 4-character prefix.
pub fn label(server_id: &str) -> String {
    format!("{}…", server_id.chars().take(4).collect::<String>())
}
