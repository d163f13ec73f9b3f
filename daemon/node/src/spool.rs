//! The durable traffic spool: every delta polled from Hysteria is on disk (fsync) before anything
//! else happens to it, and leaves only once central has acknowledged the batch holding it.
//!
//! The spool is an append-only log of JSON lines in the state directory:
//! `{"delta":{...}}` (a poll), `{"seal":N}` (pending deltas become batch N, frozen from then on:
//! central may already have applied it), `{"ack":N}` (central has batch N). It is compacted into a
//! single `{"snapshot":...}` line by write-to-temp-and-rename, so it stays as small as the set of
//! users with unreported traffic, however long central is away. Blocking I/O: call it from a
//! blocking thread.
//!
//! A plane whose counters are cumulative (a media server's `bytes` per session) also keeps its
//! baselines here: `{"marked":{"delta":{...},"marks":{...}}}` spools a delta together with the
//! baselines it was computed against, in one record. After a crash the plane resumes from the
//! baselines of the last delta that reached the disk, so bytes counted but not yet spooled are
//! counted again from there, and bytes spooled are never counted twice.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use hy_api::Traffic;
use hy_api::node::TrafficBatch;
use serde::{Deserialize, Serialize};

/// Deltas per user id.
pub type Deltas = BTreeMap<String, Traffic>;

/// A plane's counter baselines (by its own keys, e.g. a media server's session id): the
/// cumulative value already counted.
pub type Marks = BTreeMap<String, u64>;

/// Changes to [`Marks`]: a new baseline, or `None` to forget one (the counter is gone).
pub type MarkChanges = BTreeMap<String, Option<u64>>;

/// Compact once the log holds this many records.
const COMPACT_AFTER: usize = 64;

/// A batch sealed for sending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// Its sequence number.
    pub seq: u64,
    /// Its frozen content.
    pub users: Deltas,
}

/// What the spool holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpoolState {
    /// Random id of this spool, sent with every batch. Kept in the same record as the batches
    /// it numbers, so the two can never be separated (a new id with an old, already applied
    /// batch would count it twice).
    pub instance: String,
    /// The number the next sealed batch gets.
    pub next_seq: u64,
    /// The batch sent (or about to be) and not yet acknowledged.
    pub inflight: Option<Sealed>,
    /// Polled deltas not yet in a batch, merged per user.
    pub pending: Deltas,
    /// The plane's counter baselines, as of the last spooled delta.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: Marks,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Record {
    Snapshot(SpoolState),
    Delta(Deltas),
    Marked { delta: Deltas, marks: MarkChanges },
    Seal(u64),
    Ack(u64),
}

/// Why the spool could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SpoolError {
    /// File system failure.
    #[error("traffic spool {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The failure.
        source: io::Error,
    },
    /// A record in the middle of the log is unreadable: not a torn last write, real damage.
    #[error(
        "traffic spool {path} is damaged at line {line}; move it aside to start with an empty \
         spool (its unreported traffic is then lost)"
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
    },
}

/// The spool and its open log.
#[derive(Debug)]
pub struct Spool {
    path: PathBuf,
    file: File,
    records: usize,
    state: SpoolState,
}

fn merge(into: &mut Deltas, delta: &Deltas) {
    for (id, t) in delta.iter().filter(|(_, t)| !t.is_zero()) {
        into.entry(id.clone()).or_default().add(*t);
    }
}

impl Spool {
    /// Opens the spool in `dir` (creating it), replaying the log. A torn last line (a crash during
    /// an append, before its fsync) is dropped; damage anywhere else is an error.
    pub fn open(dir: &Path) -> Result<Self, SpoolError> {
        let path = dir.join("spool.log");
        let io_err = |source| SpoolError::Io {
            path: path.clone(),
            source,
        };
        let mut state = SpoolState {
            instance: hy_common::random::token(22),
            next_seq: 1,
            inflight: None,
            pending: Deltas::new(),
            marks: Marks::new(),
        };
        let mut records = 0;
        if path.exists() {
            // Bytes, not lines of text: a torn write may end inside a UTF-8 sequence.
            let bytes = fs::read(&path).map_err(io_err)?;
            let lines: Vec<&[u8]> = bytes
                .split(|b| *b == b'\n')
                .filter(|l| !l.is_empty())
                .collect();
            let last = lines.len();
            for (i, line) in lines.iter().enumerate() {
                match serde_json::from_slice::<Record>(line) {
                    // Every log starts with a snapshot (`open` writes one); one that does not
                    // has lost its instance id, and replaying it could double count.
                    Ok(record) if i == 0 && !matches!(record, Record::Snapshot(_)) => {
                        return Err(SpoolError::Corrupt {
                            path: path.clone(),
                            line: 1,
                        });
                    }
                    Ok(record) => {
                        apply(&mut state, record);
                        records += 1;
                    }
                    Err(_) if i + 1 == last => {
                        tracing::warn!(path = %path.display(), "dropping a torn last spool record");
                    }
                    Err(_) => {
                        return Err(SpoolError::Corrupt {
                            path: path.clone(),
                            line: i + 1,
                        });
                    }
                }
            }
        }
        let file = open_append(&path).map_err(io_err)?;
        let mut spool = Spool {
            path,
            file,
            records,
            state,
        };
        // Rewrites the log whole: this also removes a torn tail before new records follow it.
        spool.compact()?;
        Ok(spool)
    }

