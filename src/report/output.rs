//! Where output goes: stdout, or a file written atomically (a temporary file
//! in the same directory, renamed over the target only when complete, so a
//! failed or interrupted run never leaves a half-written file). A path that
//! is not a regular file (`/dev/null`, a named pipe, a terminal) is written
//! in place: renaming over it would replace the device with a file.
//!
//! Temporary files are removed when dropped, but a signal ends the process
//! without running destructors; so every temporary file wirediff makes is
//! listed while it lives ([`Tracked`]), and the binary's signal handler calls
//! [`remove_unfinished`] before the process dies.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The temporary files alive now.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Lists a temporary file while it lives; dropping it (when the file is
/// renamed into place or removed) takes it off the list.
#[derive(Debug)]
pub struct Tracked(PathBuf);

impl Tracked {
    /// Lists `path` until the returned guard is dropped.
    pub fn new(path: &Path) -> Tracked {
        lock_unfinished().push(path.to_path_buf());
        Tracked(path.to_path_buf())
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        let mut list = lock_unfinished();
        if let Some(at) = list.iter().position(|p| *p == self.0) {
            list.swap_remove(at);
        }
    }
}

fn lock_unfinished() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while holding the lock leaves a valid list: keep using it.
    UNFINISHED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Removes every temporary file still listed (for a signal handler: the
/// process is about to end without running destructors). Returns how many
/// were removed.
pub fn remove_unfinished() -> usize {
    let list = lock_unfinished();
    list.iter()
        .filter(|path| std::fs::remove_file(path).is_ok())
        .count()
}

use crate::error::{Error, Result};

/// An output destination being written.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file to be renamed to `target` by [`Output::finish`].
    File {
        /// The temporary file.
        temp: BufWriter<tempfile::NamedTempFile>,
        /// The final path.
        target: PathBuf,
        /// Keeps the temporary file listed for [`remove_unfinished`].
        tracked: Tracked,
    },
    /// An existing file that is not a regular file (a device or a named
    /// pipe), written directly.
    Special {
        /// The opened file.
        file: BufWriter<File>,
        /// Its path.
        target: PathBuf,
    },
}

impl Output {
    /// Opens stdout (`None` or `-`) or a temporary file beside `path`.
    pub fn create(path: Option<&Path>) -> Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(p) if p.as_os_str() == "-" => Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout(),
            ))),
            Some(path) if is_special(path) => {
                let file =
                    std::fs::OpenOptions::new()
                        .write(true)
                        .open(path)
                        .map_err(|source| Error::Write {
                            path: path.to_path_buf(),
                            source,
                        })?;
                Ok(Output::Special {
                    file: BufWriter::with_capacity(1 << 16, file),
                    target: path.to_path_buf(),
                })
            }
            Some(path) => {
                let dir = match path.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let temp = tempfile::Builder::new()
                    .prefix(".wirediff-")
                    .tempfile_in(dir)
                    .map_err(|source| Error::Write {
                        path: path.to_path_buf(),
                        source,
                    })?;
                Ok(Output::File {
                    tracked: Tracked::new(temp.path()),
                    temp: BufWriter::with_capacity(1 << 16, temp),
                    target: path.to_path_buf(),
                })
            }
        }
    }

    /// The path shown in messages.
    pub fn path(&self) -> &Path {
        match self {
            Output::Stdout(_) => Path::new("-"),
            Output::File { target, .. } | Output::Special { target, .. } => target,
        }
    }

    /// Flushes, and for a file renames it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|source| Error::Write {
                path: "-".into(),
                source,
            }),
            Output::File {
                temp,
                target,
                tracked,
            } => {
                let err = |source| Error::Write {
                    path: target.clone(),
                    source,
                };
                let temp = temp.into_inner().map_err(|e| err(e.into_error()))?;
                temp.as_file().sync_all().map_err(err)?;
                // Temporary files are private (0600); the output is a normal file.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(temp.path(), std::fs::Permissions::from_mode(0o644))
                        .map_err(err)?;
                }
                let file: File = temp.persist(&target).map_err(|e| err(e.error))?;
                drop(file);
                drop(tracked);
                Ok(())
            }
            Output::Special { mut file, target } => file.flush().map_err(|source| Error::Write {
                path: target,
                source,
            }),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { temp, .. } => temp.write(buf),
            Output::Special { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { temp, .. } => temp.flush(),
            Output::Special { file, .. } => file.flush(),
        }
    }
}

/// Whether `path` exists and is neither a regular file nor a directory.
fn is_special(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_are_written_in_place_and_files_atomically() {
        let null = Path::new("/dev/null");
        if null.exists() {
            let mut out = Output::create(Some(null)).unwrap();
            assert!(matches!(out, Output::Special { .. }));
            out.write_all(b"discarded\n").unwrap();
            out.finish().unwrap();
            assert!(
                !std::fs::metadata(null).unwrap().is_file(),
                "/dev/null is still a device"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        let mut out = Output::create(Some(&path)).unwrap();
        out.write_all(b"kept\n").unwrap();
        assert!(!path.exists(), "nothing at the target before finish");
        out.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept\n");
    }

    #[test]
    fn temporary_files_are_listed_while_they_live() {
        let dir = tempfile::tempdir().unwrap();
        let listed = |out: &Output| match out {
            Output::File { tracked, .. } => lock_unfinished().contains(&tracked.0),
            _ => false,
        };
        let out = Output::create(Some(&dir.path().join("a"))).unwrap();
        assert!(listed(&out));
        let temp = match &out {
            Output::File { tracked, .. } => tracked.0.clone(),
            _ => unreachable!("a path in a directory is a file output"),
        };
        out.finish().unwrap();
        assert!(!lock_unfinished().contains(&temp), "finished, still listed");
        let out = Output::create(Some(&dir.path().join("b"))).unwrap();
        let temp = match &out {
            Output::File { tracked, .. } => tracked.0.clone(),
            _ => unreachable!("a path in a directory is a file output"),
        };
        drop(out);
        assert!(!lock_unfinished().contains(&temp), "dropped, still listed");
        assert!(!temp.exists());
    }
}
