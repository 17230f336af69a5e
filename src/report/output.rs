//! Where output goes: stdout, or a file written atomically (a temporary file
//! in the same directory, renamed over the target only when complete, so a
//! failed or interrupted run never leaves a half-written file). A path that
//! is not a regular file (`/dev/null`, a named pipe, a terminal) is written
//! in place: renaming over it would replace the device with a file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

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
            Output::File { temp, target } => {
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
}
