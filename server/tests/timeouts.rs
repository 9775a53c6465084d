//! Idle and absolute session timeouts, checked on the server at every
//! request. The tests move the server's clock instead of waiting.

mod common;

use std::time::Duration;

use common::TestApp;
use reqwest::{Client, StatusCode};

const MINUTE: Duration = Duration::from_secs(60);

async fn signed_in(app: &TestApp, client: &Client, path: &str) -> bool {
    let (status, body) = app.call(client, path, &[]).await;
    match status {
        StatusCode::OK => true,
        StatusCode::UNAUTHORIZED => false,
        other => panic!("{path}: {other} {body}"),
    }
}

#[tokio::test]
async fn an_idle_administrator_is_signed_out_but_activity_keeps_the_session() {
    let app = TestApp::spawn_with(|s| s.session_admin_idle_minutes = 30).await;
    let admin = app.admin("idle@operator.example").await;

    // Requests 29 minutes apart keep it alive, past the idle limit in total.
    for _ in 0..3 {
        app.state.clock.advance(29 * MINUTE);
        assert!(signed_in(&app, &admin, "admin/applications/counts").await);
    }
    app.state.clock.advance(31 * MINUTE);
    assert!(!signed_in(&app, &admin, "admin/applications/counts").await);
    // Signed out for good: going back in time does not revive it.
    let (_, me) = app.call(&admin, "auth/me", &[]).await;
    assert!(me.is_null(), "{me}");
}

#[tokio::test]
async fn customer_admins_have_their_own_idle_limit() {
    let app = TestApp::spawn_with(|s| {
        s.session_idle_minutes = 90;
        s.session_admin_idle_minutes = 30;
    })
    .await;
    let admin = app.admin("ops@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Idle Oy", "idle@customer.example")
        .await;

    app.state.clock.advance(45 * MINUTE);
    assert!(signed_in(&app, &customer, "org/home").await);
    assert!(!signed_in(&app, &admin, "admin/applications/counts").await);
    app.state.clock.advance(91 * MINUTE);
    assert!(!signed_in(&app, &customer, "org/home").await);
}

#[tokio::test]
async fn every_session_ends_at_the_absolute_limit_however_busy() {
    let app = TestApp::spawn_with(|s| {
        s.session_absolute_hours = 1;
        s.session_admin_idle_minutes = 30;
    })
    .await;
    let admin = app.admin("busy@operator.example").await;

    for _ in 0..3 {
        app.state.clock.advance(19 * MINUTE);
        assert!(signed_in(&app, &admin, "admin/applications/counts").await);
    }
    // 57 minutes in: a password change renews the session id but keeps the
    // sign-in time.
    let (status, body) = app
        .call(
            &admin,
            "profile/change_password",
            &[
                ("current_password", common::PASSWORD),
                ("password", "a different long passphrase"),
                ("confirm", "a different long passphrase"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.state.clock.advance(4 * MINUTE);
    assert!(!signed_in(&app, &admin, "admin/applications/counts").await);

    // A fresh sign-in starts a fresh hour.
    let again = app.client();
    app.sign_in(
        &again,
        "busy@operator.example",
        "a different long passphrase",
    )
    .await;
    assert!(signed_in(&app, &again, "admin/applications/counts").await);
}
