//! Consistent copies of a running central's database, with SQLite's online backup API: the copy
//! is one snapshot, taken without stopping central (WAL lets it keep writing meanwhile).

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use rusqlite::{Connection, OpenFlags};

/// Copies the database at `db` to `dest` (created with mode 0600; must not exist), then checks
/// the copy with `PRAGMA integrity_check`. Returns the copy's size in pages.
pub fn backup(db: &Path, dest: &Path) -> anyhow::Result<i64> {
    if dest.exists() {
        bail!("{} already exists; choose a new file name", dest.display());
    }
    if !db.exists() {
        bail!(
            "no database at {}; pass --db with central's database file",
            db.display()
        );
    }
    let src = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .with_context(|| format!("could not open {}", db.display()))?;
    src.busy_timeout(Duration::from_secs(10))?;
    hy_common::files::ensure_private(dest)
        .with_context(|| format!("could not create {}", dest.display()))?;
    let mut out =
        Connection::open(dest).with_context(|| format!("could not open {}", dest.display()))?;
    {
        let backup = rusqlite::backup::Backup::new(&src, &mut out)?;
        // Small steps with pauses let central's writes interleave; a write during a step makes
        // SQLite restart that step from a consistent state.
        backup
            .run_to_completion(256, Duration::from_millis(5), None)
            .context("backup failed")?;
    }
    let check: String = out.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        bail!("the copy failed its integrity check: {check}");
    }
    // A self-contained file: no -wal beside it.
    let _: String = out.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    Ok(out.query_row("PRAGMA page_count", [], |r| r.get(0))?)
}
