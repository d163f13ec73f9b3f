//! Live sessions of a data plane that moves the bytes itself (the proxy and gateway to come,
//! and the runtime's own test plane): who is connected, their byte counters, and a handle the
//! runtime cancels when the user loses access, so such a plane cuts a user off at once instead
//! of kicking.
//!
//! [`Sessions`] is a [`Plane`]: the runtime takes its counters as it takes Hysteria's
//! `/traffic?clear=1`, counts its sessions for device limits, and closes users through it. A
//! connection opens a [`Session`], wraps its client stream in [`Counted`] so bytes are counted
//! as they move (a long session reaches quota checks while it lasts, not at its end), and
//! drops the session when it ends, which unregisters it.
//!
//! Every byte is taken exactly once: counters are drained with an atomic swap, by the
//! collector while the session lives and by the session's drop at its end (into `ended`, which
//! the next collection drains). **Loss bound**: bytes counted since the last collection live in
//! memory only, so a crash of the node loses at most one collection interval of traffic
//! (`take_traffic` hands them to the spool, which fsyncs before anything else).

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use parking_lot::Mutex;
use std::task::{Context, Poll};

use hy_api::Traffic;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_util::sync::{CancellationToken, WaitForCancellationFuture};

use crate::plane::{Online, Plane, PlaneError};
use crate::spool::Deltas;

/// Bytes a session moved since they were last taken.
#[derive(Debug, Default)]
pub struct Counters {
    /// From the client (its upload).
    tx: AtomicU64,
    /// To the client (its download).
    rx: AtomicU64,
}

impl Counters {
    /// Counts `n` bytes from the client.
    pub fn add_tx(&self, n: u64) {
        self.tx.fetch_add(n, Ordering::Relaxed);
    }

    /// Counts `n` bytes to the client.
    pub fn add_rx(&self, n: u64) {
        self.rx.fetch_add(n, Ordering::Relaxed);
    }

    /// Takes what was counted, leaving zero: each byte is taken once.
    fn take(&self) -> Traffic {
        Traffic {
            tx: self.tx.swap(0, Ordering::Relaxed),
            rx: self.rx.swap(0, Ordering::Relaxed),
        }
    }
}

#[derive(Debug)]
struct Live {
    counters: Arc<Counters>,
    close: CancellationToken,
}

#[derive(Debug, Default)]
struct Inner {
    /// Live sessions by user, then by session id: counting and closing one user's sessions
    /// (the auth path's device check, revocation) costs that user's sessions, not everyone's.
    live: Mutex<HashMap<Arc<str>, HashMap<u64, Live>>>,
    /// Bytes of sessions that ended since the last collection.
    ended: Mutex<Deltas>,
    next: AtomicU64,
}

/// The registry of live sessions; cheap to clone.
#[derive(Debug, Clone)]
pub struct Sessions {
    name: &'static str,
    display: &'static str,
    inner: Arc<Inner>,
}

impl Sessions {
    /// An empty registry for a plane called `name` (health key) and `display` (logs).
    pub fn new(name: &'static str, display: &'static str) -> Self {
        Self {
            name,
            display,
            inner: Arc::default(),
        }
    }

    /// Registers a session of `user`; it lasts until the returned handle is dropped.
    pub fn open(&self, user: Arc<str>) -> Session {
        let id = self.inner.next.fetch_add(1, Ordering::Relaxed);
        let counters = Arc::new(Counters::default());
        let close = CancellationToken::new();
        self.inner
            .live
            .lock()
            .entry(Arc::clone(&user))
            .or_default()
            .insert(
                id,
                Live {
                    counters: Arc::clone(&counters),
                    close: close.clone(),
                },
            );
        Session {
            id,
            user,
            counters,
            close,
            inner: Arc::clone(&self.inner),
        }
    }

    /// Live sessions of `user`.
    pub fn count(&self, user: &str) -> u64 {
        let live = self.inner.live.lock();
        live.get(user).map_or(0, |s| s.len() as u64)
    }

    /// Closes every session of these users; returns how many were closed.
    pub fn close_users(&self, users: &[String]) -> usize {
        let live = self.inner.live.lock();
        let mut closed = 0;
        for s in users
            .iter()
            .filter_map(|u| live.get(u.as_str()))
            .flat_map(|sessions| sessions.values())
        {
            if !s.close.is_cancelled() {
                s.close.cancel();
                closed += 1;
            }
        }
        closed
    }
}

