//! Analyses of published archives: quarterly reports for committees, response times to
//! questions in the comments, posting rhythm before elections.
//!
//! Like the rest of the core, everything here works on data passed in (records as `&str`,
//! a [`Policy`](crate::Policy)) and reads neither files nor the clock; front ends (the CLI's
//! `report`, the Python package) load the files and render the results.
//!
//! - [`responses`]: reply latency in office hours, the share answered within the target,
//!   questions left unanswered and replies outside office hours (automatic notices or not).

pub mod html;
pub mod quarterly;
pub mod responses;
