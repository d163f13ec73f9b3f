//! Every byte Hysteria counts reaches central exactly once: through graceful restarts, central
//! outages, lost and duplicated report responses, Hysteria restarts (which lose their unpolled
//! counters upstream, the documented bound), and SIGKILLs of the agent at random points.

use std::collections::BTreeMap;
use std::process::{Child, Command};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use hy_api::Traffic;
use hy_api::users::CreateUser;
use hy_testkit::hysteria::client_addr;
use hy_testkit::{
    API_SECRET, AgentOptions, FakeHysteria, Fault, FlakyProxy, TestAgent, TestCentral, wait_until,
};

/// Central with users u0..u4 assigned to one server, a fake Hysteria for it, and the options
/// of an agent between them (its state directory lives as long as the fleet).
struct Fleet {
    central: TestCentral,
    fake: FakeHysteria,
    secrets: Vec<String>,
    options: AgentOptions,
    _state: tempfile::TempDir,
}

async fn busy_fleet() -> Fleet {
    let central = TestCentral::start().await;
    let api = central.client();
    let server = api.create_server(&Default::default()).await.unwrap().id;
    let mut secrets = Vec::new();
    for i in 0..5 {
        let id = format!("u{i}");
        secrets.push(
            api.create_user(&CreateUser {
                id: id.clone(),
                secret: None,
                ..Default::default()
            })
            .await
            .unwrap()
            .secret
            .expose()
            .to_owned(),
        );
        api.assign(&server, &[id]).await.unwrap();
    }
    let fake = FakeHysteria::start(API_SECRET, "http://unused.invalid/").await;
    let state = tempfile::tempdir().unwrap();
    let options = AgentOptions::new(
        &central.url,
        &server,
        &fake.api_url,
        API_SECRET,
        state.path().into(),
    );
    Fleet {
        central,
        fake,
        secrets,
        options,
        _state: state,
    }
}

async fn connect_all(fake: &FakeHysteria, agent_url: &str, secrets: &[String]) {
    fake.set_auth_url(agent_url);
    for (i, secret) in secrets.iter().enumerate() {
        for d in 0..2 {
            fake.connect(secret, &client_addr((i * 2 + d) as u16))
                .await
                .unwrap();
        }
    }
}

/// Starts an agent, connects every user's two devices through it and starts traffic (stopped
/// by setting the returned flag).
async fn start_busy(
    fake: &FakeHysteria,
    secrets: &[String],
    options: &AgentOptions,
) -> (TestAgent, Arc<AtomicBool>) {
    let agent = TestAgent::start(options).await;
    agent.wait_for_users(5).await;
    connect_all(fake, &agent.auth_url(), secrets).await;
    (agent, generate(fake))
}

/// Traffic on every connection, with varying sizes, until the flag is set.
fn generate(fake: &FakeHysteria) -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let (fake, flag) = (fake.clone(), Arc::clone(&stop));
    tokio::spawn(async move {
        let mut n: u64 = 0;
        while !flag.load(Ordering::Relaxed) {
            n += 1;
            fake.traffic_on_all(1 + n % 1500, 7 + (n * 31) % 9000);
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    });
    stop
}

fn as_totals(t: &BTreeMap<String, Traffic>) -> BTreeMap<String, Traffic> {
    t.iter()
        .filter(|(_, v)| !v.is_zero())
        .map(|(k, v)| (k.clone(), *v))
        .collect()
}

async fn central_totals(central: &TestCentral) -> BTreeMap<String, Traffic> {
    as_totals(&central.client().traffic().await.unwrap())
}

/// Stops traffic, lets the agent flush everything by a graceful stop, and returns central's
/// totals next to the fake's truth.
async fn settle(
    central: &TestCentral,
    agent: TestAgent,
    busy: Arc<AtomicBool>,
) -> BTreeMap<String, Traffic> {
    busy.store(true, Ordering::Relaxed);
    agent.stop().await;
    central_totals(central).await
}

#[tokio::test]
async fn a_graceful_stop_reports_every_byte() {
    let Fleet {
        central,
        fake,
        secrets,
        options,
        ..
    } = busy_fleet().await;
    let (agent, busy) = start_busy(&fake, &secrets, &options).await;
    wait_until(
        "some traffic reached central",
        Duration::from_secs(10),
        || async { !central_totals(&central).await.is_empty() },
    )
    .await;
    let got = settle(&central, agent, busy).await;
    let truth = fake.truth();
    assert_eq!(got, as_totals(&truth.counted));
    assert_eq!(truth.counted, truth.handed_out);
    central.stop().await;
}

