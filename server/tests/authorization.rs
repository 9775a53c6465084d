//! The authorization matrix: every server function the router serves is
//! called as an anonymous visitor, as the Customer admin of organization A,
//! as the Customer admin of organization B holding A's ids, as the Customer
//! admin of a suspended organization, and as a system administrator, and each answer is checked against one declared table of
//! who may call what. A server function missing from the table fails the
//! test, so a new one cannot ship without a decision about who may call it.
//!
//! The same walk checks that every function is POST-only, that a
//! cross-site request is refused, and that B's answers never carry A's data.

mod common;

use std::collections::BTreeSet;

use common::commerce::{attendee, billing_account, buy_ok, published_service};
use common::{random_key, TestApp};
use reqwest::{Client, StatusCode};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    /// Anyone, signed in or not (public forms, link holders).
    Public,
    /// Any signed-in person.
    SignedIn,
    Customer,
    Admin,
}

/// Who may call each server function, by its path under `/api/`.
const TABLE: &[(&str, Who)] = &[
    ("applications/submit", Who::Public),
    ("applications/status", Who::Public),
    ("applications/respond", Who::Public),
    ("applications/withdraw", Who::Public),
    ("auth/me", Who::Public),
    ("auth/sign_in", Who::Public),
    ("auth/sign_in_code", Who::Public),
    ("auth/sign_out", Who::Public),
    ("auth/link", Who::Public),
    ("auth/set_password", Who::Public),
    ("auth/forgot_password", Who::Public),
    ("support/contact", Who::Public),
    ("privacy/facts", Who::Public),
    ("profile/change_password", Who::SignedIn),
    ("profile/sign_out_everywhere", Who::SignedIn),
    ("profile/two_step/status", Who::Admin),
    ("profile/two_step/start", Who::Admin),
    ("profile/two_step/confirm", Who::Admin),
    ("profile/two_step/new_codes", Who::Admin),
    ("profile/two_step/codes_saved", Who::Admin),
    ("profile/two_step/regenerate", Who::Admin),
    ("profile/two_step/disable", Who::Admin),
    ("org/home", Who::Customer),
    ("org/details/update", Who::Customer),
    ("org/time_zone/get", Who::Customer),
    ("org/time_zone/update", Who::Customer),
    ("org/billing/list", Who::Customer),
    ("org/billing/create", Who::Customer),
    ("org/billing/update", Who::Customer),
    ("org/billing/set_default", Who::Customer),
    ("org/billing/archive", Who::Customer),
    ("org/billing/restore", Who::Customer),
    ("org/attendees/list", Who::Customer),
    ("org/attendees/create", Who::Customer),
    ("org/attendees/update", Who::Customer),
    ("org/attendees/delete", Who::Customer),
    ("org/attendees/export", Who::Customer),
    ("org/attendees/import", Who::Customer),
    ("org/attendees/personal_data", Who::Customer),
    ("org/attendees/erase", Who::Customer),
    ("org/catalog/list", Who::Customer),
    ("org/catalog/get", Who::Customer),
    ("org/orders/create", Who::Customer),
    ("org/orders/list", Who::Customer),
    ("org/orders/cancel", Who::Customer),
    ("org/courses/list", Who::Customer),
    ("org/courses/get", Who::Customer),
    ("org/courses/open", Who::Customer),
    ("org/courses/create", Who::Customer),
    ("org/courses/attendees", Who::Customer),
    ("org/courses/withdraw", Who::Customer),
    ("org/expenses/list", Who::Customer),
    ("org/expenses/totals", Who::Customer),
    ("org/expenses/export", Who::Customer),
    ("org/utilization", Who::Customer),
    ("org/dashboard", Who::Customer),
    ("support/open", Who::Customer),
    ("support/list", Who::Customer),
    ("support/thread", Who::Customer),
    ("support/reply", Who::Customer),
    ("admin/applications/counts", Who::Admin),
    ("admin/applications/list", Who::Admin),
    ("admin/applications/get", Who::Admin),
    ("admin/applications/claim", Who::Admin),
    ("admin/applications/request_info", Who::Admin),
    ("admin/applications/approve", Who::Admin),
    ("admin/applications/reject", Who::Admin),
    ("admin/invitations/resend", Who::Admin),
    ("admin/organizations/list", Who::Admin),
    ("admin/organizations/get", Who::Admin),
    ("admin/organizations/suspend", Who::Admin),
    ("admin/organizations/reactivate", Who::Admin),
    ("admin/organizations/handover", Who::Admin),
    ("admin/organizations/handover_cancel", Who::Admin),
    ("admin/admins/list", Who::Admin),
    ("admin/admins/invite", Who::Admin),
    ("admin/admins/deactivate", Who::Admin),
    ("admin/admins/reactivate", Who::Admin),
    ("admin/outbox/list", Who::Admin),
    ("admin/outbox/retry", Who::Admin),
    ("admin/audit/list", Who::Admin),
    ("admin/support/inbox", Who::Admin),
    ("admin/support/thread", Who::Admin),
    ("admin/support/reply", Who::Admin),
    ("admin/catalog/list", Who::Admin),
    ("admin/catalog/get", Who::Admin),
    ("admin/catalog/create", Who::Admin),
    ("admin/catalog/update", Who::Admin),
    ("admin/catalog/set_status", Who::Admin),
    ("admin/courses/list", Who::Admin),
    ("admin/courses/get", Who::Admin),
    ("admin/courses/decide", Who::Admin),
    ("admin/courses/attendance", Who::Admin),
    ("admin/reports", Who::Admin),
];

