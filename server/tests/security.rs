//! Bad input, cross-site requests, limits and the answers that must not
//! reveal anything.

mod common;

use common::{TestApp, PASSWORD};
use reqwest::StatusCode;

#[tokio::test]
async fn every_bad_field_gets_its_own_message_and_nothing_is_stored() {
    let app = TestApp::spawn().await;
    let huge = "x".repeat(100_000);
    let (status, body) = app
        .submit(&[
            ("legal_name", &huge),
            ("registration_id", "<script>"),
            ("country", "XX"),
            ("postal_code", "1"),
            ("phone", "call me"),
            ("contact_email", "not-an-email"),
            ("website", "javascript:alert(1)"),
            ("org_type", "pirate"),
            ("org_size", ""),
            ("intended_use", "short"),
            ("accept_terms", ""),
        ])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["Validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|pair| pair[0].as_str().unwrap())
        .collect();
    for expected in [
        "legal_name",
        "registration_id",
        "country",
        "postal_code",
        "phone",
        "contact_email",
        "website",
        "org_type",
        "org_size",
        "intended_use",
        "accept_terms",
    ] {
        assert!(
            fields.contains(&expected),
            "{expected} missing in {fields:?}"
        );
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM application").await, 0);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox").await, 0);
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let app = TestApp::spawn().await;
    let huge = "x".repeat(400_000);
    let (status, _) = app.submit(&[("intended_use", &huge)]).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM application").await, 0);
}

#[tokio::test]
async fn a_100_kb_password_is_refused_before_hashing() {
    let app = TestApp::spawn().await;
    let huge = "p".repeat(100_000);
    let client = app.client();
    let (status, body) = app
        .call(
            &client,
            "auth/sign_in",
            &[("email", "ada@example.com"), ("password", &huge)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["Validation"][0][1]
        .as_str()
        .unwrap()
        .contains("at most 128"));

    let link = app::auth::server::create_system_admin(
        &app.state.db,
        &app.state.settings,
        "root@example.com",
        "test",
    )
    .await
    .unwrap();
    let token = link.rsplit('/').next().unwrap();
    let (status, body) = app
        .call(
            &client,
            "auth/set_password",
            &[("token", token), ("password", &huge), ("confirm", &huge)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = app
        .call(
            &client,
            "auth/set_password",
            &[
                ("token", token),
                ("password", PASSWORD),
                ("confirm", "different one!!"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["Validation"][0][0], "confirm");
}

#[tokio::test]
async fn arguments_that_fail_to_decode_get_400_not_500() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let (status, body) = app
        .call(&admin, "admin/applications/claim", &[("take_over", "true")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/claim",
            &[("id", "x"), ("take_over", "perhaps")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = app.call(&app.client(), "applications/submit", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = app.submit(&[("submission_key", "not-hex")]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

#[tokio::test]
async fn a_cross_site_origin_is_refused() {
    let app = TestApp::spawn().await;
    let key = common::random_key();
    let form = common::application_form(&key, &[]);
    let res = app
        .client()
        .post(format!("{}/api/applications/submit", app.base))
        .header("Origin", "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .client()
        .post(format!("{}/api/applications/submit", app.base))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM application").await, 0);

    // Our own origin passes.
    let res = app
        .client()
        .post(format!("{}/api/applications/submit", app.base))
        .header("Origin", app.base.clone())
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn sign_in_failures_all_read_the_same() {
    let app = TestApp::spawn().await;
    app.admin("known@example.com").await;
    let client = app.client();
    let (s1, unknown) = app
        .call(
            &client,
            "auth/sign_in",
            &[("email", "nobody@example.com"), ("password", PASSWORD)],
        )
        .await;
    let (s2, wrong) = app
        .call(
            &client,
            "auth/sign_in",
            &[
                ("email", "known@example.com"),
                ("password", "wrong password here"),
            ],
        )
        .await;
    assert_eq!(s1, StatusCode::UNAUTHORIZED);
    assert_eq!(s2, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown, wrong);
    // The email is matched after normalization.
    app.sign_in(&client, "KNOWN@example.com", PASSWORD).await;
}

#[tokio::test]
async fn signing_in_issues_a_new_session_id_and_signing_out_ends_it() {
    let app = TestApp::spawn().await;
    app.admin("admin@operator.example").await;
    let client = app.client();
    let cookie_of = |res: &reqwest::Response| {
        res.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("coursegate_session="))
            .map(str::to_string)
    };
    let first = client
        .post(format!("{}/api/auth/sign_in", app.base))
        .form(&[("email", "admin@operator.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let first = cookie_of(&first).expect("session cookie");
    assert!(first.contains("HttpOnly"), "{first}");
    assert!(first.contains("SameSite=Lax"), "{first}");
    let second = client
        .post(format!("{}/api/auth/sign_in", app.base))
        .form(&[("email", "admin@operator.example"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let second = cookie_of(&second).expect("session cookie");
    assert_ne!(first.split(';').next(), second.split(';').next());

    let (status, _) = app.call(&client, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.call(&client, "auth/sign_out", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app.call(&client, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn sign_in_is_rate_limited() {
    let app = TestApp::spawn_with(|s| s.rate_sign_in_per_minute = 3).await;
    let client = app.client();
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let (status, _) = app
            .call(
                &client,
                "auth/sign_in",
                &[
                    ("email", "someone@example.com"),
                    ("password", "wrong password"),
                ],
            )
            .await;
        statuses.push(status);
    }
    assert_eq!(statuses[0], StatusCode::UNAUTHORIZED);
    assert_eq!(statuses[4], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

#[tokio::test]
async fn application_submission_is_rate_limited() {
    let app = TestApp::spawn_with(|s| s.rate_submit_per_minute = 2).await;
    let mut statuses = Vec::new();
    for i in 0..4 {
        let name = format!("Limited {i} Oy");
        statuses.push(app.submit(&[("legal_name", &name)]).await.0);
    }
    assert_eq!(statuses[0], StatusCode::OK);
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
}

#[tokio::test]
async fn pages_carry_strict_security_headers() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .get(format!("{}/apply", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let csp = header("content-security-policy");
    assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("x-frame-options"), "DENY");
    assert_eq!(header("referrer-policy"), "same-origin");
    assert_eq!(header("cache-control"), "no-store");
    let html = res.text().await.unwrap();
    assert!(html.contains("data-testid=\"apply-form\""));

    let res = app
        .client()
        .get(format!("{}/no/such/page", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_first_administrator_is_created_once() {
    let app = TestApp::spawn().await;
    assert!(!app::auth::server::has_system_admin(&app.state.db)
        .await
        .unwrap());
    server::ensure_first_admin(&app.state).await.unwrap();
    server::ensure_first_admin(&app.state).await.unwrap();
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM app_user WHERE role = 'system_admin'")
            .await,
        1
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM user_token").await, 1);
}
