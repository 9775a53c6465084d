//! Formatting shared by the server render and the browser, so hydration
//! sees the same text on both sides.

use crate::i18n::Locale;

/// `2026-12-04 17:05 UTC` for milliseconds since the Unix epoch.
pub fn time(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
        rem / 3600,
        (rem % 3600) / 60
    )
}

/// `2026-12-04T15:05:00Z`: the machine-readable form of an instant, for
/// `<time datetime>`.
pub fn iso(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// An instant with its exact wall-clock text in the viewer's zone (the
/// organization's, or the operator's), which only the server can make: the
/// browser bundle has no zone database.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// Milliseconds since the Unix epoch.
    pub at: i64,
    /// `2027-01-15 09:00 EET`.
    pub local: String,
}

impl Stamp {
    /// For instants shown in UTC (where the viewer's zone is not at hand).
    pub fn utc(at: i64) -> Self {
        Self {
            at,
            local: time(at),
        }
    }
}

/// How far an instant is from `now`, as a person says it: "just now",
/// "5 minutes ago", "in 2 hours", "yesterday", "3 months ago". Whole
/// phrases, each with one number in it, so a translation can reorder them.
///
/// Days and "yesterday" count elapsed time (22 to 36 hours is "yesterday"),
/// not calendar days: the browser cannot know the viewer's zone's midnight.
pub fn relative(at_ms: i64, now_ms: i64) -> String {
    const MINUTE: i64 = 60;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    // The average Gregorian month (30.44 days) and year (365.25 days).
    const MONTH: i64 = 3044 * DAY / 100;
    const YEAR: i64 = 36_525 * DAY / 100;
    let diff = (now_ms - at_ms) / 1000;
    let past = diff >= 0;
    let secs = diff.abs();
    // Rounded to the nearest whole unit.
    let round = |unit: i64| (secs + unit / 2) / unit;
    if secs < 45 {
        return "just now".into();
    }
    let (n, unit) = if secs < 45 * MINUTE {
        (round(MINUTE).max(1), Unit::Minute)
    } else if secs < 22 * HOUR {
        (round(HOUR).max(1), Unit::Hour)
    } else if secs < 36 * HOUR {
        return if past { "yesterday" } else { "tomorrow" }.into();
    } else if secs < 26 * DAY {
        (round(DAY).max(2), Unit::Day)
    } else if secs < 320 * DAY {
        (round(MONTH), Unit::Month)
    } else {
        (round(YEAR), Unit::Year)
    };
    phrase(n.max(1), unit, past)
}

