//! What the tests of time linear in the input share (tests/hostile.rs,
//! tests/dense.rs): the thread's CPU clock, the comparison of the time
//! at two sizes, and the issue-19 dense document.

use std::path::Path;
use std::time::Duration;
#[cfg(not(unix))]
use std::time::Instant;

/// The CPU time this thread has used, where it can be read (Unix), else
/// the time since some fixed instant: unlike the wall clock, it does not
/// count the time other tests and programs have the cores.
pub fn thread_time() -> Duration {
    #[cfg(unix)]
    {
        // SAFETY: plain values for clock_gettime to fill.
        let mut t: libc::timespec = unsafe { std::mem::zeroed() };
        // SAFETY: a valid timespec, for the duration of the call.
        let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
        assert_eq!(r, 0, "clock_gettime: {}", std::io::Error::last_os_error());
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    }
    #[cfg(not(unix))]
    {
        static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
        START.get_or_init(Instant::now).elapsed()
    }
}

/// Times the same work at one size (`time(false)`) and at `k` times it
/// (`time(true)`), three times each, in turn, and checks that the best
/// time of the larger is less than `bound` times the smaller's (linear:
/// about `k` times; quadratic: `k * k` times), give or take 50 ms of
/// noise. Times are the thread's CPU time ([`thread_time`]), and the best
/// of three, to ride out a busy machine.
pub fn scales_linearly(what: &str, k: u32, bound: u32, mut time: impl FnMut(bool) -> Duration) {
    let (mut one, mut more) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        one = one.min(time(false));
        more = more.min(time(true));
    }
    assert!(
        more < bound * one + Duration::from_millis(50),
        "{what} took {one:?}, {k} times as much {more:?}: not linear"
    );
}

/// The dense document: the second press report of `corpus/`
/// (fifteen mentions of seven people, most of them by surname) written
/// `repeats` times, each copy numbered.
pub fn dense_news(repeats: usize) -> String {
    let report = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/001_b2083945801a1459.txt"),
    )
    .unwrap();
    (0..repeats).map(|i| format!("{report}\n#{i}\n")).collect()
}
