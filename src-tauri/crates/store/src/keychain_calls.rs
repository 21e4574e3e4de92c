//! The one thread that talks to the OS keychain. Calls run on it in order; each caller waits a
//! bounded time. A call that does not answer (an unlock prompt nobody sees, a keyring daemon
//! that died mid-call) is reported at once to every later caller until it returns, and a write
//! that lands after its caller gave up is taken back, since the admin was told it did not
//! happen.

use crate::keychain_error::{KeychainError, KeychainProblem};
use keyring_core::CredentialStore;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// What the keychain thread keeps between calls: the platform store, once it opened.
type Opened = Option<Arc<CredentialStore>>;
type Job = Box<dyn FnOnce(&mut Opened) + Send>;

pub(crate) struct KeychainCalls {
    answer_wait: Duration,
    worker: Mutex<Option<mpsc::Sender<Job>>>,
    /// Set when a caller gave up: whether that call has returned since.
    stalled: Mutex<Option<Arc<AtomicBool>>>,
}

/// Whether the caller still waits for a call's outcome; checked and changed under one lock so
/// an outcome is either handed over or known to be unwanted, never both or neither.
#[derive(Default)]
struct Caller {
    gave_up: Mutex<bool>,
}

impl Caller {
    fn gave_up(&self) -> MutexGuard<'_, bool> {
        self.gave_up.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Marks a call returned when dropped, whether it returned or panicked.
struct Returned(Arc<AtomicBool>);

impl Drop for Returned {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

fn no_answer(detail: impl Into<String>) -> KeychainError {
    KeychainError {
        problem: KeychainProblem::NoAnswer,
        detail: detail.into(),
    }
}

fn failed(detail: impl Into<String>) -> KeychainError {
    KeychainError {
        problem: KeychainProblem::Failed,
        detail: detail.into(),
    }
}

impl KeychainCalls {
    pub(crate) fn new(answer_wait: Duration) -> Self {
        Self {
            answer_wait,
            worker: Mutex::new(None),
            stalled: Mutex::new(None),
        }
    }

    /// Runs `work` on the keychain thread with the platform store (`open` opens it on first
    /// use; a failed open is tried again next call). When `work` succeeded but its caller had
    /// stopped waiting, `take_back` runs instead of handing the outcome over.
    pub(crate) fn run<T: Send + 'static>(
        &self,
        open: fn() -> Result<Arc<CredentialStore>, KeychainError>,
        work: impl FnOnce(&Arc<CredentialStore>) -> Result<T, KeychainError> + Send + 'static,
        take_back: impl FnOnce(&Arc<CredentialStore>) + Send + 'static,
    ) -> Result<T, KeychainError> {
        {
            let mut stalled = lock(&self.stalled);
            match stalled
                .as_ref()
                .map(|returned| returned.load(Ordering::SeqCst))
            {
                Some(false) => return Err(no_answer("an earlier call is still without an answer")),
                Some(true) => *stalled = None,
                None => {}
            }
        }
        let caller = Arc::new(Caller::default());
        let returned = Arc::new(AtomicBool::new(false));
        let (answer, answered) = mpsc::sync_channel(1);
        let job: Job = {
            let (caller, returned) = (caller.clone(), Returned(returned.clone()));
            Box::new(move |opened: &mut Opened| {
                let _returned = returned;
                if *caller.gave_up() {
                    return;
                }
                let store = match opened.clone().map_or_else(open, Ok) {
                    Ok(store) => store,
                    Err(error) => {
                        let _ = answer.send(Err(error));
                        return;
                    }
                };
                *opened = Some(store.clone());
                let outcome = work(&store);
                let gave_up = caller.gave_up();
                if *gave_up {
                    if outcome.is_ok() {
                        take_back(&store);
                    }
                } else {
                    let _ = answer.send(outcome);
                }
            })
        };
        self.submit(job)?;
        match answered.recv_timeout(self.answer_wait) {
            Ok(outcome) => outcome,
            Err(RecvTimeoutError::Disconnected) => {
                Err(failed("the keychain call ended without an answer"))
            }
            Err(RecvTimeoutError::Timeout) => {
                let mut gave_up = caller.gave_up();
                // An answer that came while the lock was being taken is still an answer.
                if let Ok(outcome) = answered.try_recv() {
                    return outcome;
                }
                *gave_up = true;
                *lock(&self.stalled) = Some(returned);
                Err(no_answer(format!(
                    "no answer within {} ms",
                    self.answer_wait.as_millis()
                )))
            }
        }
    }

    /// Hands `job` to the keychain thread, starting one when there is none (or it ended).
    fn submit(&self, job: Job) -> Result<(), KeychainError> {
        let mut worker = lock(&self.worker);
        let job = match worker.as_ref() {
            Some(thread) => match thread.send(job) {
                Ok(()) => return Ok(()),
                // The thread ended (a call panicked): the next one starts afresh.
                Err(mpsc::SendError(job)) => job,
            },
            None => job,
        };
        let thread = start_thread()?;
        thread
            .send(job)
            .map_err(|_| failed("the keychain thread ended at once"))?;
        *worker = Some(thread);
        Ok(())
    }
}

/// The keychain thread: runs each call it is handed, in order, keeping the store it opened.
fn start_thread() -> Result<mpsc::Sender<Job>, KeychainError> {
    let (sender, jobs) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("keychain".into())
        .spawn(move || {
            let mut opened = None;
            for job in jobs {
                job(&mut opened);
            }
        })
        .map_err(|e| failed(format!("no thread for keychain calls: {e}")))?;
    Ok(sender)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;

    fn open_mock() -> Result<Arc<CredentialStore>, KeychainError> {
        let store: Arc<CredentialStore> =
            keyring_core::mock::Store::new().map_err(|e| failed(e.to_string()))?;
        Ok(store)
    }

    #[test]
    fn a_call_without_an_answer_is_reported_later_calls_fail_fast_and_a_late_write_is_taken_back() {
        let calls = KeychainCalls::new(Duration::from_millis(200));
        assert!(
            calls
                .run(open_mock, |_| Ok(1), |_| {})
                .is_ok_and(|n| n == 1)
        );

        // A write that answers only after its caller gave up (a prompt answered late).
        let (release, released) = mpsc::channel::<()>();
        let taken_back = Arc::new(AtomicBool::new(false));
        let flag = taken_back.clone();
        let late = calls.run(
            open_mock,
            move |_| {
                let _ = released.recv();
                Ok(())
            },
            move |_| flag.store(true, Ordering::SeqCst),
        );
        assert_eq!(late.map_err(|e| e.problem), Err(KeychainProblem::NoAnswer));

        // While it hangs, every call is told so at once instead of waiting its own turn.
        let waiting = calls.run(open_mock, |_| Ok(()), |_| {});
        let refused = waiting.err().map(|e| (e.problem, e.detail));
        assert!(
            refused
                .as_ref()
                .is_some_and(|(p, d)| *p == KeychainProblem::NoAnswer && d.contains("earlier")),
            "{refused:?}"
        );

        // It answers: the write is taken back, and the keychain is usable again.
        let _ = release.send(());
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !taken_back.load(Ordering::SeqCst) {
            assert!(
                std::time::Instant::now() < deadline,
                "the late write stayed"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        while calls.run(open_mock, |_| Ok(2), |_| {}).ok() != Some(2) {
            assert!(
                std::time::Instant::now() < deadline,
                "the keychain stayed stalled"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
