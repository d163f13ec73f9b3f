//! Files that hold secrets: created with mode 0600 from the first byte, replaced atomically.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Creates `path` empty with mode 0600 if it does not exist, and tightens it to 0600 if it does.
///
/// Called before SQLite opens a database, because SQLite creates files with 0644 and copies the
/// database's mode to its `-wal` and `-shm` files.
pub fn ensure_private(path: &Path) -> io::Result<()> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))
}

/// The directory `path` is in (`.` for a bare file name).
fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A new, empty file with mode 0600 beside `target`, with a name of its own (several writers
/// may prepare a replacement of `target` at once): write it, then [`commit_private`] it.
pub fn private_temp(target: &Path) -> io::Result<(std::path::PathBuf, File)> {
    let dir = dir_of(target);
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::other("path has no file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        crate::random::token(8)
    ));
    let f = OpenOptions::new()
        .create_new(true)
        .write(true)
        .mode(0o600)
        .open(&tmp)?;
    f.set_permissions(fs::Permissions::from_mode(0o600))?;
    Ok((tmp, f))
}

/// Puts a written [`private_temp`] file in place of `target` atomically: fsync, rename, fsync
/// of the directory, so a crash leaves the old file or the new one, never a torn one.
pub fn commit_private(tmp: &Path, target: &Path) -> io::Result<()> {
    File::open(tmp)?.sync_all()?;
    fs::rename(tmp, target)?;
    File::open(dir_of(target))?.sync_all()
}

/// Writes `contents` to `path` with mode 0600, atomically (temp file, fsync, rename, fsync dir),
/// so a crash leaves either the old file or the new one, never a torn one.
pub fn write_private(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_private_parts(path, &[contents])
}

/// [`write_private`] of the concatenation of `parts`, without building it in memory first.
pub fn write_private_parts(path: &Path, parts: &[&[u8]]) -> io::Result<()> {
    let dir = dir_of(path);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("path has no file name"))?;
    let tmp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
    {
        let mut f = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        f.set_permissions(fs::Permissions::from_mode(0o600))?;
        for part in parts {
            f.write_all(part)?;
        }
        f.sync_all()?;
    }
    fs::rename(&tmp, path)?;
    File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_files_are_0600_and_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token");
        write_private(&path, b"one").unwrap();
        write_private(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );

        let db = dir.path().join("x.db");
        fs::write(&db, b"").unwrap();
        fs::set_permissions(&db, fs::Permissions::from_mode(0o644)).unwrap();
        ensure_private(&db).unwrap();
        assert_eq!(
            fs::metadata(&db).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
