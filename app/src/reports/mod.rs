//! Platform reports for system administrators: applications per week, time
//! to decision, revenue per service and seat utilization per service.

mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::ReportsPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Weeks on the applications chart, this one included.
pub const WEEKS: usize = 12;

/// Applications submitted in one week (Monday to Sunday in the operator's
/// time zone).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekCount {
    /// The Monday the week starts on, `YYYY-MM-DD`.
    pub week: String,
    pub count: i64,
}

/// How long approved and rejected applications waited for the decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionTimes {
    pub decided: i64,
    pub median_ms: Option<i64>,
    pub average_ms: Option<i64>,
}

/// Everything a service brought in, in one currency: the sum of its
/// expense lines, refunds included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceRevenue {
    pub service_id: String,
    pub title: String,
    pub currency: String,
    pub lines: i64,
    pub net_minor: i64,
    pub gross_minor: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceUse {
    pub service_id: String,
    pub title: String,
    pub status: String,
    pub starts: Option<String>,
    /// `None` for unlimited.
    pub capacity: Option<i64>,
    pub seats_sold: i64,
}

impl ServiceUse {
    /// `7 of 10 (70 %)`, or `7 (no limit)`.
    pub fn label(&self) -> String {
        match self.capacity {
            Some(capacity) => format!(
                "{} of {} ({} %)",
                self.seats_sold,
                capacity,
                crate::dashboard::percent(self.seats_sold, capacity)
            ),
            None => format!("{} (no limit)", self.seats_sold),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reports {
    /// Oldest first.
    pub weeks: Vec<WeekCount>,
    pub decisions: DecisionTimes,
    /// Highest gross first.
    pub revenue: Vec<ServiceRevenue>,
    /// Published and archived services, newest first.
    pub utilization: Vec<ServiceUse>,
}

#[server(prefix = "/api", endpoint = "admin/reports")]
pub async fn admin_reports() -> Result<Reports, AppError> {
    server::reports().await
}

/// A duration as people say it: `2 d 4 h`, `3 h 5 min`, `12 min`.
pub fn duration_label(ms: i64) -> String {
    let minutes = ms.max(0) / 60_000;
    let (days, hours, mins) = (minutes / 1440, (minutes / 60) % 24, minutes % 60);
    if days > 0 {
        format!("{days} d {hours} h")
    } else if hours > 0 {
        format!("{hours} h {mins} min")
    } else if minutes > 0 {
        format!("{mins} min")
    } else {
        "under a minute".into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn durations_read_naturally() {
        assert_eq!(super::duration_label(30_000), "under a minute");
        assert_eq!(super::duration_label(12 * 60_000), "12 min");
        assert_eq!(super::duration_label(185 * 60_000), "3 h 5 min");
        assert_eq!(
            super::duration_label((2 * 1440 + 4 * 60 + 7) * 60_000),
            "2 d 4 h"
        );
        assert_eq!(super::duration_label(-5), "under a minute");
    }
}