    /// The random id of this state directory, sent with every batch.
    pub fn instance(&self) -> &str {
        &self.state.instance
    }

    /// What the spool holds.
    pub fn state(&self) -> &SpoolState {
        &self.state
    }

    fn io(&self, source: io::Error) -> SpoolError {
        SpoolError::Io {
            path: self.path.clone(),
            source,
        }
    }

    fn append(&mut self, record: &Record) -> Result<(), SpoolError> {
        let mut line = serde_json::to_vec(record).map_err(|e| self.io(io::Error::other(e)))?;
        line.push(b'\n');
        self.file.write_all(&line).map_err(|e| self.io(e))?;
        self.file.sync_data().map_err(|e| self.io(e))?;
        self.records += 1;
        Ok(())
    }

    /// Makes a polled delta durable, then adds it to the pending batch.
    pub fn record_delta(&mut self, delta: &Deltas) -> Result<(), SpoolError> {
        if delta.values().all(|t| t.is_zero()) {
            return Ok(());
        }
        self.append(&Record::Delta(delta.clone()))?;
        merge(&mut self.state.pending, delta);
        self.maybe_compact()
    }

    /// Makes a delta and the baselines it was computed against durable in one record, then
    /// applies both.
    pub fn record_marked(&mut self, delta: &Deltas, marks: &MarkChanges) -> Result<(), SpoolError> {
        if marks.is_empty() {
            return self.record_delta(delta);
        }
        let record = Record::Marked {
            delta: delta.clone(),
            marks: marks.clone(),
        };
        self.append(&record)?;
        apply(&mut self.state, record);
        self.maybe_compact()
    }

    /// The batch to send now: the one in flight, or pending deltas sealed into a new one.
    pub fn next_batch(&mut self) -> Result<Option<TrafficBatch>, SpoolError> {
        if self.state.inflight.is_none() && !self.state.pending.is_empty() {
            let seq = self.state.next_seq;
            self.append(&Record::Seal(seq))?;
            apply(&mut self.state, Record::Seal(seq));
        }
        Ok(self.state.inflight.as_ref().map(|b| TrafficBatch {
            agent_version: Some(hy_api::VERSION.to_owned()),
            ..TrafficBatch::new(self.state.instance.clone(), b.seq, b.users.clone())
        }))
    }

    /// Central has batch `seq`: forget it.
    pub fn acknowledge(&mut self, seq: u64) -> Result<(), SpoolError> {
        if self.state.inflight.as_ref().is_some_and(|b| b.seq == seq) {
            self.append(&Record::Ack(seq))?;
            apply(&mut self.state, Record::Ack(seq));
            self.compact()?;
        }
        Ok(())
    }

    fn maybe_compact(&mut self) -> Result<(), SpoolError> {
        if self.records >= COMPACT_AFTER {
            self.compact()
        } else {
            Ok(())
        }
    }

    /// Replaces the log with one snapshot record (temp file, fsync, rename, fsync directory).
    fn compact(&mut self) -> Result<(), SpoolError> {
        let mut line = serde_json::to_vec(&Record::Snapshot(self.state.clone()))
            .map_err(|e| self.io(io::Error::other(e)))?;
        line.push(b'\n');
        hy_common::files::write_private(&self.path, &line).map_err(|e| self.io(e))?;
        self.file = open_append(&self.path).map_err(|e| self.io(e))?;
        self.records = 1;
        Ok(())
    }
}

fn apply(state: &mut SpoolState, record: Record) {
    match record {
        Record::Snapshot(s) => *state = s,
        Record::Delta(d) => merge(&mut state.pending, &d),
        Record::Marked { delta, marks } => {
            merge(&mut state.pending, &delta);
            for (key, mark) in marks {
                match mark {
                    Some(v) => {
                        state.marks.insert(key, v);
                    }
                    None => {
                        state.marks.remove(&key);
                    }
                }
            }
        }
        Record::Seal(seq) => {
            if state.inflight.is_none() {
                let users = std::mem::take(&mut state.pending);
                state.inflight = Some(Sealed { seq, users });
                state.next_seq = seq + 1;
            }
        }
        Record::Ack(seq) => {
            if state.inflight.as_ref().is_some_and(|b| b.seq == seq) {
                state.inflight = None;
            }
        }
    }
}

