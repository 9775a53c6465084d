//! The one translation layer: every text a person reads goes through
//! [`Locale::t`] / [`Locale::t_args`], with the messages in
//! `app/locales/<code>.ftl` (Project Fluent syntax).
//!
//! The locale of a request is chosen once on the server (the `lang` cookie
//! set by the header's switcher, else `Accept-Language`, else English) and
//! written into `<html lang>`; the browser reads it back from there when it
//! hydrates, so both sides render the same words.
//!
//! Converting a page: `let l = use_locale();` at the top of the component,
//! then `{l.t("key")}` for every literal, and add `key = …` to every
//! `.ftl` file (the `i18n` unit tests fail until each language has it).

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The cookie the language switcher sets.
pub const COOKIE: &str = "lang";

/// The languages the app ships, each with every message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    Fi,
}

/// Each language's messages, split by area so the public pages, the
/// operator console and the customer workspace can each be kept in their
/// own file; a bundle holds all of a language's files.
pub(crate) const SOURCES: [(Locale, &[&str]); 2] = [
    (
        Locale::En,
        &[
            include_str!("../locales/en.ftl"),
            include_str!("../locales/console.en.ftl"),
            include_str!("../locales/workspace.en.ftl"),
        ],
    ),
    (
        Locale::Fi,
        &[
            include_str!("../locales/fi.ftl"),
            include_str!("../locales/console.fi.ftl"),
            include_str!("../locales/workspace.fi.ftl"),
        ],
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn build(locale: Locale) -> Bundle {
    let sources: &[&str] = SOURCES
        .iter()
        .find(|(l, _)| *l == locale)
        .map(|(_, s)| *s)
        .unwrap_or_default();
    let lang: unic_langid::LanguageIdentifier = locale.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Fluent wraps arguments in Unicode isolation marks by default; they
    // would show up in tests, mails and copied text, and our arguments are
    // names and numbers in the same direction as the text.
    bundle.set_use_isolating(false);
    for source in sources {
        // A syntax error or a key defined twice is caught by the unit
        // tests; at run time the messages that did parse are still used.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static EN: LazyLock<Bundle> = LazyLock::new(|| build(Locale::En));
static FI: LazyLock<Bundle> = LazyLock::new(|| build(Locale::Fi));

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Fi];

    /// The BCP 47 code, as in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fi => "fi",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Fi => "Suomi",
        }
    }

    /// `fi`, `FI`, `fi-FI` → Finnish; anything else is not ours.
    pub fn from_code(code: &str) -> Option<Locale> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn bundle(self) -> &'static Bundle {
        match self {
            Locale::En => &EN,
            Locale::Fi => &FI,
        }
    }

    /// The message `key` in this language. A key missing here falls back
    /// to English and then to the key itself, so a gap shows rather than
    /// breaking the page (the unit tests keep gaps from shipping).
    pub fn t(self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with its `{ $name }` arguments filled in.
    pub fn t_args(self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent.set(*name, value);
        }
        self.format(key, Some(&fluent))
    }

    fn format(self, key: &str, args: Option<&FluentArgs>) -> String {
        if let Some(text) = lookup(self.bundle(), key, args) {
            return text;
        }
        if self != Locale::En {
            if let Some(text) = lookup(Locale::En.bundle(), key, args) {
                return text;
            }
        }
        key.to_string()
    }

    /// The locale a request asks for: the switcher's cookie first, then the
    /// best `Accept-Language` match, then English.
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        if let Some(l) = cookie.and_then(Locale::from_code) {
            return l;
        }
        accept_language.and_then(best_accepted).unwrap_or_default()
    }

    /// The locale of the request being served, from its headers.
    #[cfg(feature = "ssr")]
    pub fn from_headers(headers: &http::HeaderMap) -> Locale {
        let cookie = headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .map(|(_, value)| value.trim());
        let accept = headers
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        Locale::negotiate(cookie, accept)
    }
}

/// A value for a `{ $name }` placeholder.
#[derive(Clone, Debug)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n as f64)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as f64)
    }
}

