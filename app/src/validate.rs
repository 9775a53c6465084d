//! Parsed, validated values shared by the browser form and the server.
//!
//! Each `parse` returns the cleaned value or a sentence meant for the person
//! filling in the field. The browser calls the same functions on every
//! keystroke; the server calls them again and is the one that decides.
//!
//! The sentence is written in the language of the page (in the browser) or
//! of the request (in a server function): each is a message key with its
//! arguments, and a field's label, which callers pass in English, is looked
//! up in [`LABELS`] so it reads in that language too.

use serde::{Deserialize, Serialize};

use crate::i18n::{use_locale, Arg};

/// The message `key` in the current page's or request's language.
fn say(key: &str, args: &[(&str, Arg)]) -> String {
    use_locale().t_args(key, args)
}

/// A field's label in the current language: the English labels callers
/// pass are looked up in [`LABELS`]; any other is used as it is (a caller
/// that already translated it).
pub(crate) fn label_text(english: &str) -> String {
    let locale = use_locale();
    if locale == crate::i18n::Locale::En {
        return english.to_string();
    }
    LABELS
        .iter()
        .find(|(l, _)| *l == english)
        .map(|(_, key)| locale.t(key))
        .unwrap_or_else(|| english.to_string())
}

/// `{ $label } is required.` and the like, for `label`.
fn about(key: &str, label: &str) -> String {
    say(key, &[("label", label_text(label).into())])
}

/// Invisible or direction-changing characters that make two strings look
/// alike (or text display backwards) in the review console and in emails,
/// and U+FFFD, which is what invalid UTF-8 in a request decodes to.
fn is_deceptive(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFFD}')
}

/// Rejects control characters (except the newlines a textarea may hold) and
/// deceptive ones, so nothing invisible ends up in emails or the console.
fn has_control(value: &str, allow_newlines: bool) -> bool {
    value.chars().any(|c| {
        (c.is_control() && !(allow_newlines && (c == '\n' || c == '\r' || c == '\t')))
            || is_deceptive(c)
    })
}

fn has_alphanumeric(value: &str) -> bool {
    value.chars().any(char::is_alphanumeric)
}

/// Trims and checks length (in characters) and control characters.
fn text(
    value: &str,
    label: &str,
    min: usize,
    max: usize,
    multiline: bool,
) -> Result<String, String> {
    let value = value.trim();
    let len = value.chars().count();
    if len == 0 && min > 0 {
        return Err(about("validate-required", label));
    }
    if len < min {
        return Err(say(
            "validate-min",
            &[("label", label_text(label).into()), ("min", min.into())],
        ));
    }
    if len > max {
        return Err(say(
            "validate-max",
            &[("label", label_text(label).into()), ("max", max.into())],
        ));
    }
    if has_control(value, multiline) {
        return Err(about("validate-chars", label));
    }
    Ok(value.to_string())
}

/// An email address as typed (trimmed), checked for syntax.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(value: &str) -> Result<Self, String> {
        let value = value.trim();
        if value.is_empty() {
            return Err(about("validate-required", "Email"));
        }
        if value.chars().count() > 254 {
            return Err(say(
                "validate-max",
                &[
                    ("label", label_text("Email").into()),
                    ("max", 254i64.into()),
                ],
            ));
        }
        if !email_address::EmailAddress::is_valid(value) || !value.contains('.') {
            return Err(say("validate-email", &[]));
        }
        Ok(Self(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub fn legal_name(value: &str) -> Result<String, String> {
    let value = text(value, "Legal name", 2, 200, false)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters-or-digits", "Legal name"));
    }
    Ok(value)
}

/// Registration / business IDs differ per country; letters, digits and the
/// separators real IDs use (`-`, `/`, `.`, space) cover the formats we know.
pub fn registration_id(value: &str) -> Result<String, String> {
    let value = text(value, "Registration ID", 2, 32, false)?;
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.' | ' '))
    {
        return Err(say("validate-registration-chars", &[]));
    }
    if !value.chars().any(|c| c.is_ascii_alphanumeric()) {
        return Err(about("validate-letters-or-digits", "Registration ID"));
    }
    Ok(value)
}

pub fn postal_code(value: &str) -> Result<String, String> {
    let value = text(value, "Postal code", 2, 12, false)?;
    if !value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
    {
        return Err(say("validate-postal-chars", &[]));
    }
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters-or-digits", "Postal code"));
    }
    Ok(value.to_ascii_uppercase())
}

