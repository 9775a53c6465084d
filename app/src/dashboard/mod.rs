//! The Customer admin's dashboard at `/org` (key figures, spend and seat
//! charts, recent activity, the organization itself) and the utilization
//! page: seats bought versus used per service, and attendance.

mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod utilization_page;

pub use page::{activity_label, DashboardPage};
pub use utilization_page::UtilizationPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Services on the dashboard's seat chart; the utilization page has all.
pub const CHART_SERVICES: usize = 8;

/// What the organization has of one service it bought or applied for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UtilizationRow {
    pub service_id: String,
    pub title: String,
    pub kind: String,
    pub starts: Option<String>,
    /// Seats of confirmed orders.
    pub seats_bought: i64,
    /// Bought seats that accepted course applications use.
    pub seats_used: i64,
    /// Seats of accepted applications charged as course fees.
    pub seats_charged: i64,
    /// Attendees named on accepted applications.
    pub attendees_accepted: i64,
    /// Of those, marked as attended, and marked at all.
    pub attended: i64,
    pub marked: i64,
}

impl UtilizationRow {
    /// `3 of 4` (attended of marked), or `Not marked yet`.
    pub fn attendance(&self) -> String {
        if self.marked == 0 {
            "Not marked yet".into()
        } else {
            format!(
                "{} of {} ({} %)",
                self.attended,
                self.marked,
                percent(self.attended, self.marked)
            )
        }
    }
}

impl UtilizationRow {
    /// [`UtilizationRow::attendance`] in `locale`: `3/4 (75 %)` style
    /// phrases from the message files.
    pub fn attendance_in(&self, locale: crate::i18n::Locale) -> String {
        if self.marked == 0 {
            locale.t("dashboard-attendance-not-marked")
        } else {
            locale.t_args(
                "dashboard-attendance",
                &[
                    ("attended", self.attended.into()),
                    ("marked", self.marked.into()),
                    ("percent", percent(self.attended, self.marked).into()),
                ],
            )
        }
    }
}

/// `part` of `whole` in whole percent, rounded half up; 0 when `whole` is 0.
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 200 + whole) / (2 * whole)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Utilization {
    pub rows: Vec<UtilizationRow>,
}

/// One billing account's spend in one currency this month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountSpend {
    pub billing_account_id: String,
    pub name: String,
    pub currency: String,
    pub gross_minor: i64,
}

/// Gross spend per month in one currency, one value per `Dashboard::months`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrencySpend {
    pub currency: String,
    pub values: Vec<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub at: String,
    /// `at` as an instant, for the relative date.
    pub when: crate::format::Stamp,
    pub actor: String,
    pub action: String,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub legal_name: String,
    pub status: String,
    pub customer_since: String,
    pub admin_email: String,
    /// Confirmed orders whose service has not ended.
    pub open_orders: i64,
    /// Submitted, waitlisted or accepted applications for courses that
    /// start in the future.
    pub upcoming_courses: i64,
    pub attendees: i64,
    /// `YYYY-MM` of this month in the organization's time zone.
    pub this_month: String,
    pub spend_this_month: Vec<AccountSpend>,
    /// The last twelve months, oldest first.
    pub months: Vec<String>,
    pub spend_by_month: Vec<CurrencySpend>,
    /// The services with the most seats, for the seat chart.
    pub seats: Vec<UtilizationRow>,
    pub activity: Vec<Activity>,
}

/// Everything the dashboard shows, in one answer.
#[server(prefix = "/api", endpoint = "org/dashboard")]
pub async fn org_dashboard() -> Result<Dashboard, AppError> {
    server::dashboard().await
}

/// Per service the organization bought or applied for: seats bought, used
/// and charged, attendees and attendance.
#[server(prefix = "/api", endpoint = "org/utilization")]
pub async fn org_utilization() -> Result<Utilization, AppError> {
    server::utilization().await
}

/// An audit action as a short phrase: `order.created` → `Order created`.
pub fn action_label(action: &str) -> String {
    let spaced = action.replace(['.', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_and_never_divide_by_zero() {
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 2), 50);
        assert_eq!(percent(5, 5), 100);
    }

    #[test]
    fn actions_read_as_phrases() {
        assert_eq!(action_label("order.created"), "Order created");
        assert_eq!(action_label("org.details_updated"), "Org details updated");
        assert_eq!(action_label(""), "");
    }
}
