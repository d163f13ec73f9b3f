//! The media node's live sessions: who is playing or publishing what, counted against session
//! limits without races, and their bytes turned from the media server's cumulative counters
//! into deltas that reach central exactly once.
//!
//! **Limits.** [`Sessions::admit`] checks a credential's session count and adds the session
//! under one lock, so two players racing for the last slot cannot both get it.
//!
//! **Bytes.** Flussonic sends each session's `bytes` so far on every update. The table keeps,
//! per session, the value already counted (its baseline): an update adds the difference to the
//! session's user, and a smaller value for the same session is a new counter (the server
//! restarted it), counted from zero rather than as a negative delta. [`Sessions::take`] hands
//! the deltas and the baselines they were counted from to the runtime, which spools both in one
//! record; after a crash [`Sessions::restore`] resumes from the spooled baselines, so bytes
//! counted but not yet spooled are counted again and none spooled twice (`hy_node::spool`).
//! An ended session's baseline is kept for a while ([`Sessions::sweep`]'s `forget_after`):
//! a late update for it is then not taken for a new session whose bytes start from zero.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use hy_api::Traffic;
use hy_node::Refusal;
use hy_node::plane::Online;
use hy_node::spool::{Deltas, MarkChanges, Marks};
use parking_lot::Mutex;

/// What a session is, as the media server described it when it opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// The id the node admits the credential as: `user` or `user:device`.
    pub user: Arc<str>,
    /// The stream's name.
    pub stream: String,
    /// The protocol (`hls`, `rtmp`, ...), as the server names it.
    pub proto: String,
    /// The client's address.
    pub addr: String,
    /// Publishing rather than playing.
    pub publish: bool,
    /// The server asks again while the session lasts (Flussonic's updates), so one that
    /// stops asking is gone; otherwise (SRS) only its end call or [`STALE_AFTER`] ends it.
    pub renews: bool,
}

/// How long a session whose server never asks again (SRS: it calls at the start and at the
/// end only) lives without its end call: a server that died without saying goodbye frees its
/// slots after this.
pub const STALE_AFTER: i64 = 12 * 3600;

/// A live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Live {
    /// How it opened.
    pub opening: Opening,
    /// When it opened (Unix seconds, the node's clock).
    pub started: i64,
    /// Its latest call from the media server.
    pub seen: i64,
    /// The server's cumulative byte count already counted.
    pub bytes: u64,
    /// Central asked for it to end: its next update is refused. Marked on the sessions live
    /// at the time, so the player may open a new one (which a block or limit would refuse).
    pub killed: bool,
}

/// How [`Sessions::admit`] went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admitted {
    /// A new session.
    Opened,
    /// The session was already open (the same player asking again).
    Again,
}

/// What an update of a session found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Updated {
    /// Counted; the session goes on.
    Counted,
    /// Central asked for the session's user to be disconnected: refuse this update, which
    /// ends it.
    Killed,
    /// No such session here (this node restarted, or it ended): decide it as a new one.
    Unknown,
}

#[derive(Debug, Default)]
struct Inner {
    live: HashMap<String, Live>,
    /// Baselines of sessions this node does not hold (ended, or spooled before a restart),
    /// with when they stopped being live.
    resting: HashMap<String, (u64, i64)>,
    /// Bytes counted since the last take, per user id.
    pending: Deltas,
    /// Baselines changed since the last take.
    changed: MarkChanges,
}

impl Inner {
    fn count(&mut self, key: &str, user: &str, bytes: u64, base: u64) {
        // A smaller count for the same session is a new counter, not a negative delta.
        let delta = if bytes >= base { bytes - base } else { bytes };
        if delta > 0 {
            self.pending
                .entry(user.to_owned())
                .or_default()
                .add(Traffic { tx: 0, rx: delta });
        }
        if bytes != base {
            self.changed.insert(key.to_owned(), Some(bytes));
        }
    }
}

/// The table.
#[derive(Debug, Default)]
pub struct Sessions {
    inner: Mutex<Inner>,
}

