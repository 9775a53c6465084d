//! Response headers: every HTML page and every API answer refuses MIME
//! sniffing, framing and cross-site referrers; HTML pages carry a CSP with
//! a fresh nonce; the session cookie is `Secure` and `__Host-` prefixed
//! when the site is served over HTTPS. Every 429 says when to come back.

mod common;

use common::{TestApp, PASSWORD};
use reqwest::header::HeaderMap;
use reqwest::{Client, StatusCode};

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The protections every answer must carry, HTML or not.
fn assert_common(headers: &HeaderMap, what: &str) {
    assert_eq!(
        header(headers, "x-content-type-options"),
        "nosniff",
        "{what}"
    );
    assert!(
        !header(headers, "referrer-policy").is_empty(),
        "{what}: no Referrer-Policy"
    );
    let csp = header(headers, "content-security-policy");
    assert!(
        header(headers, "x-frame-options") == "DENY" || csp.contains("frame-ancestors 'none'"),
        "{what}: no frame protection"
    );
}

async fn get(client: &Client, url: String) -> (StatusCode, HeaderMap, String) {
    // A page that never answers is a failure with its name, not a hung run.
    let res = tokio::time::timeout(std::time::Duration::from_secs(60), client.get(&url).send())
        .await
        .unwrap_or_else(|_| panic!("{url}: no answer within 60 s"))
        .expect("get");
    let status = res.status();
    let headers = res.headers().clone();
    (status, headers, res.text().await.unwrap_or_default())
}

#[tokio::test]
async fn every_page_and_api_answer_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let admin = app.admin("headers.admin@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Header Check Oy", "headers@customer.example")
        .await;
    let token = app.submit_ok(&[("legal_name", "Status Headers Oy")]).await;
    let id = app.application_id("Header Check Oy").await;
    let anonymous = app.client();

    let public = [
        "/".to_string(),
        "/apply".into(),
        format!("/status/{token}"),
        "/sign-in".into(),
        "/forgot-password".into(),
        "/set-password/not-a-token".into(),
        "/contact".into(),
        "/privacy".into(),
        "/terms".into(),
    ];
    let admin_pages = [
        "/admin/applications".to_string(),
        format!("/admin/applications/{id}"),
        "/admin/organizations".into(),
        "/admin/admins".into(),
        "/admin/outbox".into(),
        "/admin/reports".into(),
        "/admin/audit".into(),
        "/admin/catalog".into(),
        "/admin/courses".into(),
        "/admin/support".into(),
        "/profile".into(),
    ];
    let customer_pages = [
        "/org",
        "/org/attendees",
        "/org/attendees/no-such-attendee",
        "/org/details",
        "/org/billing",
        "/org/catalog",
        "/org/orders",
        "/org/courses",
        "/org/courses/new",
        "/org/expenses",
        "/org/utilization",
        "/support",
        "/profile",
    ];
    let mut pages = Vec::new();
    pages.extend(public.iter().map(|p| (&anonymous, p.clone())));
    pages.extend(admin_pages.iter().map(|p| (&admin, p.clone())));
    pages.extend(customer_pages.iter().map(|p| (&customer, p.to_string())));
    // Pages someone may not see still answer with the same protections.
    pages.push((&anonymous, "/admin/applications".into()));
    pages.push((&anonymous, "/no/such/page".into()));

    let mut nonces = std::collections::BTreeSet::new();
    for (client, path) in &pages {
        let (status, headers, html) = get(client, format!("{}{path}", app.base)).await;
        assert!(status.as_u16() < 500, "{path}: {status}");
        assert_common(&headers, path);
        assert!(
            header(&headers, "content-type").starts_with("text/html"),
            "{path}: {}",
            header(&headers, "content-type")
        );
        let csp = header(&headers, "content-security-policy");
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {csp:?}"));
        assert!(nonce.len() >= 16, "{path}: short nonce {nonce}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("'unsafe-inline'") || !csp.contains("script-src 'unsafe-inline'"));
        if status == StatusCode::OK {
            assert!(
                html.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: scripts lack the nonce"
            );
        }
        nonces.insert(nonce.to_string());
    }
    assert_eq!(nonces.len(), pages.len(), "a nonce was reused");

    // API answers, successful and not, and the other routes.
    type Form<'a> = Vec<(&'a str, &'a str)>;
    let api: [(&Client, &str, Form); 8] = [
        (&anonymous, "auth/me", vec![]),
        (&anonymous, "applications/status", vec![("token", &token)]),
        (&anonymous, "applications/status", vec![("token", "nope")]),
        (&anonymous, "org/home", vec![]),
        (&customer, "org/home", vec![]),
        (&customer, "admin/applications/counts", vec![]),
        (&admin, "admin/applications/counts", vec![]),
        (
            &admin,
            "admin/applications/claim",
            vec![("take_over", "maybe")],
        ),
    ];
    let mut statuses = std::collections::BTreeSet::new();
    for (client, path, form) in &api {
        let res = client
            .post(format!("{}/api/{path}", app.base))
            .form(form)
            .send()
            .await
            .expect("api");
        statuses.insert(res.status().as_u16());
        assert_common(res.headers(), path);
        assert_eq!(header(res.headers(), "cache-control"), "no-store", "{path}");
    }
    assert!(statuses.len() >= 4, "{statuses:?}");
    let huge = "x".repeat(app.state.settings.max_body_bytes + 10);
    let res = anonymous
        .post(format!("{}/api/support/contact", app.base))
        .form(&[("message", huge.as_str())])
        .send()
        .await
        .expect("big");
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_common(res.headers(), "413");
    let res = anonymous
        .post(format!("{}/api/auth/me", app.base))
        .header("Origin", "https://evil.example")
        .send()
        .await
        .expect("cross-site");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_common(res.headers(), "cross-site 403");
    for path in ["/healthz", "/readyz"] {
        let (_, headers, _) = get(&anonymous, format!("{}{path}", app.base)).await;
        assert_common(&headers, path);
    }
}

