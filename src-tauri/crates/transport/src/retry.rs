//! When a failed call may be made again and after how long: one policy for both services, pure
//! apart from the sleep in [`with_retries`], so every rule here is unit-tested without a server.

use std::collections::hash_map::RandomState;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

/// What a failure says about trying again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transience {
    /// The service is busy, failing or unreachable: the same call may succeed later (429, 5xx,
    /// time-out, a dropped connection). `retry_after` is the server's own wait, when it gave one.
    Transient { retry_after: Option<Duration> },
    /// The service answered with an error that may or may not be lasting (an error inside HTTP
    /// 200, a garbled body): worth one more try only for a call that is safe to repeat.
    Unexplained,
    /// A refusal that will be the same next time (bad key, bad input, not found).
    Permanent,
}

/// Whether a call may be sent twice with the same effect as once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeatable {
    /// Reads, whole-object updates, deletes: retried on transient and unexplained failures.
    Yes,
    /// Creates: never sent again blindly; the caller settles a lost outcome by reading back.
    No,
}

/// HTTP statuses that mean "not now" rather than "no": request time-out, too early, rate
/// limited, and server or gateway faults.
pub fn status_is_transient(status: u16) -> bool {
    matches!(status, 408 | 425 | 429) || (500..=599).contains(&status)
}

impl Transience {
    /// What an HTTP error status says, with the server's `Retry-After` when it sent one.
    pub fn of_status(status: u16, retry_after: Option<Duration>) -> Self {
        if status_is_transient(status) {
            Self::Transient { retry_after }
        } else {
            Self::Permanent
        }
    }
}

/// `Retry-After` in its seconds form; the HTTP-date form is not used by either service and is
/// read as absent (the back-off applies instead).
pub fn parse_retry_after(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// Bounded retries with exponential back-off and full jitter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Calls in all, the first included.
    pub attempts: u32,
    /// The back-off cap before the first retry; doubles for each later one.
    pub first_delay: Duration,
    pub max_delay: Duration,
    /// A server asking to wait longer than this is not waited for: the call fails, named.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            attempts: 4,
            first_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(4),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub const ONCE: Self = Self {
        attempts: 1,
        first_delay: Duration::ZERO,
        max_delay: Duration::ZERO,
        max_retry_after: Duration::ZERO,
    };

    /// How long to wait before call number `attempt + 1` after call number `attempt` (from 1)
    /// failed this way, or `None` to give up. `jitter` in [0, 1) spreads clients apart so a
    /// recovering server is not hit by all of them at once.
    pub fn delay_after(
        &self,
        attempt: u32,
        failure: Transience,
        repeatable: Repeatable,
        jitter: f64,
    ) -> Option<Duration> {
        if attempt >= self.attempts || repeatable == Repeatable::No {
            return None;
        }
        let retry_after = match failure {
            Transience::Permanent => return None,
            Transience::Transient { retry_after } => retry_after,
            Transience::Unexplained => None,
        };
        if let Some(wait) = retry_after {
            return (wait <= self.max_retry_after).then_some(wait);
        }
        let doubled = self
            .first_delay
            .saturating_mul(1u32 << (attempt - 1).min(16))
            .min(self.max_delay);
        Some(doubled.mul_f64(jitter.clamp(0.0, 1.0)))
    }
}

/// A fresh random number in [0, 1), from the standard library's randomly keyed hasher.
pub fn jitter() -> f64 {
    let bits = RandomState::new().build_hasher().finish() >> 11;
    bits as f64 / (1u64 << 53) as f64
}

