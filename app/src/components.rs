//! Small building blocks shared by the pages.

use leptos::prelude::*;

use crate::error::AppError;

/// A banner for an error that is not about one field.
#[component]
pub fn ErrorBanner(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <div class="banner banner-error" role="alert" data-testid="error-banner">
                    {crate::error::describe(&e)}
                </div>
            }
        })
    }
}

/// What to fix, at the top of a form whose submission failed: one link per
/// field message, to the field it is about (GOV.UK's error summary
/// pattern). When the page answers a plain form post it takes the focus on
/// load, so a screen reader starts there; with JavaScript the messages
/// appear without moving the focus.
#[component]
pub fn ErrorSummary(
    #[prop(into)] error: Signal<Option<AppError>>,
    /// The id of the control a field name belongs to.
    field_id: fn(&str) -> String,
    /// The message for a field name (the server's, unless the page has a
    /// fresher one of its own).
    #[prop(optional, into)]
    message: Option<Callback<String, Option<String>>>,
) -> impl IntoView {
    let autofocus = crate::form_post::answering_failed_post();
    let items = move || {
        let fields = error.with(|e| {
            e.as_ref()
                .and_then(AppError::field_errors)
                .map(|f| f.0.clone())
                .unwrap_or_default()
        });
        fields
            .into_iter()
            .filter_map(|(field, server_message)| {
                let text = match message {
                    Some(own) => own.run(field.clone())?,
                    None => server_message,
                };
                Some((field_id(&field), text))
            })
            .collect::<Vec<_>>()
    };
    move || {
        let items = items();
        (!items.is_empty()).then(|| {
            view! {
                <div class="error-summary" role="alert" tabindex="-1" autofocus=autofocus
                    aria-labelledby="error-summary-title" data-testid="error-summary">
                    <h2 id="error-summary-title">{crate::i18n::use_locale().t("error-summary-title")}</h2>
                    <ul>
                        {items.into_iter().map(|(id, text)| view! {
                            <li><a href=format!("#{id}")>{text}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// Text to put inside a `<textarea>`. Leptos writes a textarea's children
/// into server-rendered HTML unescaped (as if it were raw text), so a value
/// holding `</textarea>` would end the element early and the rest would be
/// read as markup. Browsers decode entities inside a textarea, so escaped
/// text still shows exactly as typed; in the browser the text goes into
/// the DOM as it is.
pub fn textarea_text(value: impl Into<String>) -> String {
    let value = value.into();
    #[cfg(feature = "ssr")]
    let value = value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    value
}

/// A status pill whose colour follows the application status code.
#[component]
pub fn StatusBadge(code: &'static str, #[prop(into)] label: String) -> impl IntoView {
    view! { <span class=format!("badge badge-{code}") data-testid="status-badge">{label}</span> }
}

/// A random key for one rendering of a form, from the platform's CSPRNG.
pub fn random_key() -> String {
    let mut bytes = [0u8; 16];
    fill_random(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(feature = "ssr")]
fn fill_random(bytes: &mut [u8]) {
    use rand::RngCore;
    rand::rngs::OsRng.fill_bytes(bytes);
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn fill_random(bytes: &mut [u8]) {
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(bytes);
    }
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn fill_random(_bytes: &mut [u8]) {}

/// The error of a server action's last result, if it failed.
pub fn error_of<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>>,
) -> Option<AppError> {
    value.get().and_then(Result::err)
}

/// A counter that moves each time an action completes successfully. Lists
/// and details refetch on it rather than on the action's version, so a
/// failed submission does not rebuild the form that shows its messages.
pub fn successes<T, E>(value: impl Get<Value = Option<Result<T, E>>> + 'static) -> RwSignal<u32> {
    let count = RwSignal::new(0u32);
    Effect::new(move |_| {
        if matches!(value.get(), Some(Ok(_))) {
            count.update(|n| *n += 1);
        }
    });
    count
}

/// The message for one field of a failed submission.
pub fn field_error(error: &Option<AppError>, field: &str) -> Option<String> {
    error
        .as_ref()
        .and_then(AppError::field_errors)
        .and_then(|f| f.get(field).map(str::to_string))
}

/// The message of an error that is not about a single field.
pub fn general_error(error: &Option<AppError>) -> Option<String> {
    match error {
        Some(AppError::Validation(_)) | None => None,
        Some(e) => Some(crate::error::describe(e)),
    }
}

/// `path?key=value&…` with the empty values left out and the rest
/// percent-encoded: the links of filtered, paged lists.
pub fn href_with_query(path: &str, pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", percent_encode(value)))
        .collect();
    if parts.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
pub fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_links_leave_out_empty_values_and_encode_the_rest() {
        assert_eq!(
            super::href_with_query("/x", &[("q", ""), ("after", "")]),
            "/x"
        );
        assert_eq!(
            super::href_with_query("/x", &[("q", "a b&c"), ("after", "1_2")]),
            "/x?q=a%20b%26c&after=1_2"
        );
    }
}
