//! Writing a file on someone's behalf: all or nothing (a temporary file renamed into
//! place), never through a symbolic link unless asked, set-id bits dropped, and stale
//! temporaries of dead processes cleaned up. Depends on nothing in the crate but the
//! error wording of `files`.

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::files::io_reason;

/// How [`write_atomic`] treats a path that is a symbolic link.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Links {
    /// Refuse a link to a regular file, a block device or nothing: a branch may have
    /// committed the page as a link to a file outside the repository. Links to a
    /// character device or a pipe (`/dev/stdout`, `/dev/null`) are written to.
    #[default]
    Refuse,
    /// Replace the file the link points to, and keep the link.
    Follow,
}

/// Why [`write_atomic`] did not write.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing failed.
    #[error("{}", io_reason(.0))]
    Io(#[from] io::Error),
    /// The path is a folder.
    #[error("it is a directory")]
    Directory,
    /// A folder was asked for and the path is something else.
    #[error("it exists and is not a folder")]
    NotFolder,
    /// The path is a device or other special file that cannot be replaced.
    #[error("it is not a regular file, a character device or a pipe")]
    NotRegular,
    /// The path, or a folder on the way to it, is a symbolic link and links are refused.
    #[error("`{}` is a symbolic link to `{}`; portrules does not write through links unless asked", .link.display(), .target.display())]
    Link {
        /// The link.
        link: PathBuf,
        /// What it points to, as written in the link.
        target: PathBuf,
    },
}

/// Temporary files of this process get distinct names.
pub(super) static TEMPORARY: AtomicU64 = AtomicU64::new(0);

/// Temporary files whose run ended without removing them are deleted once they are
/// this old and their process is gone.
pub(super) const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename,
/// so readers see the old file or the new one, never a half-written one. An existing
/// file keeps its permissions, except set-user-id and set-group-id; a new one gets the
/// usual `rw-r--r--`.
///
/// A path that is a character device or a pipe (`/dev/stdout`, `/dev/null`), directly
/// or through a link, is written to directly: renaming over it would replace the
/// device itself. Any other symbolic link, in the path's last part or in a folder of a
/// relative path, is refused unless `links` is [`Links::Follow`].
///
/// The temporary file is named `.NAME.portrules-PID-N.tmp` after the target; on Linux,
/// one left behind by a run that was killed is removed by the next write to the same
/// target (elsewhere there is no cheap way to know that its process has ended).
pub fn write_atomic(path: &Path, bytes: &[u8], links: Links) -> Result<(), WriteError> {
    let meta = std::fs::metadata(path).ok();
    if let Some(meta) = &meta {
        if meta.is_dir() {
            return Err(WriteError::Directory);
        }
        if is_stream(meta) {
            let mut file = OpenOptions::new().write(true).open(path)?;
            file.write_all(bytes)?;
            return Ok(file.flush()?);
        }
    }
    if let (Links::Refuse, Some((link, target))) = (links, first_link(path)?) {
        return Err(WriteError::Link { link, target });
    }
    if meta.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(WriteError::NotRegular);
    }
    let resolved;
    let path = if is_link(path) {
        resolved = std::fs::canonicalize(path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!(
                    "the link points to nothing that can be written ({})",
                    io_reason(&e)
                ),
            )
        })?;
        resolved.as_path()
    } else {
        path
    };
    let (dir, name) = folder_and_name(path)?;
    remove_stale(dir, name);
    let (tmp_path, mut tmp) = create_temporary(dir, name)?;
    let result = (|| {
        tmp.write_all(bytes)?;
        tmp.sync_all()?;
        let permissions = match std::fs::metadata(path) {
            Ok(meta) => without_set_id(meta.permissions()),
            Err(_) => default_permissions(&tmp)?,
        };
        tmp.set_permissions(permissions)?;
        drop(tmp);
        std::fs::rename(&tmp_path, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp_path);
    }
    Ok(result?)
}

/// The folder a file is written in (`.` for a bare name) and the file's name there.
fn folder_and_name(path: &Path) -> io::Result<(&Path, &std::ffi::OsStr)> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    Ok((dir, name))
}

