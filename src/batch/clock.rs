//! Where a request without `now` gets its time: the system clock, or one pinned time
//! (`batch --now`, tests). Depends on nothing in the crate.

/// Where a request that carries no `now` gets the time from.
pub trait Clock {
    /// The current time.
    fn now(&self) -> jiff::Timestamp;
}

/// The system clock, read for each request that needs it.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> jiff::Timestamp {
        jiff::Timestamp::now()
    }
}

/// One time for every request: `batch --now`, and tests.
pub struct Pinned(pub jiff::Timestamp);

impl Clock for Pinned {
    fn now(&self) -> jiff::Timestamp {
        self.0
    }
}
