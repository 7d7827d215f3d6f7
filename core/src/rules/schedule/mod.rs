//! `schedule.*`: when a post goes out: within office hours, not on a public holiday of the
//! account's federal state, not on a blackout day, not in the past. Every time is taken in
//! the account's `time-zone`; the reference time is the draft's `scheduled_at`, else its
//! `published_at`, else the check's `now`.
pub(crate) mod blackout;
pub(crate) mod holiday;
pub(crate) mod outside_hours;
pub(crate) mod past;
