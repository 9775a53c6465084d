//! The time that expiry checks read (session timeouts, the half-finished
//! sign-in, TOTP steps, abuse windows). It is the system clock plus an
//! offset that only tests move, so they can step past a timeout instead of
//! waiting for it.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// Milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> i64 {
        super::now_ms() + self.offset_ms.load(Ordering::Relaxed)
    }

    /// Moves this server's clock forward (tests only call this).
    pub fn advance(&self, by: Duration) {
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
        self.offset_ms.fetch_add(ms, Ordering::Relaxed);
    }
}
