//! Platform reports for system administrators: applications per week, time
//! to decision, revenue per service and seat utilization per service.

mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::ReportsPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Locale;

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
    /// `7 of 10 (70 %)`, or `7 (no limit)`, in `l`.
    pub fn label(&self, l: Locale) -> String {
        match self.capacity {
            Some(capacity) => l.t_args(
                "reports-seats-of",
                &[
                    ("sold", self.seats_sold.into()),
                    ("capacity", capacity.into()),
                    (
                        "percent",
                        crate::dashboard::percent(self.seats_sold, capacity).into(),
                    ),
                ],
            ),
            None => l.t_args(
                "reports-seats-unlimited",
                &[("sold", self.seats_sold.into())],
            ),
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

/// A duration as people say it: `2 d 4 h`, `3 h 5 min`, `12 min` (in
/// Finnish `2 vrk 4 h`).
pub fn duration_label(l: Locale, ms: i64) -> String {
    let minutes = ms.max(0) / 60_000;
    let (days, hours, mins) = (minutes / 1440, (minutes / 60) % 24, minutes % 60);
    let args = [
        ("days", days.into()),
        ("hours", hours.into()),
        ("minutes", mins.into()),
    ];
    if days > 0 {
        l.t_args("reports-duration-days", &args)
    } else if hours > 0 {
        l.t_args("reports-duration-hours", &args)
    } else if minutes > 0 {
        l.t_args("reports-duration-minutes", &args)
    } else {
        l.t("reports-duration-short")
    }
}

#[cfg(test)]
mod tests {
    use super::duration_label;
    use crate::i18n::Locale::{En, Fi};

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_label(En, 30_000), "under a minute");
        assert_eq!(duration_label(En, 12 * 60_000), "12 min");
        assert_eq!(duration_label(En, 185 * 60_000), "3 h 5 min");
        assert_eq!(
            duration_label(En, (2 * 1440 + 4 * 60 + 7) * 60_000),
            "2 d 4 h"
        );
        assert_eq!(duration_label(En, -5), "under a minute");
    }

    #[test]
    fn durations_read_naturally_in_finnish() {
        assert_eq!(duration_label(Fi, 30_000), "alle minuutti");
        assert_eq!(duration_label(Fi, 185 * 60_000), "3 h 5 min");
        assert_eq!(
            duration_label(Fi, (2 * 1440 + 4 * 60 + 7) * 60_000),
            "2 vrk 4 h"
        );
    }
}
