//! An RTMP client for tests, over `rml_rtmp`'s sans-IO handshake and session: connects to an
//! application, then plays or publishes one stream, as a player or an encoder would (`name` may
//! carry `?token=...`, which nginx-rtmp hands to its notifications as the play arguments).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, bail};
use rml_rtmp::handshake::{Handshake, HandshakeProcessResult, PeerType};
use rml_rtmp::sessions::{
    ClientSession, ClientSessionConfig, ClientSessionEvent, ClientSessionResult, PublishRequestType,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long a step may take before the test fails.
const STEP: Duration = Duration::from_secs(10);

/// A connected client.
pub struct RtmpClient {
    stream: TcpStream,
    session: ClientSession,
    events: VecDeque<ClientSessionEvent>,
    closed: bool,
}

impl std::fmt::Debug for RtmpClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RtmpClient")
            .field("closed", &self.closed)
            .finish_non_exhaustive()
    }
}

impl RtmpClient {
    /// Connects to `app` at `addr` (handshake and `connect` accepted).
    pub async fn connect(addr: SocketAddr, app: &str) -> anyhow::Result<Self> {
        let mut stream = TcpStream::connect(addr).await?;
        let mut handshake = Handshake::new(PeerType::Client);
        stream
            .write_all(&handshake.generate_outbound_p0_and_p1()?)
            .await?;
        let mut buf = vec![0u8; 64 * 1024];
        let rest = loop {
            let n = tokio::time::timeout(STEP, stream.read(&mut buf)).await??;
            if n == 0 {
                bail!("the server closed the connection during the handshake");
            }
            match handshake.process_bytes(&buf[..n])? {
                HandshakeProcessResult::InProgress { response_bytes } => {
                    stream.write_all(&response_bytes).await?;
                }
                HandshakeProcessResult::Completed {
                    response_bytes,
                    remaining_bytes,
                } => {
                    stream.write_all(&response_bytes).await?;
                    break remaining_bytes;
                }
            }
        };
        let mut config = ClientSessionConfig::new();
        config.tc_url = Some(format!("rtmp://{addr}/{app}"));
        let (session, results) = ClientSession::new(config)?;
        let mut client = Self {
            stream,
            session,
            events: VecDeque::new(),
            closed: false,
        };
        client.handle(results).await?;
        let results = client.session.handle_input(&rest)?;
        client.handle(results).await?;
        let request = client.session.request_connection(app.to_owned())?;
        client.handle(vec![request]).await?;
        match client.next_event().await? {
            Some(ClientSessionEvent::ConnectionRequestAccepted) => Ok(client),
            other => bail!("connect to {app} was not accepted: {other:?}"),
        }
    }

    /// Plays `name`: `true` once the server starts playback, `false` when it refuses (nginx-rtmp
    /// closes the connection).
    pub async fn play(&mut self, name: &str) -> anyhow::Result<bool> {
        let request = self.session.request_playback(name.to_owned())?;
        self.handle(vec![request]).await?;
        self.until(|e| matches!(e, ClientSessionEvent::PlaybackRequestAccepted))
            .await
    }

    /// Publishes `name` live: `true` once the server accepts, `false` when it refuses.
    pub async fn publish(&mut self, name: &str) -> anyhow::Result<bool> {
        let request = self
            .session
            .request_publishing(name.to_owned(), PublishRequestType::Live)?;
        self.handle(vec![request]).await?;
        self.until(|e| matches!(e, ClientSessionEvent::PublishRequestAccepted))
            .await
    }

    /// Waits until the server closes the connection (answering its pings meanwhile), for at
    /// most `within`: `true` when it did.
    pub async fn closed_within(&mut self, within: Duration) -> anyhow::Result<bool> {
        let wait = async {
            while self.next_event().await?.is_some() {}
            anyhow::Ok(())
        };
        match tokio::time::timeout(within, wait).await {
            Ok(r) => r.map(|()| true),
            Err(_) => Ok(false),
        }
    }

    /// Events until one matches `want` (`true`) or the connection closes (`false`).
    async fn until(&mut self, want: impl Fn(&ClientSessionEvent) -> bool) -> anyhow::Result<bool> {
        tokio::time::timeout(STEP, async {
            loop {
                match self.next_event().await? {
                    Some(e) if want(&e) => return Ok(true),
                    Some(_) => {}
                    None => return Ok(false),
                }
            }
        })
        .await
        .context("the server did not answer in time")?
    }

    /// The next event from the server, or `None` once it closed the connection.
    async fn next_event(&mut self) -> anyhow::Result<Option<ClientSessionEvent>> {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            if let Some(e) = self.events.pop_front() {
                return Ok(Some(e));
            }
            if self.closed {
                return Ok(None);
            }
            let n = match self.stream.read(&mut buf).await {
                Ok(n) => n,
                // A reset is the server dropping the client too.
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => 0,
                Err(e) => return Err(e.into()),
            };
            if n == 0 {
                self.closed = true;
                continue;
            }
            let results = self.session.handle_input(&buf[..n])?;
            self.handle(results).await?;
        }
    }

    /// Sends what the session wants sent and queues its events.
    async fn handle(&mut self, results: Vec<ClientSessionResult>) -> anyhow::Result<()> {
        for r in results {
            match r {
                ClientSessionResult::OutboundResponse(packet) => {
                    if self.stream.write_all(&packet.bytes).await.is_err() {
                        self.closed = true;
                    }
                }
                ClientSessionResult::RaisedEvent(e) => self.events.push_back(e),
                ClientSessionResult::UnhandleableMessageReceived(_) => {}
            }
        }
        Ok(())
    }
}