/// International format: an optional leading `+`, then digits with the
/// usual visual separators; 6 to 15 digits as in E.164.
pub fn phone(value: &str) -> Result<String, String> {
    let value = text(value, "Phone", 6, 24, false)?;
    let body = value.strip_prefix('+').unwrap_or(&value);
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.'))
    {
        return Err(say("validate-phone-chars", &[]));
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if !(6..=15).contains(&digits) {
        return Err(say("validate-phone-digits", &[]));
    }
    Ok(value)
}

/// ISO 3166-1 alpha-2 code, upper case.
pub fn country(value: &str) -> Result<String, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(about("validate-required", "Country"));
    }
    isocountry::CountryCode::for_alpha2_caseless(value)
        .map(|c| c.alpha2().to_string())
        .map_err(|_| say("validate-country", &[]))
}

/// Every country for the form's select, sorted by name.
pub fn countries() -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<_> = isocountry::CountryCode::iter()
        .map(|c| (c.alpha2(), c.name()))
        .collect();
    all.sort_by(|a, b| a.1.cmp(b.1));
    all
}

pub fn country_name(code: &str) -> String {
    isocountry::CountryCode::for_alpha2(code)
        .map(|c| c.name().to_string())
        .unwrap_or_else(|_| code.to_string())
}

pub fn street_address(value: &str) -> Result<String, String> {
    text(value, "Street address", 2, 200, false)
}

pub fn city(value: &str) -> Result<String, String> {
    let value = text(value, "City", 1, 100, false)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters", "City"));
    }
    Ok(value)
}

pub fn contact_name(value: &str) -> Result<String, String> {
    let value = text(value, "Contact person", 2, 100, false)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters", "Contact person"));
    }
    Ok(value)
}

/// What a ticked checkbox (or an API client) may send for "yes".
pub fn accepted(value: Option<&str>) -> bool {
    matches!(
        value.map(|v| v.trim().to_ascii_lowercase()).as_deref(),
        Some("on" | "true" | "yes" | "1")
    )
}

pub fn intended_use(value: &str) -> Result<String, String> {
    text(value, "Intended use", 10, 2000, true)
}

/// Optional; when given it must be an http(s) address with a host.
pub fn website(value: &str) -> Result<Option<String>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let value = text(value, "Website", 4, 200, false)?;
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| say("validate-website-scheme", &[]))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.len() < 3 || !host.contains('.') || host.contains(char::is_whitespace) {
        return Err(say("validate-website-domain", &[]));
    }
    Ok(Some(value))
}

/// A message written to or by a reviewer (info request, reason, answer).
pub fn message(value: &str, label: &str) -> Result<String, String> {
    text(value, label, 1, 4000, true)
}

/// The most common passwords of at least 8 characters, lower case, one a
/// line (from the MIT-licensed zxcvbn frequency list; see
/// `data/common-passwords.LICENSE`). Shorter ones fail the length rule.
#[cfg(feature = "ssr")]
const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");
/// The browser build leaves the list out: it would add 28 KB to every
/// visitor's download for a check the server makes on submit anyway.
#[cfg(not(feature = "ssr"))]
const COMMON_PASSWORDS: &str = "";

pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_CHARS: usize = 128;
/// Every character may take up to four bytes in UTF-8; the byte cap keeps
/// what argon2 hashes bounded whatever the characters are.
pub const PASSWORD_MAX_BYTES: usize = PASSWORD_MAX_CHARS * 4;

/// Whether the password is on the common list, ignoring case and the
/// spaces around it.
pub fn is_common_password(value: &str) -> bool {
    let candidate = value.trim().to_lowercase();
    COMMON_PASSWORDS.lines().any(|line| line == candidate)
}

/// Length and the common-password list are the only rules: composition
/// rules make passwords harder to remember without making them harder to
/// guess. The caps keep argon2's input bounded.
pub fn password(value: &str) -> Result<String, String> {
    let too_long = || {
        say(
            "validate-max",
            &[
                ("label", label_text("Password").into()),
                ("max", PASSWORD_MAX_CHARS.into()),
            ],
        )
    };
    if value.len() > PASSWORD_MAX_BYTES {
        return Err(too_long());
    }
    let len = value.chars().count();
    if len < PASSWORD_MIN_CHARS {
        return Err(say(
            "validate-min",
            &[
                ("label", label_text("Password").into()),
                ("min", PASSWORD_MIN_CHARS.into()),
            ],
        ));
    }
    if len > PASSWORD_MAX_CHARS {
        return Err(too_long());
    }
    if value.chars().any(char::is_control) {
        return Err(about("validate-chars", "Password"));
    }
    if is_common_password(value) {
        return Err(say("validate-common-password", &[]));
    }
    Ok(value.to_string())
}