fn session_set_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.contains("coursegate_session="))
        .map(str::to_string)
        .expect("a session cookie")
}

async fn sign_in_cookie(app: &TestApp, email: &str) -> String {
    let link =
        app::auth::server::create_system_admin(&app.state.db, &app.state.settings, email, "test")
            .await
            .expect("admin");
    let token = link.rsplit('/').next().unwrap_or("").to_string();
    let (status, body) = app
        .call(
            &app.client(),
            "auth/set_password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let res = app
        .client()
        .post(format!("{}/api/auth/sign_in", app.base))
        .form(&[("email", email), ("password", PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), StatusCode::OK);
    session_set_cookie(&res)
}

#[tokio::test]
async fn the_session_cookie_is_host_prefixed_and_secure_behind_https() {
    let app = TestApp::spawn_with(|s| s.cookie_secure = true).await;
    let cookie = sign_in_cookie(&app, "secure@operator.example").await;
    assert!(cookie.starts_with("__Host-coursegate_session="), "{cookie}");
    let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
    assert!(attributes.contains(&"Secure"), "{cookie}");
    assert!(attributes.contains(&"HttpOnly"), "{cookie}");
    assert!(attributes.contains(&"Path=/"), "{cookie}");
    assert!(attributes.contains(&"SameSite=Lax"), "{cookie}");
    // `__Host-` cookies must not name a domain.
    assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
}

#[tokio::test]
async fn the_session_cookie_is_plain_without_https() {
    let app = TestApp::spawn().await;
    let cookie = sign_in_cookie(&app, "plain@operator.example").await;
    assert!(cookie.starts_with("coursegate_session="), "{cookie}");
    let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
    assert!(!attributes.contains(&"Secure"), "{cookie}");
    assert!(attributes.contains(&"HttpOnly"), "{cookie}");
    assert!(attributes.contains(&"Path=/"), "{cookie}");
}

/// A 429 names the wait in seconds, in its message and in `Retry-After`.
fn assert_rate_limited(status: StatusCode, headers: &HeaderMap, body: &str, what: &str) {
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{what}: {body}");
    let retry: u64 = header(headers, "retry-after")
        .parse()
        .unwrap_or_else(|_| panic!("{what}: Retry-After missing or not seconds"));
    assert!((1..=60).contains(&retry), "{what}: Retry-After {retry}");
    let json: serde_json::Value = serde_json::from_str(body).expect("json");
    assert_eq!(json["RateLimited"], retry, "{what}: {body}");
    // The sentence shown to people carries the same number.
    let shown = app::error::AppError::RateLimited(retry).to_string();
    assert!(
        shown.contains(&format!("try again in {retry} seconds")),
        "{shown}"
    );
}

#[tokio::test]
async fn every_rate_limited_call_says_when_to_try_again() {
    let app = TestApp::spawn_with(|s| {
        s.rate_sign_in_per_minute = 2;
        s.rate_submit_per_minute = 2;
        s.rate_password_per_minute = 2;
    })
    .await;
    let client = app.client();
    let submit_form = |n: usize| {
        common::application_form(
            &common::random_key(),
            &[("legal_name", &format!("Limited {n} Oy"))],
        )
    };
    let calls: Vec<(&str, Vec<(String, String)>)> = vec![
        (
            "auth/sign_in",
            vec![
                ("email".into(), "x@example.com".into()),
                ("password".into(), "wrong one!".into()),
            ],
        ),
        ("applications/submit", Vec::new()),
        (
            "auth/set_password",
            vec![
                ("token".into(), "no-such-token".into()),
                ("password".into(), "long enough pass".into()),
                ("confirm".into(), "long enough pass".into()),
            ],
        ),
        (
            "auth/forgot_password",
            vec![("email".into(), "y@example.com".into())],
        ),
        (
            "support/contact",
            vec![
                ("name".into(), "Visitor".into()),
                ("email".into(), "v@example.com".into()),
                ("message".into(), "Hello there".into()),
            ],
        ),
    ];
    for (path, form) in calls {
        let mut last = None;
        for n in 0..3 {
            let form = if path == "applications/submit" {
                submit_form(n)
            } else {
                form.clone()
            };
            let res = client
                .post(format!("{}/api/{path}", app.base))
                .form(&form)
                .send()
                .await
                .expect("call");
            let status = res.status();
            let headers = res.headers().clone();
            last = Some((status, headers, res.text().await.expect("body")));
            if n < 2 {
                assert_ne!(status, StatusCode::TOO_MANY_REQUESTS, "{path} call {n}");
            }
        }
        let (status, headers, body) = last.expect("three calls");
        assert_rate_limited(status, &headers, &body, path);
        assert_common(&headers, path);
    }
}

/// Leptos keeps the current reactive owner in a thread-local, and a page
/// rendering on a worker thread can leave its owner current there. A
/// static file served on that thread must neither see that page's
/// response options nor take its headers: the favicon fetched while a page
/// loaded used to walk off with the page's nonce policy, and the page then
/// went out with the fallback policy that blocks its hydration scripts.
#[tokio::test]
async fn a_static_file_cannot_take_the_headers_of_a_page_rendering_on_its_thread() {
    use axum::body::Body;
    use leptos::prelude::provide_context;
    use leptos::reactive::owner::Owner;
    use leptos_axum::ResponseOptions;
    use tower::ServiceExt;

    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("favicon.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg'/>",
    )
    .expect("favicon");
    let database_url = common::fresh_database(&dir).await;
    let settings = common::settings(database_url, "http://127.0.0.1:9".into());
    let mut options = server::leptos_options(&settings);
    options.site_root = dir.path().to_string_lossy().as_ref().into();
    let built = server::build(settings, options).await.expect("server");

    // What leptos_axum provides while it renders a page, with the page's
    // policy already written into it.
    let page = Owner::new_root(None);
    let page_response = ResponseOptions::default();
    page.with(|| provide_context(page_response.clone()));
    let page_policy = "script-src 'nonce-page'";
    page_response.insert_header(
        http::header::CONTENT_SECURITY_POLICY,
        http::HeaderValue::from_static(page_policy),
    );

    // The favicon request polled on this thread while the page's owner is
    // the current one, as on a worker thread between two polls of a page.
    let request = http::Request::get("/favicon.svg")
        .body(Body::empty())
        .expect("request");
    let router = built.router;
    let answer = page
        .with(|| futures::executor::block_on(router.oneshot(request)))
        .expect("answer");

    assert_eq!(answer.status(), StatusCode::OK, "the favicon is served");
    let file_policy = answer
        .headers()
        .get(http::header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert_ne!(file_policy, page_policy, "the file took the page's policy");
    let kept = page_response
        .0
        .read()
        .expect("response options")
        .headers
        .get(http::header::CONTENT_SECURITY_POLICY)
        .cloned();
    assert_eq!(
        kept.as_ref().and_then(|v| v.to_str().ok()),
        Some(page_policy),
        "the page lost its policy to the file"
    );
}
