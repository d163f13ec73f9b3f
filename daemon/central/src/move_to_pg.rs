//! `hyctl central migrate --from central.db --to postgres://...`: moving an installation from
//! SQLite to PostgreSQL in one pass. Everything is copied (users, servers, assignments, list
//! revisions, traffic totals, history, report cursors, usage resets, the auth log, and the
//! tokens in `meta`) from one read transaction of the source (a consistent snapshot, even of a
//! running central) into one transaction of the target, which commits only after the counts and
//! traffic sums of both sides were compared and found equal. Device counts are not copied:
//! nodes send them again within a minute.

use std::path::Path;

use rusqlite::types::ValueRef;
use tokio_postgres::types::ToSql;

use crate::pg::{PgError, Target};

/// How a column is carried over.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// INTEGER → BIGINT (NULL allowed).
    Int,
    /// INTEGER 0/1 → BOOLEAN.
    Bool,
    /// TEXT → TEXT (NULL allowed).
    Text,
    /// BLOB → BYTEA.
    Bytes,
    /// REAL → DOUBLE PRECISION.
    Real,
}

/// One table to copy, in an order that satisfies the foreign keys.
struct Table {
    name: &'static str,
    columns: &'static [(&'static str, Kind)],
    /// For rows the target's triggers already created (a user's usage row, a server's
    /// revision): the conflict target whose row is overwritten with the source's.
    upsert: Option<&'static str>,
}

use Kind::{Bool, Bytes, Int, Real, Text};

