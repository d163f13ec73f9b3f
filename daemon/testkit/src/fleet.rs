//! One fixture world for tests: central on port 0 with a named cast, each with the property its
//! name says, so a test adds only what it varies. [`World::start`] builds it and asserts the
//! states it promises, so a fixture that drifts fails loudly instead of weakening every test.

use std::collections::HashMap;

use hy_api::servers::{CreateServer, ServerKind};
use hy_api::users::{CreateUser, UserSettings, UserState};

use crate::central::TestCentral;

/// Active, on [`EDGE_1`] and [`EDGE_2`], no limits.
pub const ALICE: &str = "alice";
/// Switched off by an admin, on [`EDGE_1`].
pub const BOB_DISABLED: &str = "bob-disabled";
/// 30 days of validity from the first connection, never connected, on [`EDGE_1`].
pub const CAROL_ON_HOLD: &str = "carol-on-hold";
/// 10,000 bytes of quota, on [`EDGE_1`].
pub const DAVE_10KB: &str = "dave-10kb";
/// Active, on no server.
pub const MALLORY_UNASSIGNED: &str = "mallory-unassigned";
/// A Hysteria server named `edge-1` (its id is the node's credential).
pub const EDGE_1: &str = "edge-1-server-id-0000000001";
/// A Hysteria server named `edge-2`.
pub const EDGE_2: &str = "edge-2-server-id-0000000002";
/// A `proxy` server named `proxy-1` (in-process planes), with the same users as [`EDGE_1`].
pub const PROXY_1: &str = "proxy-1-server-id-000000001";

/// The world: central and the cast's secrets.
#[derive(Debug)]
pub struct World {
    /// Central, on port 0.
    pub central: TestCentral,
    secrets: HashMap<&'static str, String>,
}

impl World {
    /// Starts central and creates the cast.
    pub async fn start() -> Self {
        let central = TestCentral::start().await;
        let api = central.client();
        for (id, name, kind) in [
            (EDGE_1, "edge-1", ServerKind::Hysteria),
            (EDGE_2, "edge-2", ServerKind::Hysteria),
            (PROXY_1, "proxy-1", ServerKind::Proxy),
        ] {
            api.create_server(&CreateServer {
                id: Some(id.into()),
                name: Some(name.into()),
                kind: Some(kind),
                ..Default::default()
            })
            .await
            .unwrap();
        }
        let cast = [
            (
                ALICE,
                UserSettings::default(),
                &[EDGE_1, EDGE_2, PROXY_1][..],
            ),
            (
                BOB_DISABLED,
                UserSettings {
                    enabled: Some(false),
                    ..Default::default()
                },
                &[EDGE_1, PROXY_1],
            ),
            (
                CAROL_ON_HOLD,
                UserSettings {
                    expire_after: Some(Some(30 * 86_400)),
                    ..Default::default()
                },
                &[EDGE_1, PROXY_1],
            ),
            (
                DAVE_10KB,
                UserSettings {
                    data_limit: Some(10_000),
                    ..Default::default()
                },
                &[EDGE_1, PROXY_1],
            ),
            (MALLORY_UNASSIGNED, UserSettings::default(), &[]),
        ];
        let mut secrets = HashMap::new();
        for (id, settings, servers) in cast {
            let user = api
                .create_user(&CreateUser {
                    id: id.into(),
                    secret: None,
                    settings,
                })
                .await
                .unwrap();
            secrets.insert(id, user.secret.expose().to_owned());
            for server in servers {
                api.assign(server, &[id.into()]).await.unwrap();
            }
        }
        for (id, state) in [
            (ALICE, UserState::Active),
            (BOB_DISABLED, UserState::Disabled),
            (CAROL_ON_HOLD, UserState::OnHold),
            (DAVE_10KB, UserState::Active),
            (MALLORY_UNASSIGNED, UserState::Active),
        ] {
            assert_eq!(api.user(id).await.unwrap().state, state, "the world's {id}");
        }
        Self { central, secrets }
    }

    /// A cast member's secret (what their clients send).
    pub fn secret(&self, user: &str) -> &str {
        &self.secrets[user]
    }

    /// Stops central.
    pub async fn stop(self) {
        self.central.stop().await;
    }
}
