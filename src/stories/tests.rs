//! Tests of the whole stories stage on our fixtures.

use super::*;

#[test]
fn parse_day_counts_from_epoch() {
    assert_eq!(parse_day("1970-01-01"), Some(0));
    assert_eq!(parse_day("2016-03-01T10:00:00Z"), Some(16861));
    assert_eq!(parse_day("2016-02-29"), Some(16860));
    assert_eq!(parse_day("March 1"), None);
    assert_eq!(parse_day("2016-13-01"), None);
}