impl Sessions {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// The baselines spooled before this start: updates of those sessions count from there.
    pub fn restore(&self, marks: &Marks, now: i64) {
        let mut inner = self.inner.lock();
        for (key, bytes) in marks {
            inner.resting.insert(key.clone(), (*bytes, now));
        }
    }

    /// Opens session `key` for `opening`, unless its credential already has `limit` sessions
    /// here; a session already open is renewed (not counted twice). Checked and added under
    /// one lock.
    pub fn admit(
        &self,
        key: &str,
        opening: Opening,
        limit: Option<u32>,
        now: i64,
    ) -> Result<Admitted, Refusal> {
        let mut inner = self.inner.lock();
        if let Some(live) = inner.live.get_mut(key) {
            live.seen = now;
            return Ok(Admitted::Again);
        }
        if let Some(max) = limit {
            let open = inner
                .live
                .values()
                .filter(|l| l.opening.user == opening.user)
                .count();
            if open >= max as usize {
                return Err(Refusal::TooManySessions);
            }
        }
        let bytes = inner.resting.remove(key).map_or(0, |(b, _)| b);
        inner.live.insert(
            key.to_owned(),
            Live {
                opening,
                started: now,
                seen: now,
                bytes,
                killed: false,
            },
        );
        Ok(Admitted::Opened)
    }

    /// An update of session `key`: its cumulative `bytes` so far, when the server says them.
    pub fn update(&self, key: &str, bytes: Option<u64>, now: i64) -> Updated {
        let mut inner = self.inner.lock();
        let Some(live) = inner.live.get_mut(key) else {
            return Updated::Unknown;
        };
        live.seen = now;
        // A server that asks again about a session keeps asking (nginx-rtmp's on_update is
        // optional): from now on silence means the session is gone.
        live.opening.renews = true;
        let (user, base, killed) = (Arc::clone(&live.opening.user), live.bytes, live.killed);
        if let Some(b) = bytes {
            live.bytes = b;
            inner.count(key, &user, b, base);
        }
        if killed {
            Updated::Killed
        } else {
            Updated::Counted
        }
    }

    /// Session `key` ended (SRS `on_stop`, nginx-rtmp `play_done`), with its final count.
    pub fn end(&self, key: &str, bytes: Option<u64>, now: i64) {
        let mut inner = self.inner.lock();
        let Some(live) = inner.live.remove(key) else {
            return;
        };
        let last = bytes.unwrap_or(live.bytes);
        inner.count(key, &live.opening.user, last, live.bytes);
        inner.resting.insert(key.to_owned(), (last, now));
    }

    /// Ends sessions not seen for `idle` seconds (the AuthDuration plus a margin: the server
    /// would have asked again by then; [`STALE_AFTER`] for servers that never ask again) and
    /// forgets the baselines of those that ended
    /// `forget_after` seconds ago. Returns the keys it ended.
    pub fn sweep(&self, now: i64, idle: i64, forget_after: i64) -> Vec<String> {
        let mut inner = self.inner.lock();
        let gone: Vec<String> = inner
            .live
            .iter()
            .filter(|(_, l)| now - l.seen >= if l.opening.renews { idle } else { STALE_AFTER })
            .map(|(k, _)| k.clone())
            .collect();
        for key in &gone {
            if let Some(live) = inner.live.remove(key) {
                inner.resting.insert(key.clone(), (live.bytes, now));
            }
        }
        let old: Vec<String> = inner
            .resting
            .iter()
            .filter(|(_, (_, since))| now - since >= forget_after)
            .map(|(k, _)| k.clone())
            .collect();
        for key in old {
            inner.resting.remove(&key);
            inner.changed.insert(key, None);
        }
        gone
    }

    /// Central asked for these ids' sessions to end: each is refused at its next update.
    /// Returns how many live sessions that affects.
    pub fn kill(&self, users: &[String]) -> usize {
        let users: HashSet<&str> = users.iter().map(String::as_str).collect();
        let mut inner = self.inner.lock();
        let mut n = 0;
        for live in inner.live.values_mut() {
            if users.contains(&*live.opening.user) {
                live.killed = true;
                n += 1;
            }
        }
        n
    }