fn lookup(bundle: &Bundle, key: &str, args: Option<&FluentArgs>) -> Option<String> {
    let pattern = bundle.get_message(key)?.value()?;
    let mut errors = vec![];
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The supported language with the highest `q` in an `Accept-Language`
/// header (`fi-FI,fi;q=0.9,en;q=0.8`); ties go to the one listed first,
/// `q=0` means "not this one", and a malformed entry is skipped.
fn best_accepted(header: &str) -> Option<Locale> {
    let mut best: Option<(Locale, f32)> = None;
    for entry in header.split(',') {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let mut q = 1.0f32;
        for param in parts {
            if let Some(value) = param.trim().strip_prefix("q=") {
                match value.trim().parse::<f32>() {
                    Ok(v) if (0.0..=1.0).contains(&v) => q = v,
                    _ => q = 0.0,
                }
            }
        }
        if q <= 0.0 {
            continue;
        }
        let Some(locale) = Locale::from_code(tag) else {
            continue;
        };
        if best.is_none_or(|(_, bq)| q > bq) {
            best = Some((locale, q));
        }
    }
    best.map(|(l, _)| l)
}

/// The locale the page is rendered in. On the server it comes from the
/// request; in the browser from `<html lang>`, which the server wrote, so
/// hydration sees the same language.
pub fn use_locale() -> Locale {
    if let Some(l) = use_context::<Locale>() {
        return l;
    }
    detect()
}

/// The locale of the request a server function is answering.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    detect()
}

/// Finds the locale and makes it the context for everything below.
pub fn provide_locale() -> Locale {
    let locale = use_context::<Locale>().unwrap_or_else(detect);
    provide_context(locale);
    locale
}

#[cfg(feature = "ssr")]
fn detect() -> Locale {
    use_context::<http::request::Parts>()
        .map(|parts| Locale::from_headers(&parts.headers))
        .unwrap_or_default()
}

#[cfg(all(not(feature = "ssr"), feature = "hydrate"))]
fn detect() -> Locale {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Locale::from_code(&code))
        .unwrap_or_default()
}

#[cfg(all(not(feature = "ssr"), not(feature = "hydrate")))]
fn detect() -> Locale {
    Locale::En
}

/// The path the switcher may send a person back to: a path on this site
/// only. Anything that a browser could read as another host (`//evil`,
/// `/\evil`, `https://…`), or that carries control characters, becomes `/`.
pub fn safe_return_path(next: Option<&str>) -> String {
    let Some(next) = next else {
        return "/".into();
    };
    // ASCII only: the browser sends paths percent-encoded, and a header
    // value must not carry raw bytes it could misread.
    let ok = next.is_ascii()
        && next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control() || c == '\\')
        && next.len() <= 2000;
    if ok {
        next.to_string()
    } else {
        "/".into()
    }
}

