//! A small hermetic harness: a temp dir, the `wirediff` binary with a clean
//! environment, and assertions that show both sides on failure.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary directory to run `wirediff` in.
pub struct TestEnv {
    dir: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> TestEnv {
        TestEnv {
            dir: tempfile::tempdir().expect("create a temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `content` to `name` inside the temp dir, creating folders.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path
    }

    /// A `wirediff` command running in the temp dir, with a clean environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wirediff"));
        cmd.current_dir(self.dir.path())
            .args(args)
            .env_remove("NO_COLOR")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RAYON_NUM_THREADS")
            .stdin(Stdio::null());
        cmd
    }

    /// Runs `wirediff` with `args`.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run wirediff")
    }
}

/// The repository's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts two strings are equal, printing both between rules on failure.
#[macro_export]
macro_rules! eqnice {
    ($expected:expr, $got:expr) => {{
        let expected: &str = &$expected;
        let got: &str = &$got;
        if expected != got {
            panic!(
                "\nexpected:\n{bar}\n{expected}{bar}\ngot:\n{bar}\n{got}{bar}\n",
                bar = "~".repeat(60),
            );
        }
    }};
}

/// A whole number with thousands separators, as the matrix writes it:
/// `2,000`, `12`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