/// Text that ends up in a CSV export must not start like a spreadsheet
/// formula, or opening the file could run it.
fn formula_safe(value: String, label: &str) -> Result<String, String> {
    if value.starts_with(['=', '+', '-', '@']) {
        return Err(about("validate-formula", label));
    }
    Ok(value)
}

/// A person's name (an attendee).
pub fn person_name(value: &str) -> Result<String, String> {
    let value = text(value, "Name", 2, 100, false)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters", "Name"));
    }
    formula_safe(value, "Name")
}

/// Optional; empty when not given.
pub fn job_title(value: &str) -> Result<String, String> {
    let value = text(value, "Job title", 0, 100, false)?;
    formula_safe(value, "Job title")
}

/// The name a Customer admin gives a billing account ("Head office").
pub fn billing_account_name(value: &str) -> Result<String, String> {
    let value = text(value, "Account name", 2, 100, false)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters-or-digits", "Account name"));
    }
    Ok(value)
}

/// The postal address invoices go to, several lines.
pub fn invoicing_address(value: &str) -> Result<String, String> {
    let value = text(value, "Invoicing address", 5, 500, true)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters-or-digits", "Invoicing address"));
    }
    Ok(value)
}

/// A VAT identification number: a two-letter country prefix and 2 to 13
/// letters or digits (the EU's VIES formats fit). Spaces, dots and hyphens
/// are dropped and letters upper-cased, so `fi 1234 5678` is `FI12345678`.
pub fn vat_id(value: &str) -> Result<String, String> {
    let value = text(value, "VAT ID", 1, 32, false)?;
    let compact: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .collect::<String>()
        .to_ascii_uppercase();
    let (prefix, rest) = compact.split_at(compact.len().min(2));
    let shaped = prefix.len() == 2
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && (2..=13).contains(&rest.len())
        && rest.chars().all(|c| c.is_ascii_alphanumeric())
        && rest.chars().any(|c| c.is_ascii_digit());
    if !shaped {
        return Err(say("validate-vat-id", &[]));
    }
    Ok(compact)
}

/// Optional reference or cost centre printed on invoices.
pub fn reference(value: &str) -> Result<String, String> {
    text(value, "Reference", 0, 100, false)
}

/// Optional electronic invoicing address: an email address, or an operator
/// address such as an OVT code or a Peppol id (`0037:003712345678`).
pub fn e_invoice_address(value: &str) -> Result<Option<String>, String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.contains('@') {
        return Email::parse(value)
            .map(|e| Some(e.as_str().to_string()))
            .map_err(|_| say("validate-e-invoice", &[]));
    }
    let shaped = (5..=64).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '.' | '-' | '_'))
        && value.chars().filter(char::is_ascii_digit).count() >= 4;
    if !shaped {
        return Err(say("validate-e-invoice", &[]));
    }
    Ok(Some(value.to_string()))
}

macro_rules! choice_enum {
    ($name:ident, $label:literal, { $($variant:ident => ($code:literal, $text:literal)),+ $(,)? }) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(value: &str) -> Result<Self, String> {
                match value.trim() {
                    $($code => Ok($name::$variant),)+
                    "" => Err(about("validate-required", $label)),
                    _ => Err(say(
                        "validate-choose",
                        &[("label", label_text($label).to_lowercase().into())],
                    )),
                }
            }
        }
    };
}

choice_enum!(OrgType, "Organization type", {
    Company => ("company", "Company"),
    PublicSector => ("public_sector", "Public sector"),
    Nonprofit => ("nonprofit", "Non-profit"),
    Education => ("education", "Educational institution"),
    Other => ("other", "Other"),
});

choice_enum!(OrgSize, "Organization size", {
    Micro => ("1-9", "1–9 people"),
    Small => ("10-49", "10–49 people"),
    Medium => ("50-249", "50–249 people"),
    Large => ("250-999", "250–999 people"),
    Enterprise => ("1000+", "1,000 or more people"),
});

choice_enum!(ServiceKind, "Kind", {
    Course => ("course", "Course"),
    Service => ("service", "Service"),
});

choice_enum!(DeliveryMode, "Delivery mode", {
    InPerson => ("in_person", "In person"),
    Online => ("online", "Online"),
    Hybrid => ("hybrid", "Hybrid"),
});

