//! The `postgres` scenario: sync, ingest and propagation with central on PostgreSQL, each
//! beside its goal and, for ingest, beside the SQLite figure of the same run; then what two
//! centrals on one database do together (a change made on one reaching agents held by the
//! other, reports spread over both).
//!
//! The server is the one `scripts/with-postgres.sh` starts (fsync on, a Unix socket), its URL in
//! `HYCTL_TEST_POSTGRES`; the scenario makes a database of its own on it and drops it after.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use hy_api::client::{Client, ClientConfig};
use hy_testkit::FakeHysteria;
use hy_testkit::postgres::TestDatabase;

use super::{
    Daemon, INGEST_ROUNDS, Row, SECRET, SqliteIngest, cpu_seconds_of, create_users, ingest_batches,
    ingest_round, measure_sync, percentile, propagation, row, server_with_users, sync_rows,
};

/// The variable naming the PostgreSQL server.
pub const ENV: &str = hy_testkit::postgres::ENV;

/// The run's sizes, the same as the SQLite scenarios'.
pub struct Sizes {
    pub users: usize,
    pub nodes: usize,
    pub per_report: usize,
    pub rounds: usize,
}

/// CPU seconds used so far by every PostgreSQL server process on this machine (the benchmark's
/// database is the only one in use), to show what central's queries cost the database.
fn database_cpu_seconds() -> f64 {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    procs
        .filter_map(|p| p.ok())
        .filter(|p| {
            p.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter(|p| {
            std::fs::read_to_string(p.path().join("comm")).is_ok_and(|c| c.trim() == "postgres")
        })
        .map(|p| cpu_seconds_of(&p.path()))
        .sum()
}

fn central(bin: &Path, url: &str, dir: &Path, name: &str) -> Result<Daemon> {
    let args = [
        "central",
        "--listen",
        "127.0.0.1:0",
        "--log-format",
        "json",
        "--db",
        url,
        "--admin-token-file",
        &dir.join("central.admin-token").display().to_string(),
    ]
    .map(String::from);
    Daemon::spawn(bin, &args, "central listening").with_context(|| format!("central {name}"))
}

fn clients(url: &str, token: &str) -> Result<(Client, Client)> {
    let mut config = ClientConfig::new(url);
    config.timeout = Duration::from_secs(600);
    let node = Client::new(&config)?;
    config.token = Some(token.into());
    Ok((Client::new(&config)?, node))
}

/// Runs the scenario; `sqlite` is the SQLite central's ingest set-up, to run rounds beside
/// (none when the ingest scenario was not run: then no ratios).
pub async fn run(
    bin: &Path,
    sizes: &Sizes,
    sqlite: Option<&SqliteIngest>,
    rows: &mut Vec<Row>,
) -> Result<()> {
    let Sizes {
        users,
        nodes,
        per_report,
        rounds,
    } = *sizes;
    let db = TestDatabase::create("the postgres benchmark")
        .await
        .context("no PostgreSQL server")?;
    let dir = tempfile::tempdir()?;
    let a = central(bin, &db.url, dir.path(), "a")?;
    let b = central(bin, &db.url, dir.path(), "b")?;
    let (a_url, b_url) = (format!("http://{}", a.addr), format!("http://{}", b.addr));
    let token = std::fs::read_to_string(dir.path().join("central.admin-token"))?
        .trim()
        .to_owned();
    let (api, node) = clients(&a_url, &token)?;
    let (_, node_b) = clients(&b_url, &token)?;
    let started = std::time::Instant::now();
    create_users(&api, 0..users).await?;
    let server = server_with_users(&api, users).await?;
    println!(
        "  (PostgreSQL set-up: {users} users created and assigned in {:.1}s)",
        started.elapsed().as_secs_f64()
    );

    let http = reqwest::Client::new();
    let list_url = format!("{a_url}/auth/{server}");
    let sync = measure_sync(&http, &a, &list_url, rounds, database_cpu_seconds).await?;
    sync_rows(rows, "postgres", users, &sync);
    row(
        rows,
        "postgres",
        "unchanged poll (304): database CPU per poll",
        format!("{:.3} ms", sync.db_cpu_ms),
        "-",
        None,
    );

    // Ingest, the same rounds as on SQLite. The new node's first is compared with SQLite's
    // from its own scenario (it cannot be repeated without new servers); the first of an hour
    // and the steady state run in pairs, one SQLite round and one PostgreSQL round back to
    // back, in alternating order, `REPEATS` times, and the ratio is the median of the pairs':
    // the machine's load drifts over minutes, and a pair sees the same machine.
    let mut ids = Vec::new();
    for _ in 0..nodes {
        ids.push(api.create_server(&Default::default()).await?.id);
    }
    let pool = db.target.pool(1)?;
    let pg_round = async |seq: u64| -> Result<Round> {
        let batches = ingest_batches(seq, nodes, per_report, users);
        let (cpu0, db0) = (a.cpu_seconds(), database_cpu_seconds());
        let (secs, lat) = ingest_round(&node, &ids, batches).await?;
        Ok(Round {
            rows_per_s: (nodes * per_report) as f64 / secs,
            central_ms: (a.cpu_seconds() - cpu0) * 1000.0 / nodes as f64,
            database_ms: (database_cpu_seconds() - db0) * 1000.0 / nodes as f64,
            p99_ms: percentile(&lat, 0.99),
        })
    };
    let first = pg_round(1).await?;
    round_rows(rows, INGEST_ROUNDS[0].1, sizes, &[first]);
    if let Some(sqlite) = sqlite {
        ratio_row(rows, INGEST_ROUNDS[0].1, &[first.rows_per_s / sqlite.first]);
    }
    let repeats = match sqlite {
        Some(_) => REPEATS,
        None => 1,
    };
    let (mut hour_rounds, mut steady_rounds) = (vec![], vec![]);
    let (mut hour_ratios, mut steady_ratios) = (vec![], vec![]);
    for rep in 0..repeats {
        next_hour(&pool).await?;
        if let Some(sqlite) = sqlite {
            sqlite.next_hour()?;
        }
        // Sequence numbers above every round so far, on both centrals.
        let seq = 10 + 2 * rep as u64;
        for (seq, done, ratios) in [
            (seq, &mut hour_rounds, &mut hour_ratios),
            (seq + 1, &mut steady_rounds, &mut steady_ratios),
        ] {
            let Some(sqlite) = sqlite else {
                done.push(pg_round(seq).await?);
                continue;
            };
            let (theirs, ours) = if rep % 2 == 0 {
                let theirs = sqlite.round(seq, nodes, per_report, users).await?;
                (theirs, pg_round(seq).await?)
            } else {
                let ours = pg_round(seq).await?;
                (sqlite.round(seq, nodes, per_report, users).await?, ours)
            };
            ratios.push(ours.rows_per_s / theirs);
            done.push(ours);
        }
    }
    for (i, done, ratios) in [
        (1, &hour_rounds, &hour_ratios),
        (2, &steady_rounds, &steady_ratios),
    ] {
        let what = INGEST_ROUNDS[i].1;
        round_rows(rows, what, sizes, done);
        if !ratios.is_empty() {
            ratio_row(rows, what, ratios);
        }
    }

    // The steady state again, with the nodes split over both centrals.
    // Numbered above every round so far.
    let batches = ingest_batches(10 + 2 * REPEATS as u64, nodes, per_report, users);
    let (half_a, half_b) = batches.split_at(nodes / 2);
    let (ids_a, ids_b) = ids.split_at(nodes / 2);
    let t = std::time::Instant::now();
    let (ra, rb) = tokio::join!(
        ingest_round(&node, ids_a, half_a.to_vec()),
        ingest_round(&node_b, ids_b, half_b.to_vec())
    );
    let (_, mut lat) = ra?;
    lat.extend(rb?.1);
    lat.sort_by(f64::total_cmp);
    let rows_per_s = (nodes * per_report) as f64 / t.elapsed().as_secs_f64();
    row(
        rows,
        "postgres",
        "next interval, nodes split over two centrals: rows/s",
        format!("{rows_per_s:.0}"),
        "-",
        None,
    );
    row(
        rows,
        "postgres",
        "report latency p99, two centrals (8 in flight each)",
        format!("{:.0} ms", percentile(&lat, 0.99)),
        "-",
        None,
    );

    // Closing the last hour, as the lease holder's scheduler does two minutes into the next;
    // here through a pool of its own on the same database.
    let closer = hy_central::store::Store::Postgres(db.target.pool(1)?.into());
    let current_hour = jiff::Timestamp::now().as_second().div_euclid(3600);
    let t = std::time::Instant::now();
    let closed = hy_central::schedule::close_past_hours(&closer, current_hour).await?;
    row(
        rows,
        "postgres",
        &format!(
            "closing an hour of {} buckets: total / longest transaction",
            closed.buckets
        ),
        format!(
            "{:.1} s / {:.0} ms ({} transactions)",
            t.elapsed().as_secs_f64(),
            closed.longest.as_secs_f64() * 1000.0,
            closed.transactions
        ),
        "-",
        None,
    );

    // Propagation across centrals: agents long-poll central b, the admin deletes through a.
    let fake = FakeHysteria::start(SECRET, "http://127.0.0.1:9/").await;
    let (mut servers, mut agents, mut states) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..10 {
        let s = api.create_server(&Default::default()).await?.id;
        let state = tempfile::tempdir()?;
        let args = [
            "agent",
            "--server-id",
            &s,
            "--central",
            &b_url,
            "--proxy-server",
            &fake.api_url,
            "--traffic-server",
            &fake.api_url,
            "--secret",
            SECRET,
            "--listen",
            "127.0.0.1:0",
            "--state-dir",
            &state.path().display().to_string(),
            "--log-format",
            "json",
        ]
        .map(String::from);
        agents.push(Daemon::spawn(bin, &args, "agent listening")?);
        servers.push(s);
        states.push(state);
    }
    let samples = propagation(&http, &api, &servers, &agents, rounds * 2).await?;
    let p99 = percentile(&samples, 0.99);
    row(
        rows,
        "postgres",
        "delete on central a until all 10 agents of central b refuse: p50 / p99",
        format!("{:.0} / {p99:.0} ms", percentile(&samples, 0.5)),
        "p99 < 1 s",
        Some(p99 < 1000.0),
    );
    row(
        rows,
        "postgres",
        "central a / b RSS",
        format!("{:.1} / {:.1} MiB", a.rss_mib(), b.rss_mib()),
        "-",
        None,
    );
    drop((agents, a, b, pool));
    db.drop_db().await;
    Ok(())
}

/// How many times the first of an hour and the steady state run beside SQLite's.
const REPEATS: usize = 3;

/// One PostgreSQL ingest round's figures.
#[derive(Clone, Copy)]
struct Round {
    rows_per_s: f64,
    central_ms: f64,
    database_ms: f64,
    p99_ms: f64,
}

/// The rows of one kind of round: medians over its repeats.
fn round_rows(rows: &mut Vec<Row>, what: &str, sizes: &Sizes, done: &[Round]) {
    let median = |f: fn(&Round) -> f64| {
        let mut v: Vec<f64> = done.iter().map(f).collect();
        v.sort_by(f64::total_cmp);
        percentile(&v, 0.5)
    };
    row(
        rows,
        "postgres",
        &format!("CPU per report, {what}: central / database"),
        format!(
            "{:.1} / {:.1} ms",
            median(|r| r.central_ms),
            median(|r| r.database_ms)
        ),
        "-",
        None,
    );
    row(
        rows,
        "postgres",
        &format!(
            "{} reports x {} users, {what}: rows/s",
            sizes.nodes, sizes.per_report
        ),
        format!("{:.0}", median(|r| r.rows_per_s)),
        "-",
        None,
    );
    row(
        rows,
        "postgres",
        &format!("report latency p99, {what} (8 in flight)"),
        format!("{:.0} ms", median(|r| r.p99_ms)),
        "-",
        None,
    );
}

/// The goal's row: PostgreSQL's rows/s over SQLite's, the median of the pairs.
fn ratio_row(rows: &mut Vec<Row>, what: &str, ratios: &[f64]) {
    let mut sorted = ratios.to_vec();
    sorted.sort_by(f64::total_cmp);
    let ratio = percentile(&sorted, 0.5);
    let each: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
    let value = match ratios.len() {
        1 => format!("{ratio:.2}"),
        n => format!("{ratio:.2} (median of {n} pairs: {})", each.join(", ")),
    };
    row(
        rows,
        "postgres",
        &format!("ingest {what}: PostgreSQL / SQLite rows/s, same run"),
        value,
        ">= 0.50",
        Some(ratio >= 0.5),
    );
}

/// An hour boundary without waiting for one, as in the SQLite scenario: the current hour's
/// buckets become the last hour's (older ones are dropped, so repeats neither collide nor
/// grow the table), open, with the closed-hours mark at them; vacuumed after, so the next
/// round does not pay for the rewrite's dead rows.
async fn next_hour(pool: &deadpool_postgres::Pool) -> Result<()> {
    let c = pool.get().await?;
    c.batch_execute(
        "DELETE FROM traffic_hourly WHERE hour < (SELECT MAX(hour) FROM traffic_hourly);
         UPDATE traffic_hourly SET hour = hour - 1, closed = FALSE;
         UPDATE history_rollup SET closed_before = (SELECT MAX(hour) FROM traffic_hourly)
             WHERE EXISTS (SELECT 1 FROM traffic_hourly);",
    )
    .await?;
    c.batch_execute("VACUUM ANALYZE traffic_hourly").await?;
    Ok(())
}
