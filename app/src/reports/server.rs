//! The platform reports' queries: each figure is one aggregate over an
//! indexed range, so the page stays cheap however much history there is.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Span, Timestamp};

use super::{DecisionTimes, Reports, ServiceRevenue, ServiceUse, WeekCount, WEEKS};
use crate::error::AppError;
use crate::i18n::{request_locale, Locale};
use crate::server::auth::require_admin;
use crate::server::db::RowExt;
use crate::server::{now_ms, state, tz, DbContext};

/// A service's start in `zone`, written the way readers of `l` write a
/// date and time (`15.1.2027 klo 9.00`, `15 Jan 2027, 09:00`).
fn starts_label(l: Locale, ms: i64, zone: &TimeZone) -> Option<String> {
    let z = Timestamp::from_millisecond(ms).ok()?.to_zoned(zone.clone());
    Some(crate::format::date_time_parts(
        l,
        z.year().into(),
        z.month().into(),
        z.day().into(),
        z.hour().into(),
        z.minute().into(),
    ))
}

/// Most services the revenue and utilization tables list.
const SERVICE_LIMIT: usize = 100;

/// The Mondays starting the last `count` weeks (oldest first) and the one
/// after, each at midnight in `zone`, as dates and UTC milliseconds.
/// Bounds come from the calendar, not from multiples of seven days, so a
/// daylight-saving change never moves an application into the wrong week.
pub fn week_bounds(now: i64, zone: &TimeZone, count: usize) -> Vec<(Date, i64)> {
    let Ok(today) = Timestamp::from_millisecond(now).map(|t| t.to_zoned(zone.clone()).date())
    else {
        return Vec::new();
    };
    let offset = i64::from(today.weekday().to_monday_zero_offset());
    let Ok(this_monday) = today.checked_sub(Span::new().days(offset)) else {
        return Vec::new();
    };
    (0..=count as i64)
        .rev()
        .filter_map(|weeks_back| {
            let monday = this_monday
                .checked_sub(Span::new().weeks(weeks_back - 1))
                .ok()?;
            let ms = monday
                .to_zoned(zone.clone())
                .ok()?
                .timestamp()
                .as_millisecond();
            Some((monday, ms))
        })
        .collect()
}