impl ServiceKind {
    /// The kind's name in `locale`.
    pub fn label_in(self, locale: crate::i18n::Locale) -> String {
        locale.t(match self {
            ServiceKind::Course => "service-kind-course",
            ServiceKind::Service => "service-kind-service",
        })
    }
}

impl DeliveryMode {
    /// The delivery mode's name in `locale`.
    pub fn label_in(self, locale: crate::i18n::Locale) -> String {
        locale.t(match self {
            DeliveryMode::InPerson => "delivery-in-person",
            DeliveryMode::Online => "delivery-online",
            DeliveryMode::Hybrid => "delivery-hybrid",
        })
    }
}

/// A catalog entry's title.
pub fn service_title(value: &str) -> Result<String, String> {
    let value = text(value, "Title", 3, 150, false)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters-or-digits", "Title"));
    }
    Ok(value)
}

pub fn service_description(value: &str) -> Result<String, String> {
    text(value, "Description", 10, 5000, true)
}

/// A free-form category such as "Leadership"; the catalog's filter lists
/// the ones in use.
pub fn category(value: &str) -> Result<String, String> {
    let value = text(value, "Category", 2, 60, false)?;
    if !has_alphanumeric(&value) {
        return Err(about("validate-letters-or-digits", "Category"));
    }
    Ok(value)
}

/// A whole number typed into a field, within `min..=max`.
pub fn whole_number(value: &str, label: &str, min: i64, max: i64) -> Result<i64, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(about("validate-required", label));
    }
    match value.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(say(
            "validate-whole-number",
            &[
                ("label", label_text(label).into()),
                ("min", min.into()),
                ("max", max.into()),
            ],
        )),
    }
}

/// An optional note to the operator.
pub fn note(value: &str) -> Result<String, String> {
    text(value, "Note", 0, 1000, true)
}

