//! Catalog, billing and attendee fixtures for the tests of orders, course
//! applications, expenses and the dashboard.

use reqwest::{Client, StatusCode};
use serde_json::Value;

use super::{random_key, TestApp};

/// A `datetime-local` value `days` from now in the operator's time zone
/// (the tests run with the default, Europe/Helsinki).
pub fn local_in_days(days: i64) -> String {
    let zone = app::server::tz::zone("Europe/Helsinki").expect("zone");
    app::server::tz::to_input(app::server::now_ms() + days * 86_400_000, &zone)
}

/// The editor's form for a course 30 days ahead, with `overrides` applied.
pub fn service_form(title: &str, overrides: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = vec![
        ("service[kind]", "course".to_string()),
        ("service[title]", title.to_string()),
        (
            "service[description]",
            "Two days of practice with real cases, for new team leads.".to_string(),
        ),
        ("service[category]", "Leadership".to_string()),
        ("service[delivery_mode]", "online".to_string()),
        ("service[starts_at]", local_in_days(30)),
        ("service[ends_at]", local_in_days(31)),
        ("service[cancellation_deadline]", local_in_days(20)),
        ("service[capacity]", "10".to_string()),
        ("service[price]", "1250.00".to_string()),
        ("service[currency]", "EUR".to_string()),
        ("service[vat_rate]", "25.5".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (key, value) in overrides {
        let key = format!("service[{key}]");
        match form.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value.to_string(),
            None => form.push((key, value.to_string())),
        }
    }
    form
}

pub fn pairs(form: &[(String, String)]) -> Vec<(&str, &str)> {
    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// Creates and publishes a service; returns its id.
pub async fn published_service(
    app: &TestApp,
    admin: &Client,
    title: &str,
    overrides: &[(&str, &str)],
) -> String {
    let form = service_form(title, overrides);
    let (status, body) = app.call(admin, "admin/catalog/create", &pairs(&form)).await;
    assert_eq!(status, StatusCode::OK, "create service: {body}");
    let id = body.as_str().expect("service id").to_string();
    let (status, body) = app
        .call(
            admin,
            "admin/catalog/set_status",
            &[("id", &id), ("status", "published")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "publish: {body}");
    id
}

/// Adds a billing account; the organization's first is its default.
pub async fn billing_account(app: &TestApp, customer: &Client, name: &str) -> String {
    let (status, body) = app
        .call(
            customer,
            "org/billing/create",
            &[
                ("account[name]", name),
                (
                    "account[invoicing_address]",
                    "Mannerheimintie 1\n00100 Helsinki",
                ),
                ("account[vat_id]", "FI12345678"),
                ("account[reference]", "CC-1"),
                ("account[e_invoice_address]", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "create billing account: {body}");
    body.as_str().expect("account id").to_string()
}

pub async fn attendee(app: &TestApp, customer: &Client, name: &str, email: &str) -> String {
    let (status, body) = app
        .call(
            customer,
            "org/attendees/create",
            &[
                ("attendee[name]", name),
                ("attendee[email]", email),
                ("attendee[job_title]", "Team lead"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "create attendee: {body}");
    body.as_str().expect("attendee id").to_string()
}

/// Buys `quantity` on `account` with a fresh form key.
pub async fn buy(
    app: &TestApp,
    customer: &Client,
    service: &str,
    account: &str,
    quantity: &str,
) -> (StatusCode, Value) {
    app.call(
        customer,
        "org/orders/create",
        &[
            ("service_id", service),
            ("billing_account_id", account),
            ("quantity", quantity),
            ("key", &random_key()),
        ],
    )
    .await
}

pub async fn buy_ok(
    app: &TestApp,
    customer: &Client,
    service: &str,
    account: &str,
    quantity: &str,
) -> String {
    let (status, body) = buy(app, customer, service, account, quantity).await;
    assert_eq!(status, StatusCode::OK, "buy: {body}");
    body.as_str().expect("order id").to_string()
}

/// Net plus VAT of every expense line of the organization of `account`.
pub async fn ledger_total(app: &TestApp, account: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(
        "SELECT CAST(COALESCE(SUM(net_minor + vat_minor), 0) AS BIGINT) FROM expense_line WHERE billing_account_id = $1",
    )
    .bind(account)
    .fetch_one(app.state.db.pool())
    .await
    .expect("ledger total")
}
