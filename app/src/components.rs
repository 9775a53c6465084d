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
                    {e.to_string()}
                </div>
            }
        })
    }
}

/// A status pill whose colour follows the application status code.
#[component]
pub fn StatusBadge(code: &'static str, label: &'static str) -> impl IntoView {
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
        Some(e) => Some(e.to_string()),
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