pub async fn reports() -> Result<Reports, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let zone = tz::for_organization(&st, None).await?;
    let pool = st.db.pool();

    // One pass over the last twelve weeks of application_queue_idx, one
    // conditional count per week.
    let bounds = week_bounds(now_ms(), &zone, WEEKS);
    let mut weeks = Vec::with_capacity(WEEKS);
    if bounds.len() == WEEKS + 1 {
        let columns: Vec<String> = (1..=WEEKS)
            .map(|i| {
                format!(
                    "CAST(COALESCE(SUM(CASE WHEN created_at >= ${i} AND created_at < ${} THEN 1 ELSE 0 END), 0) AS BIGINT) AS w{i}",
                    i + 1
                )
            })
            .collect();
        let sql = format!(
            "SELECT {} FROM application WHERE created_at >= $1 AND created_at < ${}",
            columns.join(", "),
            WEEKS + 1
        );
        let mut query = sqlx::query(&sql);
        for (_, ms) in &bounds {
            query = query.bind(*ms);
        }
        let row = query
            .fetch_one(pool)
            .await
            .context("failed to count applications per week")?;
        for (i, (monday, _)) in bounds.iter().take(WEEKS).enumerate() {
            weeks.push(WeekCount {
                week: monday.to_string(),
                count: row.int(&format!("w{}", i + 1))?,
            });
        }
    }

    let decided =
        "FROM application WHERE status IN ('approved', 'rejected') AND decided_at IS NOT NULL";
    let row = sqlx::query(&format!(
        "SELECT COUNT(*) AS n, CAST(COALESCE(SUM(decided_at - created_at), 0) AS BIGINT) AS total {decided}"
    ))
    .fetch_one(pool)
    .await
    .context("failed to sum decision times")?;
    let n = row.int("n")?;
    let total = row.int("total")?;
    // The median is the middle one (or the mean of the middle two) in
    // order: read at most two rows at that offset instead of all of them.
    let median_ms = if n > 0 {
        let middle: Vec<i64> = sqlx::query_scalar(&format!(
            "SELECT CAST(decided_at - created_at AS BIGINT) AS d {decided} ORDER BY d LIMIT 2 OFFSET $1"
        ))
        .bind((n - 1) / 2)
        .fetch_all(pool)
        .await
        .context("failed to find the median decision time")?;
        match (n % 2, middle.as_slice()) {
            (1, [m, ..]) => Some(*m),
            (_, [a, b]) => Some(a + (b - a) / 2),
            (_, [m]) => Some(*m),
            _ => None,
        }
    } else {
        None
    };
    let decisions = DecisionTimes {
        decided: n,
        median_ms,
        average_ms: (n > 0).then(|| total / n),
    };

    let revenue = sqlx::query(&format!(
        "SELECT s.service_id, s.title, e.currency, COUNT(*) AS lines,
            CAST(SUM(e.net_minor) AS BIGINT) AS net_minor,
            CAST(SUM(e.net_minor + e.vat_minor) AS BIGINT) AS gross_minor
         FROM expense_line e JOIN service s ON s.service_id = e.service_id
         GROUP BY s.service_id, s.title, e.currency
         ORDER BY gross_minor DESC, s.title, s.service_id, e.currency LIMIT {SERVICE_LIMIT}"
    ))
    .fetch_all(pool)
    .await
    .context("failed to sum revenue per service")?
    .iter()
    .map(|row| {
        Ok(ServiceRevenue {
            service_id: row.text("service_id")?,
            title: row.text("title")?,
            currency: row.text("currency")?,
            lines: row.int("lines")?,
            net_minor: row.int("net_minor")?,
            gross_minor: row.int("gross_minor")?,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;

    // Start dates are text made here, in the reader's language.
    let locale = request_locale();
    let utilization = sqlx::query(&format!(
        "SELECT service_id, title, status, starts_at, capacity, seats_sold FROM service
         WHERE status <> 'draft' ORDER BY sort_at DESC, service_id DESC LIMIT {SERVICE_LIMIT}"
    ))
    .fetch_all(pool)
    .await
    .context("failed to load seat utilization")?
    .iter()
    .map(|row| {
        Ok(ServiceUse {
            service_id: row.text("service_id")?,
            title: row.text("title")?,
            status: row.text("status")?,
            starts: row
                .opt_int("starts_at")?
                .and_then(|ms| starts_label(locale, ms, &zone)),
            capacity: row.opt_int("capacity")?,
            seats_sold: row.int("seats_sold")?,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;

    Ok(Reports {
        weeks,
        decisions,
        revenue,
        utilization,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday_midnight_across_summer_time() {
        let helsinki = tz::zone("Europe/Helsinki").expect("zone");
        // Wednesday 2027-04-07 12:00 in Helsinki; summer time began on
        // 2027-03-28.
        let now = tz::parse_local("2027-04-07T12:00", &helsinki).expect("now");
        let bounds = week_bounds(now, &helsinki, 3);
        let dates: Vec<String> = bounds.iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(
            dates,
            vec![
                "2027-03-15",
                "2027-03-22",
                "2027-03-29",
                "2027-04-05",
                "2027-04-12"
            ]
            .into_iter()
            .skip(1)
            .collect::<Vec<_>>()
        );
        for (date, ms) in &bounds {
            assert_eq!(tz::to_input(*ms, &helsinki), format!("{date}T00:00"));
        }
        // The week across the change is an hour shorter.
        assert_eq!(bounds[1].1 - bounds[0].1, 7 * 86_400_000 - 3_600_000);
    }
}
