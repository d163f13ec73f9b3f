//! `hy-bench`: measures hyctl's daemons where the brief sets goals (auth hot path, reconnect
//! storm, sync, ingest, propagation, memory) and prints each figure beside its goal.
//!
//! Central and agents run as real `hyctl` processes (release build, given as the first
//! argument), so memory and CPU are theirs alone; load comes from this process over loopback.
//! Machines here are shared and noisy: the auth hot path is compared with a minimal axum server
//! (a child of this process) measured in the same run, alternating, and medians are reported.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::Parser;
use clap::builder::PossibleValuesParser;
use hy_api::Traffic;
use hy_api::client::{Client, ClientConfig};
use hy_api::node::TrafficBatch;
use hy_api::users::{CreateUser, CreateUsers};
use hy_testkit::FakeHysteria;

const SECRET: &str = "bench-api-secret";

/// Scenario names for `--only`.
const SCENARIOS: [&str; 10] = [
    "sync",
    "panel",
    "stream",
    "memory",
    "auth",
    "storm",
    "propagation",
    "ingest",
    "memory-1m",
    "postgres",
];

mod postgres;
mod stream;

/// A daemon process and the address it listens on.
struct Daemon {
    child: Child,
    addr: String,
}

impl Daemon {
    fn spawn(bin: &Path, args: &[String], ready: &str) -> Result<Self> {
        let mut child = Command::new(bin)
            .args(args)
            .env(
                "RUST_LOG",
                "warn,hy_central=info,hy_node=info,hy_hysteria=info,hy_stream=info",
            )
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .with_context(|| format!("could not start {}", bin.display()))?;
        let mut lines = BufReader::new(child.stderr.take().context("stderr")?).lines();
        let addr = loop {
            let Some(line) = lines.next() else {
                bail!("{} exited before listening", args[0])
            };
            let event: serde_json::Value = serde_json::from_str(&line?).unwrap_or_default();
            if event["message"]
                .as_str()
                .unwrap_or_default()
                .starts_with(ready)
            {
                break event["addr"].as_str().context("addr")?.to_owned();
            }
        };
        std::thread::spawn(move || for _ in lines {});
        Ok(Self { child, addr })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory, MiB.
    fn rss_mib(&self) -> f64 {
        self.status_mib("VmRSS:")
    }

    /// Peak resident memory since start, MiB.
    fn peak_rss_mib(&self) -> f64 {
        self.status_mib("VmHWM:")
    }

    fn status_mib(&self, field: &str) -> f64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap_or_default();
        let kib: f64 = status
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        kib / 1024.0
    }

    /// CPU time used so far (user + system), seconds.
    fn cpu_seconds(&self) -> f64 {
        cpu_seconds_of(Path::new(&format!("/proc/{}", self.pid())))
    }
}

/// CPU time (user + system) a process has used so far, seconds, from its `/proc/PID`
/// directory; 0 if it is gone.
fn cpu_seconds_of(proc_dir: &Path) -> f64 {
    let stat = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = Command::new("kill").arg(self.pid().to_string()).status();
        let _ = self.child.wait();
    }
}

/// One row of the results table.
struct Row {
    scenario: &'static str,
    metric: String,
    value: String,
    goal: String,
    met: Option<bool>,
}

fn row(
    rows: &mut Vec<Row>,
    scenario: &'static str,
    metric: &str,
    value: String,
    goal: &str,
    met: Option<bool>,
) {
    println!("  {scenario:<12} {metric:<44} {value:>16}   goal: {goal}");
    rows.push(Row {
        scenario,
        metric: metric.into(),
        value,
        goal: goal.into(),
        met,
    });
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Keep-alive load on one URL from `conns` concurrent clients for `secs`; each request body
/// comes from `body(i)`. Returns (requests/s, sorted latencies in ms, non-200 count).
async fn load(
    url: &str,
    conns: usize,
    secs: f64,
    body: Arc<dyn Fn(u64) -> String + Send + Sync>,
) -> (f64, Vec<f64>, u64) {
    let url = url.to_owned();
    let request: Request = Arc::new(move |client, i| {
        client
            .post(&url)
            .header("content-type", "application/json")
            .body(body(i))
    });
    load_with(conns, secs, request).await
}

/// Request `i` of a load run, on the client of its connection.
type Request = Arc<dyn Fn(&reqwest::Client, u64) -> reqwest::RequestBuilder + Send + Sync>;

/// [`load`] with any request: `request(client, i)`.
async fn load_with(conns: usize, secs: f64, request: Request) -> (f64, Vec<f64>, u64) {
    let stop = Arc::new(AtomicBool::new(false));
    let failures = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for c in 0..conns {
        let (stop, failures, request) = (
            Arc::clone(&stop),
            Arc::clone(&failures),
            Arc::clone(&request),
        );
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::builder()
                .pool_max_idle_per_host(1)
                .build()
                .unwrap();
            let mut latencies = Vec::new();
            let mut i = c as u64;
            while !stop.load(Ordering::Relaxed) {
                let started = Instant::now();
                let resp = request(&client, i).send().await;
                match resp {
                    Ok(r) if r.status() == 200 => {
                        let _ = r.bytes().await;
                    }
                    _ => {
                        failures.fetch_add(1, Ordering::Relaxed);
                    }
                }
                latencies.push(started.elapsed().as_secs_f64() * 1000.0);
                i += conns as u64;
            }
            latencies
        }));
    }
    tokio::time::sleep(Duration::from_secs_f64(secs)).await;
    stop.store(true, Ordering::Relaxed);
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all.sort_by(f64::total_cmp);
    (
        all.len() as f64 / secs,
        all,
        failures.load(Ordering::Relaxed),
    )
}

