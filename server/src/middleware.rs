//! Cross-cutting HTTP layers: the reactive-owner isolation, the cross-site
//! request check, security headers and the one log line per request.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderValue};
use http::{Method, StatusCode};

/// Runs every request under a fresh, empty reactive owner.
///
/// Leptos keeps "the current owner" in a thread-local, and some of
/// `leptos_axum`'s handlers (static files, server functions) start from
/// `Owner::new()`, which hangs the new owner under whatever owner that
/// thread last had current. On a busy worker thread that can be a page still
/// rendering, and the static-file handler then looks up *that page's*
/// response options and moves its headers onto the file's response: the
/// favicon fetched while a page loaded walked off with the page's
/// `Content-Security-Policy`, and the page fell back to the default policy,
/// which blocks its hydration scripts. With a root owner of its own set
/// around every poll, a request can only ever see its own contexts.
pub async fn isolate_reactive_owner(req: Request, next: Next) -> Response {
    use leptos::reactive::computed::ScopedFuture;
    use leptos::reactive::owner::Owner;
    let owner = Owner::new_root(None);
    // `new_untracked` captures the current owner, which `with` makes ours;
    // it is then set again around every poll, on whichever thread.
    owner
        .with(|| ScopedFuture::new_untracked(next.run(req)))
        .await
}

/// Works out who sent a request for a page (any page view, and a plain
/// form post, whose failure re-renders its page) and puts
/// it into the request's extensions as `auth::KnownIdentity`, so the page's
/// gate can decide without waiting (see `Gate` in the app's layout). It is
/// the same look-up as the `auth/me` server function, run under a reactive
/// owner of its own that provides what that function reads.
pub async fn known_identity(
    State(state): State<app::server::AppState>,
    req: Request,
    next: Next,
) -> Response {
    use leptos::prelude::provide_context;
    use leptos::reactive::computed::ScopedFuture;
    use leptos::reactive::owner::Owner;
    // Every page view (whatever its `Accept`), and every plain form post;
    // not server-function calls from the app or files.
    let path = req.uri().path();
    let page_view = req.method() == Method::GET
        && ![
            "/api/", "/pkg/", "/lang/", "/healthz", "/readyz", "/favicon",
        ]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    let plain_post = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if !page_view && !plain_post {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let owner = Owner::new_root(None);
    let known = owner
        .with(|| {
            provide_context(state);
            provide_context(parts.clone());
            ScopedFuture::new_untracked(app::auth::server::me())
        })
        .await;
    // A failed look-up leaves the page to its own `auth/me` resource, which
    // then shows the error.
    if let Ok(identity) = known {
        parts.extensions.insert(app::auth::KnownIdentity(identity));
    }
    next.run(Request::from_parts(parts, body)).await
}

/// State-changing requests must come from our own pages. Browsers send
/// `Origin` on every cross-site POST (and `Sec-Fetch-Site`), so a request
/// whose origin is another site is refused before it reaches a handler.
/// Clients that are not browsers send neither and cannot carry a victim's
/// cookie, so they pass.
pub async fn reject_cross_site(
    State(public_origin): State<Arc<String>>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let allowed = match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            origin == public_origin.as_str()
                || (!host.is_empty()
                    && (origin == format!("http://{host}") || origin == format!("https://{host}")))
        }
        None => headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) != Some("cross-site"),
    };
    if allowed {
        next.run(req).await
    } else {
        tracing::warn!("cross-site request refused");
        let body = r#"{"Forbidden":"Cross-site request refused."}"#;
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response()
    }
}

/// PostgreSQL refuses the NUL character in text, so a NUL reaching a query
/// (in an id, say, which is looked up rather than validated) would fail
/// there as a server error. No form field has a use for it: refuse it at
/// the door with a 400, whichever database is underneath. Runs inside the
/// body limit, so reading the body is bounded.
pub async fn refuse_nul(req: Request, next: Next) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        // The body limit's error: answered as 413 (made JSON further out).
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    if contains_nul(&bytes) {
        tracing::warn!("request with a NUL character refused");
        let body =
            r#"{"BadRequest":"The request contains a NUL character, which is not allowed."}"#;
        return (
            StatusCode::BAD_REQUEST,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// A raw NUL, a form-encoded one (`%00`) or a JSON-escaped one.
fn contains_nul(body: &[u8]) -> bool {
    body.contains(&0)
        || body.windows(3).any(|w| w == b"%00")
        || body.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
}

const DEFAULT_CSP: &str =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

pub async fn security_headers(req: Request, next: Next) -> Response {
    let cacheable = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    if res.status() == StatusCode::PAYLOAD_TOO_LARGE {
        // The body limit answers in plain text; answer like every other error.
        let body = r#"{"BadRequest":"The request is too large. Shorten the text and try again."}"#;
        res = (
            StatusCode::PAYLOAD_TOO_LARGE,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    let headers = res.headers_mut();
    let defaults: [(header::HeaderName, &str); 6] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        // Same-origin keeps the Referer Leptos uses for no-JavaScript form
        // posts, and keeps private status links from leaking to other sites.
        (header::REFERRER_POLICY, "same-origin"),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ),
        (header::CONTENT_SECURITY_POLICY, DEFAULT_CSP),
    ];
    for (name, value) in defaults {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    if !cacheable && !headers.contains_key(header::CACHE_CONTROL) {
        // Pages and API answers carry personal data: never store them.
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Paths that carry a secret in their last segment.
const SECRET_PATHS: &[&str] = &["/status/", "/set-password/"];

pub fn redact_path(path: &str) -> String {
    for prefix in SECRET_PATHS {
        if path.starts_with(prefix) {
            return format!("{prefix}***");
        }
    }
    path.to_string()
}

/// One structured line per request; the query string is left out and
/// secret path segments are masked.
pub async fn log_request(req: Request<Body>, next: Next) -> Response {
    let method = req.method().clone();
    let path = redact_path(req.uri().path());
    let started = Instant::now();
    let res = next.run(req).await;
    let status = res.status().as_u16();
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::error!(%method, %path, status, elapsed_ms, "request");
    } else {
        tracing::info!(%method, %path, status, elapsed_ms, "request");
    }
    res
}

#[cfg(test)]
mod tests {
    use super::{contains_nul, redact_path};

    #[test]
    fn nul_characters_are_found_however_encoded() {
        assert!(contains_nul(b"id=a\0b"));
        assert!(contains_nul(b"id=a%00b"));
        assert!(contains_nul(br#"{"id":"a\u0000"}"#));
        assert!(!contains_nul(b"id=a%200b&q=100"));
    }

    #[test]
    fn secret_segments_are_masked() {
        assert_eq!(redact_path("/status/abc"), "/status/***");
        assert_eq!(redact_path("/set-password/abc"), "/set-password/***");
        assert_eq!(
            redact_path("/api/applications/submit"),
            "/api/applications/submit"
        );
    }
}
