//! The story's toll: for each kind, one figure fused over the lead figures
//! of every article, carried by the row most articles lead with.
//!
//! Each article votes with its primary figure of the kind (the figure it
//! leads with, see [`super::rows`]). The votes are fused like any row's
//! values ([`consensus_of`]): a rise over time is an update and the latest
//! figure stands (`latest`); agreeing figures give their shared value
//! (`intersection`); disagreeing ones the value more than half of the
//! votes share (`majority`), else the lowest lower bound, ACLED's most
//! conservative estimate (`most_conservative`). The figure is read as one
//! number, the lower bound ("at least 5" is 5).

use std::collections::BTreeSet;

use super::rows::{Item, Role};
use super::*;

/// Marks, per kind, the toll row and sets its consensus to the story's
/// toll. `facts[i]` is the fact of `rows[i]`.
pub(super) fn mark(items: &[Item], rows: &[Vec<usize>], facts: &mut [AlignedFact]) {
    let kinds: BTreeSet<FactKind> = items
        .iter()
        .filter(|i| i.role == Role::Main)
        .map(|i| i.kind)
        .collect();
    // Killed first: the injured votes are read against the killed toll.
    let mut kinds: Vec<FactKind> = kinds.into_iter().collect();
    kinds.sort_by_key(|&k| k != FactKind::Killed);
    let mut killed_toll: Option<u64> = None;
    for kind in kinds {
        let Some((row, _)) = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| items[r[0]].kind == kind && items[r[0]].role == Role::Main)
            .map(|(i, r)| {
                let primaries = r.iter().filter(|&&j| items[j].primary).count();
                (i, (primaries, r.len(), std::cmp::Reverse(i)))
            })
            .max_by_key(|&(_, key)| key)
        else {
            continue;
        };
        // One vote per figure of a copy group: a reprint is no second
        // witness.
        let mut seen: BTreeSet<(u32, Interval)> = BTreeSet::new();
        let votes: Vec<(Option<(i64, i64)>, Interval)> = items
            .iter()
            .filter(|i| i.primary && i.kind == kind)
            .filter(|i| seen.insert((i.copy_group, i.value)))
            .map(|i| {
                // One person mentioned says "at least one".
                let mut value = i.report.stated().unwrap_or(i.value);
                // People injured who later died: an article that reports
                // nobody dead, in a story that counts dead, may count them
                // among its injured. Only a figure as large as the dead
                // can hold them: "14 injured" in a story whose dead are 24
                // does not count the dead.
                if kind == FactKind::Injured
                    && let Some(died) = killed_toll
                    && killed_of(items, i.member) == 0
                    && value.min >= died
                {
                    value = Interval {
                        min: value.min.saturating_sub(died),
                        max: value.max.map(|m| m.saturating_sub(died)),
                    };
                }
                (published_minutes(i.report.published_utc.as_deref()), value)
            })
            .collect();
        // Everyone reported injured is also reported dead.
        if votes.is_empty() && (kind != FactKind::Injured || !items.iter().any(|i| i.died)) {
            continue;
        }
        let consensus = if votes.is_empty() {
            Consensus {
                value: point(0),
                range: point(0),
                rule: "died",
            }
        } else {
            consensus_of(&votes, is_update(&votes))
        };
        if kind == FactKind::Killed {
            killed_toll = Some(consensus.value.min);
        }
        facts[row].consensus = Some(consensus);
        facts[row].toll = true;
    }
}

/// The killed figure an article leads with (0 when it gives none).
fn killed_of(items: &[Item], member: usize) -> u64 {
    items
        .iter()
        .find(|i| i.member == member && i.primary && i.kind == FactKind::Killed)
        .map_or(0, |i| i.value.min)
}