/// The web panel's pages at full size: signed in with the admin token, each page fetched
/// `rounds * 4` times one after another; the median time to the whole page (on loopback, so
/// nearly all of it is central's).
async fn panel_rows(
    rows: &mut Vec<Row>,
    url: &str,
    token: &str,
    users: usize,
    rounds: usize,
) -> Result<()> {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let resp = http
        .post(format!("{url}/panel/login"))
        .form(&[("token", token)])
        .send()
        .await?;
    let cookie = resp
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .context("the panel signs the benchmark in")?
        .to_owned();
    let last = user_id(users - 1);
    let pages = [
        ("/panel/users", "users page, first of 50", 200.0),
        (
            &*format!("/panel/users?q={last}"),
            "users search, one match",
            300.0,
        ),
        ("/panel/users?q=user01", "users search, many matches", 300.0),
        (
            "/panel/users?state=limited",
            "users filtered, none match",
            300.0,
        ),
        (
            "/panel/users?sort=usage",
            "users sorted by usage, first page",
            200.0,
        ),
        ("/panel", "overview", 100.0),
    ];
    for (path, what, goal_ms) in pages {
        let mut times = Vec::new();
        for _ in 0..rounds * 4 {
            let started = Instant::now();
            let resp = http
                .get(format!("{url}{path}"))
                .header("cookie", &cookie)
                .send()
                .await?;
            anyhow::ensure!(resp.status() == 200, "{path}: {}", resp.status());
            resp.bytes().await?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        let ms = median(times);
        row(
            rows,
            "panel",
            &format!("{what}, {users} users"),
            format!("{ms:.1} ms"),
            &format!("< {goal_ms:.0} ms"),
            Some(ms < goal_ms),
        );
    }
    Ok(())
}

/// The id and secret of benchmark user `i`.
fn user_id(i: usize) -> String {
    format!("user{i:06}")
}

fn user_secret(i: usize) -> String {
    format!("bench-secret-{i:010}")
}

/// Creates users `range` on central, 5,000 per request.
async fn create_users(api: &Client, range: std::ops::Range<usize>) -> Result<()> {
    for chunk in range.collect::<Vec<_>>().chunks(5000) {
        let users = chunk
            .iter()
            .map(|&i| CreateUser {
                id: user_id(i),
                secret: Some(user_secret(i).into()),
                // Every user has a quota, as on a fleet that sells plans: the list carries
                // what remains of it, and each report checks it. Never reached here.
                settings: hy_api::users::UserSettings {
                    data_limit: Some(1 << 40),
                    ..Default::default()
                },
            })
            .collect();
        api.create_users(&CreateUsers {
            users,
            skip_existing: false,
        })
        .await?;
    }
    Ok(())
}

/// Central's writer so far: seconds spent writing report groups, groups, reports in them.
async fn writer_totals(url: &str, token: &str) -> Result<[f64; 3]> {
    let text = reqwest::Client::new()
        .get(format!("{url}/metrics"))
        .bearer_auth(token)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    let value = |suffix: &str| {
        text.lines()
            .find(|l| {
                l.split_whitespace()
                    .next()
                    .is_some_and(|n| n.ends_with(suffix))
            })
            .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            .unwrap_or(0.0)
    };
    Ok([
        value("report_write_seconds_sum"),
        value("report_write_seconds_count"),
        value("report_group_reports_sum"),
    ])
}

/// A new server with users `0..n` assigned.
async fn server_with_users(api: &Client, n: usize) -> Result<String> {
    let server = api.create_server(&Default::default()).await?.id;
    for chunk in (0..n).map(user_id).collect::<Vec<_>>().chunks(10_000) {
        api.assign(&server, chunk).await?;
    }
    Ok(server)
}

/// Waits until `agent` has `users` users and has saved the list (written atomically: present
/// means complete), so memory is measured in the steady state, not while the fetch's buffers
/// are alive. Returns the seconds until the list was loaded.
async fn loaded(http: &reqwest::Client, agent: &Daemon, state: &Path, users: usize) -> Result<f64> {
    let health = format!("http://{}/healthz", agent.addr);
    let t = Instant::now();
    loop {
        let h: serde_json::Value = http.get(&health).send().await?.json().await?;
        if h["list"]["users"].as_u64() == Some(users as u64) {
            break;
        }
        if t.elapsed() > Duration::from_secs(600) {
            bail!("the agent never got the list of {users}: {h}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let secs = t.elapsed().as_secs_f64();
    while !state.join("users.json").exists() {
        if t.elapsed() > Duration::from_secs(600) {
            bail!("the agent never saved its list");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(secs)
}

/// What [`measure_sync`] found.
struct SyncFigures {
    full_ms: f64,
    size: usize,
    cpu_ms: f64,
    /// The same for the database server's processes (PostgreSQL; 0 for SQLite, in central).
    db_cpu_ms: f64,
    median_ms: f64,
}

/// A full list `rounds` times (the median), then 2,000 unchanged polls (304) with the CPU they
/// cost central and, by `db_cpu` (CPU seconds so far), the database server.
async fn measure_sync(
    http: &reqwest::Client,
    central: &Daemon,
    list_url: &str,
    rounds: usize,
    db_cpu: fn() -> f64,
) -> Result<SyncFigures> {
    let mut full = Vec::new();
    let mut size = 0;
    let mut etag = String::new();
    for _ in 0..rounds {
        let t = Instant::now();
        let resp = http.get(list_url).send().await?;
        etag = resp.headers()["etag"].to_str()?.to_owned();
        size = resp.bytes().await?.len();
        full.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let polls = 2000;
    let (cpu0, db0) = (central.cpu_seconds(), db_cpu());
    let mut lat = Vec::new();
    for _ in 0..polls {
        let t = Instant::now();
        let r = http
            .get(list_url)
            .header("if-none-match", &etag)
            .send()
            .await?;
        assert_eq!(r.status(), 304);
        lat.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(SyncFigures {
        full_ms: median(full),
        size,
        cpu_ms: (central.cpu_seconds() - cpu0) * 1000.0 / polls as f64,
        db_cpu_ms: (db_cpu() - db0) * 1000.0 / polls as f64,
        median_ms: median(lat),
    })
}

fn sync_rows(rows: &mut Vec<Row>, scenario: &'static str, users: usize, sync: &SyncFigures) {
    row(
        rows,
        scenario,
        &format!("full list of {users} users"),
        format!(
            "{:.0} ms, {:.1} MiB",
            sync.full_ms,
            sync.size as f64 / 1048576.0
        ),
        "< 100 ms",
        Some(sync.full_ms < 100.0),
    );
    row(
        rows,
        scenario,
        "unchanged poll (304): central CPU per poll",
        format!("{:.3} ms", sync.cpu_ms),
        "< 1 ms",
        Some(sync.cpu_ms < 1.0),
    );
    row(
        rows,
        scenario,
        "unchanged poll (304): median latency",
        format!("{:.2} ms", sync.median_ms),
        "-",
        None,
    );
}

/// Sends every batch (8 in flight, as many nodes reporting at once) and returns the seconds
/// the round took and each report's latency in ms, sorted.
async fn ingest_round(
    node: &Client,
    servers: &[String],
    batches: Vec<TrafficBatch>,
) -> Result<(f64, Vec<f64>)> {
    let t = Instant::now();
    let sem = Arc::new(tokio::sync::Semaphore::new(8));
    let mut tasks = Vec::new();
    for (batch, s) in batches.into_iter().zip(servers) {
        let (node, sem, s) = (node.clone(), Arc::clone(&sem), s.clone());
        tasks.push(tokio::spawn(async move {
            let _permit = sem.acquire().await.unwrap();
            let t = Instant::now();
            assert!(node.report(&s, &batch).await.unwrap().applied);
            t.elapsed().as_secs_f64() * 1000.0
        }));
    }
    let mut lat = Vec::new();
    for task in tasks {
        lat.push(task.await?);
    }
    let secs = t.elapsed().as_secs_f64();
    lat.sort_by(f64::total_cmp);
    Ok((secs, lat))
}

/// Round `seq` of the ingest scenario: node `n`'s report of `per_report` users, spread over
/// the whole user table (stride 97), as on a real fleet, not the same few pages for every node.
fn ingest_batches(seq: u64, nodes: usize, per_report: usize, users: usize) -> Vec<TrafficBatch> {
    (0..nodes)
        .map(|node| {
            let report = (0..per_report)
                .map(|i| {
                    (
                        user_id((node * per_report + i * 97) % users),
                        Traffic {
                            tx: 1000 + i as u64,
                            rx: 5000,
                        },
                    )
                })
                .collect();
            TrafficBatch::new("bench", seq, report)
        })
        .collect()
}

/// The SQLite central's ingest servers, for the PostgreSQL scenario's rounds beside SQLite's.
struct SqliteIngest {
    node: Client,
    ids: Vec<String>,
    db: PathBuf,
    /// Rows/s of the new node's first report, in the ingest scenario.
    first: f64,
}

impl SqliteIngest {
    /// The next hour boundary on the SQLite side (see [`sqlite_next_hour`]).
    fn next_hour(&self) -> Result<()> {
        sqlite_next_hour(&self.db)
    }

    /// One round of reports numbered `seq`; returns rows/s.
    async fn round(&self, seq: u64, nodes: usize, per_report: usize, users: usize) -> Result<f64> {
        let batches = ingest_batches(seq, nodes, per_report, users);
        let (secs, _) = ingest_round(&self.node, &self.ids, batches).await?;
        Ok((nodes * per_report) as f64 / secs)
    }
}

/// An hour boundary without waiting for one: the current hour's buckets become the last
/// hour's, open, with the closed-hours mark at them, as the clock would have made them (older
/// hours are dropped, so repeated boundaries neither collide nor grow the table). Written
/// beside central (SQLite locks make that safe; central caches nothing of this table) and
/// checkpointed, so the next round does not pay for this rewrite.
fn sqlite_next_hour(db: &Path) -> Result<()> {
    let c = rusqlite::Connection::open(db)?;
    c.busy_timeout(Duration::from_secs(60))?;
    c.execute_batch(
        "DELETE FROM traffic_hourly WHERE hour < (SELECT MAX(hour) FROM traffic_hourly);
         UPDATE traffic_hourly SET hour = hour - 1, closed = 0;
         UPDATE history_rollup SET closed_before = (SELECT MAX(hour) FROM traffic_hourly)
             WHERE EXISTS (SELECT 1 FROM traffic_hourly);",
    )?;
    c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// The ingest rounds: a new node's first report (every row new: lifetime pair and hourly
/// bucket), the first report of an hour (new buckets only), the next interval (the same rows
/// updated), the steady state: 359 of 360 reports an hour.
const INGEST_ROUNDS: [(u64, &str); 3] = [
    (1, "new node's first"),
    (2, "first of an hour"),
    (3, "next interval"),
];

/// Creates a user on every one of `servers`, waits until each of `agents` admits it, deletes
/// it (through `api`) and measures until every agent refuses it; `rounds` times. Returns the
/// sorted samples in ms.
async fn propagation(
    http: &reqwest::Client,
    api: &Client,
    servers: &[String],
    agents: &[Daemon],
    rounds: usize,
) -> Result<Vec<f64>> {
    let mut samples = Vec::new();
    for round in 0..rounds {
        let uid = format!("victim{round}");
        let sec = format!("victim-secret-{round:04}");
        api.create_user(&CreateUser {
            id: uid.clone(),
            secret: Some(sec.as_str().into()),
            ..Default::default()
        })
        .await?;
        for s in servers {
            api.assign(s, std::slice::from_ref(&uid)).await?;
        }
        let body = format!(r#"{{"addr":"203.0.113.7:1","auth":"{sec}","tx":0}}"#);
        for a in agents {
            let u = format!("http://{}/", a.addr);
            while http.post(&u).body(body.clone()).send().await?.status() != 200 {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
        let t = Instant::now();
        api.delete_user(&uid).await?;
        let waits = agents.iter().map(|a| {
            let (http, u, body) = (http.clone(), format!("http://{}/", a.addr), body.clone());
            tokio::spawn(async move {
                while http
                    .post(&u)
                    .body(body.clone())
                    .send()
                    .await
                    .map(|r| r.status() == 200)
                    .unwrap_or(true)
                {
                    tokio::time::sleep(Duration::from_millis(2)).await;
                }
                t.elapsed().as_secs_f64() * 1000.0
            })
        });
        for w in waits.collect::<Vec<_>>() {
            samples.push(w.await?);
        }
    }
    samples.sort_by(f64::total_cmp);
    Ok(samples)
}

/// The baseline: the same fixed 200 JSON from a minimal axum handler, in a child process.
async fn serve_baseline() -> Result<()> {
    use axum::routing::post;
    let app = axum::Router::new().route(
        "/",
        post(|_: axum::body::Bytes| async {
            (
                [("content-type", "application/json")],
                r#"{"ok":true,"id":"user000001"}"#,
            )
        })
        // Flussonic's side: a GET answered 200 with the headers an allow carries.
        .get(|| async {
            (
                [
                    ("x-authduration", "180"),
                    ("x-userid", "user000001"),
                ],
                "",
            )
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    eprintln!(
        "{}",
        serde_json::json!({"message": "baseline listening", "addr": listener.local_addr()?.to_string()})
    );
    axum::serve(listener, app).await?;
    Ok(())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpu
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU", |(_, m)| m.trim())
        .to_owned();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = mem
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
        / 1024.0;
    format!("{cores} cores ({model}), {mem_gib:.0} GiB RAM, shared")
}

/// Benchmarks of hyctl's daemons on loopback, each figure beside its goal. Usually run as
/// `scripts/bench.sh`, which builds release binaries first.
#[derive(Parser)]
#[command(name = "hy-bench")]
struct Args {
    /// The release `hyctl` binary to measure.
    #[arg(required_unless_present = "serve_baseline")]
    hyctl: Option<PathBuf>,
    /// Smaller sizes (20,000 users, 100 nodes, 3 runs): a couple of minutes.
    #[arg(long)]
    quick: bool,
    /// Only these scenarios (comma-separated); results are printed, not written to --out.
    #[arg(long, value_delimiter = ',', value_parser = PossibleValuesParser::new(SCENARIOS))]
    only: Option<Vec<String>>,
    /// Write the results, with the machine's description, to this file. Its text from
    /// "## How to read this" on is kept.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Serve the baseline handler (the auth scenario starts this binary so).
    #[arg(long, hide = true)]
    serve_baseline: bool,
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<()> {
    let Args {
        hyctl,
        quick,
        only,
        out,
        serve_baseline: baseline,
    } = Args::parse();
    if baseline {
        return serve_baseline().await;
    }
    let bin = hyctl.context("the path of a release hyctl binary is required")?;
    let want = |name: &str| only.as_ref().is_none_or(|o| o.iter().any(|n| n == name));
    // A partial run must not replace the full results.
    let out = if only.is_some() {
        if out.is_some() {
            println!("(--only: results are printed, not written to a file)");
        }
        None
    } else {
        out
    };
    let users: usize = if quick { 20_000 } else { 100_000 };
    let (nodes, per_report) = if quick { (100, 1000) } else { (1000, 1000) };
    let rounds = if quick { 3 } else { 5 };
    let mut rows = Vec::new();
    println!("hyctl benchmarks on {}; {users} users", machine());

    // Central, with `users` users all assigned to one server.
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("central.db");
    let central_args = [
        "central",
        "--listen",
        "127.0.0.1:0",
        "--log-format",
        "json",
        "--db",
    ]
    .map(String::from);
    let mut cargs = central_args.to_vec();
    cargs.push(db.display().to_string());
    let central = Daemon::spawn(&bin, &cargs, "central listening")?;
    let url = format!("http://{}", central.addr);
    let token = std::fs::read_to_string(dir.path().join("central.db.admin-token"))?
        .trim()
        .to_owned();
    let mut config = ClientConfig::new(&url);
    config.token = Some(token.as_str().into());
    config.timeout = Duration::from_secs(600);
    let api = Client::new(&config)?;
    let node = Client::new(&ClientConfig {
        timeout: Duration::from_secs(600),
        ..ClientConfig::new(&url)
    })?;
    let started = Instant::now();
    create_users(&api, 0..users).await?;
    let server = server_with_users(&api, users).await?;
    println!(
        "  (set-up: {users} users created and assigned in {:.1}s)",
        started.elapsed().as_secs_f64()
    );

    let http = reqwest::Client::new();
    if want("sync") {
        // 3. Sync: a full list, and unchanged polls.
        let sync = measure_sync(
            &http,
            &central,
            &format!("{url}/auth/{server}"),
            rounds,
            || 0.0,
        )
        .await?;
        sync_rows(&mut rows, "sync", users, &sync);
        let cpu_ms = sync.cpu_ms;
        // 1,000 agents every 10 s = 100 polls/s; each costs cpu_ms of a core's 1,000 ms.
        let share = cpu_ms * 100.0 / 1000.0 * 100.0;
        row(
            &mut rows,
            "sync",
            "1,000 agents polling every 10 s: central CPU",
            format!("{share:.2}% of a core"),
            "-",
            None,
        );
    }

    if want("panel") {
        panel_rows(&mut rows, &url, &token, users, rounds).await?;
    }

    if want("stream") {
        stream::rows(&mut rows, &bin, &url, &api, users, quick, rounds).await?;
    }

    // The agent, with the whole list.
    let fake = FakeHysteria::start(SECRET, "http://127.0.0.1:9/").await;
    let agent_args = |server: &str, state: &Path| -> Vec<String> {
        [
            "agent",
            "--server-id",
            server,
            "--central",
            &url,
            "--proxy-server",
            &fake.api_url,
            "--traffic-server",
            &fake.api_url,
            "--secret",
            SECRET,
            "--listen",
            "127.0.0.1:0",
            "--state-dir",
            &state.display().to_string(),
            "--log-format",
            "json",
        ]
        .map(String::from)
        .to_vec()
    };

    if want("memory") || want("auth") || want("storm") {
        let state = tempfile::tempdir()?;
        let agent = Daemon::spawn(&bin, &agent_args(&server, state.path()), "agent listening")?;
        loaded(&http, &agent, state.path(), users).await?;
        let agent_rss = agent.rss_mib();
        row(
            &mut rows,
            "memory",
            &format!("agent RSS, {users} users (list saved)"),
            format!("{agent_rss:.1} MiB"),
            "< 64 MiB at 100k",
            Some(agent_rss < 64.0),
        );
        row(
            &mut rows,
            "memory",
            &format!("agent peak RSS while fetching {users} users"),
            format!("{:.1} MiB", agent.peak_rss_mib()),
            "-",
            None,
        );

        let auth_url = format!("http://{}/", agent.addr);
        if want("auth") {
            // 1. The auth hot path against the baseline, alternating.
            let baseline = Daemon::spawn(
                &std::env::current_exe()?,
                &["--serve-baseline".into()],
                "baseline listening",
            )?;
            let base_url = format!("http://{}/", baseline.addr);
            let n = users as u64;
            let body: Arc<dyn Fn(u64) -> String + Send + Sync> = Arc::new(move |i| {
                format!(
                    r#"{{"addr":"203.0.113.7:40000","auth":"{}","tx":0}}"#,
                    user_secret((i % n) as usize)
                )
            });
            let (
                mut agent_rps,
                mut base_rps,
                mut agent_p99,
                mut base_p99,
                mut agent_p50,
                mut base_p50,
            ) = (vec![], vec![], vec![], vec![], vec![], vec![]);
            let secs = if quick { 2.0 } else { 4.0 };
            for _ in 0..rounds {
                let (rps, lat, fails) = load(&auth_url, 32, secs, Arc::clone(&body)).await;
                assert_eq!(fails, 0, "the agent refused valid users");
                agent_rps.push(rps);
                agent_p50.push(percentile(&lat, 0.5));
                agent_p99.push(percentile(&lat, 0.99));
                let (rps, lat, _) = load(&base_url, 32, secs, Arc::clone(&body)).await;
                base_rps.push(rps);
                base_p50.push(percentile(&lat, 0.5));
                base_p99.push(percentile(&lat, 0.99));
            }
            let ratio = median(agent_rps.clone()) / median(base_rps.clone());
            row(
                &mut rows,
                "auth",
                "agent requests/s (32 keep-alive clients)",
                format!("{:.0}", median(agent_rps)),
                "-",
                None,
            );
            row(
                &mut rows,
                "auth",
                "baseline axum requests/s, same run",
                format!("{:.0}", median(base_rps)),
                "-",
                None,
            );
            row(
                &mut rows,
                "auth",
                "agent / baseline throughput",
                format!("{ratio:.2}"),
                ">= 0.90",
                Some(ratio >= 0.9),
            );
            row(
                &mut rows,
                "auth",
                "agent p50 / p99 latency",
                format!("{:.2} / {:.2} ms", median(agent_p50), median(agent_p99)),
                "-",
                None,
            );
            row(
                &mut rows,
                "auth",
                "baseline p50 / p99 latency",
                format!("{:.2} / {:.2} ms", median(base_p50), median(base_p99)),
                "-",
                None,
            );
            drop(baseline);
        }
        if want("storm") {
            // 2. Reconnect storm: 10,000 distinct users at once.
            let storm = 10_000.min(users);
            let t = Instant::now();
            let client = reqwest::Client::new();
            let sem = Arc::new(tokio::sync::Semaphore::new(512));
            let mut tasks = Vec::new();
            for i in 0..storm {
                let (client, url, sem) = (client.clone(), auth_url.clone(), Arc::clone(&sem));
                tasks.push(tokio::spawn(async move {
                    let _permit = sem.acquire().await.unwrap();
                    let body = format!(
                        r#"{{"addr":"203.0.113.7:{}","auth":"{}","tx":0}}"#,
                        1024 + i % 60000,
                        user_secret(i)
                    );
                    client
                        .post(url)
                        .body(body)
                        .send()
                        .await
                        .map(|r| r.status() == 200)
                        .unwrap_or(false)
                }));
            }
            let mut admitted = 0;
            for task in tasks {
                admitted += usize::from(task.await.unwrap());
            }
            let storm_s = t.elapsed().as_secs_f64();
            assert_eq!(admitted, storm, "every user of the storm is admitted");
            row(
                &mut rows,
                "storm",
                &format!("{storm} distinct users authenticate at once"),
                format!("{:.0} ms", storm_s * 1000.0),
                "< 1 s",
                Some(storm_s < 1.0),
            );
        }
        drop(agent);
    }

    if want("propagation") {
        // 5. Propagation: deleting a user until each of 10 agents refuses it.
        let mut servers = Vec::new();
        let mut agents = Vec::new();
        let mut states = Vec::new();
        for _ in 0..10 {
            let s = api.create_server(&Default::default()).await?.id;
            let st = tempfile::tempdir()?;
            agents.push(Daemon::spawn(
                &bin,
                &agent_args(&s, st.path()),
                "agent listening",
            )?);
            servers.push(s);
            states.push(st);
        }
        let samples = propagation(&http, &api, &servers, &agents, rounds * 2).await?;
        let p99 = percentile(&samples, 0.99);
        row(
            &mut rows,
            "propagation",
            "delete until all 10 agents refuse: p50 / p99",
            format!("{:.0} / {p99:.0} ms", percentile(&samples, 0.5)),
            "p99 < 1 s",
            Some(p99 < 1000.0),
        );
        drop(agents);
    }

    let mut sqlite_ingest = None;
    if want("ingest") {
        // 4. Ingest: `nodes` reports of `per_report` users each.
        let mut ids = Vec::new();
        for _ in 0..nodes {
            ids.push(api.create_server(&Default::default()).await?.id);
        }
        let page_bytes = |db: &Path| -> Result<i64> {
            let c = rusqlite::Connection::open_with_flags(
                db,
                rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
            )?;
            // Pages in use: free pages left by the hour shift below are not growth.
            Ok(c.query_row(
                "SELECT (page_count - freelist_count) * page_size
                 FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()",
                [],
                |r| r.get(0),
            )?)
        };
        let (mut growth, mut first) = (0.0, 0.0);
        for (seq, what) in INGEST_ROUNDS {
            if seq == 2 {
                sqlite_next_hour(&db)?;
            }
            let before = page_bytes(&db)?;
            // Built before the clock starts: on a real fleet the nodes do this, not central's
            // machine.
            let batches = ingest_batches(seq, nodes, per_report, users);
            let writer_before = writer_totals(&url, &token).await?;
            let (secs, lat) = ingest_round(&node, &ids, batches).await?;
            let writer = writer_totals(&url, &token).await?;
            let [busy, groups, grouped] = [0, 1, 2].map(|i| writer[i] - writer_before[i]);
            let rows_per_s = (nodes * per_report) as f64 / secs;
            if seq == 1 {
                first = rows_per_s;
            }
            row(
                &mut rows,
                "ingest",
                &format!("{nodes} reports x {per_report} users, {what}: rows/s"),
                format!("{rows_per_s:.0}"),
                ">= 100,000",
                Some(rows_per_s >= 100_000.0),
            );
            row(
                &mut rows,
                "ingest",
                &format!("report latency p99, {what} (8 in flight)"),
                format!("{:.0} ms", percentile(&lat, 0.99)),
                "-",
                None,
            );
            row(
                &mut rows,
                "ingest",
                &format!("central writer busy / reports per transaction, {what}"),
                format!(
                    "{:.0}% / {:.1}",
                    busy / secs * 100.0,
                    grouped / groups.max(1.0)
                ),
                "-",
                None,
            );
            if seq == 2 {
                growth = (page_bytes(&db)? - before) as f64;
            }
        }
        // Closing the last hour (its buckets join the per-user index), as central's scheduler
        // does two minutes into the next; here through a second connection to the same file.
        let before = page_bytes(&db)?;
        let closer = hy_central::store::Store::Sqlite(hy_central::db::Db::open(&db)?);
        let current_hour = jiff::Timestamp::now().as_second().div_euclid(3600);
        let t = Instant::now();
        let closed = hy_central::schedule::close_past_hours(&closer, current_hour).await?;
        let secs = t.elapsed().as_secs_f64();
        drop(closer);
        growth += (page_bytes(&db)? - before) as f64;
        row(
            &mut rows,
            "ingest",
            &format!(
                "closing an hour of {} buckets: total / longest transaction",
                closed.buckets
            ),
            format!(
                "{secs:.1} s / {:.0} ms ({} transactions)",
                closed.longest.as_secs_f64() * 1000.0,
                closed.transactions
            ),
            "-",
            None,
        );
        let per_day = growth * 24.0 * 1000.0 / nodes as f64 / 1048576.0;
        row(
            &mut rows,
            "ingest",
            "DB growth per day of hourly history, 1000x1000 active",
            format!("{per_day:.0} MiB"),
            "-",
            None,
        );
        let central_rss = central.rss_mib();
        row(
            &mut rows,
            "memory",
            &format!("central RSS, {users} users, {} servers", nodes + 11),
            format!("{central_rss:.1} MiB"),
            "-",
            None,
        );
        sqlite_ingest = Some(SqliteIngest {
            node: node.clone(),
            ids,
            db: db.clone(),
            first,
        });
    }

    // 7. The same on PostgreSQL, with two centrals, the SQLite central idle but for the ingest
    // rounds that run beside PostgreSQL's.
    if want("postgres") {
        std::env::var(postgres::ENV).with_context(|| {
            format!(
                "the postgres scenario needs a PostgreSQL server: {} names it \
                 (scripts/bench.sh runs beside a throwaway one)",
                postgres::ENV
            )
        })?;
        let sizes = postgres::Sizes {
            users,
            nodes,
            per_report,
            rounds,
        };
        postgres::run(&bin, &sizes, sqlite_ingest.as_ref(), &mut rows).await?;
    }

    // 6b. Agent memory with a very large list, last: it adds users to central.
    if want("memory-1m") {
        let big: usize = if quick { 100_000 } else { 1_000_000 };
        let started = Instant::now();
        create_users(&api, users..big).await?;
        let server = server_with_users(&api, big).await?;
        println!(
            "  (set-up: {big} users on one server in {:.1}s)",
            started.elapsed().as_secs_f64()
        );
        let state = tempfile::tempdir()?;
        let agent = Daemon::spawn(&bin, &agent_args(&server, state.path()), "agent listening")?;
        let loaded = loaded(&http, &agent, state.path(), big).await?;
        row(
            &mut rows,
            "memory",
            &format!("agent RSS, {big} users (list saved)"),
            format!("{:.1} MiB", agent.rss_mib()),
            "-",
            None,
        );
        row(
            &mut rows,
            "memory",
            &format!("agent peak RSS while fetching {big} users"),
            format!("{:.1} MiB", agent.peak_rss_mib()),
            "-",
            None,
        );
        row(
            &mut rows,
            "sync",
            &format!("agent start to {big} users loaded"),
            format!("{loaded:.1} s"),
            "-",
            None,
        );
        // A whole new list while the first is in use (a secret rotated): the node holds two
        // tables until the new one replaces the old, which is the peak that matters.
        let health = format!("http://{}/healthz", agent.addr);
        let h: serde_json::Value = http.get(&health).send().await?.json().await?;
        let before = h["list"]["revision"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        api.rotate_secret(&user_id(7)).await?;
        let t = Instant::now();
        loop {
            let h: serde_json::Value = http.get(&health).send().await?.json().await?;
            if h["list"]["revision"].as_str() != Some(before.as_str())
                && h["list"]["users"].as_u64() == Some(big as u64)
            {
                break;
            }
            if t.elapsed() > Duration::from_secs(600) {
                bail!("the agent never got the new list: {h}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let goal = if big >= 1_000_000 {
            "< 256 MiB at 1M"
        } else {
            "-"
        };
        let (rss, peak) = (agent.rss_mib(), agent.peak_rss_mib());
        row(
            &mut rows,
            "memory",
            &format!("agent RSS after a new list of {big} users replaced the first"),
            format!("{rss:.1} MiB"),
            goal,
            (big >= 1_000_000).then_some(rss < 256.0),
        );
        row(
            &mut rows,
            "memory",
            &format!("agent peak RSS, two lists of {big} users (old in use, new arriving)"),
            format!("{peak:.1} MiB"),
            goal,
            (big >= 1_000_000).then_some(peak < 256.0),
        );
    }

    if let Some(path) = out {
        let mut md = String::from("# Benchmarks\n\nProduced by `scripts/bench.sh`");
        md.push_str(&format!(
            " on {}, at {} (medians of {rounds} runs where repeated).\n\n",
            machine(),
            jiff::Timestamp::now()
        ));
        md.push_str("| scenario | metric | value | goal | met |\n|---|---|---|---|---|\n");
        for r in &rows {
            let met = match r.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "",
            };
            md.push_str(&format!(
                "| {} | {} | {} | {} | {met} |\n",
                r.scenario, r.metric, r.value, r.goal
            ));
        }
        // Keep the hand-written analysis below the table across runs.
        if let Ok(previous) = std::fs::read_to_string(&path)
            && let Some(i) = previous.find("\n## How to read this")
        {
            md.push_str(&previous[i..]);
        }
        std::fs::write(&path, md)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
