//! Where output goes: stdout, or a file written atomically (a temporary file
//! in the same directory, renamed over the target only when complete, so a
//! failed or interrupted run never leaves a half-written file).

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
            Output::File { target, .. } => target,
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
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { temp, .. } => temp.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { temp, .. } => temp.flush(),
        }
    }
}
