//! Users admitted since the last acknowledged report, with the time of their latest admission:
//! central records them as first-connection and last-online times (which starts an `on_hold`
//! user's expiry). Written by the auth path, read and trimmed by the reporter.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use parking_lot::Mutex;

/// Admissions not yet reported, keyed by the table's shared id so recording one allocates
/// nothing.
#[derive(Debug, Clone, Default)]
pub struct Admissions(Arc<Mutex<HashMap<Arc<str>, i64>>>);

impl Admissions {
    /// Records that `user` was admitted at `now` (Unix seconds).
    pub fn record(&self, user: &Arc<str>, now: i64) {
        self.0.lock().insert(Arc::clone(user), now);
    }

    /// What the next report carries.
    pub fn pending(&self) -> BTreeMap<String, i64> {
        self.0
            .lock()
            .iter()
            .map(|(id, at)| (id.to_string(), *at))
            .collect()
    }

    /// Forgets what central stored, keeping admissions that came in meanwhile.
    pub fn reported(&self, sent: &BTreeMap<String, i64>) {
        self.0.lock().retain(|id, at| sent.get(&**id) != Some(at));
    }
}
