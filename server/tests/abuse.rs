//! Per-account abuse limits kept in the database: they hold across two app
//! servers on one database, a flood of wrong passwords from some addresses
//! does not lock the owner out from theirs, and every refusal says when to
//! try again. Clients on 127.0.0.2, .3, … stand for different addresses.

mod common;

use std::time::Duration;

use app::server::Settings;
use common::{TestApp, PASSWORD};
use reqwest::{Client, StatusCode};

const OWNER: &str = "owner@operator.example";

fn limits(s: &mut Settings) {
    s.abuse_failures_per_address = 3;
    s.abuse_failures_per_account = 5;
    s.abuse_window_minutes = 10;
}

/// Signs in and returns the status, the `Retry-After` seconds and the body.
async fn try_sign_in(
    app: &TestApp,
    client: &Client,
    password: &str,
) -> (StatusCode, Option<u64>, serde_json::Value) {
    let res = client
        .post(format!("{}/api/auth/sign_in", app.base))
        .form(&[("email", OWNER), ("password", password)])
        .send()
        .await
        .expect("sign in");
    let status = res.status();
    let retry = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok());
    let body = res.json().await.unwrap_or(serde_json::Value::Null);
    (status, retry, body)
}

fn assert_waits(answer: &(StatusCode, Option<u64>, serde_json::Value), window_seconds: u64) {
    let (status, retry, body) = answer;
    assert_eq!(*status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    let retry = retry.expect("Retry-After");
    assert!((1..=window_seconds).contains(&retry), "{retry}");
    assert_eq!(body["RateLimited"], retry, "{body}");
    let shown = app::error::AppError::RateLimited(retry).to_string();
    assert!(
        shown.contains(&format!("try again in {retry} seconds")),
        "{shown}"
    );
}

#[tokio::test]
async fn the_limit_per_account_and_address_holds_across_two_servers() {
    let first = TestApp::spawn_with(limits).await;
    first.admin(OWNER).await;
    let second = first.another_server_with(limits).await;
    let attacker = first.client_from(2);

    // Two failures on one server and one on the other use up three.
    for server in [&first, &first, &second] {
        let (status, _, body) = try_sign_in(server, &attacker, "wrong guess 1").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    }
    for server in [&second, &first] {
        assert_waits(&try_sign_in(server, &attacker, "wrong guess 2").await, 600);
        // The right password from that address waits too.
        assert_waits(&try_sign_in(server, &attacker, PASSWORD).await, 600);
    }
    assert_eq!(
        first
            .scalar_i64("SELECT COUNT(*) FROM abuse_event WHERE scope = 'sign_in'")
            .await,
        3
    );

    // After the window it may try again.
    first.state.clock.advance(Duration::from_secs(600));
    let (status, _, body) = try_sign_in(&first, &attacker, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn guessing_from_other_addresses_does_not_lock_the_owner_out() {
    let app = TestApp::spawn_with(limits).await;
    app.admin(OWNER).await;

    // Three addresses spend the account's five failures (3 + 2)...
    let first = app.client_from(2);
    for _ in 0..3 {
        assert_eq!(
            try_sign_in(&app, &first, "guess").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_waits(&try_sign_in(&app, &first, "guess").await, 600);
    let second = app.client_from(3);
    for _ in 0..2 {
        assert_eq!(
            try_sign_in(&app, &second, "guess").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    // ...so every address that has failed for the account now waits, even
    // below its own three.
    assert_waits(&try_sign_in(&app, &second, "guess").await, 600);
    // A new address still gets its one try, then waits as well: at most one
    // guess per address while the account is under attack.
    let third = app.client_from(4);
    assert_eq!(
        try_sign_in(&app, &third, "guess").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_waits(&try_sign_in(&app, &third, PASSWORD).await, 600);

    // The owner, from an address that has not failed, signs in.
    let owner = app.client_from(9);
    let (status, _, body) = try_sign_in(&app, &owner, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The price: while the account is over its limit, an address that has
    // failed once (the owner's own typo included) waits for the window.
    let typo = app.client_from(10);
    let (status, _, _) = try_sign_in(&app, &typo, "typo").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_waits(&try_sign_in(&app, &typo, PASSWORD).await, 600);
}

#[tokio::test]
async fn a_right_password_clears_that_addresses_failures() {
    let app = TestApp::spawn_with(limits).await;
    app.admin(OWNER).await;
    let browser = app.client_from(5);
    for _ in 0..2 {
        assert_eq!(
            try_sign_in(&app, &browser, "typo").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        try_sign_in(&app, &browser, PASSWORD).await.0,
        StatusCode::OK
    );
    for _ in 0..2 {
        assert_eq!(
            try_sign_in(&app, &browser, "typo").await.0,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        try_sign_in(&app, &browser, PASSWORD).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn unknown_emails_are_limited_like_known_ones() {
    let app = TestApp::spawn_with(limits).await;
    let browser = app.client_from(6);
    let mut last = None;
    for _ in 0..4 {
        let res = browser
            .post(format!("{}/api/auth/sign_in", app.base))
            .form(&[("email", "nobody@nowhere.example"), ("password", "guess")])
            .send()
            .await
            .expect("sign in");
        last = Some(res.status());
    }
    assert_eq!(last, Some(StatusCode::TOO_MANY_REQUESTS));
}

#[tokio::test]
async fn wrong_current_passwords_are_limited_per_account() {
    let app = TestApp::spawn_with(limits).await;
    let admin = app.admin(OWNER).await;
    let form = |current: &'static str| {
        [
            ("current_password", current),
            ("password", "a brand new passphrase"),
            ("confirm", "a brand new passphrase"),
        ]
    };
    for _ in 0..3 {
        let (status, body) = app
            .call(&admin, "profile/change_password", &form("not it at all"))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    let (status, body) = app
        .call(&admin, "profile/change_password", &form(PASSWORD))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}

#[tokio::test]
async fn a_set_password_link_takes_a_bounded_number_of_attempts() {
    let app = TestApp::spawn_with(|s| s.abuse_password_set_per_link = 2).await;
    let link = app::auth::server::create_system_admin(
        &app.state.db,
        &app.state.settings,
        "new@operator.example",
        "test",
    )
    .await
    .expect("admin");
    let token = link.rsplit('/').next().expect("token").to_string();
    let other = app
        .another_server_with(|s| s.abuse_password_set_per_link = 2)
        .await;
    for server in [&app, &other] {
        let (status, body) = server
            .call(
                &server.client(),
                "auth/set_password",
                &[
                    ("token", &token),
                    ("password", PASSWORD),
                    ("confirm", "different"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
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
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}

#[tokio::test]
async fn invitations_per_administrator_are_limited_across_servers() {
    let cap = |s: &mut Settings| s.abuse_invitations_per_hour = 2;
    let app = TestApp::spawn_with(cap).await;
    let busy = app.admin("busy@operator.example").await;
    let other = app.another_server_with(cap).await;
    let on_other = other.client();
    other
        .sign_in(&on_other, "busy@operator.example", PASSWORD)
        .await;

    let (status, body) = app
        .call(
            &busy,
            "admin/admins/invite",
            &[("email", "one@operator.example")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = other
        .call(
            &on_other,
            "admin/admins/invite",
            &[("email", "two@operator.example")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let res = busy
        .post(format!("{}/api/admin/admins/invite", app.base))
        .form(&[("email", "three@operator.example")])
        .send()
        .await
        .expect("invite");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().get("retry-after").is_some());
    // Nothing was written for the refused one.
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM app_user WHERE email = 'three@operator.example'")
            .await,
        0
    );
    // Another administrator has a budget of their own.
    let calm = app.admin("calm@operator.example").await;
    let (status, body) = app
        .call(
            &calm,
            "admin/admins/invite",
            &[("email", "three@operator.example")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