/// The switcher: one plain link per other language to the server route that
/// sets the cookie and comes back here. Plain links (`rel="external"` keeps
/// the client router out) work without JavaScript.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let current = use_locale();
    let location = leptos_router::hooks::use_location();
    let links = move || {
        let here = location.pathname.get();
        let search = location.search.get();
        let query = search.trim_start_matches('?');
        let back = if query.is_empty() {
            here
        } else {
            format!("{here}?{query}")
        };
        Locale::ALL
            .into_iter()
            .filter(|l| *l != current)
            .map(|l| {
                let href = format!("/lang/{}?next={}", l.code(), encode_component(&back));
                view! {
                    <a href=href rel="external" hreflang=l.code() lang=l.code()
                        class="lang-switch" data-testid=format!("lang-{}", l.code())>
                        {l.native_name()}
                    </a>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="lang" aria-label=current.t("nav-language")>{links}</nav>
    }
}

/// Percent-encodes everything but unreserved characters and `/`.
fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The message ids of a file: Fluent requires a message to start at
    /// the beginning of a line with its id; continuation lines are indented.
    fn keys(source: &str) -> BTreeSet<String> {
        FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("syntax errors: {errors:?}"));
        source
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    /// All of a language's keys; a key in two of its files would make the
    /// bundle keep only the first, so that fails here.
    fn language_keys(sources: &[&str]) -> BTreeSet<String> {
        let mut all = BTreeSet::new();
        for source in sources {
            for key in keys(source) {
                assert!(all.insert(key.clone()), "{key} is defined in two files");
            }
        }
        all
    }

    #[test]
    fn every_language_has_every_key_and_none_is_empty() {
        let all: BTreeSet<String> = SOURCES.iter().flat_map(|(_, s)| language_keys(s)).collect();
        assert!(all.len() > 50, "the message files look truncated");
        for (locale, sources) in SOURCES {
            let have = language_keys(sources);
            let missing: Vec<_> = all.difference(&have).collect();
            assert!(missing.is_empty(), "{locale:?} lacks {missing:?}");
            for key in &all {
                // Formatted without arguments: a placeable then shows its
                // name, which is fine here; what counts is that the
                // message exists, has a value and is not blank.
                let pattern = locale
                    .bundle()
                    .get_message(key)
                    .and_then(|m| m.value())
                    .unwrap_or_else(|| panic!("{locale:?}: {key} has no value"));
                let mut errors = vec![];
                let text = locale.bundle().format_pattern(pattern, None, &mut errors);
                assert!(!text.trim().is_empty(), "{locale:?}: {key} is empty");
            }
        }
    }

    /// Every `t("…")` / `t_args("…"` in the source names a key that exists,
    /// so a typo cannot ship as a raw key on a page.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let known = language_keys(SOURCES[0].1);
        let mut unknown = vec![];
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                // This file's own examples are not uses.
                if path.ends_with("i18n.rs") {
                    continue;
                }
                let code = std::fs::read_to_string(&path).unwrap();
                for marker in [".t(\"", ".t_args(\""] {
                    for (i, _) in code.match_indices(marker) {
                        let rest = &code[i + marker.len()..];
                        let key = &rest[..rest.find('"').unwrap()];
                        if !known.contains(key) {
                            unknown.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(unknown.is_empty(), "keys used but not defined: {unknown:?}");
    }

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(
            Locale::negotiate(None, Some("fi-FI,fi;q=0.9,en;q=0.8")),
            Locale::Fi
        );
        assert_eq!(
            Locale::negotiate(None, Some("en;q=0.5, fi;q=0.7")),
            Locale::Fi
        );
        assert_eq!(Locale::negotiate(None, Some("fi;q=0.2, en")), Locale::En);
        assert_eq!(Locale::negotiate(None, Some("fi;q=0, sv")), Locale::En);
        assert_eq!(Locale::negotiate(None, Some("de, FI")), Locale::Fi);
        assert_eq!(Locale::negotiate(None, Some("fi;q=abc")), Locale::En);
        assert_eq!(Locale::negotiate(None, None), Locale::En);
        // The switcher's choice beats the browser's.
        assert_eq!(Locale::negotiate(Some("en"), Some("fi")), Locale::En);
        assert_eq!(Locale::negotiate(Some("xx"), Some("fi")), Locale::Fi);
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let text = Locale::Fi.t_args("validate-required", &[("label", "Puhelin".into())]);
        assert_eq!(text, "Puhelin on pakollinen.");
    }

    /// Every message the application form's checks can produce has a
    /// Finnish version: the validators write in the language of the
    /// request they answer.
    #[test]
    fn application_form_messages_are_translated() {
        use crate::applications::{check_field, FIELDS};
        let in_locale = |locale: Locale, field: &str, input: &str| {
            let owner = Owner::new();
            owner.with(|| {
                provide_context(locale);
                check_field(field, input)
            })
        };
        let long = "x".repeat(3000);
        let inputs = [
            "", " ", "a", "1", "!!", "\u{0}ab", "@@@@", "12", "ab.cd", "http://x", &long,
        ];
        let mut seen = 0;
        for (field, _) in FIELDS {
            for input in inputs {
                if let Err(english) = in_locale(Locale::En, field, input) {
                    seen += 1;
                    let finnish = in_locale(Locale::Fi, field, input).unwrap_err();
                    assert_ne!(
                        finnish, english,
                        "{field}: {english:?} has no Finnish version"
                    );
                }
            }
        }
        assert!(seen > 30);
        assert_eq!(
            in_locale(Locale::Fi, "org_type", "x").unwrap_err(),
            "Valitse organisaation tyyppi luettelosta."
        );
        assert_eq!(
            in_locale(Locale::Fi, "city", &"x".repeat(101)).unwrap_err(),
            "Kentässä ”Postitoimipaikka” saa olla enintään 100 merkkiä."
        );
        assert_eq!(
            in_locale(Locale::En, "city", &"x".repeat(101)).unwrap_err(),
            "City must be at most 100 characters."
        );
    }

    #[test]
    fn only_same_site_paths_are_returned_to() {
        assert_eq!(safe_return_path(Some("/apply?x=1")), "/apply?x=1");
        for bad in [
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "evil",
            "/\t/evil.example",
            "",
            "/ä",
        ] {
            assert_eq!(safe_return_path(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_return_path(None), "/");
    }
}
