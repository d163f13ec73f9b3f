//! The media node's benchmarks: Flussonic decisions per second with every benchmark user's
//! token on the node against a minimal handler in the same run, 10,000 live sessions updated
//! on Flussonic's schedule (the node's CPU and memory), and the time from `hyctl device block`
//! until every node refuses the device's next update.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use hy_api::client::Client;
use hy_api::devices::{CreateDevice, DeviceSettings, DeviceStatus, UpdateDevice};
use hy_api::servers::{CreateServer, ServerKind};
use hy_api::users::CreateUser;

use super::{
    Daemon, Request, Row, load_with, loaded, median, percentile, row, user_id, user_secret,
};

/// A Flussonic `auth_backend` call for session `session` of the player holding `token`.
fn flussonic(base: &str, kind: &str, session: &str, token: &str, bytes: u64) -> String {
    format!(
        "{base}/flussonic?name=live%2Fnews&proto=hls&ip=198.51.100.7&request_type={kind}\
         &request_number=0&session_id={session}&stream_clients=1&total_clients=1\
         &token={token}&bytes={bytes}"
    )
}

/// `hyctl stream` for `server`, logging JSON.
fn node_args(server: &str, central: &str, state: &Path) -> Vec<String> {
    [
        "stream",
        "--server-id",
        server,
        "--central",
        central,
        "--listen",
        "127.0.0.1:0",
        "--state-dir",
        &state.display().to_string(),
        "--log-format",
        "json",
    ]
    .map(String::from)
    .to_vec()
}

async fn stream_server(api: &Client, name: &str) -> Result<String> {
    Ok(api
        .create_server(&CreateServer {
            name: Some(name.into()),
            kind: Some(ServerKind::Stream),
            ..Default::default()
        })
        .await?
        .id)
}