const TABLES: &[Table] = &[
    Table {
        name: "meta",
        columns: &[("key", Text), ("value", Text)],
        upsert: Some("key"),
    },
    Table {
        name: "users",
        columns: &[
            ("pk", Int),
            ("id", Text),
            ("secret", Text),
            ("secret_sha256", Text),
            ("created_at", Int),
            ("updated_at", Int),
            ("enabled", Bool),
            ("data_limit", Int),
            ("reset_strategy", Text),
            ("period_start", Int),
            ("next_reset_at", Int),
            ("expires_at", Int),
            ("expire_after", Int),
            ("max_devices", Int),
            ("allowed_ips", Text),
            ("note", Text),
            ("first_connected_at", Int),
            ("last_online_at", Int),
            ("email", Text),
            ("display_name", Text),
            ("telegram_id", Int),
            ("sub_token", Text),
            ("sub_sha256", Text),
            ("sub_revoked_at", Int),
            ("kick_seq", Int),
        ],
        upsert: None,
    },
    Table {
        name: "quota_usage",
        columns: &[("user_pk", Int), ("period_used", Int)],
        upsert: Some("user_pk"),
    },
    Table {
        name: "usage_resets",
        columns: &[
            ("user_pk", Int),
            ("at", Int),
            ("period_used", Int),
            ("reason", Text),
        ],
        upsert: None,
    },
    Table {
        name: "servers",
        columns: &[
            ("pk", Int),
            ("id", Text),
            ("id_sha256", Bytes),
            ("name", Text),
            ("created_at", Int),
            ("last_seen_at", Int),
            ("agent_version", Text),
            ("unattributed_tx", Int),
            ("unattributed_rx", Int),
            ("traffic_multiplier", Real),
            ("link", Text),
            ("kind", Text),
            ("list_rev_seen", Int),
        ],
        upsert: None,
    },
    Table {
        name: "devices",
        columns: &[
            ("pk", Int),
            ("user_pk", Int),
            ("name", Text),
            ("secret", Text),
            ("secret_sha256", Text),
            ("blocked", Bool),
            ("valid_from", Int),
            ("valid_until", Int),
            ("allowed_ips", Text),
            ("max_sessions", Int),
            ("note", Text),
            ("created_at", Int),
            ("updated_at", Int),
            ("tx", Int),
            ("rx", Int),
            ("first_seen_at", Int),
            ("first_seen_server", Int),
            ("last_seen_at", Int),
            ("last_seen_server", Int),
            ("last_seen_addr", Text),
            ("kick_seq", Int),
            ("allowed_streams", Text),
            ("publisher", Bool),
        ],
        upsert: None,
    },
    Table {
        name: "assignments",
        columns: &[("server_pk", Int), ("user_pk", Int), ("created_at", Int)],
        upsert: None,
    },
    // After the assignments, whose triggers moved the revisions the source's now replace.
    Table {
        name: "list_revisions",
        columns: &[("server_pk", Int), ("rev", Int)],
        upsert: Some("server_pk"),
    },
    Table {
        name: "report_cursors",
        columns: &[
            ("server_pk", Int),
            ("instance", Text),
            ("last_seq", Int),
            ("updated_at", Int),
        ],
        upsert: None,
    },
    Table {
        name: "traffic",
        columns: &[
            ("server_pk", Int),
            ("user_pk", Int),
            ("tx", Int),
            ("rx", Int),
        ],
        upsert: None,
    },
    Table {
        name: "traffic_hourly",
        columns: &[
            ("hour", Int),
            ("server_pk", Int),
            ("user_pk", Int),
            ("tx", Int),
            ("rx", Int),
            ("closed", Bool),
        ],
        upsert: None,
    },
    Table {
        name: "history_rollup",
        columns: &[("one", Int), ("closed_before", Int)],
        upsert: Some("one"),
    },
    Table {
        name: "auth_log",
        columns: &[
            ("pk", Int),
            ("server_pk", Int),
            ("event_id", Text),
            ("at", Int),
            ("user_id", Text),
            ("addr", Text),
            ("allowed", Bool),
            ("reason", Text),
        ],
        upsert: None,
    },
    Table {
        name: "api_tokens",
        columns: &[
            ("pk", Int),
            ("name", Text),
            ("role", Text),
            ("digest", Text),
            ("created_at", Int),
            ("expires_at", Int),
            ("last_used_at", Int),
        ],
        upsert: None,
    },
    Table {
        name: "audit_log",
        columns: &[
            ("pk", Int),
            ("at", Int),
            ("actor", Text),
            ("addr", Text),
            ("method", Text),
            ("route", Text),
            ("path", Text),
            ("status", Int),
            ("request", Text),
            ("before", Text),
            ("after", Text),
        ],
        upsert: None,
    },
    Table {
        name: "admins",
        columns: &[
            ("pk", Int),
            ("username", Text),
            ("password_hash", Text),
            ("totp_secret", Text),
            ("role", Text),
            ("created_at", Int),
            ("last_login_at", Int),
        ],
        upsert: None,
    },
    Table {
        name: "admin_sessions",
        columns: &[
            ("pk", Int),
            ("admin_pk", Int),
            ("access_digest", Text),
            ("refresh_digest", Text),
            ("created_at", Int),
            ("access_expires_at", Int),
            ("refresh_expires_at", Int),
        ],
        upsert: None,
    },
    Table {
        name: "events",
        columns: &[
            ("pk", Int),
            ("at", Int),
            ("type", Text),
            ("subject", Text),
            ("data", Text),
        ],
        upsert: None,
    },
    Table {
        name: "online_sessions",
        columns: &[
            ("server_pk", Int),
            ("user_pk", Int),
            ("device", Text),
            ("count", Int),
            ("at", Int),
        ],
        upsert: None,
    },
    Table {
        name: "webhooks",
        columns: &[
            ("pk", Int),
            ("url", Text),
            ("types", Text),
            ("secret", Text),
            ("created_at", Int),
            ("after", Int),
            ("failures", Int),
            ("retry_at", Int),
        ],
        upsert: None,
    },
    Table {
        name: "webhook_deliveries",
        columns: &[
            ("pk", Int),
            ("webhook_pk", Int),
            ("event_id", Int),
            ("at", Int),
            ("status", Int),
            ("error", Text),
        ],
        upsert: None,
    },
    Table {
        name: "session_ends",
        columns: &[("server_pk", Int), ("key", Text), ("at", Int)],
        upsert: None,
    },
];

/// Tables whose keys come from an identity, set past the copied keys afterwards.
const IDENTITIES: &[&str] = &[
    "users",
    "servers",
    "devices",
    "auth_log",
    "api_tokens",
    "audit_log",
    "admins",
    "admin_sessions",
    "events",
    "webhooks",
    "webhook_deliveries",
];

/// Statements sent at once on the target's connection (pipelined): round trips, not rows,
/// are what a copy of millions of rows waits on.
const PIPELINE: usize = 512;

/// What was copied: rows per table, and the traffic sums both sides agreed on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Moved {
    /// `(table, rows)` in copy order.
    pub rows: Vec<(&'static str, i64)>,
    /// Lifetime traffic (tx, rx) summed over every row.
    pub traffic: (i64, i64),
    /// Hourly history (tx, rx) summed over every bucket.
    pub history: (i64, i64),
}

