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

/// How far an instant is from `now`, in English (see [`relative_in`]).
pub fn relative(at_ms: i64, now_ms: i64) -> String {
    relative_in(Locale::En, at_ms, now_ms)
}

/// How far an instant is from `now`, as a person says it in `locale`:
/// "just now", "5 minutes ago", "in 2 hours", "yesterday", "3 months ago"
/// ("juuri nyt", "5 minuuttia sitten", "2 tunnin päästä", "eilen"). Whole
/// phrases from the message files, each with one number in it, so a
/// translation can reorder them and pick its plural.
///
/// Days and "yesterday" count elapsed time (22 to 36 hours is "yesterday"),
/// not calendar days: the browser cannot know the viewer's zone's midnight.
pub fn relative_in(locale: Locale, at_ms: i64, now_ms: i64) -> String {
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
        return locale.t("when-just-now");
    }
    let (n, unit) = if secs < 45 * MINUTE {
        (round(MINUTE).max(1), "minutes")
    } else if secs < 22 * HOUR {
        (round(HOUR).max(1), "hours")
    } else if secs < 36 * HOUR {
        return locale.t(if past {
            "when-yesterday"
        } else {
            "when-tomorrow"
        });
    } else if secs < 26 * DAY {
        (round(DAY).max(2), "days")
    } else if secs < 320 * DAY {
        (round(MONTH), "months")
    } else {
        (round(YEAR), "years")
    };
    let key = match (unit, past) {
        ("minutes", true) => "when-minutes-ago",
        ("minutes", false) => "when-in-minutes",
        ("hours", true) => "when-hours-ago",
        ("hours", false) => "when-in-hours",
        ("days", true) => "when-days-ago",
        ("days", false) => "when-in-days",
        ("months", true) => "when-months-ago",
        ("months", false) => "when-in-months",
        (_, true) => "when-years-ago",
        (_, false) => "when-in-years",
    };
    locale.t_args(key, &[("n", n.max(1).into())])
}

/// A date without the time as people in `locale` write it: `15.1.2027`
/// in Finnish, `15 Jan 2027` in English.
pub fn date_parts(locale: Locale, y: i64, m: i64, d: i64) -> String {
    match locale {
        Locale::Fi => format!("{d}.{m}.{y}"),
        Locale::En => format!("{d} {} {y}", month_en(m)),
    }
}

fn month_en(m: i64) -> &'static str {
    MONTHS_EN
        .get((m - 1).clamp(0, 11) as usize)
        .copied()
        .unwrap_or("")
}

/// `YYYY-MM` (a month key, as the expense filters use) as people in
/// `locale` name the month: `12/2026` in Finnish, `Dec 2026` in English.
/// Anything else comes back as it is.
pub fn month_label(locale: Locale, key: &str) -> String {
    let parsed = key
        .split_once('-')
        .and_then(|(y, m)| Some((y.parse::<i64>().ok()?, m.parse::<i64>().ok()?)))
        .filter(|(_, m)| (1..=12).contains(m));
    match (parsed, locale) {
        (Some((y, m)), Locale::Fi) => format!("{m}/{y}"),
        (Some((y, m)), Locale::En) => format!("{} {y}", month_en(m)),
        (None, _) => key.to_string(),
    }
}

/// An instant in a time zone in the locale's way, with the zone's
/// abbreviation: `15.1.2027 klo 9.00 EET`, `15 Jan 2027, 09:00 EET`.
/// Server only: the browser bundle has no zone database.
#[cfg(feature = "ssr")]
pub fn zoned_in(locale: Locale, ms: i64, tz: &jiff::tz::TimeZone) -> String {
    let Ok(t) = jiff::Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let z = t.to_zoned(tz.clone());
    format!(
        "{} {}",
        date_time_parts(
            locale,
            i64::from(z.year()),
            i64::from(z.month()),
            i64::from(z.day()),
            i64::from(z.hour()),
            i64::from(z.minute())
        ),
        z.strftime("%Z")
    )
}