    /// Central asked for these sessions (by key) to end: each is refused at its next update.
    /// Returns how many are live here.
    pub fn kill_sessions(&self, keys: &[String]) -> usize {
        let mut inner = self.inner.lock();
        let mut n = 0;
        for key in keys {
            if let Some(live) = inner.live.get_mut(key) {
                live.killed = true;
                n += 1;
            }
        }
        n
    }

    /// Bytes counted since the last take, and the baselines they were counted from: spooled
    /// together by the runtime.
    pub fn take(&self) -> (Deltas, MarkChanges) {
        let mut inner = self.inner.lock();
        (
            std::mem::take(&mut inner.pending),
            std::mem::take(&mut inner.changed),
        )
    }

    /// Live sessions per id.
    pub fn online(&self) -> Online {
        let inner = self.inner.lock();
        let mut online = Online::new();
        for l in inner.live.values() {
            *online.entry(l.opening.user.to_string()).or_default() += 1;
        }
        online
    }

    /// Live sessions of one id.
    pub fn online_of(&self, user: &str) -> usize {
        self.inner
            .lock()
            .live
            .values()
            .filter(|l| &*l.opening.user == user)
            .count()
    }

    /// Every live session, for `/sessions` and central.
    pub fn list(&self) -> Vec<(String, Live)> {
        let inner = self.inner.lock();
        let mut all: Vec<(String, Live)> = inner
            .live
            .iter()
            .map(|(k, l)| (k.clone(), l.clone()))
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opening(user: &str) -> Opening {
        Opening {
            user: Arc::from(user),
            stream: "news".into(),
            proto: "hls".into(),
            addr: "198.51.100.7".into(),
            publish: false,
            renews: true,
        }
    }

    fn rx(d: &Deltas, user: &str) -> u64 {
        d.get(user).map_or(0, |t| t.rx)
    }

    #[test]
    fn cumulative_bytes_become_deltas_and_a_smaller_count_is_a_new_counter() {
        let s = Sessions::new();
        s.admit("s1", opening("alice:tv"), None, 0).unwrap();
        assert_eq!(s.update("s1", Some(1000), 10), Updated::Counted);
        assert_eq!(s.update("s1", Some(1000), 20), Updated::Counted, "repeated");
        assert_eq!(s.update("s1", Some(1500), 30), Updated::Counted);
        let (d, marks) = s.take();
        assert_eq!(rx(&d, "alice:tv"), 1500);
        assert_eq!(marks, [("s1".to_owned(), Some(1500))].into());
        // Out of order: an older, smaller count is a restarted counter, counted from zero.
        s.update("s1", Some(200), 40);
        s.update("s1", Some(700), 50);
        let (d, _) = s.take();
        assert_eq!(rx(&d, "alice:tv"), 700);
        assert_eq!(s.take(), (Deltas::new(), MarkChanges::new()), "taken once");
    }

    #[test]
    fn after_a_restart_updates_count_from_the_spooled_baseline() {
        let before = Sessions::new();
        before.admit("s1", opening("alice:tv"), None, 0).unwrap();
        before.update("s1", Some(1000), 10);
        let (_, marks) = before.take();
        // The node restarts: the spool gives back the baseline, the server asks again.
        let after = Sessions::new();
        let spooled: Marks = marks
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect();
        after.restore(&spooled, 100);
        assert_eq!(after.update("s1", Some(1200), 101), Updated::Unknown);
        after.admit("s1", opening("alice:tv"), None, 101).unwrap();
        after.update("s1", Some(1200), 101);
        let (d, _) = after.take();
        assert_eq!(
            rx(&d, "alice:tv"),
            200,
            "the 1,000 already spooled are not counted again"
        );
    }

    #[test]
    fn an_ended_sessions_late_update_does_not_count_its_bytes_again() {
        let s = Sessions::new();
        s.admit("s1", opening("alice:tv"), None, 0).unwrap();
        s.update("s1", Some(1000), 10);
        s.end("s1", Some(1100), 20);
        assert_eq!(rx(&s.take().0, "alice:tv"), 1100);
        // Within the grace period the baseline is kept: reopened, it counts only what is new.
        s.admit("s1", opening("alice:tv"), None, 30).unwrap();
        s.update("s1", Some(1150), 30);
        assert_eq!(rx(&s.take().0, "alice:tv"), 50);
        // Idle past its duration it ends; long after, its baseline is forgotten (and the
        // spool is told).
        assert_eq!(s.sweep(300, 200, 10_000), ["s1"]);
        assert!(s.online().is_empty());
        s.sweep(20_000, 200, 10_000);
        assert_eq!(s.take().1, [("s1".to_owned(), None)].into());
    }

    #[test]
    fn a_session_whose_server_never_asks_again_outlives_the_idle_sweep() {
        let s = Sessions::new();
        let quiet = Opening {
            renews: false,
            ..opening("alice:tv")
        };
        s.admit("srs-client", quiet, None, 0).unwrap();
        s.admit("flussonic", opening("bob"), None, 0).unwrap();
        assert_eq!(s.sweep(300, 240, 10_000), ["flussonic"]);
        assert_eq!(s.online()["alice:tv"], 1, "it plays until its on_stop");
        assert_eq!(s.sweep(STALE_AFTER, 240, 10_000 * 10), ["srs-client"]);
    }

    #[test]
    fn two_players_racing_for_the_last_slot_get_one_session() {
        for _ in 0..200 {
            let s = Arc::new(Sessions::new());
            s.admit("s0", opening("alice:tv"), Some(2), 0).unwrap();
            let barrier = Arc::new(std::sync::Barrier::new(2));
            let racers: Vec<_> = ["s1", "s2"]
                .into_iter()
                .map(|key| {
                    let (s, barrier) = (Arc::clone(&s), Arc::clone(&barrier));
                    std::thread::spawn(move || {
                        barrier.wait();
                        s.admit(key, opening("alice:tv"), Some(2), 1)
                    })
                })
                .collect();
            let results: Vec<_> = racers.into_iter().map(|r| r.join().unwrap()).collect();
            let won = results.iter().filter(|r| r.is_ok()).count();
            assert_eq!(won, 1, "{results:?}");
            assert!(results.contains(&Err(Refusal::TooManySessions)));
            assert_eq!(s.online()["alice:tv"], 2);
        }
        // The same player asking again is not a second session.
        let s = Sessions::new();
        s.admit("s1", opening("bob"), Some(1), 0).unwrap();
        assert_eq!(
            s.admit("s1", opening("bob"), Some(1), 5),
            Ok(Admitted::Again)
        );
    }

    #[test]
    fn a_killed_users_next_update_is_refused_and_others_go_on() {
        let s = Sessions::new();
        s.admit("s1", opening("alice:tv"), None, 0).unwrap();
        s.admit("s2", opening("bob"), None, 0).unwrap();
        assert_eq!(s.kill(&["alice:tv".into(), "nobody".into()]), 1);
        assert_eq!(s.update("s1", Some(10), 5), Updated::Killed);
        assert_eq!(s.update("s2", Some(10), 5), Updated::Counted);
        // Its last bytes still count.
        assert_eq!(rx(&s.take().0, "alice:tv"), 10);
        // The kill was for the sessions live then: one opened after it goes on.
        s.admit("s3", opening("alice:tv"), None, 6).unwrap();
        assert_eq!(s.update("s3", Some(20), 7), Updated::Counted);
    }

    #[test]
    fn one_ended_session_is_refused_and_the_same_tokens_others_go_on() {
        let s = Sessions::new();
        s.admit("s1", opening("alice:tv"), None, 0).unwrap();
        s.admit("s2", opening("alice:tv"), None, 0).unwrap();
        assert_eq!(s.kill_sessions(&["s1".into(), "gone".into()]), 1);
        assert_eq!(s.update("s1", Some(10), 5), Updated::Killed);
        assert_eq!(s.update("s2", Some(10), 5), Updated::Counted);
    }
}
