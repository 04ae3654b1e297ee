//! copydesk's developer tasks, run as `cargo xtask <task>`.
fn main() {
    eprintln!("usage: cargo xtask <eval|bench|gazetteer|spark|fuzz|corpus>");
}
