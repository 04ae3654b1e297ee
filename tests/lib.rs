//! End-to-end tests of the copydesk pipeline live in `pipeline.rs`.
//!
//! The README's Rust examples are compiled and run as this crate's doctests,
//! so the front page cannot drift from the API.
#![doc = include_str!("../README.md")]
