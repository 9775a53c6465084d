//! The dashboard's and the utilization page's queries: a handful of
//! aggregates, each scoped by the signed-in admin's organization and served
//! by an index that starts with the organization.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;

use super::{
    AccountSpend, Activity, CurrencySpend, Dashboard, Utilization, UtilizationRow, CHART_SERVICES,
};
use crate::error::AppError;
use crate::format;
use crate::i18n::request_locale;
use crate::server::auth::require_customer;
use crate::server::db::RowExt;
use crate::server::{now_ms, state, tz, AppState, DbContext};

/// Most services a utilization answer lists, newest first.
const UTILIZATION_LIMIT: usize = 200;

async fn utilization_rows(
    st: &AppState,
    organization_id: &str,
    zone: &TimeZone,
) -> Result<Vec<UtilizationRow>, AppError> {
    let locale = request_locale();
    // One row per service the organization ever ordered or applied for;
    // each figure is a correlated aggregate over that service's orders or
    // applications of this organization (purchase_order_service_idx,
    // course_application_service_idx).
    let accepted = "FROM course_application c
        JOIN course_application_attendee a ON a.course_application_id = c.course_application_id
        WHERE c.service_id = s.service_id AND c.organization_id = $1 AND c.status = 'accepted'";
    let sql = format!(
        "SELECT s.service_id, s.title, s.kind, s.starts_at,
            (SELECT CAST(COALESCE(SUM(o.quantity), 0) AS BIGINT) FROM purchase_order o
             WHERE o.service_id = s.service_id AND o.organization_id = $1 AND o.status = 'confirmed') AS seats_bought,
            (SELECT CAST(COALESCE(SUM(c.seats_from_orders), 0) AS BIGINT) FROM course_application c
             WHERE c.service_id = s.service_id AND c.organization_id = $1 AND c.status = 'accepted') AS seats_used,
            (SELECT CAST(COALESCE(SUM(c.seats_charged), 0) AS BIGINT) FROM course_application c
             WHERE c.service_id = s.service_id AND c.organization_id = $1 AND c.status = 'accepted') AS seats_charged,
            (SELECT COUNT(*) {accepted}) AS attendees_accepted,
            (SELECT COUNT(*) {accepted} AND a.attended = 1) AS attended,
            (SELECT COUNT(*) {accepted} AND a.attended IS NOT NULL) AS marked
         FROM service s
         WHERE s.service_id IN (
            SELECT o.service_id FROM purchase_order o WHERE o.organization_id = $1
            UNION SELECT c.service_id FROM course_application c WHERE c.organization_id = $1)
         ORDER BY s.sort_at DESC, s.service_id DESC LIMIT {UTILIZATION_LIMIT}"
    );
    sqlx::query(&sql)
        .bind(organization_id)
        .fetch_all(st.db.pool())
        .await
        .context("failed to load the utilization")?
        .iter()
        .map(|row| {
            Ok(UtilizationRow {
                service_id: row.text("service_id")?,
                title: row.text("title")?,
                kind: row.text("kind")?,
                starts: row
                    .opt_int("starts_at")?
                    .map(|ms| format::zoned_date_in(locale, ms, zone)),
                seats_bought: row.int("seats_bought")?,
                seats_used: row.int("seats_used")?,
                seats_charged: row.int("seats_charged")?,
                attendees_accepted: row.int("attendees_accepted")?,
                attended: row.int("attended")?,
                marked: row.int("marked")?,
            })
        })
        .collect()
}

pub async fn utilization() -> Result<Utilization, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    Ok(Utilization {
        rows: utilization_rows(&st, &customer.organization_id, &zone).await?,
    })
}