#[derive(Clone, Copy)]
enum Unit {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

fn phrase(n: i64, unit: Unit, past: bool) -> String {
    let one = n == 1;
    match (unit, past, one) {
        (Unit::Minute, true, true) => "1 minute ago".into(),
        (Unit::Minute, true, false) => format!("{n} minutes ago"),
        (Unit::Minute, false, true) => "in 1 minute".into(),
        (Unit::Minute, false, false) => format!("in {n} minutes"),
        (Unit::Hour, true, true) => "1 hour ago".into(),
        (Unit::Hour, true, false) => format!("{n} hours ago"),
        (Unit::Hour, false, true) => "in 1 hour".into(),
        (Unit::Hour, false, false) => format!("in {n} hours"),
        (Unit::Day, true, true) => "1 day ago".into(),
        (Unit::Day, true, false) => format!("{n} days ago"),
        (Unit::Day, false, true) => "in 1 day".into(),
        (Unit::Day, false, false) => format!("in {n} days"),
        (Unit::Month, true, true) => "1 month ago".into(),
        (Unit::Month, true, false) => format!("{n} months ago"),
        (Unit::Month, false, true) => "in 1 month".into(),
        (Unit::Month, false, false) => format!("in {n} months"),
        (Unit::Year, true, true) => "1 year ago".into(),
        (Unit::Year, true, false) => format!("{n} years ago"),
        (Unit::Year, false, true) => "in 1 year".into(),
        (Unit::Year, false, false) => format!("in {n} years"),
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// well-known algorithm).
/// A wall-clock date and time as people in `locale` write it:
/// `4.12.2026 klo 14.05` in Finnish, `4 Dec 2026, 14:05` in English.
pub fn date_time_parts(locale: Locale, y: i64, m: i64, d: i64, hour: i64, minute: i64) -> String {
    match locale {
        Locale::Fi => format!("{d}.{m}.{y} klo {hour}.{minute:02}"),
        Locale::En => {
            let month = MONTHS_EN
                .get((m - 1).clamp(0, 11) as usize)
                .copied()
                .unwrap_or("");
            format!("{d} {month} {y}, {hour:02}:{minute:02}")
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An instant in UTC in the locale's way, with the zone named so nobody
/// reads it as local time: `4.12.2026 klo 14.05 UTC`.
pub fn time_in(locale: Locale, ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{} UTC",
        date_time_parts(locale, y, m, d, rem / 3600, (rem % 3600) / 60)
    )
}

/// A number with the locale's grouping and decimal mark, `decimals` places:
/// `1 234,56` in Finnish (a no-break space groups), `1,234.56` in English.
pub fn number(locale: Locale, value: i64, decimals: u32) -> String {
    let (group, point) = match locale {
        Locale::Fi => ('\u{a0}', ','),
        Locale::En => (',', '.'),
    };
    let sign = if value < 0 { "−" } else { "" };
    let abs = value.unsigned_abs();
    let scale = 10u64.pow(decimals);
    let digits = (abs / scale).to_string();
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if decimals > 0 {
        out.push(point);
        out.push_str(&format!(
            "{:0width$}",
            abs % scale,
            width = decimals as usize
        ));
    }
    out
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_and_numbers_follow_the_locale() {
        use crate::i18n::Locale;
        // 2026-12-04 14:05 UTC
        let at = 1_796_393_100_000;
        assert_eq!(super::time_in(Locale::Fi, at), "4.12.2026 klo 14.05 UTC");
        assert_eq!(super::time_in(Locale::En, at), "4 Dec 2026, 14:05 UTC");
        assert_eq!(
            super::date_time_parts(Locale::Fi, 2027, 1, 15, 9, 0),
            "15.1.2027 klo 9.00"
        );
        assert_eq!(super::number(Locale::Fi, 123_456, 2), "1\u{a0}234,56");
        assert_eq!(super::number(Locale::En, 123_456, 2), "1,234.56");
        assert_eq!(super::number(Locale::En, -5, 0), "−5");
        assert_eq!(
            super::number(Locale::Fi, 1_000_000, 0),
            "1\u{a0}000\u{a0}000"
        );
    }

    use super::relative;

    const NOW: i64 = 1_796_396_700_000;
    const S: i64 = 1000;
    const M: i64 = 60 * S;
    const H: i64 = 60 * M;
    const D: i64 = 24 * H;

    fn ago(ms: i64) -> String {
        relative(NOW - ms, NOW)
    }

    fn ahead(ms: i64) -> String {
        relative(NOW + ms, NOW)
    }

    #[test]
    fn relative_times_at_each_boundary() {
        let table = [
            (0, "just now"),
            (44 * S, "just now"),
            (45 * S, "1 minute ago"),
            (89 * S, "1 minute ago"),
            (90 * S, "2 minutes ago"),
            (44 * M, "44 minutes ago"),
            (45 * M, "1 hour ago"),
            (90 * M, "2 hours ago"),
            (21 * H + 59 * M, "22 hours ago"),
            (22 * H, "yesterday"),
            (35 * H, "yesterday"),
            (36 * H, "2 days ago"),
            (3 * D, "3 days ago"),
            (25 * D, "25 days ago"),
            (26 * D, "1 month ago"),
            (45 * D, "1 month ago"),
            (46 * D, "2 months ago"),
            (319 * D, "10 months ago"),
            (320 * D, "1 year ago"),
            (547 * D, "1 year ago"),
            (549 * D, "2 years ago"),
        ];
        for (ms, expected) in table {
            assert_eq!(ago(ms), expected, "{ms} ms ago");
        }
    }

    #[test]
    fn future_times_read_forward() {
        assert_eq!(ahead(10 * S), "just now");
        assert_eq!(ahead(M), "in 1 minute");
        assert_eq!(ahead(5 * M), "in 5 minutes");
        assert_eq!(ahead(H), "in 1 hour");
        assert_eq!(ahead(2 * H), "in 2 hours");
        assert_eq!(ahead(30 * H), "tomorrow");
        assert_eq!(ahead(3 * D), "in 3 days");
        assert_eq!(ahead(60 * D), "in 2 months");
        assert_eq!(ahead(800 * D), "in 2 years");
    }

    #[test]
    fn iso_instants_for_the_datetime_attribute() {
        assert_eq!(super::iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::iso(1_796_396_700_999), "2026-12-04T15:05:00Z");
        assert_eq!(super::iso(-1000), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(super::time(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::time(951_782_400_000), "2000-02-29 00:00 UTC");
        assert_eq!(super::time(1_796_396_700_000), "2026-12-04 15:05 UTC");
    }
}
