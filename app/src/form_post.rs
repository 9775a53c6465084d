//! Plain HTML form posts: what a form does with JavaScript off, or before
//! the page has hydrated.
//!
//! Such a post goes straight to the server function's `/api/...` path. On
//! success Leptos redirects back (or where the function says). On failure
//! the server renders the page the form was on again, in place, with the
//! error status: the request carries a [`FailedPost`] in its extensions,
//! [`provide_from_request`] turns it into the contexts below, the failed
//! action starts out holding the error (so every message shows as it does
//! with JavaScript), and fields read what was typed through [`posted`].

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// A plain form post whose server function failed, as the page rendered in
/// its place sees it. Only the server puts it into a request.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedPost {
    /// The server function's path, e.g. `/api/applications/submit`.
    pub path: String,
    /// The error as the server function encoded it, base64url of its JSON:
    /// the form Leptos reads action errors in.
    pub error: String,
    /// The posted fields in order, passwords left out.
    pub fields: Vec<(String, String)>,
}

impl FailedPost {
    /// Keeps the fields a page may show again: never a password, which
    /// must not travel back into HTML (nor into caches or screenshots).
    pub fn new(path: String, error: String, fields: Vec<(String, String)>) -> Self {
        let fields = fields
            .into_iter()
            .filter(|(name, _)| !is_secret_field(name))
            .collect();
        Self {
            path,
            error,
            fields,
        }
    }
}

/// Password fields (`password`, `current_password`, `confirm`, also inside
/// a group such as `account[password]`).
pub fn is_secret_field(name: &str) -> bool {
    let last = name
        .rsplit('[')
        .next()
        .unwrap_or(name)
        .trim_end_matches(']')
        .to_ascii_lowercase();
    last.contains("password") || last == "confirm"
}

/// What was typed into `name` when this page answers a failed plain post of
/// the server function `S`; `None` on every other render (so a form's own
/// starting value applies), in the browser too.
pub fn posted<S: ServerFn>(name: &str) -> Option<String> {
    posted_at(S::PATH, name)
}

/// [`posted`] for the server function at `path`.
pub fn posted_at(path: &str, name: &str) -> Option<String> {
    use_context::<FailedPost>()
        .filter(|failed| failed.path == path)
        .and_then(|failed| {
            failed
                .fields
                .into_iter()
                .find(|(field, _)| field == name)
                .map(|(_, value)| value)
        })
}

/// Whether this render answers a failed plain post. Such a page is not
/// hydrated: its address is the server function's, where the browser's
/// router has no page to match it with.
pub fn answering_failed_post() -> bool {
    use_context::<FailedPost>().is_some()
}

/// Provides the failed post's contexts to the page being rendered, when the
/// request carries one.
#[cfg(feature = "ssr")]
pub fn provide_from_request() {
    let failed = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<FailedPost>().cloned());
    if let Some(failed) = failed {
        provide_context(leptos::server::ServerActionError::new(
            &failed.path,
            &failed.error,
        ));
        provide_context(failed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_come_back() {
        let failed = FailedPost::new(
            "/api/auth/sign_in".into(),
            String::new(),
            vec![
                ("email".into(), "a@example.com".into()),
                ("password".into(), "secret one".into()),
                ("current_password".into(), "x".into()),
                ("confirm".into(), "y".into()),
                ("account[Password]".into(), "z".into()),
                ("answer".into(), "kept".into()),
            ],
        );
        let names: Vec<&str> = failed.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["email", "answer"]);
    }
}