/// One owned value of a row, ready for PostgreSQL.
#[derive(Debug)]
enum Cell {
    Int(Option<i64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Bytes(Option<Vec<u8>>),
    Real(Option<f64>),
}

impl Cell {
    fn read(v: ValueRef<'_>, kind: Kind) -> Result<Self, String> {
        let bad = || format!("unexpected {:?} for a {kind:?} column", v.data_type());
        Ok(match (kind, v) {
            (Kind::Int, ValueRef::Null) => Self::Int(None),
            (Kind::Int, ValueRef::Integer(i)) => Self::Int(Some(i)),
            (Kind::Bool, ValueRef::Null) => Self::Bool(None),
            (Kind::Bool, ValueRef::Integer(i)) => Self::Bool(Some(i != 0)),
            (Kind::Text, ValueRef::Null) => Self::Text(None),
            (Kind::Text, ValueRef::Text(t)) => {
                Self::Text(Some(String::from_utf8_lossy(t).into_owned()))
            }
            (Kind::Bytes, ValueRef::Null) => Self::Bytes(None),
            (Kind::Bytes, ValueRef::Blob(b)) => Self::Bytes(Some(b.to_vec())),
            (Kind::Real, ValueRef::Null) => Self::Real(None),
            (Kind::Real, ValueRef::Real(r)) => Self::Real(Some(r)),
            (Kind::Real, ValueRef::Integer(i)) => Self::Real(Some(i as f64)),
            _ => return Err(bad()),
        })
    }

    fn sql(&self) -> &(dyn ToSql + Sync) {
        match self {
            Self::Int(v) => v,
            Self::Bool(v) => v,
            Self::Text(v) => v,
            Self::Bytes(v) => v,
            Self::Real(v) => v,
        }
    }
}

/// Why a move failed; nothing is committed on the target then.
#[derive(Debug, thiserror::Error)]
pub enum MoveError {
    /// The source could not be read.
    #[error("reading {path}: {reason}")]
    Source {
        /// The SQLite file.
        path: String,
        /// What went wrong.
        reason: String,
    },
    /// The target refused.
    #[error(transparent)]
    Target(#[from] PgError),
    /// The target already holds an installation.
    #[error(
        "the PostgreSQL database already holds {users} users and {servers} servers; \
         give --force to replace them"
    )]
    NotEmpty {
        /// Users found.
        users: i64,
        /// Servers found.
        servers: i64,
    },
    /// The copy does not add up (a bug; nothing was committed).
    #[error("the copy does not match the source: {0}; nothing was committed")]
    Mismatch(String),
}