/// Calls that end the caller's own session (or others'): made last, each
/// from a session of its own, so the walk keeps its signed-in clients.
const SESSION_ENDING: &[&str] = &[
    "auth/sign_out",
    "auth/sign_in",
    "auth/set_password",
    "profile/change_password",
    "profile/sign_out_everywhere",
];

/// What organization A owns, and strings only A's data contains.
struct Owned {
    billing_account: String,
    attendee: String,
    order: String,
    course_application: String,
    thread: String,
    service: String,
    markers: Vec<String>,
}

/// Arguments for a call: A's ids wherever a function takes an id, and
/// otherwise values good enough to get past decoding.
fn args(path: &str, a: &Owned) -> Vec<(String, String)> {
    let pairs: Vec<(&str, &str)> = match path {
        "org/billing/update" => vec![
            ("id", &a.billing_account),
            ("account[name]", "Taken over"),
            ("account[invoicing_address]", "Somewhere 1\n00100 Helsinki"),
            ("account[vat_id]", "FI12345678"),
        ],
        "org/billing/set_default" | "org/billing/archive" | "org/billing/restore" => {
            vec![("id", &a.billing_account)]
        }
        "org/attendees/update" => vec![
            ("id", &a.attendee),
            ("attendee[name]", "Taken Over"),
            ("attendee[email]", "taken@over.example"),
        ],
        // Erase without its confirmation box: A gets 422 and keeps the
        // attendee the later calls name; B must get 404 all the same.
        "org/attendees/delete" | "org/attendees/personal_data" | "org/attendees/erase" => {
            vec![("id", &a.attendee)]
        }
        "org/attendees/import" => vec![("csv", "name,email\nNew Person,new@person.example\n")],
        "org/attendees/create" => vec![
            ("attendee[name]", "New Person"),
            ("attendee[email]", "new@person.example"),
        ],
        "org/billing/create" => vec![
            ("account[name]", "Another"),
            ("account[invoicing_address]", "Somewhere 1\n00100 Helsinki"),
            ("account[vat_id]", "FI12345678"),
        ],
        "org/catalog/get" => vec![("id", &a.service)],
        "org/orders/create" => vec![
            ("service_id", &a.service),
            ("billing_account_id", &a.billing_account),
            ("quantity", "1"),
        ],
        "org/orders/cancel" => vec![("id", &a.order)],
        "org/courses/get" | "org/courses/withdraw" => vec![("id", &a.course_application)],
        "org/courses/attendees" => vec![
            ("id", &a.course_application),
            ("attendee_ids[0]", &a.attendee),
        ],
        "org/courses/create" => vec![
            ("service_id", &a.service),
            ("billing_account_id", &a.billing_account),
            ("attendee_ids[0]", &a.attendee),
        ],
        "support/thread" | "support/reply" => vec![("id", &a.thread), ("message", "Hello there")],
        "support/open" => vec![("subject", "A question"), ("message", "What about it?")],
        "support/contact" => vec![
            ("name", "Visitor"),
            ("email", "visitor@example.com"),
            ("message", "How do I apply?"),
        ],
        "admin/courses/get" | "admin/courses/decide" => {
            vec![("id", &a.course_application), ("decision", "waitlist")]
        }
        "admin/courses/attendance" => vec![
            ("id", &a.course_application),
            ("attendee_id", &a.attendee),
            ("attended", "true"),
        ],
        "admin/catalog/get" | "admin/catalog/update" | "admin/catalog/set_status" => vec![
            ("id", &a.service),
            ("status", "published"),
            ("service[title]", "Renamed"),
        ],
        "admin/catalog/create" => vec![("service[title]", "New draft")],
        "admin/support/thread" | "admin/support/reply" => {
            vec![("id", &a.thread), ("message", "An answer")]
        }
        "org/time_zone/update" => vec![("time_zone", "Europe/Stockholm")],
        "org/expenses/list" | "org/expenses/totals" | "org/expenses/export" => {
            vec![("account", &a.billing_account)]
        }
        _ => vec![
            ("id", "no-such-id"),
            ("token", "no-such-token"),
            ("mail_id", "no-such-mail"),
            ("user_id", "no-such-user"),
        ],
    };
    let mut pairs: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    // Forms with a one-time key get a fresh one per call.
    if matches!(path, "org/orders/create" | "org/courses/create") {
        pairs.push(("key".into(), random_key()));
    }
    pairs
}