/// The scenario's rows.
pub(crate) async fn rows(
    rows: &mut Vec<Row>,
    bin: &Path,
    central: &str,
    api: &Client,
    users: usize,
    quick: bool,
    rounds: usize,
) -> Result<()> {
    // Every benchmark user on one media server: their secrets are the node's tokens.
    let server = stream_server(api, "media-bench").await?;
    for chunk in (0..users).map(user_id).collect::<Vec<_>>().chunks(10_000) {
        api.assign(&server, chunk).await?;
    }
    let state = tempfile::tempdir()?;
    let node = Daemon::spawn(
        bin,
        &node_args(&server, central, state.path()),
        "media node listening",
    )?;
    let http = reqwest::Client::new();
    loaded(&http, &node, state.path(), users).await?;
    let base = format!("http://{}", node.addr);

    // 1. Decisions against the baseline, alternating.
    let baseline = Daemon::spawn(
        &std::env::current_exe()?,
        &["--serve-baseline".into()],
        "baseline listening",
    )?;
    let base_url = format!("http://{}/", baseline.addr);
    let n = users as u64;
    let ask: Request = {
        let base = base.clone();
        Arc::new(move |client, i| {
            let k = (i % n) as usize;
            client.get(flussonic(
                &base,
                "new_session",
                &format!("s{k}"),
                &user_secret(k),
                0,
            ))
        })
    };
    let minimal: Request = {
        let url = base_url.clone();
        Arc::new(move |client, i| {
            let k = (i % n) as usize;
            client.get(format!(
                "{url}?name=live%2Fnews&ip=198.51.100.7&session_id=s{k}&token={}",
                user_secret(k)
            ))
        })
    };
    let secs = if quick { 2.0 } else { 4.0 };
    let (mut node_rps, mut base_rps, mut node_p99) = (vec![], vec![], vec![]);
    for _ in 0..rounds {
        let (rps, lat, fails) = load_with(32, secs, Arc::clone(&ask)).await;
        if fails > 0 {
            bail!("the media node refused {fails} valid tokens");
        }
        node_rps.push(rps);
        node_p99.push(percentile(&lat, 0.99));
        let (rps, _, _) = load_with(32, secs, Arc::clone(&minimal)).await;
        base_rps.push(rps);
    }
    let ratio = median(node_rps.clone()) / median(base_rps.clone());
    row(
        rows,
        "stream",
        &format!("Flussonic decisions/s, {users} tokens"),
        format!("{:.0}", median(node_rps)),
        "-",
        None,
    );
    row(
        rows,
        "stream",
        "minimal GET handler requests/s, same run",
        format!("{:.0}", median(base_rps)),
        "-",
        None,
    );
    row(
        rows,
        "stream",
        "media node / minimal handler",
        format!("{ratio:.2}"),
        ">= 0.90",
        Some(ratio >= 0.9),
    );
    row(
        rows,
        "stream",
        "decision p99 latency (32 clients)",
        format!("{:.2} ms", median(node_p99)),
        "-",
        None,
    );
    drop(baseline);
    drop(node);

    // 2. 10,000 live sessions, each updated once per cycle with growing bytes, on a fresh node.
    let live = 10_000.min(users);
    let cycle = Duration::from_secs(if quick { 10 } else { 30 });
    let state = tempfile::tempdir()?;
    let node = Daemon::spawn(
        bin,
        &node_args(&server, central, state.path()),
        "media node listening",
    )?;
    loaded(&http, &node, state.path(), users).await?;
    let base = format!("http://{}", node.addr);
    let client = reqwest::Client::new();
    let sem = Arc::new(tokio::sync::Semaphore::new(64));
    let call = |url: String| {
        let (client, sem) = (client.clone(), Arc::clone(&sem));
        tokio::spawn(async move {
            let _permit = sem.acquire().await.unwrap();
            client
                .get(url)
                .send()
                .await
                .map(|r| r.status() == 200)
                .unwrap_or(false)
        })
    };
    let opened: Vec<_> = (0..live)
        .map(|k| {
            call(flussonic(
                &base,
                "new_session",
                &format!("c{k}"),
                &user_secret(k),
                0,
            ))
        })
        .collect();
    for o in opened {
        if !o.await? {
            bail!("a session was refused");
        }
    }
    let cpu0 = node.cpu_seconds();
    let t = Instant::now();
    let gap = cycle / live as u32;
    let mut updates = Vec::with_capacity(live);
    for k in 0..live {
        // Spread evenly over the cycle, as players' AuthDurations run out.
        let due = gap * k as u32;
        if let Some(wait) = due.checked_sub(t.elapsed()) {
            tokio::time::sleep(wait).await;
        }
        updates.push(call(flussonic(
            &base,
            "update_session",
            &format!("c{k}"),
            &user_secret(k),
            1_000_000 + k as u64,
        )));
    }
    let mut refused = 0;
    for u in updates {
        refused += usize::from(!u.await?);
    }
    if refused > 0 {
        bail!("{refused} updates were refused");
    }
    let elapsed = t.elapsed().as_secs_f64();
    let cpu = (node.cpu_seconds() - cpu0) / elapsed * 100.0;
    row(
        rows,
        "stream",
        &format!(
            "{live} sessions, updates every {}s: node CPU",
            cycle.as_secs()
        ),
        format!("{cpu:.1}% of a core"),
        "< 10% of a core",
        Some(cpu < 10.0),
    );
    let rss = node.rss_mib();
    row(
        rows,
        "stream",
        &format!("{live} sessions and {users} tokens: node RSS"),
        format!("{rss:.1} MiB"),
        "< 128 MiB",
        Some(rss < 128.0),
    );
    drop(node);

    // 3. Block until every node refuses: 10 nodes, each on a server of its own.
    let mut servers = Vec::new();
    let mut nodes = Vec::new();
    let mut states = Vec::new();
    for i in 0..10 {
        let s = stream_server(api, &format!("media-prop-{i}")).await?;
        let st = tempfile::tempdir()?;
        nodes.push(Daemon::spawn(
            bin,
            &node_args(&s, central, st.path()),
            "media node listening",
        )?);
        servers.push(s);
        states.push(st);
    }
    let mut samples = Vec::new();
    for round in 0..rounds * 2 {
        let uid = format!("viewer{round}");
        api.create_user(&CreateUser {
            id: uid.clone(),
            ..Default::default()
        })
        .await?;
        let secret = format!("viewer-tv-token-{round:04}");
        api.create_device(
            &uid,
            &CreateDevice {
                name: "tv".into(),
                secret: Some(secret.as_str().into()),
                settings: DeviceSettings::default(),
            },
        )
        .await?;
        for s in &servers {
            api.assign(s, std::slice::from_ref(&uid)).await?;
        }
        let session = format!("p{round}");
        for node in &nodes {
            let url = flussonic(
                &format!("http://{}", node.addr),
                "new_session",
                &session,
                &secret,
                0,
            );
            let t = Instant::now();
            while http.get(&url).send().await?.status() != 200 {
                if t.elapsed() > Duration::from_secs(30) {
                    bail!("a node never admitted the new device");
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
        let t = Instant::now();
        api.update_device(
            &uid,
            "tv",
            &UpdateDevice {
                secret: None,
                settings: DeviceSettings {
                    status: Some(DeviceStatus::Blocked),
                    ..Default::default()
                },
            },
        )
        .await?;
        let waits: Vec<_> = nodes
            .iter()
            .map(|node| {
                let url = flussonic(
                    &format!("http://{}", node.addr),
                    "update_session",
                    &session,
                    &secret,
                    10,
                );
                let http = http.clone();
                tokio::spawn(async move {
                    while http
                        .get(&url)
                        .send()
                        .await
                        .map(|r| r.status() == 200)
                        .unwrap_or(true)
                    {
                        tokio::time::sleep(Duration::from_millis(2)).await;
                    }
                    t.elapsed().as_secs_f64() * 1000.0
                })
            })
            .collect();
        for w in waits {
            samples.push(w.await?);
        }
    }
    samples.sort_by(f64::total_cmp);
    let p99 = percentile(&samples, 0.99);
    row(
        rows,
        "stream",
        "device block until all 10 nodes refuse its update: p50 / p99",
        format!("{:.0} / {p99:.0} ms", percentile(&samples, 0.5)),
        "p99 < 1 s",
        Some(p99 < 1000.0),
    );
    Ok(())
}
