//! Money as integer minor units (cents) with a currency code, never floating
//! point: parsing what a person types, VAT, and display. Shared by the
//! server and the browser so both print the same text.

/// The currencies the catalog may price in, all with two decimals.
pub const CURRENCIES: [&str; 4] = ["EUR", "SEK", "NOK", "DKK"];

/// `EUR 1,234.50`; negative amounts (refunds) as `−EUR 12.00`.
pub fn format(minor: i64, currency: &str) -> String {
    let sign = if minor < 0 { "−" } else { "" };
    let abs = minor.unsigned_abs();
    let units = abs / 100;
    let cents = abs % 100;
    let digits = units.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{currency} {grouped}.{cents:02}")
}

/// An amount as people in `locale` write it: `1 234,56 €` in Finnish,
/// and in English the app's usual `EUR 1,234.50`.
pub fn format_in(locale: crate::i18n::Locale, minor: i64, currency: &str) -> String {
    match locale {
        crate::i18n::Locale::En => format(minor, currency),
        crate::i18n::Locale::Fi => {
            let symbol = if currency == "EUR" { "€" } else { currency };
            format!("{}\u{a0}{symbol}", crate::format::number(locale, minor, 2))
        }
    }
}

/// `25.5 %` for 2550 basis points.
pub fn format_rate(bp: i64) -> String {
    let whole = bp / 100;
    let frac = bp % 100;
    if frac == 0 {
        format!("{whole} %")
    } else if frac % 10 == 0 {
        format!("{whole}.{} %", frac / 10)
    } else {
        format!("{whole}.{frac:02} %")
    }
}

/// [`format_rate`] with the locale's decimal mark: `25,5 %` in Finnish.
pub fn format_rate_in(locale: crate::i18n::Locale, bp: i64) -> String {
    match locale {
        crate::i18n::Locale::En => format_rate(bp),
        crate::i18n::Locale::Fi => format_rate(bp).replace('.', ","),
    }
}

/// VAT on a net amount, rounded half away from zero to the cent.
pub fn vat(net_minor: i64, rate_bp: i64) -> i64 {
    let product = i128::from(net_minor) * i128::from(rate_bp);
    let rounded = if product >= 0 {
        (product + 5_000) / 10_000
    } else {
        (product - 5_000) / 10_000
    };
    rounded as i64
}

/// Parses a non-negative decimal amount with at most two decimals, a dot
/// or a comma as the separator, and optional spaces or underscores between
/// thousands: `1 234,50` is 123450 minor units. At most a billion units.
pub fn parse_amount(value: &str, label: &str) -> Result<i64, String> {
    let compact: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '_'))
        .collect();
    let about = |key: &str| {
        let locale = crate::i18n::use_locale();
        locale.t_args(key, &[("label", crate::validate::label_text(label).into())])
    };
    if compact.is_empty() {
        return Err(about("validate-required"));
    }
    let (whole, frac) = match compact.find(['.', ',']) {
        Some(i) => (&compact[..i], &compact[i + 1..]),
        None => (compact.as_str(), ""),
    };
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(frac) || frac.len() > 2 {
        return Err(about("validate-amount"));
    }
    if whole.len() > 10 {
        return Err(about("validate-too-large"));
    }
    let units: i64 = whole.parse().map_err(|_| about("validate-too-large"))?;
    if units > 1_000_000_000 {
        return Err(about("validate-too-large"));
    }
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().unwrap_or(0) * 10,
        _ => frac.parse().unwrap_or(0),
    };
    Ok(units * 100 + cents)
}

/// Parses a VAT rate in percent (`25.5`, `24`, `0`) into basis points.
pub fn parse_rate(value: &str) -> Result<i64, String> {
    let trimmed = value.trim().trim_end_matches('%').trim();
    let locale = crate::i18n::use_locale();
    let bp = parse_amount(trimmed, "VAT rate").map_err(|_| locale.t("validate-vat-rate"))?;
    if bp > 10_000 {
        return Err(locale.t("validate-vat-rate-max"));
    }
    Ok(bp)
}

/// The amount as the editor shows it back in its field: `1250.50`.
pub fn to_input(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}

/// The amount as a plain decimal a spreadsheet reads as a number:
/// `1250.00`, `-12.50` (no grouping, no currency, an ASCII minus).
pub fn to_decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_follows_the_locale() {
        use crate::i18n::Locale;
        assert_eq!(
            super::format_in(Locale::Fi, 123_456, "EUR"),
            "1\u{a0}234,56\u{a0}€"
        );
        assert_eq!(
            super::format_in(Locale::Fi, -1_200, "SEK"),
            "−12,00\u{a0}SEK"
        );
        assert_eq!(super::format_in(Locale::En, 123_456, "EUR"), "EUR 1,234.56");
        assert_eq!(super::format_rate_in(Locale::Fi, 2550), "25,5 %");
        assert_eq!(super::format_rate_in(Locale::En, 2550), "25.5 %");
    }

    use super::*;

    #[test]
    fn formats_with_thousands_and_cents() {
        assert_eq!(format(0, "EUR"), "EUR 0.00");
        assert_eq!(format(5, "EUR"), "EUR 0.05");
        assert_eq!(format(123_456_789, "EUR"), "EUR 1,234,567.89");
        assert_eq!(format(-1200, "SEK"), "−SEK 12.00");
        assert_eq!(format(100_000, "EUR"), "EUR 1,000.00");
    }

    #[test]
    fn decimals_keep_the_sign_and_two_places() {
        assert_eq!(to_decimal(125_000), "1250.00");
        assert_eq!(to_decimal(-1_250), "-12.50");
        assert_eq!(to_decimal(-5), "-0.05");
        assert_eq!(to_decimal(0), "0.00");
    }

    #[test]
    fn parses_amounts_people_type() {
        assert_eq!(parse_amount("1250", "Price"), Ok(125_000));
        assert_eq!(parse_amount("1 250,5", "Price"), Ok(125_050));
        assert_eq!(parse_amount("0.05", "Price"), Ok(5));
        assert!(parse_amount("", "Price").is_err());
        assert!(parse_amount("-3", "Price").is_err());
        assert!(parse_amount("1.234", "Price").is_err());
        assert!(parse_amount("1e5", "Price").is_err());
        assert!(parse_amount("99999999999999999999", "Price").is_err());
        assert!(parse_amount("1.2.3", "Price").is_err());
    }

    #[test]
    fn vat_rounds_half_away_from_zero() {
        // 25.5 % of 10.00 is 2.55; of 0.01 is 0.00255, which rounds to 0.
        assert_eq!(vat(1000, 2550), 255);
        assert_eq!(vat(1, 2550), 0);
        assert_eq!(vat(2, 2500), 1);
        assert_eq!(vat(-2, 2500), -1);
        assert_eq!(parse_rate("25,5 %"), Ok(2550));
        assert_eq!(format_rate(2550), "25.5 %");
        assert_eq!(format_rate(2400), "24 %");
        assert!(parse_rate("101").is_err());
    }
}