fn open_append(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(pairs: &[(&str, u64, u64)]) -> Deltas {
        pairs
            .iter()
            .map(|(id, tx, rx)| ((*id).to_owned(), Traffic { tx: *tx, rx: *rx }))
            .collect()
    }

    #[test]
    fn deltas_survive_reopen_and_batches_stay_frozen_until_acknowledged() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Spool::open(dir.path()).unwrap();
        let instance = s.instance().to_owned();
        s.record_delta(&d(&[("alice", 1, 2)])).unwrap();
        s.record_delta(&d(&[("alice", 10, 20), ("bob", 5, 0)]))
            .unwrap();
        let b1 = s.next_batch().unwrap().unwrap();
        assert_eq!(
            (b1.seq, b1.users.clone()),
            (1, d(&[("alice", 11, 22), ("bob", 5, 0)]))
        );
        // New deltas after sealing go to the next batch, not into the one in flight.
        s.record_delta(&d(&[("alice", 100, 0)])).unwrap();
        drop(s);

        let mut s = Spool::open(dir.path()).unwrap();
        assert_eq!(s.instance(), instance);
        assert_eq!(
            s.next_batch().unwrap().unwrap(),
            b1,
            "the in-flight batch is resent unchanged"
        );
        s.acknowledge(1).unwrap();
        let b2 = s.next_batch().unwrap().unwrap();
        assert_eq!((b2.seq, b2.users), (2, d(&[("alice", 100, 0)])));
        s.acknowledge(2).unwrap();
        assert_eq!(s.next_batch().unwrap(), None);
        drop(s);
        let mut s = Spool::open(dir.path()).unwrap();
        assert_eq!(s.next_batch().unwrap(), None);
        assert_eq!(s.state().next_seq, 3, "sequence numbers are never reused");
    }

    #[test]
    fn a_long_outage_keeps_the_spool_small() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Spool::open(dir.path()).unwrap();
        for i in 0..3_000u64 {
            s.record_delta(&d(&[("alice", i, 1), ("bob", 1, i)]))
                .unwrap();
        }
        let size = fs::metadata(dir.path().join("spool.log")).unwrap().len();
        assert!(
            size < 16 * 1024,
            "spool is {size} bytes after 3k polls of 2 users"
        );
        let b = s.next_batch().unwrap().unwrap();
        assert_eq!(
            b.users["alice"],
            Traffic {
                tx: (0..3_000).sum(),
                rx: 3_000
            }
        );
    }

    #[test]
    fn a_torn_last_record_is_dropped_but_damage_elsewhere_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Spool::open(dir.path()).unwrap();
        s.record_delta(&d(&[("alice", 1, 1)])).unwrap();
        drop(s);
        let path = dir.path().join("spool.log");
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(br#"{"delta":{"alice":{"tx":5"#).unwrap();
        drop(f);
        let mut s = Spool::open(dir.path()).unwrap();
        assert_eq!(
            s.next_batch().unwrap().unwrap().users,
            d(&[("alice", 1, 1)])
        );
        drop(s);

        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("garbage\n{text}")).unwrap();
        let err = Spool::open(dir.path()).unwrap_err();
        assert!(matches!(err, SpoolError::Corrupt { line: 1, .. }), "{err}");
    }

    #[test]
    fn baselines_travel_with_their_deltas_and_survive_reopen_and_compaction() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Spool::open(dir.path()).unwrap();
        let marks = |pairs: &[(&str, Option<u64>)]| -> MarkChanges {
            pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
        };
        s.record_marked(&d(&[("alice:tv", 0, 500)]), &marks(&[("s1", Some(500))]))
            .unwrap();
        s.record_marked(
            &d(&[("alice:tv", 0, 300)]),
            &marks(&[("s1", Some(800)), ("s2", Some(0))]),
        )
        .unwrap();
        drop(s);
        let mut s = Spool::open(dir.path()).unwrap();
        assert_eq!(
            s.state().marks,
            [("s1".into(), 800), ("s2".into(), 0)].into()
        );
        assert_eq!(s.state().pending, d(&[("alice:tv", 0, 800)]));
        // A counter that is gone is forgotten; enough records to compact keep the rest.
        s.record_marked(&Deltas::new(), &marks(&[("s2", None)]))
            .unwrap();
        for i in 0..COMPACT_AFTER as u64 {
            s.record_marked(&d(&[("alice:tv", 0, 1)]), &marks(&[("s1", Some(801 + i))]))
                .unwrap();
        }
        drop(s);
        let s = Spool::open(dir.path()).unwrap();
        assert_eq!(
            s.state().marks,
            [("s1".into(), 800 + COMPACT_AFTER as u64)].into()
        );
        assert_eq!(s.state().pending["alice:tv"].rx, 800 + COMPACT_AFTER as u64);
    }

    #[test]
    fn a_spool_written_before_baselines_opens_without_any() {
        let dir = tempfile::tempdir().unwrap();
        let old = r#"{"snapshot":{"instance":"old-one","next_seq":4,"inflight":null,"pending":{"bob":{"tx":1,"rx":2}}}}"#;
        std::fs::write(dir.path().join("spool.log"), format!("{old}\n")).unwrap();
        let s = Spool::open(dir.path()).unwrap();
        assert_eq!(s.instance(), "old-one");
        assert!(s.state().marks.is_empty());
        assert_eq!(s.state().pending, d(&[("bob", 1, 2)]));
    }
}
