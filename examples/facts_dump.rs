//! Prints the facts of one text file as JSON Lines, for reading by eye.
//!
//! ```text
//! cargo run --example facts_dump -- seeds/000_fccc664dcbfa5c88.txt [published]
//! ```
#![allow(clippy::print_stdout)]

use anyhow::{Context, Result};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .context("usage: facts_dump <file> [published]")?;
    let published = args.next();
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
    for fact in wirediff::facts::extract(&text, published.as_deref()) {
        println!("{}", serde_json::to_string(&fact)?);
    }
    Ok(())
}
