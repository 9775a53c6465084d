//! The admin console's people: suspending and reactivating customer
//! organizations, handing an organization's Customer admin role to a new
//! person, the system administrators, and the audit trail's filters.

mod common;

use common::{link_token, TestApp, PASSWORD};
use reqwest::{Client, StatusCode};
use serde_json::Value;

const ADMIN: &str = "reviewer@operator.example";
const CUSTOMER: &str = "alpha@customer.example";
const ORG: &str = "Alpha Learning Oy";

/// Every new admin endpoint with arguments good enough to reach the role
/// check.
const ADMIN_CALLS: &[(&str, &[(&str, &str)])] = &[
    ("admin/organizations/get", &[("id", "x")]),
    (
        "admin/organizations/suspend",
        &[("id", "x"), ("reason", "Unpaid invoices")],
    ),
    ("admin/organizations/reactivate", &[("id", "x")]),
    (
        "admin/organizations/handover",
        &[("id", "x"), ("email", "new@customer.example")],
    ),
    ("admin/organizations/handover_cancel", &[("id", "x")]),
    ("admin/organizations/list", &[("q", "alpha")]),
    ("admin/admins/list", &[]),
    ("admin/admins/invite", &[("email", "new@operator.example")]),
    ("admin/admins/deactivate", &[("user_id", "x")]),
    ("admin/admins/reactivate", &[("user_id", "x")]),
    (
        "admin/audit/list",
        &[("who", "a"), ("from", "2026-01-01"), ("to", "2026-12-31")],
    ),
];

async fn with_customer() -> (TestApp, Client, Client) {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let customer = app.approved_customer(&admin, ORG, CUSTOMER).await;
    (app, admin, customer)
}

async fn organization_id(app: &TestApp, legal_name: &str) -> String {
    app.scalar_text(
        "SELECT organization_id FROM organization WHERE legal_name = $1",
        legal_name,
    )
    .await
}

async fn user_id(app: &TestApp, email: &str) -> String {
    app.scalar_text(
        "SELECT user_id FROM app_user WHERE email_normalized = $1",
        email,
    )
    .await
}

async fn user_status(app: &TestApp, email: &str) -> String {
    app.scalar_text(
        "SELECT status FROM app_user WHERE email_normalized = $1",
        email,
    )
    .await
}

