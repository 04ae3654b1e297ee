//! End-to-end tests of the copydesk pipeline live in `pipeline.rs`; this library is empty.