/// Runs `call` until it succeeds, fails for good, or `policy` says stop; returns the last result.
pub async fn with_retries<T, E, F, Fut>(
    policy: &RetryPolicy,
    repeatable: Repeatable,
    classify: impl Fn(&E) -> Transience,
    mut call: F,
) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut attempt = 1;
    loop {
        let error = match call().await {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        match policy.delay_after(attempt, classify(&error), repeatable, jitter()) {
            Some(wait) => {
                tracing::debug!(
                    attempt,
                    wait_ms = wait.as_millis() as u64,
                    "retrying a call"
                );
                tokio::time::sleep(wait).await;
                attempt += 1;
            }
            None => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    const BUSY: Transience = Transience::Transient { retry_after: None };

    #[test]
    fn rate_limits_server_faults_and_time_outs_are_transient_and_refusals_are_not() {
        for status in [408, 425, 429, 500, 502, 503, 504] {
            assert!(status_is_transient(status), "{status}");
        }
        for status in [200, 400, 401, 403, 404, 409, 422] {
            assert!(!status_is_transient(status), "{status}");
        }
    }

    #[test]
    fn back_off_doubles_up_to_its_cap_and_jitter_scales_it() {
        let policy = RetryPolicy {
            attempts: 10,
            first_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(500),
            ..RetryPolicy::default()
        };
        let full = |n| policy.delay_after(n, BUSY, Repeatable::Yes, 0.999_999);
        let ms = |d: Option<Duration>| d.map(|d| d.as_millis());
        assert_eq!(ms(full(1)), Some(99));
        assert_eq!(ms(full(2)), Some(199));
        assert_eq!(ms(full(3)), Some(399));
        assert_eq!(ms(full(4)), Some(499));
        assert_eq!(ms(full(9)), Some(499));
        assert_eq!(
            policy.delay_after(2, BUSY, Repeatable::Yes, 0.5),
            Some(Duration::from_millis(100))
        );
    }

    #[test]
    fn retries_stop_after_the_last_attempt() {
        let policy = RetryPolicy::default();
        assert!(
            policy
                .delay_after(policy.attempts - 1, BUSY, Repeatable::Yes, 0.5)
                .is_some()
        );
        assert_eq!(
            policy.delay_after(policy.attempts, BUSY, Repeatable::Yes, 0.5),
            None
        );
        assert_eq!(
            RetryPolicy::ONCE.delay_after(1, BUSY, Repeatable::Yes, 0.5),
            None
        );
    }

    #[test]
    fn the_servers_retry_after_is_honoured_unless_it_is_too_long() {
        let policy = RetryPolicy::default();
        let asked = |secs| Transience::Transient {
            retry_after: Some(Duration::from_secs(secs)),
        };
        assert_eq!(
            policy.delay_after(1, asked(3), Repeatable::Yes, 0.1),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            policy.delay_after(1, asked(3600), Repeatable::Yes, 0.1),
            None
        );
    }

    #[test]
    fn a_create_is_never_sent_again_and_a_refusal_never_retried() {
        let policy = RetryPolicy::default();
        assert_eq!(policy.delay_after(1, BUSY, Repeatable::No, 0.5), None);
        assert_eq!(
            policy.delay_after(1, Transience::Permanent, Repeatable::Yes, 0.5),
            None
        );
        assert!(
            policy
                .delay_after(1, Transience::Unexplained, Repeatable::Yes, 0.5)
                .is_some()
        );
    }

    #[test]
    fn retry_after_reads_seconds_and_ignores_what_it_cannot_read() {
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT"), None);
        assert_eq!(parse_retry_after("-1"), None);
    }

    #[test]
    fn jitter_stays_in_its_range_and_varies() {
        let draws: Vec<f64> = (0..100).map(|_| jitter()).collect();
        assert!(draws.iter().all(|j| (0.0..1.0).contains(j)));
        assert!(draws.windows(2).any(|w| w[0] != w[1]));
    }

    #[tokio::test]
    async fn with_retries_calls_again_until_success_and_stops_on_a_refusal() {
        let policy = RetryPolicy {
            first_delay: Duration::from_millis(1),
            ..RetryPolicy::default()
        };
        let calls = AtomicU32::new(0);
        let result: Result<u32, Transience> = with_retries(
            &policy,
            Repeatable::Yes,
            |e| *e,
            || async {
                let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
                if n < 3 { Err(BUSY) } else { Ok(n) }
            },
        )
        .await;
        assert_eq!(result, Ok(3));
        calls.store(0, Ordering::SeqCst);
        let refused: Result<u32, Transience> = with_retries(
            &policy,
            Repeatable::Yes,
            |e| *e,
            || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Err(Transience::Permanent)
            },
        )
        .await;
        assert_eq!(refused, Err(Transience::Permanent));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