#[tokio::test]
async fn a_central_outage_delays_traffic_but_loses_none() {
    let Fleet {
        central,
        fake,
        secrets,
        options,
        ..
    } = busy_fleet().await;
    let (agent, busy) = start_busy(&fake, &secrets, &options).await;

    let stopped = central.stop_for_restart().await;
    wait_until(
        "the agent spools traffic while central is down",
        Duration::from_secs(10),
        || async {
            let h = agent.health().await;
            h["central"]["reachable"] == false && h["spool"]["inflight_seq"].is_u64()
        },
    )
    .await;
    // Clients keep being admitted from the cached list meanwhile.
    assert!(
        fake.authenticate(&secrets[0], &client_addr(99), 0)
            .await
            .is_ok()
    );
    let central = stopped.start().await;
    wait_until(
        "the agent reaches central again",
        Duration::from_secs(20),
        || async { agent.health().await["central"]["reachable"] == true },
    )
    .await;
    let got = settle(&central, agent, busy).await;
    assert_eq!(got, as_totals(&fake.truth().counted));
    central.stop().await;
}

#[tokio::test]
async fn lost_and_duplicated_report_responses_count_once() {
    let Fleet {
        central,
        fake,
        secrets,
        mut options,
        ..
    } = busy_fleet().await;
    let proxy = FlakyProxy::start(&central.url, |n| match n % 5 {
        1 => Fault::LoseResponse,
        3 => Fault::Duplicate,
        _ => Fault::None,
    })
    .await;
    options.central = proxy.url.clone();
    let (agent, busy) = start_busy(&fake, &secrets, &options).await;
    wait_until(
        "the proxy lost and duplicated several reports",
        Duration::from_secs(20),
        || async {
            let (lost, duplicated) = proxy.faults();
            lost >= 3 && duplicated >= 3
        },
    )
    .await;
    let got = settle(&central, agent, busy).await;
    println!("faults injected (lost, duplicated): {:?}", proxy.faults());
    assert_eq!(got, as_totals(&fake.truth().counted));
    central.stop().await;
}

#[tokio::test]
async fn a_hysteria_restart_loses_only_what_it_had_not_been_polled_for() {
    let Fleet {
        central,
        fake,
        secrets,
        mut options,
        ..
    } = busy_fleet().await;
    // A long poll interval makes unpolled counters certain to exist at the restart.
    options.interval_poll = Duration::from_millis(300);
    let (agent, busy) = start_busy(&fake, &secrets, &options).await;
    wait_until("traffic was polled", Duration::from_secs(10), || async {
        !fake.truth().handed_out.is_empty()
    })
    .await;
    fake.restart();
    connect_all(&fake, &agent.auth_url(), &secrets).await;
    wait_until(
        "traffic was polled after the restart",
        Duration::from_secs(10),
        || async { fake.truth().clear_answers.len() >= 3 },
    )
    .await;
    let got = settle(&central, agent, busy).await;
    let truth = fake.truth();
    let lost: u64 = truth.lost_on_restart.values().map(|t| t.total()).sum();
    println!("bytes lost upstream by the Hysteria restart (never polled): {lost}");
    let mut expected = truth.counted.clone();
    for (id, t) in &truth.lost_on_restart {
        let e = expected.get_mut(id).unwrap();
        e.tx -= t.tx;
        e.rx -= t.rx;
    }
    assert_eq!(got, as_totals(&expected));
    assert_eq!(got, as_totals(&truth.handed_out));
    central.stop().await;
}

