//! Plain HTML form posts (JavaScript off, or the page not hydrated yet).
//!
//! Leptos answers a failed one with a redirect back to the form, the error
//! in the query string: the status is 302 and whatever was typed is lost.
//! This layer answers it instead with the form's page rendered again in
//! place, with the error's status (422, 401, 429…), every message, and the
//! posted values (passwords left out; see `app::form_post`). Successful
//! posts keep Leptos's redirect (post, redirect, get).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use app::error::AppError;
use app::form_post::FailedPost;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use http::header::{self, HeaderValue};
use http::{Method, StatusCode};

type PageFuture = Pin<Box<dyn Future<Output = Response> + Send>>;

/// Renders the app for a request, as the page routes do.
pub type Render = Arc<dyn Fn(Request) -> PageFuture + Send + Sync>;

/// Leptos's renderer is `Send` but not declared `Sync`; a mutex around it
/// makes it shareable, and is held only to clone it.
pub fn renderer<F>(render: F) -> Render
where
    F: Fn(Request) -> PageFuture + Clone + Send + 'static,
{
    let render = Mutex::new(render);
    Arc::new(move |req| {
        let render = match render.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        render(req)
    })
}

#[derive(Clone)]
pub struct FormPosts {
    pub render: Render,
    /// Our own origin (`COURSEGATE_PUBLIC_URL`): only pages from it are
    /// rendered again.
    pub public_origin: Arc<String>,
}

/// Bodies of server-function errors are a short JSON value.
const MAX_ERROR_BYTES: usize = 64 * 1024;

pub async fn rerender_failed(State(forms): State<FormPosts>, req: Request, next: Next) -> Response {
    if !is_plain_form_post(&req) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    // Bounded by the body limit further out.
    let Ok(posted) = axum::body::to_bytes(body, usize::MAX).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let page = form_page(&parts.headers, &forms.public_origin);
    let headers = parts.headers.clone();
    let extensions = parts.extensions.clone();
    let function = parts.uri.path().to_string();

    let res = next
        .run(Request::from_parts(parts, Body::from(posted.clone())))
        .await;
    // Server functions mark their error answers with this header.
    if !res.headers().contains_key("serverfnerror") {
        return confirm_success(res, &function);
    }
    let Some(page) = page else {
        return res;
    };
    let (res_parts, res_body) = res.into_parts();
    let Ok(encoded) = axum::body::to_bytes(res_body, MAX_ERROR_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(error) = serde_json::from_slice::<AppError>(&encoded) else {
        return Response::from_parts(res_parts, Body::from(encoded));
    };

    let fields = form_urlencoded::parse(&posted).into_owned().collect();
    let failed = FailedPost::new(
        function,
        base64::engine::general_purpose::URL_SAFE.encode(&encoded),
        fields,
    );
    let mut get = Request::new(Body::empty());
    *get.method_mut() = Method::GET;
    *get.uri_mut() = match page.parse() {
        Ok(uri) => uri,
        Err(_) => return Response::from_parts(res_parts, Body::from(encoded)),
    };
    *get.headers_mut() = headers;
    get.headers_mut().remove(header::CONTENT_TYPE);
    get.headers_mut().remove(header::CONTENT_LENGTH);
    *get.extensions_mut() = extensions;
    get.extensions_mut().insert(failed);

    let mut answer = (forms.render)(get).await;
    *answer.status_mut() =
        StatusCode::from_u16(error.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
    if let AppError::RateLimited(seconds) = error {
        answer
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    answer
}

/// The redirect after a successful post names the action, so the next page
/// shows its confirmation (`app::toast`).
fn confirm_success(mut res: Response, function: &str) -> Response {
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|location| app::toast::with_done(location, function))
        .and_then(|location| HeaderValue::from_str(&location).ok());
    if let (Some(location), true) = (location, res.status().is_redirection()) {
        res.headers_mut().insert(header::LOCATION, location);
    }
    res
}

/// A browser's own form submission: what Leptos itself checks (an `Accept`
/// that names HTML), on a form-encoded POST to a server function.
fn is_plain_form_post(req: &Request) -> bool {
    let header = |name| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    req.method() == Method::POST
        && req.uri().path().starts_with("/api/")
        && header(header::ACCEPT).contains("text/html")
        && header(header::CONTENT_TYPE).starts_with("application/x-www-form-urlencoded")
}

/// The path and query of the page the form was on, from `Referer`, when
/// that page is ours (the `Referrer-Policy` sends it in full to our own
/// origin) and not itself a server function. Leptos's old error parameters
/// are dropped from the query.
fn form_page(headers: &http::HeaderMap, public_origin: &str) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origins = [
        Some(public_origin.trim_end_matches('/').to_string()),
        host.map(|h| format!("http://{h}")),
        host.map(|h| format!("https://{h}")),
    ];
    let rest = origins
        .iter()
        .flatten()
        .find_map(|origin| referer.strip_prefix(origin.as_str()))?;
    if !rest.starts_with('/') || rest.starts_with("//") || rest.starts_with("/api/") {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path, query) = match rest.split_once('?') {
        Some((path, query)) => (path, query),
        None => return Some(rest.to_string()),
    };
    let kept: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .filter(|(key, _)| key != "__err" && key != "__path")
        .collect();
    if kept.is_empty() {
        return Some(path.to_string());
    }
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish();
    Some(format!("{path}?{query}"))
}

#[cfg(test)]
mod tests {
    use super::form_page;
    use http::HeaderMap;

    fn page(referer: &str) -> Option<String> {
        let mut headers = HeaderMap::new();
        headers.insert("referer", referer.parse().expect("header"));
        headers.insert("host", "127.0.0.1:3000".parse().expect("header"));
        form_page(&headers, "https://courses.example.com")
    }

    #[test]
    fn only_our_own_pages_are_rendered_again() {
        assert_eq!(
            page("http://127.0.0.1:3000/apply").as_deref(),
            Some("/apply")
        );
        assert_eq!(
            page("https://courses.example.com/status/abc?x=1#top").as_deref(),
            Some("/status/abc?x=1")
        );
        assert_eq!(
            page("http://127.0.0.1:3000/sign-in?__path=%2Fapi&__err=e30&password=set").as_deref(),
            Some("/sign-in?password=set")
        );
        assert_eq!(page("https://evil.example/apply"), None);
        assert_eq!(page("http://127.0.0.1:3000.evil.example/apply"), None);
        assert_eq!(page("http://127.0.0.1:3000//evil.example/x"), None);
        assert_eq!(page("http://127.0.0.1:3000/api/auth/sign_in"), None);
    }
}