/// The `(field, message)` pairs of a 422 answer.
fn field_errors(body: &Value) -> Vec<(String, String)> {
    body["Validation"]
        .as_array()
        .unwrap_or_else(|| panic!("not a validation error: {body}"))
        .iter()
        .map(|pair| {
            (
                pair[0].as_str().unwrap_or_default().to_string(),
                pair[1].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn error_fields(body: &Value) -> Vec<String> {
    field_errors(body).into_iter().map(|(f, _)| f).collect()
}

async fn ok(app: &TestApp, client: &Client, endpoint: &str, form: &[(&str, &str)]) -> Value {
    let (status, body) = app.call(client, endpoint, form).await;
    assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
    body
}

/// Sets a password through the newest invitation mailed to `email`.
async fn accept_invitation(app: &TestApp, email: &str) -> (StatusCode, Value) {
    let token = link_token(&app.last_mail(email, "invitation").await, "/set-password/");
    app.call(
        &app.client(),
        "auth/set_password",
        &[
            ("token", &token),
            ("password", PASSWORD),
            ("confirm", PASSWORD),
        ],
    )
    .await
}

async fn audit_actions(app: &TestApp, admin: &Client, filters: &[(&str, &str)]) -> Vec<String> {
    let body = ok(app, admin, "admin/audit/list", filters).await;
    body["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["action"].as_str().unwrap_or_default().to_string())
        .collect()
}

async fn sign_in_status(app: &TestApp, email: &str) -> StatusCode {
    app.call(
        &app.client(),
        "auth/sign_in",
        &[("email", email), ("password", PASSWORD)],
    )
    .await
    .0
}

#[tokio::test]
async fn every_new_admin_function_refuses_anonymous_callers_and_customer_admins() {
    let (app, _admin, customer) = with_customer().await;
    let anonymous = app.client();
    for (endpoint, args) in ADMIN_CALLS {
        let (status, body) = app.call(&anonymous, endpoint, args).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint}: {body}");
        let (status, body) = app.call(&customer, endpoint, args).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint}: {body}");
    }
    // Nothing changed on the way.
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM organization WHERE status = 'active'")
            .await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM app_user").await,
        2,
        "no user was invited"
    );
}

#[tokio::test]
async fn suspending_ends_the_customers_session_at_once_and_reactivating_lets_them_back() {
    let (app, admin, customer) = with_customer().await;
    let org = organization_id(&app, ORG).await;
    ok(&app, &customer, "org/home", &[]).await;

    // A reason is required, and bounded.
    for reason in ["", "   "] {
        let (status, body) = app
            .call(
                &admin,
                "admin/organizations/suspend",
                &[("id", &org), ("reason", reason)],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(error_fields(&body), ["reason"]);
    }
    let long = "x".repeat(1001);
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", &org), ("reason", &long)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", "no-such-org"), ("reason", "Unpaid")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    ok(&app, &customer, "org/home", &[]).await;

    ok(
        &app,
        &admin,
        "admin/organizations/suspend",
        &[
            ("id", &org),
            ("reason", "Three invoices unpaid since March."),
        ],
    )
    .await;
    // The very next call of the signed-in customer is refused.
    let (status, body) = app.call(&customer, "org/home", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(sign_in_status(&app, CUSTOMER).await, StatusCode::FORBIDDEN);
    let mail = app.last_mail(CUSTOMER, "organization_suspended").await;
    assert!(
        mail.contains("Three invoices unpaid since March."),
        "{mail}"
    );

    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", &org), ("reason", "Again")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let detail = ok(&app, &admin, "admin/organizations/get", &[("id", &org)]).await;
    assert_eq!(detail["status"], "suspended");
    assert_eq!(
        detail["status_reason"],
        "Three invoices unpaid since March."
    );
    assert_eq!(detail["admin"]["email"], CUSTOMER);
    let list = ok(
        &app,
        &admin,
        "admin/organizations/list",
        &[("status", "suspended")],
    )
    .await;
    assert_eq!(list["rows"].as_array().map(Vec::len), Some(1));
    let list = ok(
        &app,
        &admin,
        "admin/organizations/list",
        &[("status", "active")],
    )
    .await;
    assert_eq!(list["rows"].as_array().map(Vec::len), Some(0));

    ok(
        &app,
        &admin,
        "admin/organizations/reactivate",
        &[("id", &org)],
    )
    .await;
    let (status, _) = app
        .call(&admin, "admin/organizations/reactivate", &[("id", &org)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = app
        .call(
            &admin,
            "admin/organizations/reactivate",
            &[("id", "no-such-org")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.last_mail(CUSTOMER, "organization_reactivated").await;
    // The old session stays ended; signing in again works.
    let (status, _) = app.call(&customer, "org/home", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.sign_in(&customer, CUSTOMER, PASSWORD).await;
    ok(&app, &customer, "org/home", &[]).await;
    let detail = ok(&app, &admin, "admin/organizations/get", &[("id", &org)]).await;
    assert_eq!(detail["status"], "active");
    assert!(detail["status_reason"].is_null());

    let actions = audit_actions(&app, &admin, &[("action", "organization.")]).await;
    assert_eq!(
        actions,
        ["organization.reactivated", "organization.suspended"]
    );
}

#[tokio::test]
async fn the_organization_list_searches_names_and_filters_status() {
    let (app, admin, _customer) = with_customer().await;
    app.approved_customer(&admin, "Beta Consulting Ab", "beta@customer.example")
        .await;
    let names = |body: &Value| -> Vec<String> {
        body["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["legal_name"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let all = ok(&app, &admin, "admin/organizations/list", &[]).await;
    assert_eq!(names(&all), ["Beta Consulting Ab", ORG]);
    assert_eq!(all["rows"][0]["admin_email"], "beta@customer.example");
    assert_eq!(all["rows"][0]["handover_pending"], false);
    for q in ["ALPHA", "learning", "alpha learning oy"] {
        let found = ok(&app, &admin, "admin/organizations/list", &[("q", q)]).await;
        assert_eq!(names(&found), [ORG], "q={q}");
    }
    let none = ok(&app, &admin, "admin/organizations/list", &[("q", "100%_")]).await;
    assert!(names(&none).is_empty());
    let (status, body) = app
        .call(&admin, "admin/organizations/list", &[("status", "deleted")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(error_fields(&body), ["status"]);
    let (status, _) = app
        .call(&admin, "admin/organizations/get", &[("id", "no-such-org")])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_handover_keeps_the_old_admin_until_the_new_one_sets_a_password() {
    let (app, admin, old) = with_customer().await;
    let org = organization_id(&app, ORG).await;
    const NEW: &str = "beatrice@customer.example";

    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/handover",
            &[("id", &org), ("email", "not an email")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(error_fields(&body), ["email"]);
    for taken in [ADMIN, CUSTOMER, "Alpha@Customer.Example"] {
        let (status, body) = app
            .call(
                &admin,
                "admin/organizations/handover",
                &[("id", &org), ("email", taken)],
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "{taken}: {body}");
        assert!(body["Conflict"]
            .as_str()
            .unwrap_or_default()
            .contains("already belongs"));
    }
    let (status, _) = app
        .call(
            &admin,
            "admin/organizations/handover",
            &[("id", "no-such-org"), ("email", NEW)],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let new_id = ok(
        &app,
        &admin,
        "admin/organizations/handover",
        &[("id", &org), ("email", NEW)],
    )
    .await;
    assert_eq!(new_id.as_str(), Some(user_id(&app, NEW).await.as_str()));
    // Only one handover at a time.
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/handover",
            &[("id", &org), ("email", "third@customer.example")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let detail = ok(&app, &admin, "admin/organizations/get", &[("id", &org)]).await;
    assert_eq!(detail["admin"]["email"], CUSTOMER);
    assert_eq!(detail["admin"]["status"], "active");
    assert_eq!(detail["pending"]["email"], NEW);
    assert!(detail["pending"]["invitation_expires_at"].is_i64());
    let list = ok(&app, &admin, "admin/organizations/list", &[]).await;
    assert_eq!(list["rows"][0]["admin_email"], CUSTOMER);
    assert_eq!(list["rows"][0]["handover_pending"], true);

    // Until the new person sets a password, nothing changes for the old one.
    ok(&app, &old, "org/home", &[]).await;
    assert_eq!(sign_in_status(&app, NEW).await, StatusCode::UNAUTHORIZED);
    // A re-sent invitation replaces the first link.
    let first = link_token(&app.last_mail(NEW, "invitation").await, "/set-password/");
    ok(
        &app,
        &admin,
        "admin/invitations/resend",
        &[("user_id", new_id.as_str().unwrap_or_default())],
    )
    .await;
    let (status, _) = app
        .call(
            &app.client(),
            "auth/set_password",
            &[
                ("token", &first),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::GONE);
    ok(&app, &old, "org/home", &[]).await;

    let (status, body) = accept_invitation(&app, NEW).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The previous admin's session is refused at once, and so is signing in.
    let (status, _) = app.call(&old, "org/home", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        sign_in_status(&app, CUSTOMER).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(user_status(&app, CUSTOMER).await, "deactivated");
    let new = app.client();
    app.sign_in(&new, NEW, PASSWORD).await;
    let home = ok(&app, &new, "org/home", &[]).await;
    assert_eq!(home["legal_name"], ORG);
    assert_eq!(home["admin_email"], NEW);
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM app_user WHERE role = 'customer_admin' AND status = 'active'"
        )
        .await,
        1
    );
    let mail = app.last_mail(CUSTOMER, "admin_handover").await;
    assert!(mail.contains(NEW), "{mail}");

    let detail = ok(&app, &admin, "admin/organizations/get", &[("id", &org)]).await;
    assert_eq!(detail["admin"]["email"], NEW);
    assert!(detail["pending"].is_null());
    let actions = audit_actions(&app, &admin, &[("action", "organization.handover")]).await;
    assert_eq!(
        actions,
        [
            "organization.handover_completed",
            "organization.handover_started"
        ]
    );
    // A later password reset of the new admin changes nobody else.
    let (status, _) = app
        .call(&app.client(), "auth/forgot_password", &[("email", NEW)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(user_status(&app, NEW).await, "active");
}

#[tokio::test]
async fn a_cancelled_handover_frees_the_address_and_its_link_stops_working() {
    let (app, admin, old) = with_customer().await;
    let org = organization_id(&app, ORG).await;
    const NEW: &str = "beatrice@customer.example";

    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/handover_cancel",
            &[("id", &org)],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = app
        .call(
            &admin,
            "admin/organizations/handover_cancel",
            &[("id", "no-such-org")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    ok(
        &app,
        &admin,
        "admin/organizations/handover",
        &[("id", &org), ("email", NEW)],
    )
    .await;
    let token = link_token(&app.last_mail(NEW, "invitation").await, "/set-password/");
    ok(
        &app,
        &admin,
        "admin/organizations/handover_cancel",
        &[("id", &org)],
    )
    .await;
    app.last_mail(NEW, "invitation_withdrawn").await;
    let (status, _) = app
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
    assert_eq!(status, StatusCode::GONE);
    ok(&app, &old, "org/home", &[]).await;
    assert_eq!(user_status(&app, CUSTOMER).await, "active");
    let detail = ok(&app, &admin, "admin/organizations/get", &[("id", &org)]).await;
    assert!(detail["pending"].is_null());

    // The same address can be invited again, and this time it completes.
    ok(
        &app,
        &admin,
        "admin/organizations/handover",
        &[("id", &org), ("email", NEW)],
    )
    .await;
    let (status, body) = accept_invitation(&app, NEW).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = app.call(&old, "org/home", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .call(
            &admin,
            "admin/organizations/handover_cancel",
            &[("id", &org)],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "nothing left to cancel");
    let actions = audit_actions(&app, &admin, &[("action", "organization.handover_c")]).await;
    assert_eq!(
        actions,
        [
            "organization.handover_completed",
            "organization.handover_cancelled"
        ]
    );
}

#[tokio::test]
async fn a_handover_before_the_first_admin_signed_in_retires_the_first_invitation() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    let id = app.claimed_application(&admin, ORG, CUSTOMER).await;
    ok(&app, &admin, "admin/applications/approve", &[("id", &id)]).await;
    let org = organization_id(&app, ORG).await;
    const NEW: &str = "beatrice@customer.example";
    ok(
        &app,
        &admin,
        "admin/organizations/handover",
        &[("id", &org), ("email", NEW)],
    )
    .await;
    let detail = ok(&app, &admin, "admin/organizations/get", &[("id", &org)]).await;
    assert_eq!(detail["admin"]["email"], CUSTOMER);
    assert_eq!(detail["pending"]["email"], NEW);

    let (status, body) = accept_invitation(&app, NEW).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(user_status(&app, CUSTOMER).await, "deactivated");
    // The first person's link no longer works.
    let (status, _) = accept_invitation(&app, CUSTOMER).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM app_user WHERE role = 'customer_admin' AND status <> 'deactivated'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn system_administrators_are_invited_deactivated_and_reactivated() {
    let app = TestApp::spawn().await;
    let admin = app.admin(ADMIN).await;
    const OTHER: &str = "bob@operator.example";

    let (status, body) = app
        .call(&admin, "admin/admins/invite", &[("email", "bob@")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(error_fields(&body), ["email"]);
    let (status, body) = app
        .call(
            &admin,
            "admin/admins/invite",
            &[("email", "Reviewer@Operator.Example")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    let other_id = ok(&app, &admin, "admin/admins/invite", &[("email", OTHER)]).await;
    let other_id = other_id.as_str().expect("id").to_string();
    let list = ok(&app, &admin, "admin/admins/list", &[]).await;
    let rows = list.as_array().expect("list");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["email"], ADMIN);
    assert_eq!(rows[0]["is_me"], true);
    assert_eq!(rows[1]["email"], OTHER);
    assert_eq!(rows[1]["status"], "invited");
    assert!(rows[1]["invitation_expires_at"].is_i64());

    // A new link replaces the first one.
    let first = link_token(&app.last_mail(OTHER, "invitation").await, "/set-password/");
    ok(
        &app,
        &admin,
        "admin/invitations/resend",
        &[("user_id", &other_id)],
    )
    .await;
    let second = link_token(&app.last_mail(OTHER, "invitation").await, "/set-password/");
    assert_ne!(first, second);
    let (status, body) = accept_invitation(&app, OTHER).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let other = app.client();
    app.sign_in(&other, OTHER, PASSWORD).await;
    ok(&app, &other, "admin/admins/list", &[]).await;

    let my_id = user_id(&app, ADMIN).await;
    let (status, body) = app
        .call(&admin, "admin/admins/deactivate", &[("user_id", &my_id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, _) = app
        .call(
            &admin,
            "admin/admins/deactivate",
            &[("user_id", "no-such-user")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A Customer admin is not a system administrator.
    app.approved_customer(&admin, ORG, CUSTOMER).await;
    let customer_id = user_id(&app, CUSTOMER).await;
    let (status, _) = app
        .call(
            &admin,
            "admin/admins/deactivate",
            &[("user_id", &customer_id)],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    ok(
        &app,
        &admin,
        "admin/admins/deactivate",
        &[("user_id", &other_id)],
    )
    .await;
    let (status, _) = app.call(&other, "admin/admins/list", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "sessions end at once");
    assert_eq!(sign_in_status(&app, OTHER).await, StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .call(&admin, "admin/admins/deactivate", &[("user_id", &other_id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    ok(
        &app,
        &admin,
        "admin/admins/reactivate",
        &[("user_id", &other_id)],
    )
    .await;
    let (status, _) = app
        .call(&admin, "admin/admins/reactivate", &[("user_id", &other_id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = app
        .call(
            &admin,
            "admin/admins/reactivate",
            &[("user_id", "no-such-user")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // The old session stays ended; the password still works.
    let (status, _) = app.call(&other, "admin/admins/list", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.sign_in(&other, OTHER, PASSWORD).await;
    ok(&app, &other, "admin/admins/list", &[]).await;

    // An invited administrator deactivated and reactivated is invited again.
    let third = ok(
        &app,
        &admin,
        "admin/admins/invite",
        &[("email", "carol@operator.example")],
    )
    .await;
    let third = third.as_str().expect("id").to_string();
    ok(
        &app,
        &admin,
        "admin/admins/deactivate",
        &[("user_id", &third)],
    )
    .await;
    let (status, _) = accept_invitation(&app, "carol@operator.example").await;
    assert_eq!(status, StatusCode::GONE);
    ok(
        &app,
        &admin,
        "admin/admins/reactivate",
        &[("user_id", &third)],
    )
    .await;
    assert_eq!(user_status(&app, "carol@operator.example").await, "invited");

    let actions = audit_actions(&app, &admin, &[("action", "user.")]).await;
    for expected in ["user.invited", "user.deactivated", "user.reactivated"] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected}: {actions:?}"
        );
    }
}

#[tokio::test]
async fn two_administrators_deactivating_each_other_at_once_leave_one() {
    let app = TestApp::spawn().await;
    for round in 0..3 {
        let a_email = format!("a{round}@operator.example");
        let b_email = format!("b{round}@operator.example");
        let a = app.admin(&a_email).await;
        let b = app.admin(&b_email).await;
        let a_id = user_id(&app, &a_email).await;
        let b_id = user_id(&app, &b_email).await;
        let before = app
            .scalar_i64(
                "SELECT COUNT(*) FROM app_user WHERE role = 'system_admin' AND status = 'active'",
            )
            .await;
        let (form_a, form_b) = ([("user_id", b_id.as_str())], [("user_id", a_id.as_str())]);
        let ((sa, _), (sb, _)) = tokio::join!(
            app.call(&a, "admin/admins/deactivate", &form_a),
            app.call(&b, "admin/admins/deactivate", &form_b),
        );
        let mut statuses = [sa, sb];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::UNAUTHORIZED],
            "round {round}"
        );
        let after = app
            .scalar_i64(
                "SELECT COUNT(*) FROM app_user WHERE role = 'system_admin' AND status = 'active'",
            )
            .await;
        assert_eq!(after, before - 1, "round {round}");
    }
}

#[tokio::test]
async fn the_audit_trail_filters_by_who_what_organization_and_dates() {
    let (app, admin, _customer) = with_customer().await;
    let org = organization_id(&app, ORG).await;
    app.approved_customer(&admin, "Beta Consulting Ab", "beta@customer.example")
        .await;
    ok(
        &app,
        &admin,
        "admin/organizations/suspend",
        &[("id", &org), ("reason", "Unpaid")],
    )
    .await;

    // Bad dates are field errors.
    for (from, to, fields) in [
        ("yesterday", "", vec!["from"]),
        ("2026-02-30", "", vec!["from"]),
        ("", "2026-13-01", vec!["to"]),
        ("2026-1-1x", "26-01-01", vec!["from", "to"]),
        ("2026-06-02", "2026-06-01", vec!["to"]),
    ] {
        let (status, body) = app
            .call(&admin, "admin/audit/list", &[("from", from), ("to", to)])
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{from} {to}: {body}"
        );
        assert_eq!(error_fields(&body), fields, "{from} {to}");
    }
    let long = "x".repeat(201);
    let (status, body) = app
        .call(&admin, "admin/audit/list", &[("who", &long)])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(error_fields(&body), ["who"]);
    let (status, _) = app
        .call(&admin, "admin/audit/list", &[("before", "garbage")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Who: part of the actor's label, any case.
    let mine = audit_actions(&app, &admin, &[("who", "REVIEWER@")]).await;
    assert!(mine.contains(&"organization.suspended".to_string()));
    assert!(mine.contains(&"application.approved".to_string()));
    assert!(!mine.contains(&"user.password_set".to_string()));
    assert!(audit_actions(&app, &admin, &[("who", "nobody%")])
        .await
        .is_empty());

    // Organization: by id, or by part of the name.
    let by_id = audit_actions(&app, &admin, &[("organization", &org)]).await;
    let by_name = audit_actions(&app, &admin, &[("organization", "alpha")]).await;
    assert_eq!(by_id, by_name);
    assert!(by_id.contains(&"organization.suspended".to_string()));
    assert_eq!(
        by_id.len() as i64,
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE organization_id = '{org}'"
        ))
        .await
    );
    let beta = audit_actions(&app, &admin, &[("organization", "Beta Consulting")]).await;
    assert!(!beta.is_empty());
    assert!(!beta.contains(&"organization.suspended".to_string()));

    // Dates, UTC, both ends included.
    let today = app::format::time(app::server::now_ms())[..10].to_string();
    let all = audit_actions(&app, &admin, &[]).await;
    assert_eq!(
        audit_actions(&app, &admin, &[("from", &today), ("to", &today)]).await,
        all
    );
    assert!(audit_actions(&app, &admin, &[("to", "2020-01-01")])
        .await
        .is_empty());
    assert!(audit_actions(&app, &admin, &[("from", "9999-12-31")])
        .await
        .is_empty());

    // Everything together.
    let combined = audit_actions(
        &app,
        &admin,
        &[
            ("who", "reviewer"),
            ("action", "organization."),
            ("organization", "alpha"),
            ("from", &today),
        ],
    )
    .await;
    assert_eq!(combined, ["organization.suspended"]);
}

#[tokio::test]
async fn filtered_audit_pages_keep_their_filters() {
    let (app, admin, _customer) = with_customer().await;
    let org = organization_id(&app, ORG).await;
    // 240 entries alternating between two actors, one millisecond apart,
    // all in 2026-03-01 (UTC).
    let base: i64 = 1_772_323_200_000;
    for i in 0..240_i64 {
        let actor = if i % 2 == 0 {
            "even@ops.example"
        } else {
            "odd@ops.example"
        };
        sqlx::query(
            "INSERT INTO audit_log (audit_id, at, actor_user_id, actor_label, action, subject_kind, subject_id, organization_id, detail)
             VALUES ($1, $2, NULL, $3, 'test.bulk', 'test', $4, $5, '')",
        )
        .bind(format!("bulk-{i:04}"))
        .bind(base + i)
        .bind(actor)
        .bind(i.to_string())
        .bind(if i < 200 { Some(org.as_str()) } else { None })
        .execute(app.state.db.pool())
        .await
        .expect("insert");
    }
    let filters = [
        ("who", "even@"),
        ("organization", org.as_str()),
        ("from", "2026-03-01"),
        ("to", "2026-03-01"),
    ];
    let mut seen = Vec::new();
    let mut before = String::new();
    for page in 0.. {
        let mut form: Vec<(&str, &str)> = filters.to_vec();
        form.push(("before", &before));
        let body = ok(&app, &admin, "admin/audit/list", &form).await;
        for row in body["rows"].as_array().expect("rows") {
            assert_eq!(row["actor"], "even@ops.example");
            seen.push(row["at"].as_i64().expect("at"));
        }
        match body["older"].as_str() {
            Some(cursor) => before = cursor.to_string(),
            None => break,
        }
        assert!(page < 4, "too many pages");
    }
    let expected: Vec<i64> = (0..200)
        .rev()
        .filter(|i| i % 2 == 0)
        .map(|i| base + i)
        .collect();
    assert_eq!(seen, expected);
    // 2026-03-02 has none of them.
    assert!(audit_actions(
        &app,
        &admin,
        &[
            ("action", "test."),
            ("from", "2026-03-02"),
            ("to", "2026-03-02")
        ]
    )
    .await
    .is_empty());
}

#[tokio::test]
async fn the_organization_administrators_and_audit_pages_render() {
    let (app, admin, _customer) = with_customer().await;
    let org = organization_id(&app, ORG).await;
    ok(
        &app,
        &admin,
        "admin/organizations/handover",
        &[("id", &org), ("email", "beatrice@customer.example")],
    )
    .await;
    ok(
        &app,
        &admin,
        "admin/admins/invite",
        &[("email", "bob@operator.example")],
    )
    .await;
    let page = |path: String| {
        let request = admin.get(format!("{}{path}", app.base)).send();
        async move {
            let res = request.await.expect("page");
            (res.status(), res.text().await.expect("html"))
        }
    };

    let (status, html) = page(format!("/admin/organizations/{org}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(ORG), "{html}");
    assert!(html.contains("data-testid=\"suspend-form\""));
    assert!(html.contains("beatrice@customer.example"));
    assert!(html.contains("data-testid=\"cancel-handover\""));

    let (status, html) = page("/admin/organizations?q=alpha".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains(&format!("href=\"/admin/organizations/{org}\"")),
        "{html}"
    );
    assert!(html.contains("handover pending"));

    let (status, html) = page("/admin/admins".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("bob@operator.example"), "{html}");
    assert!(html.contains("data-testid=\"deactivate-admin\""));
    assert!(html.contains("data-testid=\"invite-admin-form\""));
    assert!(html.contains("href=\"/admin/admins\""), "nav link");

    let (status, html) = page("/admin/audit?who=reviewer&from=2020-01-01".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("data-testid=\"audit-row\""), "{html}");
    assert!(html.contains("organization.handover_started"));
    let (status, html) = page("/admin/audit?from=not-a-date".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Enter a date as YYYY-MM-DD."), "{html}");
}
