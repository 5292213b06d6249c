//! Files portrules reads on someone's behalf: bounded in size, and never stuck opening
//! a named pipe; the wording of I/O errors; the diff shown when a file is stale. Writing
//! is `write`'s. Depends on nothing in the crate.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a bounded read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{}", io_reason(.0))]
    Io(#[from] io::Error),
    /// The path is a folder.
    #[error("it is a directory")]
    Directory,
    /// The file holds more than the limit (at least this many bytes).
    #[error("it is larger than the limit of {limit} bytes")]
    TooLarge {
        /// What was seen before reading stopped.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// Reads at most `limit` bytes of `path`. A larger file, or an endless one such as
/// `/dev/zero`, is refused without being read whole; a named pipe with no writer reads
/// as empty instead of blocking the open forever.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_for_reading(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(ReadError::Directory);
    }
    if meta.is_file() && meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// [`read_bounded`] for text: bytes that are not UTF-8 are an error.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_bounded(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "it is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

/// Opens without blocking on a named pipe that has no writer (`open` would wait for
/// one forever), then reads it as an ordinary blocking file.
#[cfg(unix)]
fn open_for_reading(path: &Path) -> io::Result<File> {
    use rustix::fs::OFlags;
    use std::os::unix::fs::OpenOptionsExt;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    if !file.metadata()?.is_file() {
        let flags = rustix::fs::fcntl_getfl(&file)?;
        rustix::fs::fcntl_setfl(&file, flags - OFlags::NONBLOCK)?;
    }
    Ok(file)
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// An I/O error's reason without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_lowercase(),
        None => text.to_lowercase(),
    }
}

/// A unified diff from `old` to `new`, labelled with the two names.
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn reads_are_bounded_and_a_pipe_without_writer_does_not_block() {
        let err = read_bounded(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(
            matches!(err, ReadError::TooLarge { limit: 1024, .. }),
            "{err:?}"
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        assert_eq!(read_bounded(&fifo, 1024).unwrap(), b"");
        assert!(matches!(
            read_bounded(dir.path(), 1024).unwrap_err(),
            ReadError::Directory
        ));
    }

    #[test]
    fn diff_names_the_changed_line() {
        let d = unified_diff("a\nb\nc\n", "a\nB\nc\n", "old", "new");
        assert!(d.contains("-b\n+B\n"), "{d}");
        assert!(d.starts_with("--- old\n+++ new\n"), "{d}");
    }
}
