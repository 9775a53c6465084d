//! Time zones. Instants are stored as UTC milliseconds; people see and type
//! them in their organization's zone (or the operator's). The conversion
//! happens here, on the server only, so the browser bundle carries no zone
//! database: server functions send dates already formatted.

use jiff::civil::{self, DateTime};
use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::{AppState, DbContext};
use crate::error::AppError;

/// The zone for an IANA name, if the built-in database knows it.
pub fn zone(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.is_empty() || name.len() > 64 {
        return None;
    }
    TimeZone::get(name).ok()
}

/// The zone dates are shown in for an organization: its own setting, or the
/// operator's when it has none (or `organization_id` is `None`).
pub async fn for_organization(
    st: &AppState,
    organization_id: Option<&str>,
) -> Result<TimeZone, AppError> {
    let own: Option<String> = match organization_id {
        Some(id) => sqlx::query_scalar::<_, Option<String>>(
            "SELECT time_zone FROM organization WHERE organization_id = $1",
        )
        .bind(id)
        .fetch_optional(st.db.pool())
        .await
        .context("failed to read the organization's time zone")?
        .flatten(),
        None => None,
    };
    Ok(own
        .as_deref()
        .and_then(zone)
        .or_else(|| zone(&st.settings.operator_time_zone))
        .unwrap_or(TimeZone::UTC))
}

fn zoned(ms: i64, tz: &TimeZone) -> Option<jiff::Zoned> {
    Timestamp::from_millisecond(ms)
        .ok()
        .map(|t| t.to_zoned(tz.clone()))
}

/// `2027-01-15 09:00 EET`: an instant as a person in `tz` reads it.
pub fn format(ms: i64, tz: &TimeZone) -> String {
    zoned(ms, tz)
        .map(|z| z.strftime("%Y-%m-%d %H:%M %Z").to_string())
        .unwrap_or_default()
}

/// An instant with its exact text in `tz`, for `when::When`.
pub fn stamp(ms: i64, tz: &TimeZone) -> crate::format::Stamp {
    crate::format::Stamp {
        at: ms,
        local: format(ms, tz),
    }
}

/// `2027-01-15`.
pub fn format_date(ms: i64, tz: &TimeZone) -> String {
    zoned(ms, tz)
        .map(|z| z.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The value a `datetime-local` input shows for an instant: `2027-01-15T09:00`.
pub fn to_input(ms: i64, tz: &TimeZone) -> String {
    zoned(ms, tz)
        .map(|z| z.strftime("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// Parses what a `datetime-local` input sends (`2027-01-15T09:00`, seconds
/// optional) as a wall-clock time in `tz`. A time that a daylight-saving
/// change skips resolves to the later offset; an ambiguous one to the
/// earlier.
pub fn parse_local(value: &str, tz: &TimeZone) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() || value.len() > 32 {
        return None;
    }
    let dt: DateTime = value.parse().ok()?;
    let zoned = dt.to_zoned(tz.clone()).ok()?;
    Some(zoned.timestamp().as_millisecond())
}

/// Parses `2027-01-15` as the start of that day in `tz`.
pub fn parse_day_start(value: &str, tz: &TimeZone) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() || value.len() > 16 {
        return None;
    }
    let date: civil::Date = value.parse().ok()?;
    let zoned = date.to_zoned(tz.clone()).ok()?;
    Some(zoned.timestamp().as_millisecond())
}

/// `2026-12`: the calendar month an instant falls in, in `tz`.
pub fn month_key(ms: i64, tz: &TimeZone) -> String {
    zoned(ms, tz)
        .map(|z| z.strftime("%Y-%m").to_string())
        .unwrap_or_default()
}

/// The month keys of the `count` months ending with the one `ms` falls in,
/// oldest first: the x axis of a chart per month.
pub fn recent_months(ms: i64, tz: &TimeZone, count: usize) -> Vec<String> {
    let Some(now) = zoned(ms, tz) else {
        return Vec::new();
    };
    let (mut year, mut month) = (i32::from(now.year()), i32::from(now.month()));
    let mut keys = Vec::with_capacity(count);
    for _ in 0..count {
        keys.push(format!("{year:04}-{month:02}"));
        month -= 1;
        if month == 0 {
            month = 12;
            year -= 1;
        }
    }
    keys.reverse();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_between_wall_clock_and_utc() {
        let helsinki = zone("Europe/Helsinki").expect("zone");
        // 2027-01-15 09:00 in Helsinki (UTC+2) is 07:00 UTC.
        let ms = parse_local("2027-01-15T09:00", &helsinki).expect("parse");
        assert_eq!(crate::format::time(ms), "2027-01-15 07:00 UTC");
        assert_eq!(format(ms, &helsinki), "2027-01-15 09:00 EET");
        assert_eq!(to_input(ms, &helsinki), "2027-01-15T09:00");
        // Summer time: UTC+3.
        let ms = parse_local("2027-06-15T09:00", &helsinki).expect("parse");
        assert_eq!(crate::format::time(ms), "2027-06-15 06:00 UTC");
    }

    #[test]
    fn month_keys_follow_the_zone() {
        let helsinki = zone("Europe/Helsinki").expect("zone");
        // 2026-11-30 23:30 UTC is already December in Helsinki.
        let ms = parse_local("2026-11-30T23:30", &TimeZone::UTC).expect("parse");
        assert_eq!(month_key(ms, &TimeZone::UTC), "2026-11");
        assert_eq!(month_key(ms, &helsinki), "2026-12");
        assert_eq!(
            recent_months(ms, &helsinki, 3),
            vec!["2026-10", "2026-11", "2026-12"]
        );
        assert_eq!(
            recent_months(ms, &TimeZone::UTC, 12)
                .first()
                .map(String::as_str),
            Some("2025-12")
        );
    }

    #[test]
    fn refuses_what_is_not_a_zone_or_a_time() {
        assert!(zone("Mars/Olympus").is_none());
        assert!(zone("").is_none());
        assert!(parse_local("tomorrow", &TimeZone::UTC).is_none());
        assert!(parse_local("2027-02-30T10:00", &TimeZone::UTC).is_none());
        assert!(parse_day_start("2027-13-01", &TimeZone::UTC).is_none());
    }
}