pub async fn dashboard() -> Result<Dashboard, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let org = customer.organization_id.as_str();
    let zone = tz::for_organization(&st, Some(org)).await?;
    let locale = request_locale();
    let now = now_ms();
    let pool = st.db.pool();

    let row = sqlx::query(
        "SELECT legal_name, status, created_at FROM organization WHERE organization_id = $1",
    )
    .bind(org)
    .fetch_optional(pool)
    .await
    .context("failed to load the organization")?
    .ok_or_else(|| AppError::NotFound(locale.t("dashboard-not-found")))?;

    // A service without an end date counts as running until its start, and
    // one without dates at all (a licence, a coaching package) as open.
    let open_orders: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM purchase_order o JOIN service s ON s.service_id = o.service_id
         WHERE o.organization_id = $1 AND o.status = 'confirmed'
           AND (COALESCE(s.ends_at, s.starts_at) IS NULL OR COALESCE(s.ends_at, s.starts_at) > $2)",
    )
    .bind(org)
    .bind(now)
    .fetch_one(pool)
    .await
    .context("failed to count open orders")?;
    let upcoming_courses: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM course_application c JOIN service s ON s.service_id = c.service_id
         WHERE c.organization_id = $1 AND c.status IN ('submitted', 'waitlisted', 'accepted')
           AND s.starts_at > $2",
    )
    .bind(org)
    .bind(now)
    .fetch_one(pool)
    .await
    .context("failed to count upcoming courses")?;
    let attendees: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM attendee WHERE organization_id = $1 AND erased_at IS NULL",
    )
    .bind(org)
    .fetch_one(pool)
    .await
    .context("failed to count attendees")?;

    let this_month = tz::month_key(now, &zone);
    let spend_this_month = sqlx::query(
        "SELECT e.billing_account_id, b.name, e.currency,
            CAST(SUM(e.net_minor + e.vat_minor) AS BIGINT) AS gross_minor
         FROM expense_line e JOIN billing_account b ON b.billing_account_id = e.billing_account_id
         WHERE e.organization_id = $1 AND e.month = $2
         GROUP BY e.billing_account_id, b.name, e.currency
         ORDER BY b.name, e.billing_account_id, e.currency",
    )
    .bind(org)
    .bind(&this_month)
    .fetch_all(pool)
    .await
    .context("failed to sum this month's spend")?
    .iter()
    .map(|row| {
        Ok(AccountSpend {
            billing_account_id: row.text("billing_account_id")?,
            name: row.text("name")?,
            currency: row.text("currency")?,
            gross_minor: row.int("gross_minor")?,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;

    let months = tz::recent_months(now, &zone, 12);
    let mut by_currency: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    if let (Some(first), Some(last)) = (months.first(), months.last()) {
        let rows = sqlx::query(
            "SELECT month, currency, CAST(SUM(net_minor + vat_minor) AS BIGINT) AS gross_minor
             FROM expense_line WHERE organization_id = $1 AND month >= $2 AND month <= $3
             GROUP BY month, currency",
        )
        .bind(org)
        .bind(first)
        .bind(last)
        .fetch_all(pool)
        .await
        .context("failed to sum spend per month")?;
        for row in &rows {
            let month = row.text("month")?;
            let Some(index) = months.iter().position(|m| *m == month) else {
                continue;
            };
            let values = by_currency
                .entry(row.text("currency")?)
                .or_insert_with(|| vec![0; months.len()]);
            values[index] += row.int("gross_minor")?;
        }
    }
    // The currency with the most spend first: usually the only one.
    let mut spend_by_month: Vec<CurrencySpend> = by_currency
        .into_iter()
        .map(|(currency, values)| CurrencySpend { currency, values })
        .collect();
    spend_by_month
        .sort_by_key(|c| std::cmp::Reverse(c.values.iter().map(|v| v.abs()).sum::<i64>()));

    let mut seats = utilization_rows(&st, org, &zone).await?;
    seats.retain(|r| r.seats_bought + r.seats_charged > 0 || r.seats_used > 0);
    seats.sort_by_key(|r| {
        std::cmp::Reverse((r.seats_bought + r.seats_charged).max(r.seats_used + r.seats_charged))
    });
    seats.truncate(CHART_SERVICES);

    let activity = sqlx::query(
        "SELECT at, actor_label, action, detail FROM audit_log
         WHERE organization_id = $1 ORDER BY at DESC, audit_id DESC LIMIT 10",
    )
    .bind(org)
    .fetch_all(pool)
    .await
    .context("failed to load recent activity")?
    .iter()
    .map(|row| {
        Ok(Activity {
            at: format::zoned_in(locale, row.int("at")?, &zone),
            when: format::stamp_in(locale, row.int("at")?, &zone),
            actor: row.text("actor_label")?,
            action: row.text("action")?,
            detail: row.text("detail")?,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;

    Ok(Dashboard {
        legal_name: row.text("legal_name")?,
        status: row.text("status")?,
        customer_since: format::zoned_date_in(locale, row.int("created_at")?, &zone),
        admin_email: customer.email.clone(),
        open_orders,
        upcoming_courses,
        attendees,
        this_month,
        spend_this_month,
        months,
        spend_by_month,
        seats,
        activity,
    })
}