/// Whether a call's arguments name something organization A owns.
fn names_owned(pairs: &[(String, String)], a: &Owned) -> bool {
    let owned = [
        &a.billing_account,
        &a.attendee,
        &a.order,
        &a.course_application,
        &a.thread,
    ];
    pairs.iter().any(|(_, v)| owned.contains(&v))
}

async fn post(
    app: &TestApp,
    client: &Client,
    path: &str,
    pairs: &[(String, String)],
    origin: Option<&str>,
) -> (StatusCode, String) {
    let mut request = client.post(format!("{}/api/{path}", app.base)).form(pairs);
    if let Some(origin) = origin {
        request = request.header("Origin", origin);
    }
    let response = request.send().await.expect("request");
    let status = response.status();
    (status, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn every_server_function_answers_each_role_as_the_table_says() {
    let app = TestApp::spawn().await;
    let admin = app.admin("matrix@operator.example").await;
    let alpha = app
        .approved_customer(&admin, "Alpha Secret Learning Oy", "alpha@customer.example")
        .await;
    let beta = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;

    // A suspended organization's admin, signed in before the suspension.
    let gamma = app
        .approved_customer(&admin, "Gamma Suspended Oy", "gamma@customer.example")
        .await;
    let gamma_org = app
        .scalar_text(
            "SELECT organization_id FROM app_user WHERE email = $1",
            "gamma@customer.example",
        )
        .await;
    let (status, body) = app
        .call(
            &admin,
            "admin/organizations/suspend",
            &[("id", &gamma_org), ("reason", "Unpaid invoices.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Organization A owns one of everything.
    let service = published_service(&app, &admin, "Matrix course", &[]).await;
    let billing = billing_account(&app, &alpha, "Alpha secret account").await;
    let person = attendee(
        &app,
        &alpha,
        "Alpha Secret Person",
        "secret.person@alpha.example",
    )
    .await;
    let order = buy_ok(&app, &alpha, &service, &billing, "1").await;
    let (status, body) = app
        .call(
            &alpha,
            "org/courses/create",
            &[
                ("service_id", &service),
                ("billing_account_id", &billing),
                ("attendee_ids[0]", &person),
                ("key", &random_key()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let course_application = body.as_str().expect("id").to_string();
    let (status, body) = app
        .call(
            &alpha,
            "support/open",
            &[
                ("subject", "Alpha secret question"),
                ("message", "Only for us."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let thread = body.as_str().expect("thread id").to_string();
    let a = Owned {
        markers: vec![
            billing.clone(),
            person.clone(),
            order.clone(),
            course_application.clone(),
            thread.clone(),
            "Alpha secret".into(),
            "Alpha Secret".into(),
            "secret.person@alpha.example".into(),
        ],
        billing_account: billing,
        attendee: person,
        order,
        course_application,
        thread,
        service,
    };

    // The table and the router must list the same functions.
    let served: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            assert_eq!(method.as_str(), "POST", "{path} must be POST-only");
            path.trim_start_matches("/api/").to_string()
        })
        .collect();
    let declared: BTreeSet<String> = TABLE.iter().map(|(p, _)| p.to_string()).collect();
    let undeclared: Vec<_> = served.difference(&declared).collect();
    let gone: Vec<_> = declared.difference(&served).collect();
    assert!(
        undeclared.is_empty(),
        "server functions missing from the authorization table: {undeclared:?}"
    );
    assert!(
        gone.is_empty(),
        "the table lists functions that no longer exist: {gone:?}"
    );

    let mut calls = 0;
    let mut order: Vec<&(&str, Who)> = TABLE
        .iter()
        .filter(|(p, _)| !SESSION_ENDING.contains(p))
        .collect();
    order.extend(TABLE.iter().filter(|(p, _)| SESSION_ENDING.contains(p)));
    for (path, who) in order {
        let pairs = args(path, &a);
        let ending = SESSION_ENDING.contains(path);
        // Session-ending calls use throwaway sessions of the same people.
        let (customer_a, customer_b, system_admin) = if ending {
            let fresh_a = app.client();
            app.sign_in(&fresh_a, "alpha@customer.example", common::PASSWORD)
                .await;
            let fresh_b = app.client();
            app.sign_in(&fresh_b, "beta@customer.example", common::PASSWORD)
                .await;
            let fresh_admin = app.client();
            app.sign_in(&fresh_admin, "matrix@operator.example", common::PASSWORD)
                .await;
            (fresh_a, fresh_b, fresh_admin)
        } else {
            (alpha.clone(), beta.clone(), admin.clone())
        };

        // A cross-site request is refused whoever sends it.
        let (status, body) = post(
            &app,
            &customer_a,
            path,
            &pairs,
            Some("https://evil.example"),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path} cross-site: {body}");

        let anonymous = app.client();
        let (status, body) = post(&app, &anonymous, path, &pairs, None).await;
        calls += 1;
        assert!(status.as_u16() < 500, "{path} anonymous: {status} {body}");
        match who {
            Who::Public => assert_ne!(status, StatusCode::FORBIDDEN, "{path} anonymous: {body}"),
            _ => assert_eq!(status, StatusCode::UNAUTHORIZED, "{path} anonymous: {body}"),
        }

        // Organization B with A's ids: refused, or answered with B's own
        // data only.
        let (status, body) = post(&app, &customer_b, path, &pairs, None).await;
        calls += 1;
        assert!(status.as_u16() < 500, "{path} as B: {status} {body}");
        match who {
            Who::Admin => assert_eq!(status, StatusCode::FORBIDDEN, "{path} as B: {body}"),
            Who::Customer if names_owned(&pairs, &a) => assert!(
                matches!(status.as_u16(), 404 | 409 | 422),
                "{path} as B with A's ids must be refused: {status} {body}"
            ),
            _ => assert!(
                !matches!(status.as_u16(), 401 | 403) || *path == "auth/sign_in",
                "{path} as B: {status} {body}"
            ),
        }
        for marker in &a.markers {
            assert!(
                !body.contains(marker.as_str()),
                "{path} as B leaked A's {marker:?}: {body}"
            );
        }

        // The suspended organization's session no longer counts.
        let (status, body) = post(&app, &gamma, path, &pairs, None).await;
        calls += 1;
        assert!(
            status.as_u16() < 500,
            "{path} as suspended: {status} {body}"
        );
        match who {
            Who::Public => assert_ne!(status, StatusCode::FORBIDDEN, "{path} as suspended: {body}"),
            _ => assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "{path} as suspended: {body}"
            ),
        }

        let (status, body) = post(&app, &system_admin, path, &pairs, None).await;
        calls += 1;
        assert!(status.as_u16() < 500, "{path} as admin: {status} {body}");
        match who {
            Who::Customer => assert_eq!(status, StatusCode::FORBIDDEN, "{path} as admin: {body}"),
            Who::Admin | Who::SignedIn => assert!(
                !matches!(status.as_u16(), 401 | 403),
                "{path} as admin: {status} {body}"
            ),
            Who::Public => {}
        }

        let (status, body) = post(&app, &customer_a, path, &pairs, None).await;
        calls += 1;
        assert!(status.as_u16() < 500, "{path} as A: {status} {body}");
        match who {
            Who::Admin => assert_eq!(status, StatusCode::FORBIDDEN, "{path} as A: {body}"),
            Who::Customer | Who::SignedIn => assert!(
                !matches!(status.as_u16(), 401 | 403),
                "{path} as A: {status} {body}"
            ),
            Who::Public => {}
        }
    }
    assert_eq!(calls, TABLE.len() * 5);
    println!(
        "authorization matrix: {} functions × 5 callers = {calls} calls, plus {} cross-site calls",
        TABLE.len(),
        TABLE.len()
    );
}