/// Writes a new regular file at `path`, whole or not at all, and never over anything:
/// if something appears at `path` meanwhile, it is kept and the write fails with
/// `AlreadyExists`. The text goes to a temporary file beside it first, which is then
/// linked into place (a link, unlike a rename, refuses an existing name).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let (dir, name) = folder_and_name(path)?;
    let (tmp_path, mut tmp) = create_temporary(dir, name)?;
    let result = (|| {
        tmp.write_all(bytes)?;
        tmp.sync_all()?;
        tmp.set_permissions(default_permissions(&tmp)?)?;
        drop(tmp);
        match std::fs::hard_link(&tmp_path, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            // A file system without hard links: create the name exclusively instead.
            Err(_) => {
                let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
                file.write_all(bytes)?;
                file.sync_all()
            }
        }
    })();
    let _ = std::fs::remove_file(&tmp_path);
    Ok(result?)
}

/// Whether writing to the file means writing to a stream rather than replacing it.
#[cfg(unix)]
pub(super) fn is_stream(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    t.is_char_device() || t.is_fifo() || t.is_socket()
}

#[cfg(not(unix))]
pub(super) fn is_stream(meta: &std::fs::Metadata) -> bool {
    !meta.is_file() && !meta.is_dir()
}

pub(super) fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The first symbolic link among the parts of `path` that the caller's folder does not
/// already account for: the last part, every folder of a relative path, and every
/// folder of an absolute path below the current folder (CI passes paths such as
/// `$GITHUB_WORKSPACE/docs/page.md`). The folders above are the machine's business:
/// `/tmp` is a link on some systems.
pub(crate) fn first_link(path: &Path) -> io::Result<Option<(PathBuf, PathBuf)>> {
    let here = std::env::current_dir().ok();
    let mut walked = PathBuf::new();
    let relative = path.is_relative();
    let parts: Vec<Component<'_>> = path.components().collect();
    for (i, part) in parts.iter().enumerate() {
        walked.push(part);
        let last = i + 1 == parts.len();
        let below_here = here
            .as_ref()
            .is_some_and(|h| walked.starts_with(h) && walked != *h);
        if !(last || relative || below_here) || !matches!(part, Component::Normal(_)) {
            continue;
        }
        if is_link(&walked) {
            let target = std::fs::read_link(&walked)?;
            return Ok(Some((walked, target)));
        }
    }
    Ok(None)
}