/// The labels the validators are given, in English, with the message key
/// that names each in other languages.
const LABELS: &[(&str, &str)] = &[
    ("Registration ID", "field-registration_id"),
    ("Organization type", "field-org_type"),
    ("Organization size", "field-org_size"),
    ("Intended use", "field-intended_use"),
    ("Subject", "validate-label-subject"),
    ("Your answer", "validate-label-answer"),
    ("VAT rate", "validate-label-vat-rate"),
    ("Name", "attendees-name"),
    ("Email", "label-email"),
    ("Job title", "attendees-job-title"),
    ("Account name", "billing-name"),
    ("Invoicing address", "billing-address"),
    ("VAT ID", "billing-vat-id"),
    ("Reference", "billing-reference"),
    ("Note", "courses-note-short"),
    ("Message", "validate-label-message"),
    ("Reason", "validate-label-reason"),
    ("Quantity", "orders-quantity"),
    ("Lowest price", "catalog-lowest-price"),
    ("Highest price", "catalog-highest-price"),
    ("Password", "label-password"),
    ("Legal name", "field-legal_name"),
    ("Street address", "field-street_address"),
    ("Postal code", "field-postal_code"),
    ("City", "field-city"),
    ("Website", "field-website"),
    ("Contact person", "field-contact_name"),
    ("Phone", "field-phone"),
    ("Country", "field-country"),
    ("Title", "validate-label-title"),
    ("Description", "validate-label-description"),
    ("Category", "catalog-category"),
    ("Capacity", "validate-label-capacity"),
    ("Price", "catalog-price"),
    ("Currency", "validate-label-currency"),
    ("Kind", "validate-label-kind"),
    ("Delivery mode", "validate-label-delivery-mode"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `f` as if answering a request in `locale`.
    pub(crate) fn in_locale<T>(locale: crate::i18n::Locale, f: impl FnOnce() -> T) -> T {
        let owner = leptos::prelude::Owner::new();
        owner.with(|| {
            leptos::prelude::provide_context(locale);
            f()
        })
    }

    /// Every message the workspace forms' validators give is Finnish when
    /// the request is, and English otherwise.
    #[test]
    fn workspace_form_messages_follow_the_language() {
        use crate::i18n::Locale::{En, Fi};
        let long = "x".repeat(600);
        let mut seen = 0;
        type Check = fn(&str) -> Result<String, String>;
        let checks: [Check; 7] = [
            person_name,
            job_title,
            billing_account_name,
            invoicing_address,
            vat_id,
            reference,
            |v| Email::parse(v).map(|e| e.as_str().to_string()),
        ];
        for check in checks {
            for input in ["", "a", "=cmd", "!!", "\u{0}ab", "12", &long] {
                let english = in_locale(En, || check(input));
                let finnish = in_locale(Fi, || check(input));
                if let (Err(english), Err(finnish)) = (english, finnish) {
                    seen += 1;
                    assert_ne!(finnish, english, "{english:?} has no Finnish version");
                }
            }
        }
        assert!(seen > 15, "{seen}");
        assert_eq!(
            in_locale(Fi, || person_name("")),
            Err("Nimi on pakollinen.".into())
        );
        assert_eq!(
            in_locale(En, || person_name("")),
            Err("Name is required.".into())
        );
        assert_eq!(
            in_locale(Fi, || whole_number("0", "Quantity", 1, 500)),
            Err("Kentän ”Määrä” on oltava kokonaisluku väliltä 1–500.".into())
        );
        assert_eq!(
            in_locale(Fi, || DeliveryMode::parse("x")),
            Err("Valitse toteutustapa luettelosta.".into())
        );
        // Without a request or page, English.
        assert_eq!(person_name(""), Err("Name is required.".into()));
    }

    #[test]
    fn emails_are_checked_for_shape_and_length() {
        let cases = [
            ("ada@example.com", true),
            ("  ada@example.com ", true),
            ("Ada.Lovelace+x@sub.example.org", true),
            ("", false),
            ("ada", false),
            ("ada@", false),
            ("@example.com", false),
            ("ada@example", false),
            ("a b@example.com", false),
        ];
        for (input, ok) in cases {
            assert_eq!(Email::parse(input).is_ok(), ok, "{input:?}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert!(Email::parse(&long).is_err());
        assert_eq!(
            Email::parse(" ada@example.com ").unwrap().as_str(),
            "ada@example.com"
        );
    }

    #[test]
    fn registration_ids_allow_only_id_characters() {
        let cases = [
            ("1234567-8", true),
            ("HRB 12345", true),
            ("556677/123.4", true),
            ("X", false),
            ("", false),
            ("12<script>", false),
            ("---", false),
            ("ÄÖ1234", false),
        ];
        for (input, ok) in cases {
            assert_eq!(registration_id(input).is_ok(), ok, "{input:?}");
        }
        assert!(registration_id(&"1".repeat(33)).is_err());
    }

    #[test]
    fn postal_codes_are_upper_cased_and_bounded() {
        assert_eq!(postal_code(" sw1a 1aa ").unwrap(), "SW1A 1AA");
        assert_eq!(postal_code("00100").unwrap(), "00100");
        assert!(postal_code("1").is_err());
        assert!(postal_code("1234567890123").is_err());
        assert!(postal_code("001_00").is_err());
    }

    #[test]
    fn phones_need_six_to_fifteen_digits() {
        let cases = [
            ("+358 40 123 4567", true),
            ("(555) 123-4567", true),
            ("040.123.4567", true),
            ("12345", false),
            ("+1 234 567 890 123 456", false),
            ("call me", false),
            ("++358401234567", false),
        ];
        for (input, ok) in cases {
            assert_eq!(phone(input).is_ok(), ok, "{input:?}");
        }
    }

    #[test]
    fn countries_are_iso_alpha2_codes() {
        assert_eq!(country("fi").unwrap(), "FI");
        assert_eq!(country("SE").unwrap(), "SE");
        assert!(country("").is_err());
        assert!(country("XX").is_err());
        assert!(country("FIN").is_err());
        assert!(countries().len() > 240);
    }

    #[test]
    fn websites_are_optional_but_must_be_http_urls() {
        assert_eq!(website("").unwrap(), None);
        assert_eq!(
            website(" https://example.com/about ").unwrap().as_deref(),
            Some("https://example.com/about")
        );
        assert!(website("example.com").is_err());
        assert!(website("https://localhost").is_err());
        assert!(website("javascript:alert(1)").is_err());
        assert!(website(&format!("https://example.com/{}", "a".repeat(300))).is_err());
    }

    #[test]
    fn text_fields_are_trimmed_and_bounded() {
        assert_eq!(legal_name("  Acme Oy ").unwrap(), "Acme Oy");
        assert!(legal_name("A").is_err());
        assert!(legal_name(&"a".repeat(100_000)).is_err());
        assert!(legal_name("Acme\u{0}Oy").is_err());
        assert!(legal_name("Umb\u{200B}rella Oy").is_err());
        assert!(legal_name("Acme \u{202E}yO").is_err());
        assert!(legal_name("\u{FFFD}\u{FFFD}\u{FFFD}").is_err());
        assert!(legal_name("!!!").is_err());
        assert!(legal_name("Ääkkönen & Co").is_ok());
        assert!(postal_code("-----").is_err());
        assert!(intended_use("short").is_err());
        assert!(intended_use("Training our staff\nin two cities").is_ok());
        assert!(city("").is_err());
    }

    #[test]
    fn passwords_are_between_8_and_128_characters() {
        assert_eq!(
            password("short12").unwrap_err(),
            "Password must be at least 8 characters."
        );
        assert!(password("tulip lamp").is_ok());
        assert!(password("kettle42").is_ok());
        assert!(password(&"x".repeat(128)).is_ok());
        assert!(password(&"x".repeat(129)).is_err());
        assert!(password(&"x".repeat(100_000)).is_err());
        // 128 characters of four bytes each is still within the byte cap.
        assert!(password(&"\u{1F600}".repeat(128)).is_ok());
        assert!(password(&"\u{1F600}".repeat(129)).is_err());
    }

    #[test]
    fn no_composition_rules_apply() {
        for ok in ["alllowercase", "ALLUPPERCASE", "1093847562", "spaces in it"] {
            assert!(password(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn the_common_password_list_has_3000_lower_case_entries() {
        let lines: Vec<&str> = COMMON_PASSWORDS.lines().collect();
        assert_eq!(lines.len(), 3000);
        assert!(lines
            .iter()
            .all(|l| l.len() >= 8 && *l == l.to_lowercase() && *l == l.trim()));
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn common_passwords_are_refused_whatever_their_case() {
        for common in [
            "password",
            "PASSWORD",
            "PassWord",
            "  password1 ",
            "Baseball",
            "qwertyuiop",
        ] {
            let err = password(common).unwrap_err();
            assert!(err.contains("most common"), "{common}: {err}");
        }
        assert!(is_common_password("iloveyou"));
        assert!(!is_common_password("kettle42"));
    }

    #[test]
    fn only_a_yes_accepts_the_terms() {
        for yes in ["on", "true", "YES", "1"] {
            assert!(accepted(Some(yes)), "{yes}");
        }
        for no in ["", "no", "off", "0", "false"] {
            assert!(!accepted(Some(no)), "{no}");
        }
        assert!(!accepted(None));
    }

    #[test]
    fn choices_accept_only_listed_codes() {
        assert_eq!(OrgType::parse("company").unwrap(), OrgType::Company);
        assert_eq!(OrgSize::parse("1000+").unwrap(), OrgSize::Enterprise);
        assert!(OrgType::parse("").is_err());
        assert!(OrgSize::parse("huge").is_err());
        for t in OrgType::ALL {
            assert_eq!(OrgType::parse(t.code()).unwrap(), *t);
        }
    }

    #[test]
    fn vat_ids_need_a_country_prefix_and_digits() {
        assert_eq!(vat_id(" fi 1234 5678 ").unwrap(), "FI12345678");
        assert_eq!(vat_id("DE-123.456.789").unwrap(), "DE123456789");
        assert_eq!(vat_id("NL123456789B01").unwrap(), "NL123456789B01");
        for bad in [
            "",
            "12345678",
            "FI",
            "F1234567",
            "FIABCDEF",
            "FI12345678901234",
            "FI12<3>",
        ] {
            assert!(vat_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn e_invoice_addresses_are_optional_emails_or_operator_codes() {
        assert_eq!(e_invoice_address("  ").unwrap(), None);
        assert_eq!(
            e_invoice_address("invoices@acme.example")
                .unwrap()
                .as_deref(),
            Some("invoices@acme.example")
        );
        assert!(e_invoice_address("0037:003712345678").unwrap().is_some());
        assert!(e_invoice_address("bad@").is_err());
        assert!(e_invoice_address("abc").is_err());
        assert!(e_invoice_address("0037 0037 1234").is_err());
    }

    #[test]
    fn attendee_texts_cannot_start_like_a_spreadsheet_formula() {
        assert_eq!(person_name(" Grace Hopper ").unwrap(), "Grace Hopper");
        assert!(person_name("=HYPERLINK(\"x\")").is_err());
        assert!(person_name("G").is_err());
        assert_eq!(job_title("").unwrap(), "");
        assert!(job_title("@boss").is_err());
        assert!(job_title(&"x".repeat(101)).is_err());
        assert!(reference("").is_ok());
        assert!(billing_account_name("HQ").is_ok());
        assert!(invoicing_address("Street 1\n00100 Helsinki").is_ok());
        assert!(invoicing_address("x").is_err());
    }
}