/// [`zoned_in`] as a [`Stamp`] for `when::When`.
#[cfg(feature = "ssr")]
pub fn stamp_in(locale: Locale, ms: i64, tz: &jiff::tz::TimeZone) -> Stamp {
    Stamp {
        at: ms,
        local: zoned_in(locale, ms, tz),
    }
}

/// The date of an instant in a time zone, in the locale's way.
#[cfg(feature = "ssr")]
pub fn zoned_date_in(locale: Locale, ms: i64, tz: &jiff::tz::TimeZone) -> String {
    let Ok(t) = jiff::Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let z = t.to_zoned(tz.clone());
    date_parts(
        locale,
        i64::from(z.year()),
        i64::from(z.month()),
        i64::from(z.day()),
    )
}

/// A wall-clock date and time as people in `locale` write it:
/// `4.12.2026 klo 14.05` in Finnish, `4 Dec 2026, 14:05` in English.
pub fn date_time_parts(locale: Locale, y: i64, m: i64, d: i64, hour: i64, minute: i64) -> String {
    match locale {
        Locale::Fi => format!("{d}.{m}.{y} klo {hour}.{minute:02}"),
        Locale::En => {
            format!("{d} {} {y}, {hour:02}:{minute:02}", month_en(m))
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

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// well-known algorithm).
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
    fn relative_times_in_finnish_pick_the_plural() {
        use crate::i18n::Locale::Fi;
        let fi = |at: i64| super::relative_in(Fi, at, NOW);
        assert_eq!(fi(NOW - 10 * S), "juuri nyt");
        assert_eq!(fi(NOW - M), "minuutti sitten");
        assert_eq!(fi(NOW - 5 * M), "5 minuuttia sitten");
        assert_eq!(fi(NOW - H), "tunti sitten");
        assert_eq!(fi(NOW - 3 * H), "3 tuntia sitten");
        assert_eq!(fi(NOW - 30 * H), "eilen");
        assert_eq!(fi(NOW - 3 * D), "3 päivää sitten");
        assert_eq!(fi(NOW - 45 * D), "kuukausi sitten");
        assert_eq!(fi(NOW - 100 * D), "3 kuukautta sitten");
        assert_eq!(fi(NOW - 400 * D), "vuosi sitten");
        assert_eq!(fi(NOW - 800 * D), "2 vuotta sitten");
        assert_eq!(fi(NOW + 30 * H), "huomenna");
        assert_eq!(fi(NOW + M), "minuutin päästä");
        assert_eq!(fi(NOW + 2 * H), "2 tunnin päästä");
        assert_eq!(fi(NOW + 3 * D), "3 päivän päästä");
        assert_eq!(fi(NOW + 60 * D), "2 kuukauden päästä");
        // English through the same messages.
        assert_eq!(
            super::relative_in(crate::i18n::Locale::En, NOW - 3 * D, NOW),
            "3 days ago"
        );
    }

    #[test]
    fn dates_and_months_follow_the_locale() {
        use crate::i18n::Locale;
        assert_eq!(super::date_parts(Locale::Fi, 2026, 12, 5), "5.12.2026");
        assert_eq!(super::date_parts(Locale::En, 2026, 12, 5), "5 Dec 2026");
        assert_eq!(super::month_label(Locale::Fi, "2026-12"), "12/2026");
        assert_eq!(super::month_label(Locale::En, "2026-01"), "Jan 2026");
        assert_eq!(super::month_label(Locale::Fi, "nonsense"), "nonsense");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn zoned_times_follow_the_locale() {
        use crate::i18n::Locale;
        let helsinki = jiff::tz::TimeZone::get("Europe/Helsinki").unwrap();
        // 2026-12-05 12:30 UTC is 14.30 in Helsinki.
        let at = 1_796_473_800_000;
        assert_eq!(
            super::zoned_in(Locale::Fi, at, &helsinki),
            "5.12.2026 klo 14.30 EET"
        );
        assert_eq!(
            super::zoned_in(Locale::En, at, &helsinki),
            "5 Dec 2026, 14:30 EET"
        );
        assert_eq!(super::zoned_date_in(Locale::Fi, at, &helsinki), "5.12.2026");
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