/// Creates `.NAME.portrules-PID-N.tmp` in `dir`, never opening an existing file.
pub(super) fn create_temporary(dir: &Path, name: &std::ffi::OsStr) -> io::Result<(PathBuf, File)> {
    loop {
        let n = TEMPORARY.fetch_add(1, Ordering::Relaxed);
        let mut tmp_name = OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".portrules-{}-{n}.tmp", std::process::id()));
        let tmp_path = dir.join(tmp_name);
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp_path)
        {
            Ok(file) => return Ok((tmp_path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Removes temporary files of earlier writes to `name` in `dir` whose process has
/// ended and which are older than [`STALE_AFTER`]. Best effort: a file that cannot be
/// examined or removed is left alone.
pub(super) fn remove_stale(dir: &Path, name: &std::ffi::OsStr) {
    let Some(name) = name.to_str() else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.portrules-");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, n)| n.parse::<u64>().ok().and(pid.parse::<u32>().ok()))
        else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.is_file() && old && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether process `pid` still runs; `true` when that cannot be known, so that no live
/// run's file is removed.
pub(super) fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

#[cfg(unix)]
pub(super) fn without_set_id(permissions: std::fs::Permissions) -> std::fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    std::fs::Permissions::from_mode(permissions.mode() & 0o1777)
}

#[cfg(not(unix))]
pub(super) fn without_set_id(permissions: std::fs::Permissions) -> std::fs::Permissions {
    permissions
}

#[cfg(unix)]
pub(super) fn default_permissions(_file: &File) -> io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(super) fn default_permissions(file: &File) -> io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// Creates the folder `path` and any missing folders above it, refusing (unless
/// `links` says to follow them) when one that exists is a symbolic link: a branch may
/// commit `exports/opa` as a link to a folder outside the repository.
pub fn create_folders(path: &Path, links: Links) -> Result<(), WriteError> {
    if let (Links::Refuse, Some((link, target))) = (links, first_link(path)?) {
        return Err(WriteError::Link { link, target });
    }
    if path.exists() && !path.is_dir() {
        return Err(WriteError::NotFolder);
    }
    std::fs::create_dir_all(path)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_never_replaces_one_that_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portrules.toml");
        write_new(&path, b"first\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first\n");
        // Something that appeared meanwhile is kept.
        let e = write_new(&path, b"second\n").unwrap_err();
        assert!(
            matches!(&e, WriteError::Io(e) if e.kind() == io::ErrorKind::AlreadyExists),
            "{e}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"first\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        write_atomic(&path, b"one\n", Links::Refuse).unwrap();
        write_atomic(&path, b"two\n", Links::Refuse).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_not_replaced() {
        write_atomic(Path::new("/dev/null"), b"gone\n", Links::Refuse).unwrap();
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("null.md");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        write_atomic(&link, b"gone\n", Links::Refuse).unwrap();
        assert!(is_link(&link));
        let err = write_atomic(dir.path(), b"x", Links::Refuse).unwrap_err();
        assert!(matches!(err, WriteError::Directory), "{err:?}");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_refused_unless_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::create_dir(&outside).unwrap();
        let real = outside.join("authorized_keys");
        std::fs::write(&real, "old\n").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = write_atomic(&link, b"new\n", Links::Refuse).unwrap_err();
        assert!(
            matches!(&err, WriteError::Link { target, .. } if *target == real),
            "{err:?}"
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "old\n");

        // A link to nothing would create a file wherever it points.
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(outside.join("new-file"), &dangling).unwrap();
        assert!(write_atomic(&dangling, b"x", Links::Refuse).is_err());
        assert!(!outside.join("new-file").exists());

        write_atomic(&link, b"new\n", Links::Follow).unwrap();
        assert!(is_link(&link));
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new\n");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_below_the_current_folder_is_refused_on_an_absolute_path_too() {
        let cwd = std::env::current_dir().unwrap();
        let dir = tempfile::tempdir_in(&cwd).unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("docs")).unwrap();
        let absolute = dir.path().join("docs/page.md");
        assert!(absolute.is_absolute());
        let err = write_atomic(&absolute, b"x", Links::Refuse).unwrap_err();
        assert!(matches!(err, WriteError::Link { .. }), "{err:?}");
        assert!(!outside.path().join("page.md").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_on_a_relative_path_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("docs")).unwrap();
        let cwd = std::env::current_dir().unwrap();
        let relative = pathdiff(dir.path(), &cwd).join("docs/page.md");
        let err = write_atomic(&relative, b"x", Links::Refuse).unwrap_err();
        assert!(matches!(err, WriteError::Link { .. }), "{err:?}");
        assert!(!outside.path().join("page.md").exists());
    }

    /// `to` as a path relative to `from` (both absolute).
    fn pathdiff(to: &Path, from: &Path) -> PathBuf {
        let mut up = PathBuf::new();
        for _ in from.components().skip(1) {
            up.push("..");
        }
        up.join(to.strip_prefix("/").unwrap())
    }

    #[cfg(unix)]
    #[test]
    fn set_id_bits_are_dropped_and_stale_temporaries_removed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        std::fs::write(&path, "old\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o6755)).unwrap();
        // A killed run's leftover: a process id that cannot be running, an old file.
        let stale = dir.path().join(".page.md.portrules-4294967295-0.tmp");
        let stale_file = File::create(&stale).unwrap();
        stale_file
            .set_modified(std::time::SystemTime::now() - 2 * STALE_AFTER)
            .unwrap();
        let fresh = dir.path().join(".page.md.portrules-4294967295-1.tmp");
        File::create(&fresh).unwrap();
        let other = dir.path().join(".other.md.portrules-4294967295-0.tmp");
        File::create(&other).unwrap();
        other_old(&other);
        write_atomic(&path, b"new\n", Links::Refuse).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o755);
        assert!(!stale.exists(), "a stale temporary file is removed");
        assert!(fresh.exists(), "a recent one may belong to a live run");
        assert!(other.exists(), "another target's file is not touched");
    }

    fn other_old(path: &Path) {
        File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - 2 * STALE_AFTER)
            .unwrap();
    }
}
