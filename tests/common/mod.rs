//! Helpers shared by the integration tests that run the binary.

use std::process::Output;

/// The standard output of a run that must succeed, as text; the failure
/// names `what` and carries the run's standard error.
pub fn stdout_of(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}
