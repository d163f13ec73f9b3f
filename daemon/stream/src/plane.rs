//! The media node as the runtime's [`Plane`]: its traffic is the session table's deltas (with
//! the baselines they were counted from, spooled together), who is online is the table's live
//! sessions, and closing a user marks their sessions so the media server's next call for each
//! is refused (media servers re-ask on their own schedule; there is nothing to push to them).

use std::sync::Arc;

use hy_node::plane::{Online, Plane, PlaneError};
use hy_node::spool::{Deltas, MarkChanges, Marks};

use crate::kick::Kicker;
use crate::sessions::Sessions;

/// `s` cut to at most `max` bytes, at a character boundary.
fn clip(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
    s
}

/// The session table, as a plane.
#[derive(Debug, Clone, Default)]
pub struct StreamPlane {
    /// The live sessions every adapter writes.
    pub sessions: Arc<Sessions>,
    /// The media servers' kick APIs, when configured.
    pub kicker: Arc<Kicker>,
}

impl StreamPlane {
    /// A plane that kicks through these APIs.
    pub fn new(kicker: Kicker) -> Self {
        Self {
            sessions: Arc::default(),
            kicker: Arc::new(kicker),
        }
    }
}

impl Plane for StreamPlane {
    fn name(&self) -> &'static str {
        "media"
    }

    fn display(&self) -> &'static str {
        "the media node's sessions"
    }

    async fn take_traffic(&self) -> Result<Deltas, PlaneError> {
        // Only reached by a caller that drops baselines; the runtime takes the marked form.
        Ok(self.sessions.take().0)
    }

    async fn take_traffic_marked(&self) -> Result<(Deltas, MarkChanges), PlaneError> {
        Ok(self.sessions.take())
    }

    fn restore_marks(&self, marks: &Marks) {
        self.sessions
            .restore(marks, jiff::Timestamp::now().as_second());
    }

    async fn online(&self) -> Result<Online, PlaneError> {
        let mut online = self.sessions.online();
        for (id, n) in self.kicker.mediamtx_online() {
            *online.entry(id).or_default() += n;
        }
        Ok(online)
    }

    fn sessions(&self) -> Option<Vec<hy_api::node::NodeSession>> {
        let mut ids = std::collections::HashSet::new();
        Some(
            self.sessions
                .list()
                .into_iter()
                .map(|(id, l)| hy_api::node::NodeSession {
                    // Central takes these lengths (a media server's id or name can be
                    // longer); one session too long must not cost the whole report.
                    id: clip(id, 256),
                    user: l.opening.user.to_string(),
                    stream: clip(l.opening.stream, 1024),
                    proto: clip(l.opening.proto, 32),
                    addr: clip(l.opening.addr, 64),
                    publish: l.opening.publish,
                    started: l.started,
                    seen: l.seen.max(l.started),
                    bytes: l.bytes,
                })
                // Ids cut to the same prefix: one of them is reported.
                .filter(|s| ids.insert(s.id.clone()))
                .collect(),
        )
    }

    async fn end_sessions(&self, ids: &[String]) {
        let live = self.sessions.kill_sessions(ids);
        let kicked = self.kicker.kick_sessions(ids).await;
        tracing::info!(
            asked = ids.len(),
            live,
            kicked,
            "sessions ended from central"
        );
    }

    async fn close(&self, users: &[String]) -> Result<(), PlaneError> {
        self.sessions.kill(users);
        self.kicker.kick(users).await;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sessions::{Opening, Updated};

    #[tokio::test]
    async fn the_plane_is_the_session_table() {
        let plane = StreamPlane::default();
        let opening = Opening {
            user: Arc::from("alice:tv"),
            stream: "news".into(),
            proto: "hls".into(),
            addr: "198.51.100.7".into(),
            publish: false,
            renews: true,
        };
        plane.sessions.admit("s1", opening, None, 0).unwrap();
        plane.sessions.update("s1", Some(4096), 1);
        assert_eq!(plane.online().await.unwrap()["alice:tv"], 1);
        let (deltas, marks) = plane.take_traffic_marked().await.unwrap();
        assert_eq!(deltas["alice:tv"].rx, 4096);
        assert_eq!(marks["s1"], Some(4096));
        plane.close(&["alice:tv".into()]).await.unwrap();
        assert_eq!(plane.sessions.update("s1", Some(5000), 2), Updated::Killed);
        // Restored baselines: an update after a restart counts only the new bytes.
        let restarted = StreamPlane::default();
        restarted.restore_marks(&[("s1".to_owned(), 5000)].into());
        restarted
            .sessions
            .admit(
                "s1",
                Opening {
                    user: Arc::from("alice:tv"),
                    stream: "news".into(),
                    proto: "hls".into(),
                    addr: "198.51.100.7".into(),
                    publish: false,
                    renews: true,
                },
                None,
                3,
            )
            .unwrap();
        restarted.sessions.update("s1", Some(5500), 4);
        assert_eq!(restarted.take_traffic().await.unwrap()["alice:tv"].rx, 500);
    }
}