/// Starts `hyctl agent` as a process and returns it with its auth URL, once it listens.
fn spawn_agent(options: &AgentOptions) -> (Child, String) {
    let mut args = options.to_args("127.0.0.1:0");
    args.extend(["--log-format".into(), "json".into()]);
    let (child, addr) = super::admin::spawn_daemon(&args, "agent listening");
    (child, format!("http://{addr}/"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_at_random_points_never_counts_a_byte_twice() {
    let Fleet {
        central,
        fake,
        secrets,
        mut options,
        ..
    } = busy_fleet().await;
    options.interval_poll = Duration::from_millis(20);
    options.interval_report = Duration::from_millis(20);
    let (mut child, url) = spawn_agent(&options);
    // Devices stay connected across agent restarts: Hysteria only calls auth on connect.
    wait_until(
        "the first agent has the list",
        Duration::from_secs(10),
        || async {
            fake.set_auth_url(&url);
            fake.authenticate(&secrets[0], &client_addr(90), 0)
                .await
                .is_ok()
        },
    )
    .await;
    connect_all(&fake, &url, &secrets).await;
    let busy = generate(&fake);

    const KILLS: usize = 25;
    // The one poll answer each kill can lose: the last one handed out before it, if the agent
    // had not yet fsynced it. Nothing else may ever be lost, and nothing counted twice.
    let mut at_risk: BTreeMap<String, Traffic> = BTreeMap::new();
    for _ in 0..KILLS {
        let delay = Duration::from_millis((hy_common::random::fraction() * 150.0) as u64);
        tokio::time::sleep(delay).await; // the fault-injection point, not a synchronisation
        Command::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status()
            .unwrap();
        child.wait().unwrap();
        if let Some(last) = fake.truth().clear_answers.last() {
            for (id, t) in last {
                at_risk.entry(id.clone()).or_default().add(*t);
            }
        }
        (child, _) = spawn_agent(&options);
    }
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));

    // A last agent flushes whatever the killed ones left in the spool.
    let agent = TestAgent::start(&options).await;
    let got = settle(&central, agent, busy).await;
    let truth = fake.truth();
    assert_eq!(
        truth.counted, truth.handed_out,
        "everything Hysteria counted was polled"
    );
    let mut lost_total = 0;
    for (id, handed) in &truth.handed_out {
        let reported = got.get(id).copied().unwrap_or_default();
        assert!(
            reported.tx <= handed.tx && reported.rx <= handed.rx,
            "{id} counted twice: {reported:?} > {handed:?}"
        );
        let risk = at_risk.get(id).copied().unwrap_or_default();
        let lost = Traffic {
            tx: handed.tx - reported.tx,
            rx: handed.rx - reported.rx,
        };
        assert!(
            lost.tx <= risk.tx && lost.rx <= risk.rx,
            "{id} lost {lost:?}, more than the in-flight polls {risk:?}"
        );
        lost_total += lost.total();
    }
    let handed_total: u64 = truth.handed_out.values().map(|t| t.total()).sum();
    println!(
        "{KILLS} SIGKILLs: {handed_total} bytes polled, {lost_total} lost in the poll-to-fsync window, none counted twice"
    );
    central.stop().await;
}

/// PostgreSQL crashes and comes back while two centrals on it take reports from two busy
/// agents: the centrals answer 503 meanwhile (and reconnect after, their change listeners
/// included), the agents keep admitting from their lists and keep their traffic in their
/// spools, and once the database is back every byte is counted exactly once.
#[tokio::test]
async fn a_postgresql_restart_under_load_loses_and_doubles_nothing() {
    use hy_testkit::cluster::PgCluster;
    let Some(mut cluster) = PgCluster::start("postgresql_restart_under_load", false).await else {
        return;
    };
    let a = TestCentral::start_postgres(cluster.target("postgres")).await;
    let mut b = TestCentral::start_postgres(cluster.target("postgres")).await;
    b.token = a.token.clone();
    let api = a.client();
    let mut secrets = Vec::new();
    for i in 0..5 {
        let user = api
            .create_user(&CreateUser {
                id: format!("u{i}"),
                ..Default::default()
            })
            .await
            .unwrap();
        secrets.push(user.secret.expose().to_owned());
    }
    let ids: Vec<String> = (0..5).map(|i| format!("u{i}")).collect();
    // One server per central: each agent reports to its own, as behind a balancer.
    let mut nodes = Vec::new();
    let mut states = Vec::new();
    for central in [&a, &b] {
        let server = api.create_server(&Default::default()).await.unwrap().id;
        api.assign(&server, &ids).await.unwrap();
        let fake = FakeHysteria::start(API_SECRET, "http://unused.invalid/").await;
        let state = tempfile::tempdir().unwrap();
        let options = AgentOptions::new(
            &central.url,
            &server,
            &fake.api_url,
            API_SECRET,
            state.path().into(),
        );
        let (agent, busy) = start_busy(&fake, &secrets, &options).await;
        nodes.push((agent, busy, fake));
        states.push(state);
    }
    wait_until(
        "traffic reaches central from both nodes",
        Duration::from_secs(10),
        || async { central_totals(&a).await.len() == 5 },
    )
    .await;

    cluster.stop("immediate").await;
    for (agent, _, fake) in &nodes {
        wait_until(
            "the agent hears that central lost its database",
            Duration::from_secs(20),
            || async {
                let h = agent.health().await;
                h["central"]["last_error"]
                    .as_str()
                    .is_some_and(|e| e.contains("database"))
            },
        )
        .await;
        assert!(
            fake.authenticate(&secrets[0], &client_addr(99), 0)
                .await
                .is_ok(),
            "clients are admitted from the last good list meanwhile"
        );
    }
    assert_eq!(a.send("GET", "/readyz", None, None).await.0, 503);

    cluster.start_again().await;
    for (agent, _, _) in &nodes {
        wait_until(
            "the agent reaches central again",
            Duration::from_secs(30),
            || async { agent.health().await["central"]["reachable"] == true },
        )
        .await;
    }
    // The listeners came back: a user added through b reaches a's node by its long poll.
    let b_api = b.client();
    b_api
        .create_user(&CreateUser {
            id: "late".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    for server in api.servers().await.unwrap() {
        b_api.assign(&server.id, &["late".into()]).await.unwrap();
    }
    for (agent, _, _) in &nodes {
        agent.wait_for_users(6).await;
    }

    let mut truth: BTreeMap<String, Traffic> = BTreeMap::new();
    for (agent, busy, fake) in nodes {
        busy.store(true, Ordering::Relaxed);
        agent.stop().await;
        for (user, t) in fake.truth().counted {
            truth.entry(user).or_default().add(t);
        }
    }
    assert_eq!(central_totals(&b).await, as_totals(&truth));
    a.stop().await;
    b.stop().await;
}