fn source_err(path: &Path, e: impl std::fmt::Display) -> MoveError {
    MoveError::Source {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Reads every table of `from` in one snapshot: `(table, rows)`.
fn read_source(from: &Path) -> Result<Vec<Vec<Vec<Cell>>>, MoveError> {
    if !from.is_file() {
        return Err(source_err(
            from,
            "no such file (give central's SQLite database)",
        ));
    }
    // Through `Db::open`, so an older file is upgraded first, exactly as central would.
    let db = crate::db::Db::open(from).map_err(|e| source_err(from, e))?;
    db.call_blocking(|conn| {
        let tx = conn.transaction()?;
        let mut all = Vec::new();
        for table in TABLES {
            let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
            let mut stmt = tx.prepare(&format!(
                "SELECT {} FROM {} ORDER BY {}",
                names.join(", "),
                table.name,
                names[0]
            ))?;
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            while let Some(row) = rows.next()? {
                let mut cells = Vec::with_capacity(table.columns.len());
                for (i, (_, kind)) in table.columns.iter().enumerate() {
                    cells.push(
                        Cell::read(row.get_ref(i)?, *kind).map_err(|e| {
                            crate::db::DbError::Schema(format!("{}: {e}", table.name))
                        })?,
                    );
                }
                out.push(cells);
            }
            all.push(out);
        }
        Ok(all)
    })
    .map_err(|e| source_err(from, e))
}

/// Copies `from` into `to` (migrated to the latest schema first). Refuses a target that holds
/// users or servers unless `force`, which empties it first.
pub async fn move_to(from: &Path, to: &Target, force: bool) -> Result<Moved, MoveError> {
    let path = from.to_owned();
    let source = tokio::task::spawn_blocking(move || read_source(&path))
        .await
        .map_err(|e| source_err(from, e))??;
    let pool = to.pool(1)?;
    crate::pg::migrate(&pool).await?;
    let mut client = pool.get().await.map_err(|e| PgError::Pool(e.to_string()))?;
    let tx = client.transaction().await.map_err(PgError::from)?;
    let held: (i64, i64) = {
        let row = tx
            .query_one(
                "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM servers)",
                &[],
            )
            .await
            .map_err(PgError::from)?;
        (row.get(0), row.get(1))
    };
    if held != (0, 0) {
        if !force {
            return Err(MoveError::NotEmpty {
                users: held.0,
                servers: held.1,
            });
        }
        let names: Vec<&str> = TABLES.iter().map(|t| t.name).collect();
        tx.batch_execute(&format!(
            "TRUNCATE {}, online_devices RESTART IDENTITY CASCADE",
            names.join(", ")
        ))
        .await
        .map_err(PgError::from)?;
    }
    let mut moved = Moved::default();
    for (table, rows) in TABLES.iter().zip(&source) {
        let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
        let params: Vec<String> = (1..=names.len()).map(|i| format!("${i}")).collect();
        let conflict = match table.upsert {
            Some(key) => {
                let set: Vec<String> = names
                    .iter()
                    .filter(|n| **n != key)
                    .map(|n| format!("{n} = EXCLUDED.{n}"))
                    .collect();
                format!(" ON CONFLICT ({key}) DO UPDATE SET {}", set.join(", "))
            }
            None => String::new(),
        };
        let stmt = tx
            .prepare(&format!(
                "INSERT INTO {} ({}) VALUES ({}){conflict}",
                table.name,
                names.join(", "),
                params.join(", ")
            ))
            .await
            .map_err(PgError::from)?;
        for chunk in rows.chunks(PIPELINE) {
            let sends = chunk.iter().map(|row| {
                let values: Vec<&(dyn ToSql + Sync)> = row.iter().map(Cell::sql).collect();
                let (tx, stmt) = (&tx, &stmt);
                async move { tx.execute(stmt, &values).await }
            });
            futures_util::future::try_join_all(sends)
                .await
                .map_err(PgError::from)?;
        }
        moved.rows.push((table.name, rows.len() as i64));
    }
    for table in IDENTITIES {
        tx.execute(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'pk'),
                     COALESCE((SELECT MAX(pk) FROM {table}), 0) + 1, false)"
            ),
            &[],
        )
        .await
        .map_err(PgError::from)?;
    }
    // Both sides compared before anything is committed.
    for (name, expected) in &moved.rows {
        let n: i64 = tx
            .query_one(&format!("SELECT COUNT(*) FROM {name}"), &[])
            .await
            .map_err(PgError::from)?
            .get(0);
        if n != *expected {
            return Err(MoveError::Mismatch(format!(
                "{name} has {n} rows, the source {expected}"
            )));
        }
    }
    // The counters of a table in the source, summed: `tx` and `rx` are named columns.
    let sums = |name: &str| {
        let at = TABLES.iter().position(|t| t.name == name).unwrap_or(0);
        let col = |c: &str| TABLES[at].columns.iter().position(|(n, _)| *n == c);
        let (Some(tx_col), Some(rx_col)) = (col("tx"), col("rx")) else {
            return (0, 0);
        };
        let value = |row: &Vec<Cell>, i: usize| match &row[i] {
            Cell::Int(Some(v)) => *v,
            _ => 0,
        };
        source[at].iter().fold((0i64, 0i64), |(a, b), r| {
            (
                a.saturating_add(value(r, tx_col)),
                b.saturating_add(value(r, rx_col)),
            )
        })
    };
    moved.traffic = sums("traffic");
    moved.history = sums("traffic_hourly");
    for (table, expected) in [
        ("traffic", moved.traffic),
        ("traffic_hourly", moved.history),
    ] {
        let row = tx
            .query_one(
                &format!(
                    "SELECT COALESCE(SUM(tx), 0)::BIGINT, COALESCE(SUM(rx), 0)::BIGINT FROM {table}"
                ),
                &[],
            )
            .await
            .map_err(PgError::from)?;
        let got: (i64, i64) = (row.get(0), row.get(1));
        if got != expected {
            return Err(MoveError::Mismatch(format!(
                "{table} sums to {got:?}, the source to {expected:?}"
            )));
        }
    }
    tx.commit().await.map_err(PgError::from)?;
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::TABLES;

    /// Tables a move leaves behind: who is online where is a node's latest word, rebuilt by
    /// its next report; panel sign-ins are browsers' and cheap to redo after a move.
    const NOT_MOVED: &[&str] = &["online_devices", "panel_sessions", "stream_sessions"];

    /// Every column of every SQLite table is copied (a column added by a migration and
    /// forgotten here would be lost in the move without a word).
    #[test]
    fn every_column_is_moved() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::db::migrations::apply(&mut conn).unwrap();
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for table in tables {
            if NOT_MOVED.contains(&table.as_str()) {
                continue;
            }
            let moved = TABLES
                .iter()
                .find(|t| t.name == table)
                .unwrap_or_else(|| panic!("table {table} is not moved"));
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for column in columns {
                assert!(
                    moved.columns.iter().any(|(c, _)| *c == column),
                    "{table}.{column} is not moved"
                );
            }
        }
    }
}