impl Plane for Sessions {
    fn name(&self) -> &'static str {
        self.name
    }

    fn display(&self) -> &'static str {
        self.display
    }

    async fn take_traffic(&self) -> Result<Deltas, PlaneError> {
        let mut out = std::mem::take(&mut *self.inner.ended.lock());
        let live = self.inner.live.lock();
        for (user, sessions) in live.iter() {
            for s in sessions.values() {
                let t = s.counters.take();
                if !t.is_zero() {
                    out.entry(user.to_string()).or_default().add(t);
                }
            }
        }
        Ok(out)
    }

    async fn online(&self) -> Result<Online, PlaneError> {
        let live = self.inner.live.lock();
        Ok(live
            .iter()
            .map(|(user, sessions)| (user.to_string(), sessions.len() as u64))
            .collect())
    }

    async fn online_of(&self, user: &str) -> Result<u64, PlaneError> {
        Ok(self.count(user))
    }

    async fn close(&self, users: &[String]) -> Result<(), PlaneError> {
        self.close_users(users);
        Ok(())
    }
}

/// One live session. Dropping it ends the session: it leaves the registry and its last bytes
/// go to the next collection.
#[derive(Debug)]
pub struct Session {
    id: u64,
    user: Arc<str>,
    counters: Arc<Counters>,
    close: CancellationToken,
    inner: Arc<Inner>,
}

impl Session {
    /// The user it belongs to.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Its counters, to count bytes that do not pass through [`Counted`].
    pub fn counters(&self) -> &Arc<Counters> {
        &self.counters
    }

    /// Resolves when the runtime closes this session (the user lost access): the plane stops
    /// moving its bytes and drops it.
    pub fn closed(&self) -> WaitForCancellationFuture<'_> {
        self.close.cancelled()
    }

    /// True once the runtime closed it.
    pub fn is_closed(&self) -> bool {
        self.close.is_cancelled()
    }

    /// `stream` with its bytes counted into this session as they move.
    pub fn count<S>(&self, stream: S) -> Counted<S> {
        Counted {
            inner: stream,
            counters: Arc::clone(&self.counters),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        {
            let mut live = self.inner.live.lock();
            if let Some(sessions) = live.get_mut(&self.user) {
                sessions.remove(&self.id);
                if sessions.is_empty() {
                    live.remove(&self.user);
                }
            }
        }
        let last = self.counters.take();
        if !last.is_zero() {
            self.inner
                .ended
                .lock()
                .entry(self.user.to_string())
                .or_default()
                .add(last);
        }
    }
}

/// A client stream whose reads count as the client's upload (`tx`) and writes as its download
/// (`rx`), at the moment they happen.
#[derive(Debug)]
pub struct Counted<S> {
    inner: S,
    counters: Arc<Counters>,
}

impl<S: AsyncRead + Unpin> AsyncRead for Counted<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = polled {
            self.counters.add_tx((buf.filled().len() - before) as u64);
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Counted<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = polled {
            self.counters.add_rx(n as u64);
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    #[tokio::test]
    async fn every_byte_is_taken_once_while_live_and_after_the_end() {
        let sessions = Sessions::new("test", "the test plane");
        let a = sessions.open("alice".into());
        let (client, server) = tokio::io::duplex(64);
        let mut counted = a.count(server);
        let mut client = client;
        client.write_all(b"hello").await.unwrap();
        let mut buf = [0u8; 5];
        counted.read_exact(&mut buf).await.unwrap();
        counted.write_all(b"hi").await.unwrap();
        let first = sessions.take_traffic().await.unwrap();
        assert_eq!(first["alice"], Traffic { tx: 5, rx: 2 });
        assert!(
            sessions.take_traffic().await.unwrap().is_empty(),
            "taken once"
        );
        counted.write_all(b"bye").await.unwrap();
        assert_eq!(sessions.count("alice"), 1);
        drop(counted);
        drop(a);
        assert_eq!(sessions.count("alice"), 0);
        assert_eq!(
            sessions.take_traffic().await.unwrap()["alice"],
            Traffic { tx: 0, rx: 3 },
            "the last bytes of an ended session"
        );
        assert!(sessions.take_traffic().await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn closing_a_user_cancels_only_their_sessions() {
        let sessions = Sessions::new("test", "the test plane");
        let (a1, a2, b) = (
            sessions.open("alice".into()),
            sessions.open("alice".into()),
            sessions.open("bob".into()),
        );
        assert_eq!(sessions.online().await.unwrap()["alice"], 2);
        sessions.close(&["alice".into()]).await.unwrap();
        a1.closed().await;
        assert!(a2.is_closed() && !b.is_closed());
        assert_eq!(sessions.close_users(&["alice".into()]), 0, "already closed");
    }
}
