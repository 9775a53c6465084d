//! Two-step sign-in for system administrators: enrolment with a confirming
//! code, the code step after the password, replayed and wrong codes,
//! recovery codes, switching off, the expiring half-sign-in and the
//! setting that requires it.

mod common;

use std::time::Duration;

use common::{totp_code, TestApp, PASSWORD};
use reqwest::StatusCode;

const ADMIN: &str = "two.step@operator.example";

#[tokio::test]
async fn enrolment_needs_a_current_code_and_then_sign_in_asks_for_one() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;

    let (status, body) = app.call(&admin, "profile/two_step/start", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, body) = app.call(&admin, "profile/two_step/status", &[]).await;
    assert_eq!(body["enabled"], false, "{body}");
    let secret = body["enrolment"]["secret"]
        .as_str()
        .expect("secret")
        .to_string();
    let uri = body["enrolment"]["uri"].as_str().expect("uri");
    assert!(uri.starts_with("otpauth://totp/Coursegate:"), "{uri}");
    assert!(uri.contains(&format!("secret={secret}")), "{uri}");

    // A wrong, a malformed and an empty code leave it off.
    let right = totp_code(&app, &secret, 0);
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    for bad in [wrong, "12345", "abcdef", "", "<b>1</b>", "١٢٣٤٥٦"] {
        let (status, body) = app
            .call(&admin, "profile/two_step/confirm", &[("code", bad)])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}: {body}");
        assert!(body["Validation"][0][0] == "code", "{bad:?}: {body}");
    }
    let (_, body) = app.call(&admin, "profile/two_step/status", &[]).await;
    assert_eq!(body["enabled"], false, "{body}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM user_totp").await, 0);

    let (status, body) = app
        .call(&admin, "profile/two_step/confirm", &[("code", &right)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The recovery codes are shown until saved, then never again.
    let (_, codes) = app.call(&admin, "profile/two_step/new_codes", &[]).await;
    assert_eq!(codes.as_array().map(Vec::len), Some(10), "{codes}");
    let (_, again) = app.call(&admin, "profile/two_step/new_codes", &[]).await;
    assert_eq!(again, codes);
    let (status, _) = app.call(&admin, "profile/two_step/codes_saved", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (_, again) = app.call(&admin, "profile/two_step/new_codes", &[]).await;
    assert_eq!(again, serde_json::json!([]));
    // After enrolment the secret is never sent again.
    let (_, body) = app.call(&admin, "profile/two_step/status", &[]).await;
    assert_eq!(body["enabled"], true, "{body}");
    assert_eq!(body["recovery_codes_left"], 10, "{body}");
    assert!(body["enrolment"].is_null(), "{body}");
    assert!(!body.to_string().contains(&secret));
    // Starting again is refused while it is on.
    let (status, _) = app.call(&admin, "profile/two_step/start", &[]).await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The password alone gives no session.
    app.state.clock.advance(Duration::from_secs(30));
    let browser = app.client();
    let (status, body) = app
        .call(
            &browser,
            "auth/sign_in",
            &[("email", ADMIN), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, serde_json::json!("CodeNeeded"));
    let (_, me) = app.call(&browser, "auth/me", &[]).await;
    assert!(me.is_null(), "{me}");
    let (status, _) = app.call(&browser, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    for bad in [wrong, "12 34", "x"] {
        let (status, body) = app
            .call(&browser, "auth/sign_in_code", &[("code", bad)])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}: {body}");
    }
    let (status, body) = app
        .call(
            &browser,
            "auth/sign_in_code",
            &[("code", &totp_code(&app, &secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, me) = app.call(&browser, "auth/me", &[]).await;
    assert_eq!(me["email"], ADMIN, "{me}");
    let (status, body) = app.call(&browser, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn a_code_works_once_and_the_next_one_works() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let two_step = app.enrol_two_step(&admin).await;

    let code = totp_code(&app, &two_step.secret, 0);
    app.sign_in_with_code(&app.client(), ADMIN, &code).await;

    // Someone who saw the code and knows the password is too late, on this
    // server and on another one.
    let other = app.another_server().await;
    for server in [&app, &other] {
        let thief = server.client();
        server.sign_in(&thief, ADMIN, PASSWORD).await;
        let (status, body) = server
            .call(&thief, "auth/sign_in_code", &[("code", &code)])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.to_string().contains("already used"), "{body}");
        let (_, me) = server.call(&thief, "auth/me", &[]).await;
        assert!(me.is_null(), "{me}");
    }

    app.state.clock.advance(Duration::from_secs(30));
    app.sign_in_with_code(&app.client(), ADMIN, &totp_code(&app, &two_step.secret, 0))
        .await;
}

#[tokio::test]
async fn recovery_codes_work_once_and_new_ones_replace_them() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let two_step = app.enrol_two_step(&admin).await;
    let first = &two_step.recovery_codes[0];

    // Typed in upper case without dashes, it still works, once.
    let typed = first.replace('-', "").to_uppercase();
    app.sign_in_with_code(&app.client(), ADMIN, &typed).await;
    let browser = app.client();
    app.sign_in(&browser, ADMIN, PASSWORD).await;
    let (status, body) = app
        .call(&browser, "auth/sign_in_code", &[("code", first)])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (_, body) = app.call(&admin, "profile/two_step/status", &[]).await;
    assert_eq!(body["recovery_codes_left"], 9, "{body}");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'user.recovery_code_used'")
            .await,
        1
    );

    // New codes need a current code; a wrong one changes nothing.
    let (status, _) = app
        .call(&admin, "profile/two_step/regenerate", &[("code", "")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = app
        .call(
            &admin,
            "profile/two_step/regenerate",
            &[("code", &totp_code(&app, &two_step.secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, fresh) = app.call(&admin, "profile/two_step/new_codes", &[]).await;
    let fresh: Vec<String> = fresh
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c.as_str().expect("code").to_string())
        .collect();
    assert_eq!(fresh.len(), 10);
    assert!(fresh.iter().all(|c| !two_step.recovery_codes.contains(c)));

    // An old, never used code stopped working; a new one works.
    let browser = app.client();
    app.sign_in(&browser, ADMIN, PASSWORD).await;
    let (status, _) = app
        .call(
            &browser,
            "auth/sign_in_code",
            &[("code", &two_step.recovery_codes[1])],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, body) = app
        .call(&browser, "auth/sign_in_code", &[("code", &fresh[0])])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Only their hashes are stored.
    let stored: Vec<String> = sqlx::query_scalar("SELECT code_hash FROM recovery_code")
        .fetch_all(app.state.db.pool())
        .await
        .expect("codes");
    for code in &fresh {
        assert!(stored.iter().all(|h| !h.contains(&code.replace('-', ""))));
    }
}

#[tokio::test]
async fn the_half_signed_in_state_expires() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let two_step = app.enrol_two_step(&admin).await;

    // No password step at all.
    let (status, body) = app
        .call(
            &app.client(),
            "auth/sign_in_code",
            &[("code", &totp_code(&app, &two_step.secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::GONE, "{body}");

    let browser = app.client();
    app.sign_in(&browser, ADMIN, PASSWORD).await;
    app.state.clock.advance(Duration::from_secs(6 * 60));
    let (status, body) = app
        .call(
            &browser,
            "auth/sign_in_code",
            &[("code", &totp_code(&app, &two_step.secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::GONE, "{body}");
    assert!(body.to_string().contains("password again"), "{body}");
    let (_, me) = app.call(&browser, "auth/me", &[]).await;
    assert!(me.is_null(), "{me}");
}

#[tokio::test]
async fn switching_off_needs_a_code_or_the_password() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let two_step = app.enrol_two_step(&admin).await;

    for form in [
        vec![],
        vec![("current_password", "not my password")],
        vec![("code", "000000x")],
    ] {
        let (status, body) = app.call(&admin, "profile/two_step/disable", &form).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}: {body}");
    }
    let (status, body) = app
        .call(
            &admin,
            "profile/two_step/disable",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM user_totp").await, 0);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM recovery_code").await,
        0
    );
    let (status, _) = app
        .call(
            &admin,
            "profile/two_step/disable",
            &[("code", &totp_code(&app, &two_step.secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // The password alone signs in again.
    let browser = app.client();
    let (status, body) = app
        .call(
            &browser,
            "auth/sign_in",
            &[("email", ADMIN), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["SignedIn"]["identity"]["email"], ADMIN, "{body}");

    // With a code it works too, after enrolling again.
    let two_step = app.enrol_two_step(&admin).await;
    let (status, body) = app
        .call(
            &admin,
            "profile/two_step/disable",
            &[("code", &totp_code(&app, &two_step.secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn wrong_codes_run_into_the_abuse_limit() {
    let app = TestApp::spawn_with(|s| s.abuse_failures_per_address = 3).await;
    let admin = app.admin(ADMIN).await;
    let two_step = app.enrol_two_step(&admin).await;
    let right = totp_code(&app, &two_step.secret, 0);
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };

    let browser = app.client();
    app.sign_in(&browser, ADMIN, PASSWORD).await;
    for _ in 0..3 {
        let (status, body) = app
            .call(&browser, "auth/sign_in_code", &[("code", wrong)])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    // Now even the right code waits, and the answer says how long.
    let res = browser
        .post(format!("{}/api/auth/sign_in_code", app.base))
        .form(&[("code", right.as_str())])
        .send()
        .await
        .expect("call");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=15 * 60).contains(&retry), "{retry}");
    let body: serde_json::Value = res.json().await.expect("json");
    assert_eq!(body["RateLimited"], retry);

    // After the window the right code goes through.
    app.state.clock.advance(Duration::from_secs(retry));
    let browser = app.client();
    app.sign_in_with_code(&browser, ADMIN, &totp_code(&app, &two_step.secret, 0))
        .await;
}

#[tokio::test]
async fn the_setting_keeps_admins_without_a_second_factor_out_of_the_console() {
    let app = TestApp::spawn_with(|s| s.require_admin_totp = true).await;
    let admin = app.admin(ADMIN).await;

    let (status, body) = app.call(&admin, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body.to_string().contains("two-step"), "{body}");
    let (status, body) = app
        .call(
            &app.client(),
            "auth/sign_in",
            &[("email", ADMIN), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["SignedIn"]["home"], "/profile?two_step=required",
        "{body}"
    );

    let two_step = app.enrol_two_step(&admin).await;
    let (status, body) = app.call(&admin, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let browser = app.client();
    app.sign_in_with_code(&browser, ADMIN, &totp_code(&app, &two_step.secret, 0))
        .await;
    let (status, body) = app.call(&browser, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn enrolling_ends_the_other_password_only_sessions() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let elsewhere = app.client();
    app.sign_in(&elsewhere, ADMIN, PASSWORD).await;

    app.enrol_two_step(&admin).await;
    let (status, _) = app.call(&elsewhere, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = app.call(&admin, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn the_code_page_works_without_javascript() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let two_step = app.enrol_two_step(&admin).await;

    // A plain form post (what a browser without JavaScript sends) of the
    // password leads to the code page, and the code page's form signs in.
    let browser = app.client();
    let res = browser
        .post(format!("{}/api/auth/sign_in", app.base))
        .header("accept", "text/html")
        .form(&[("email", ADMIN), ("password", PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert!(res.status().is_redirection(), "{}", res.status());
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/sign-in/code")
    );
    let html = page(&app, &browser, "/sign-in/code").await;
    assert!(html.contains("action=\"/api/auth/sign_in_code\""), "{html}");
    assert!(html.contains("name=\"code\""), "{html}");
    let res = browser
        .post(format!("{}/api/auth/sign_in_code", app.base))
        .header("accept", "text/html")
        .form(&[("code", totp_code(&app, &two_step.secret, 0))])
        .send()
        .await
        .expect("code");
    assert_eq!(
        res.headers().get("location").and_then(|v| v.to_str().ok()),
        Some("/admin/applications")
    );

    // The profile page's set-up works the same way.
    let html = page(&app, &admin, "/profile/two-step").await;
    assert!(html.contains("data-testid=\"two-step-on\""), "{html}");
    assert!(!html.contains(&two_step.secret));
    let html = page(&app, &admin, "/profile").await;
    assert!(html.contains("href=\"/profile/two-step\""), "{html}");
}

/// A form post as a browser without JavaScript sends it; answers the
/// redirect's target.
async fn form_post(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(&str, &str)],
) -> String {
    let res = client
        .post(format!("{}/api/{path}", app.base))
        .header("accept", "text/html")
        .form(form)
        .send()
        .await
        .expect("post");
    assert!(res.status().is_redirection(), "{path}: {}", res.status());
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("location")
        .to_string()
}

/// A server-rendered page, within a generous deadline: a render that never
/// answers is a failure with the page's name, not a hung run.
async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let fetch = async {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .expect("page");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        res.text().await.expect("html")
    };
    tokio::time::timeout(Duration::from_secs(60), fetch)
        .await
        .unwrap_or_else(|_| panic!("{path} did not answer within 60 s"))
}

#[tokio::test]
async fn enrolment_works_as_plain_form_posts() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;

    let html = page(&app, &admin, "/profile/two-step").await;
    assert!(
        html.contains("action=\"/api/profile/two_step/start\""),
        "{html}"
    );
    // Signed out, the page says so and offers the sign-in.
    let html = page(&app, &app.client(), "/profile/two-step").await;
    assert!(html.contains("Please sign in to continue."), "{html}");
    assert!(!html.contains("two_step/start"), "{html}");
    let to = form_post(&app, &admin, "profile/two_step/start", &[]).await;
    assert_eq!(to, "/profile/two-step");
    let html = page(&app, &admin, &to).await;
    let secret = html
        .split("data-testid=\"two-step-secret\"")
        .nth(1)
        .and_then(|rest| rest.split('>').nth(1))
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_else(|| panic!("the key on the page: {html}"))
        .to_string();
    assert!(html.contains("otpauth://totp/Coursegate:"), "{html}");

    let to = form_post(
        &app,
        &admin,
        "profile/two_step/confirm",
        &[("code", &totp_code(&app, &secret, 0))],
    )
    .await;
    assert_eq!(to, "/profile/two-step?codes=new");
    let html = page(&app, &admin, &to).await;
    assert!(html.contains("data-testid=\"recovery-codes\""), "{html}");
    assert_eq!(html.matches("<li><code>").count(), 10, "{html}");
    assert!(!html.contains(&secret), "{html}");
    // A reload still shows them; "I have saved them" ends that for good.
    let html = page(&app, &admin, &to).await;
    assert_eq!(html.matches("<li><code>").count(), 10, "{html}");
    assert!(
        html.contains("action=\"/api/profile/two_step/codes_saved\""),
        "{html}"
    );
    let to = form_post(&app, &admin, "profile/two_step/codes_saved", &[]).await;
    assert_eq!(to, "/profile/two-step");
    let html = page(&app, &admin, "/profile/two-step?codes=new").await;
    assert!(!html.contains("data-testid=\"recovery-codes\""), "{html}");
    assert!(html.contains("data-testid=\"two-step-on\""), "{html}");
}

#[tokio::test]
async fn unsaved_recovery_codes_stop_being_shown_after_ten_minutes() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let (status, _) = app.call(&admin, "profile/two_step/start", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = app.call(&admin, "profile/two_step/status", &[]).await;
    let secret = body["enrolment"]["secret"]
        .as_str()
        .expect("secret")
        .to_string();
    let (status, body) = app
        .call(
            &admin,
            "profile/two_step/confirm",
            &[("code", &totp_code(&app, &secret, 0))],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.state.clock.advance(Duration::from_secs(11 * 60));
    let (status, codes) = app.call(&admin, "profile/two_step/new_codes", &[]).await;
    assert_eq!(status, StatusCode::OK, "{codes}");
    assert_eq!(codes, serde_json::json!([]));
    // An enrolment not confirmed within 15 minutes needs a new start.
    let (status, body) = app
        .call(
            &admin,
            "profile/two_step/disable",
            &[("current_password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = app.call(&admin, "profile/two_step/start", &[]).await;
    assert_eq!(status, StatusCode::OK);
    app.state.clock.advance(Duration::from_secs(16 * 60));
    let (status, body) = app
        .call(&admin, "profile/two_step/confirm", &[("code", "123456")])
        .await;
    assert_eq!(status, StatusCode::GONE, "{body}");
}
