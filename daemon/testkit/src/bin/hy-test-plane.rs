//! `hy-test-plane`: the node runtime's test data plane ([`hy_testkit::plane`]) as a process,
//! so tests can SIGKILL it. Prints one JSON line on stdout once it listens:
//! `{"plane":"127.0.0.1:PORT","http":"127.0.0.1:PORT"}`. Test-only; never installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use clap::Parser;
use hy_node::NodeArgs;
use hy_node::config::parse_interval;

#[derive(Debug, Parser)]
struct Args {
    #[command(flatten)]
    node: NodeArgs,
    /// How often the runtime takes the sessions' counters
    #[arg(long, default_value = "50ms", value_parser = parse_interval)]
    interval_collect: Duration,
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    hy_common::telemetry::init(args.node.log_format);
    let mut config = args.node.load(hy_testkit::plane::KIND)?;
    config.interval_collect = args.interval_collect;
    // Signals are handled before the addresses are printed: a test may stop it at once.
    let shutdown = tokio_util::sync::CancellationToken::new();
    hy_common::shutdown::on_signal(shutdown.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let http = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!(
        "{}",
        serde_json::json!({
            "plane": listener.local_addr()?.to_string(),
            "http": http.local_addr()?.to_string(),
        })
    );
    hy_testkit::plane::run(config, listener, http, shutdown).await
}
