//! Profile (change password, forgot password, sign out everywhere) and the
//! Customer admin's organization details.

mod common;

use common::{link_token, TestApp, PASSWORD};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const NEW_PASSWORD: &str = "a brand new password for tests";
const EMAIL: &str = "alpha@customer.example";

async fn with_customer() -> (TestApp, Client, Client) {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Alpha Learning Oy", EMAIL)
        .await;
    (app, admin, customer)
}

fn has_field_error(body: &Value, field: &str) -> bool {
    body["Validation"]
        .as_array()
        .is_some_and(|errors| errors.iter().any(|e| e[0] == field))
}

async fn home_status(app: &TestApp, client: &Client) -> StatusCode {
    app.call(client, "org/home", &[]).await.0
}

async fn sign_in_status(app: &TestApp, email: &str, password: &str) -> StatusCode {
    app.call(
        &app.client(),
        "auth/sign_in",
        &[("email", email), ("password", password)],
    )
    .await
    .0
}

async fn audit_count(app: &TestApp, action: &str) -> i64 {
    app.scalar_i64(&format!(
        "SELECT COUNT(*) FROM audit_log WHERE action = '{action}'"
    ))
    .await
}

#[tokio::test]
async fn changing_the_password_needs_the_right_current_password() {
    let (app, _admin, customer) = with_customer().await;
    let (status, body) = app
        .call(
            &customer,
            "profile/change_password",
            &[
                ("current_password", "not the right password"),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(has_field_error(&body, "current_password"), "{body}");
    assert_eq!(sign_in_status(&app, EMAIL, PASSWORD).await, StatusCode::OK);
    assert_ne!(
        sign_in_status(&app, EMAIL, NEW_PASSWORD).await,
        StatusCode::OK
    );
    assert_eq!(audit_count(&app, "user.password_changed").await, 0);

    let (status, body) = app
        .call(
            &customer,
            "profile/change_password",
            &[
                ("current_password", PASSWORD),
                ("password", NEW_PASSWORD),
                ("confirm", "something else entirely"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(has_field_error(&body, "confirm"), "{body}");
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions_but_keeps_this_one() {
    let (app, _admin, customer) = with_customer().await;
    let other = app.client();
    app.sign_in(&other, EMAIL, PASSWORD).await;
    assert_eq!(home_status(&app, &other).await, StatusCode::OK);

    let (status, body) = app
        .call(
            &customer,
            "profile/change_password",
            &[
                ("current_password", PASSWORD),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(home_status(&app, &customer).await, StatusCode::OK);
    assert_eq!(home_status(&app, &other).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        sign_in_status(&app, EMAIL, NEW_PASSWORD).await,
        StatusCode::OK
    );
    assert_ne!(sign_in_status(&app, EMAIL, PASSWORD).await, StatusCode::OK);
    assert_eq!(audit_count(&app, "user.password_changed").await, 1);

    let (status, _) = app
        .call(
            &app.client(),
            "profile/change_password",
            &[
                ("current_password", NEW_PASSWORD),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn forgot_password_answers_the_same_for_known_and_unknown_emails() {
    let (app, _admin, _customer) = with_customer().await;
    let known = app
        .call(&app.client(), "auth/forgot_password", &[("email", EMAIL)])
        .await;
    let unknown = app
        .call(
            &app.client(),
            "auth/forgot_password",
            &[("email", "nobody@nowhere.example")],
        )
        .await;
    assert_eq!(known.0, StatusCode::OK, "{}", known.1);
    assert_eq!(known, unknown);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE kind = 'password_reset'")
            .await,
        1
    );
    let mail = app.last_mail(EMAIL, "password_reset").await;
    assert!(mail.contains("/set-password/"), "{mail}");

    let (status, body) = app
        .call(
            &app.client(),
            "auth/forgot_password",
            &[("email", "not an email")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[tokio::test]
async fn the_forgot_password_link_sets_a_new_password_once_and_expires() {
    let (app, _admin, customer) = with_customer().await;
    app.call(&app.client(), "auth/forgot_password", &[("email", EMAIL)])
        .await;
    let token = link_token(
        &app.last_mail(EMAIL, "password_reset").await,
        "/set-password/",
    );
    let lifetime = app
        .scalar_i64("SELECT MAX(expires_at - created_at) FROM user_token WHERE used_at IS NULL")
        .await;
    assert_eq!(lifetime, 3_600_000);
    let form = [
        ("token", token.as_str()),
        ("password", NEW_PASSWORD),
        ("confirm", NEW_PASSWORD),
    ];
    let (status, body) = app.call(&app.client(), "auth/set_password", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(home_status(&app, &customer).await, StatusCode::UNAUTHORIZED);
    assert_eq!(
        sign_in_status(&app, EMAIL, NEW_PASSWORD).await,
        StatusCode::OK
    );
    let (status, _) = app.call(&app.client(), "auth/set_password", &form).await;
    assert_eq!(status, StatusCode::GONE);

    app.call(&app.client(), "auth/forgot_password", &[("email", EMAIL)])
        .await;
    let token = link_token(
        &app.last_mail(EMAIL, "password_reset").await,
        "/set-password/",
    );
    sqlx::query("UPDATE user_token SET expires_at = 1 WHERE used_at IS NULL")
        .execute(app.state.db.pool())
        .await
        .expect("expire");
    let (status, _) = app
        .call(
            &app.client(),
            "auth/set_password",
            &[
                ("token", token.as_str()),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(
        sign_in_status(&app, EMAIL, NEW_PASSWORD).await,
        StatusCode::OK
    );
}

#[tokio::test]
async fn forgot_password_is_rate_limited_per_address() {
    let app = TestApp::spawn_with(|s| s.rate_password_per_minute = 3).await;
    for n in 0..3 {
        let email = format!("someone{n}@nowhere.example");
        let (status, body) = app
            .call(&app.client(), "auth/forgot_password", &[("email", &email)])
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, _) = app
        .call(
            &app.client(),
            "auth/forgot_password",
            &[("email", "someone-else@nowhere.example")],
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_other_session() {
    let (app, admin, customer) = with_customer().await;
    let other = app.client();
    app.sign_in(&other, EMAIL, PASSWORD).await;
    let (status, body) = app
        .call(&customer, "profile/sign_out_everywhere", &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(home_status(&app, &customer).await, StatusCode::OK);
    assert_eq!(home_status(&app, &other).await, StatusCode::UNAUTHORIZED);
    assert_eq!(audit_count(&app, "user.signed_out_everywhere").await, 1);
    // A system administrator may do it too; nobody signed in may not.
    let (status, _) = app.call(&admin, "profile/sign_out_everywhere", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = app
        .call(&app.client(), "profile/sign_out_everywhere", &[])
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

fn details<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("details[street_address]", "Aleksanterinkatu 5"),
        ("details[postal_code]", "00170"),
        ("details[city]", "Espoo"),
        ("details[website]", "https://alpha.example.com"),
        ("details[contact_name]", "Grace Hopper"),
        ("details[contact_email]", "grace@alpha.example"),
        ("details[phone]", "+358 9 123 4567"),
    ];
    for (key, value) in overrides {
        if let Some(slot) = form.iter_mut().find(|(k, _)| k == key) {
            slot.1 = value;
        }
    }
    form
}

#[tokio::test]
async fn organization_details_update_is_validated_and_audited() {
    let (app, _admin, customer) = with_customer().await;
    let (status, body) = app
        .call(
            &customer,
            "org/details/update",
            &details(&[("details[phone]", "call me"), ("details[postal_code]", "")]),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(has_field_error(&body, "phone"), "{body}");
    assert!(has_field_error(&body, "postal_code"), "{body}");
    let (_, home) = app.call(&customer, "org/home", &[]).await;
    assert_eq!(home["city"], "Helsinki");
    assert_eq!(audit_count(&app, "organization.details_updated").await, 0);

    let (status, body) = app
        .call(&customer, "org/details/update", &details(&[]))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, home) = app.call(&customer, "org/home", &[]).await;
    assert_eq!(home["city"], "Espoo");
    assert_eq!(home["contact_email"], "grace@alpha.example");
    assert_eq!(home["phone"], "+358 9 123 4567");
    assert_eq!(home["legal_name"], "Alpha Learning Oy");
    assert_eq!(audit_count(&app, "organization.details_updated").await, 1);
    let detail = app
        .scalar_text(
            "SELECT detail FROM audit_log WHERE action = $1",
            "organization.details_updated",
        )
        .await;
    assert!(
        detail.contains("Helsinki") && detail.contains("Espoo"),
        "{detail}"
    );

    // The website is optional and can be cleared.
    let (status, _) = app
        .call(
            &customer,
            "org/details/update",
            &details(&[("details[website]", "")]),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, home) = app.call(&customer, "org/home", &[]).await;
    assert!(home["website"].is_null(), "{home}");
}

#[tokio::test]
async fn organization_details_belong_to_the_callers_organization_only() {
    let (app, admin, alpha) = with_customer().await;
    let beta = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let (status, _) = app.call(&beta, "org/details/update", &details(&[])).await;
    assert_eq!(status, StatusCode::OK);
    let (_, home) = app.call(&alpha, "org/home", &[]).await;
    assert_eq!(home["city"], "Helsinki");
    let (_, home) = app.call(&beta, "org/home", &[]).await;
    assert_eq!(home["city"], "Espoo");

    let (status, _) = app.call(&admin, "org/details/update", &details(&[])).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .call(&app.client(), "org/details/update", &details(&[]))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_profile_forgot_password_and_details_pages_render() {
    let (app, _admin, customer) = with_customer().await;
    let page = |client: &Client, path: &str| {
        let request = client.get(format!("{}{path}", app.base)).send();
        async move {
            let res = request.await.expect("page");
            (res.status(), res.text().await.expect("html"))
        }
    };
    let (status, profile) = page(&customer, "/profile").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        profile.contains("data-testid=\"change-password-form\""),
        "{profile}"
    );
    assert!(profile.contains("data-testid=\"sign-out-everywhere\""));
    assert!(profile.contains("data-testid=\"profile-link\""));
    let (_, details) = page(&customer, "/org/details").await;
    assert!(
        details.contains("data-testid=\"org-details-form\""),
        "{details}"
    );
    assert!(details.contains("value=\"Helsinki\""), "{details}");
    let (_, sign_in) = page(&app.client(), "/sign-in").await;
    assert!(sign_in.contains("href=\"/forgot-password\""));
    let (status, forgot) = page(&app.client(), "/forgot-password").await;
    assert_eq!(status, StatusCode::OK);
    assert!(forgot.contains("data-testid=\"forgot-password-form\""));
}

#[tokio::test]
async fn a_plain_forgot_password_form_post_answers_the_same_redirect_either_way() {
    let (app, _admin, _customer) = with_customer().await;
    let post = |email: &'static str| {
        let request = app
            .client()
            .post(format!("{}/api/auth/forgot_password", app.base))
            .header("accept", "text/html")
            .form(&[("email", email)])
            .send();
        async move {
            let res = request.await.expect("post");
            let location = res
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            (res.status(), location)
        }
    };
    let known = post(EMAIL).await;
    let unknown = post("nobody@nowhere.example").await;
    assert!(known.0.is_redirection(), "{known:?}");
    assert_eq!(known, unknown);
    assert_eq!(known.1.as_deref(), Some("/forgot-password?sent=1"));
}
