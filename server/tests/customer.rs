//! The Customer admin's billing accounts and attendees: roles, validation,
//! the default-account and archive rules, paging, CSV export and import,
//! and isolation between organizations.

mod common;

use common::TestApp;
use reqwest::{Client, StatusCode};
use serde_json::Value;

/// Every customer endpoint with arguments good enough to reach the role check.
const CUSTOMER_CALLS: &[(&str, &[(&str, &str)])] = &[
    ("org/billing/list", &[]),
    ("org/billing/create", &[("account[name]", "HQ")]),
    (
        "org/billing/update",
        &[("id", "x"), ("account[name]", "HQ")],
    ),
    ("org/billing/set_default", &[("id", "x")]),
    ("org/billing/archive", &[("id", "x")]),
    ("org/billing/restore", &[("id", "x")]),
    ("org/attendees/list", &[]),
    ("org/attendees/create", &[("attendee[name]", "Ada")]),
    (
        "org/attendees/update",
        &[("id", "x"), ("attendee[name]", "Ada")],
    ),
    ("org/attendees/delete", &[("id", "x")]),
    ("org/attendees/export", &[]),
    ("org/attendees/import", &[("csv", "name,email\n")]),
];

/// A test app with a system administrator and one Customer admin.
async fn with_customer() -> (TestApp, Client, Client) {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Alpha Learning Oy", "alpha@customer.example")
        .await;
    (app, admin, customer)
}

fn account_form<'a>(name: &'a str, overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("account[name]", name),
        (
            "account[invoicing_address]",
            "Mannerheimintie 1\n00100 Helsinki",
        ),
        ("account[vat_id]", "FI 1234 5678"),
        ("account[reference]", "CC-4711"),
        ("account[e_invoice_address]", "003712345678"),
    ];
    for (key, value) in overrides {
        match form.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => form.push((key, value)),
        }
    }
    form
}

async fn create_account(app: &TestApp, client: &Client, name: &str) -> String {
    let (status, body) = app
        .call(client, "org/billing/create", &account_form(name, &[]))
        .await;
    assert_eq!(status, StatusCode::OK, "create account: {body}");
    body.as_str().expect("account id").to_string()
}

async fn accounts(app: &TestApp, client: &Client, archived: bool) -> Vec<Value> {
    let flag = if archived { "true" } else { "false" };
    let (status, body) = app
        .call(client, "org/billing/list", &[("archived", flag)])
        .await;
    assert_eq!(status, StatusCode::OK, "list accounts: {body}");
    body.as_array().expect("account list").clone()
}

async fn create_attendee(app: &TestApp, client: &Client, name: &str, email: &str) -> String {
    let (status, body) = app
        .call(
            client,
            "org/attendees/create",
            &[
                ("attendee[name]", name),
                ("attendee[email]", email),
                ("attendee[job_title]", "Engineer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "create attendee: {body}");
    body.as_str().expect("attendee id").to_string()
}

async fn attendee_page(app: &TestApp, client: &Client, q: &str, after: &str) -> Value {
    let (status, body) = app
        .call(client, "org/attendees/list", &[("q", q), ("after", after)])
        .await;
    assert_eq!(status, StatusCode::OK, "list attendees: {body}");
    body
}

async fn export(app: &TestApp, client: &Client) -> String {
    let (status, body) = app.call(client, "org/attendees/export", &[]).await;
    assert_eq!(status, StatusCode::OK, "export: {body}");
    body.as_str().expect("csv text").to_string()
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

fn names(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|a| a["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn every_customer_function_refuses_anonymous_callers_and_system_admins() {
    let (app, admin, _customer) = with_customer().await;
    let anonymous = app.client();

    for (endpoint, args) in CUSTOMER_CALLS {
        let (status, body) = app.call(&anonymous, endpoint, args).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "anonymous {endpoint}: {body}"
        );
        let (status, body) = app.call(&admin, endpoint, args).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "admin {endpoint}: {body}");
    }
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM billing_account").await,
        0
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM attendee").await, 0);
}

#[tokio::test]
async fn the_first_billing_account_becomes_the_default_and_another_can_take_over() {
    let (app, _admin, customer) = with_customer().await;

    let first = create_account(&app, &customer, "Head office").await;
    let second = create_account(&app, &customer, "Training budget").await;

    let list = accounts(&app, &customer, false).await;
    assert_eq!(names(&list), ["Head office", "Training budget"]);
    assert_eq!(list[0]["is_default"], true);
    assert_eq!(list[1]["is_default"], false);
    assert_eq!(list[0]["vat_id"], "FI12345678");
    assert_eq!(list[0]["reference"], "CC-4711");
    assert_eq!(list[0]["e_invoice_address"], "003712345678");

    let (status, body) = app
        .call(&customer, "org/billing/set_default", &[("id", &second)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let list = accounts(&app, &customer, false).await;
    assert_eq!(names(&list), ["Training budget", "Head office"]);
    assert_eq!(list[0]["billing_account_id"], second.as_str());
    assert_eq!(list[0]["is_default"], true);
    assert_eq!(list[1]["billing_account_id"], first.as_str());
    assert_eq!(list[1]["is_default"], false);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM billing_account WHERE is_default = 1")
            .await,
        1
    );
}

#[tokio::test]
async fn a_billing_account_is_updated_and_every_change_is_audited() {
    let (app, _admin, customer) = with_customer().await;
    let id = create_account(&app, &customer, "Head office").await;

    let form = account_form(
        "Head office (Espoo)",
        &[("id", &id), ("account[e_invoice_address]", "")],
    );
    let (status, body) = app.call(&customer, "org/billing/update", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let other = create_account(&app, &customer, "Projects").await;
    let (status, _) = app
        .call(&customer, "org/billing/archive", &[("id", &other)])
        .await;
    assert_eq!(status, StatusCode::OK);

    let list = accounts(&app, &customer, false).await;
    assert_eq!(names(&list), ["Head office (Espoo)"]);
    assert_eq!(list[0]["e_invoice_address"], Value::Null);
    let organization_id = app
        .scalar_text(
            "SELECT organization_id FROM billing_account WHERE billing_account_id = $1",
            &id,
        )
        .await;
    let audited = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE subject_kind = 'billing_account'
             AND organization_id = '{organization_id}'
             AND action IN ('billing_account.created', 'billing_account.updated', 'billing_account.archived')"
        ))
        .await;
    assert_eq!(audited, 4);
}

#[tokio::test]
async fn a_billing_account_with_bad_fields_gets_every_message_and_nothing_is_stored() {
    let (app, _admin, customer) = with_customer().await;

    let form = account_form(
        "",
        &[
            ("account[invoicing_address]", "x"),
            ("account[vat_id]", "12345678"),
            ("account[e_invoice_address]", "nope@"),
        ],
    );
    let (status, body) = app.call(&customer, "org/billing/create", &form).await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<String> = field_errors(&body).into_iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        ["name", "invoicing_address", "vat_id", "e_invoice_address"]
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM billing_account").await,
        0
    );

    // An update with bad fields leaves the account as it was.
    let id = create_account(&app, &customer, "Head office").await;
    let form = account_form("Head office", &[("id", &id), ("account[vat_id]", "FI")]);
    let (status, body) = app.call(&customer, "org/billing/update", &form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(field_errors(&body)[0].0, "vat_id");
    assert_eq!(
        accounts(&app, &customer, false).await[0]["vat_id"],
        "FI12345678"
    );
}

#[tokio::test]
async fn the_default_account_cannot_be_archived_until_another_is_default() {
    let (app, _admin, customer) = with_customer().await;
    let first = create_account(&app, &customer, "Head office").await;

    let (status, body) = app
        .call(&customer, "org/billing/archive", &[("id", &first)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["Conflict"]
        .as_str()
        .unwrap_or_default()
        .contains("default"));

    let second = create_account(&app, &customer, "Projects").await;
    let (status, _) = app
        .call(&customer, "org/billing/set_default", &[("id", &second)])
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app
        .call(&customer, "org/billing/archive", &[("id", &first)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    assert_eq!(names(&accounts(&app, &customer, false).await), ["Projects"]);
    let archived = accounts(&app, &customer, true).await;
    assert_eq!(names(&archived), ["Head office"]);
    assert!(archived[0]["archived_at"].as_i64().is_some());
    // Archived is archived: not again, not the default, not edited, and the
    // row is still there.
    for endpoint in ["org/billing/archive", "org/billing/set_default"] {
        let (status, body) = app.call(&customer, endpoint, &[("id", &first)]).await;
        assert_eq!(status, StatusCode::CONFLICT, "{endpoint}: {body}");
    }
    let form = account_form("Renamed", &[("id", &first)]);
    let (status, _) = app.call(&customer, "org/billing/update", &form).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM billing_account").await,
        2
    );
}

#[tokio::test]
async fn attendees_are_created_updated_and_deleted() {
    let (app, _admin, customer) = with_customer().await;
    let ada = create_attendee(&app, &customer, "Ada Lovelace", "ada@alpha.example").await;
    create_attendee(&app, &customer, "Grace Hopper", "grace@alpha.example").await;

    let (status, body) = app
        .call(
            &customer,
            "org/attendees/update",
            &[
                ("id", &ada),
                ("attendee[name]", "Ada King"),
                ("attendee[email]", "Ada.King@Alpha.example"),
                ("attendee[job_title]", "Countess"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = attendee_page(&app, &customer, "", "").await;
    assert_eq!(page["total"], 2);
    assert_eq!(page["rows"][0]["name"], "Ada King");
    assert_eq!(page["rows"][0]["email"], "Ada.King@Alpha.example");
    assert_eq!(page["rows"][0]["job_title"], "Countess");

    let (status, body) = app
        .call(&customer, "org/attendees/delete", &[("id", &ada)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = attendee_page(&app, &customer, "", "").await;
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["name"], "Grace Hopper");
    let (status, _) = app
        .call(&customer, "org/attendees/delete", &[("id", &ada)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE subject_kind = 'attendee'
             AND action IN ('attendee.created', 'attendee.updated', 'attendee.deleted')
             AND organization_id IS NOT NULL"
        )
        .await,
        4
    );
}

#[tokio::test]
async fn an_attendee_with_bad_fields_or_a_taken_email_is_refused_and_nothing_is_stored() {
    let (app, admin, customer) = with_customer().await;

    let (status, body) = app
        .call(
            &customer,
            "org/attendees/create",
            &[
                ("attendee[name]", "A"),
                ("attendee[email]", "not-an-email"),
                ("attendee[job_title]", "=SUM(A1:A9)"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<String> = field_errors(&body).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["name", "email", "job_title"]);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM attendee").await, 0);

    create_attendee(&app, &customer, "Ada Lovelace", "ada@alpha.example").await;
    let (status, body) = app
        .call(
            &customer,
            "org/attendees/create",
            &[
                ("attendee[name]", "Ada Again"),
                ("attendee[email]", " ADA@alpha.EXAMPLE "),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(field_errors(&body)[0].0, "email");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM attendee").await, 1);

    // Another organization may have its own attendee with that address.
    let other = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    create_attendee(&app, &other, "Ada Lovelace", "ada@alpha.example").await;
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM attendee").await, 2);
}

#[tokio::test]
async fn the_attendee_list_pages_by_fifty_in_name_order_and_searches_names_and_emails() {
    let (app, _admin, customer) = with_customer().await;
    let mut csv = String::from("name,email,job_title\n");
    for i in 0..120 {
        csv.push_str(&format!(
            "Person {i:03},person{i:03}@alpha.example,Role {i}\n"
        ));
    }
    csv.push_str("Zoë Åström,zoe@elsewhere.example,\n");
    let (status, body) = app
        .call(&customer, "org/attendees/import", &[("csv", &csv)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["count"], 121);

    let first = attendee_page(&app, &customer, "", "").await;
    let second = attendee_page(&app, &customer, "", first["next"].as_str().unwrap()).await;
    let third = attendee_page(&app, &customer, "", second["next"].as_str().unwrap()).await;

    assert_eq!(first["total"], 121);
    assert_eq!(first["rows"].as_array().unwrap().len(), 50);
    assert_eq!(second["rows"].as_array().unwrap().len(), 50);
    assert_eq!(third["rows"].as_array().unwrap().len(), 21);
    assert_eq!(third["next"], Value::Null);
    assert_eq!(first["rows"][0]["name"], "Person 000");
    assert_eq!(second["rows"][0]["name"], "Person 050");
    assert_eq!(third["rows"][20]["name"], "Zoë Åström");

    let by_name = attendee_page(&app, &customer, "ZOË åSTRÖM", "").await;
    assert_eq!(by_name["total"], 1);
    let by_email = attendee_page(&app, &customer, "person11", "").await;
    assert_eq!(by_email["total"], 10);
    let wildcard = attendee_page(&app, &customer, "%", "").await;
    assert_eq!(wildcard["total"], 0);
    let (status, _) = app
        .call(
            &customer,
            "org/attendees/list",
            &[("after", "not a cursor")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn another_organizations_admin_can_neither_read_nor_change_anything() {
    let (app, admin, alpha) = with_customer().await;
    let beta = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let default = create_account(&app, &alpha, "Alpha head office").await;
    let spare = create_account(&app, &alpha, "Alpha projects").await;
    let ada = create_attendee(&app, &alpha, "Ada Lovelace", "ada@alpha.example").await;
    let accounts_before = accounts(&app, &alpha, false).await;
    let export_before = export(&app, &alpha).await;

    let attempts: Vec<(&str, Vec<(&str, &str)>)> = vec![
        (
            "org/billing/update",
            account_form("Hijacked", &[("id", spare.as_str())]),
        ),
        ("org/billing/set_default", vec![("id", &spare)]),
        ("org/billing/archive", vec![("id", &spare)]),
        ("org/billing/restore", vec![("id", &spare)]),
        (
            "org/attendees/update",
            vec![
                ("id", &ada),
                ("attendee[name]", "Mallory"),
                ("attendee[email]", "mallory@beta.example"),
            ],
        ),
        ("org/attendees/delete", vec![("id", &ada)]),
    ];
    for (endpoint, form) in &attempts {
        let (status, body) = app.call(&beta, endpoint, form).await;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
            "{endpoint} answered {status}: {body}"
        );
    }
    // Beta's lists and export show nothing of Alpha's.
    assert!(accounts(&app, &beta, false).await.is_empty());
    assert!(accounts(&app, &beta, true).await.is_empty());
    assert_eq!(attendee_page(&app, &beta, "", "").await["total"], 0);
    assert_eq!(attendee_page(&app, &beta, "ada", "").await["total"], 0);
    assert!(!export(&app, &beta).await.contains("ada@alpha.example"));
    // Beta's own first account is Beta's default; Alpha's stays Alpha's.
    create_account(&app, &beta, "Beta office").await;
    assert_eq!(accounts(&app, &beta, false).await[0]["is_default"], true);

    assert_eq!(accounts(&app, &alpha, false).await, accounts_before);
    assert_eq!(accounts_before[0]["billing_account_id"], default.as_str());
    assert_eq!(export(&app, &alpha).await, export_before);
}

#[tokio::test]
async fn an_export_imported_into_another_organization_exports_identically() {
    let (app, admin, alpha) = with_customer().await;
    let beta = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    create_attendee(&app, &alpha, "Ada Lovelace", "ada@alpha.example").await;
    let (status, body) = app
        .call(
            &alpha,
            "org/attendees/create",
            &[
                ("attendee[name]", "Lovelace, \"Ada\" Jr."),
                ("attendee[email]", "junior@alpha.example"),
                ("attendee[job_title]", "Head of R&D, Nordics"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    create_attendee(&app, &alpha, "Åsa Öberg", "asa@alpha.example").await;

    let exported = export(&app, &alpha).await;
    let (status, body) = app
        .call(&beta, "org/attendees/import", &[("csv", &exported)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["count"], 3);

    assert_eq!(export(&app, &beta).await, exported);
    assert!(exported.starts_with("\u{FEFF}name,email,job_title\r\n"));
    assert!(exported.contains("\"Lovelace, \"\"Ada\"\" Jr.\""));
    assert!(exported.contains("\"Head of R&D, Nordics\""));
    assert!(exported.contains("Åsa Öberg,asa@alpha.example,Engineer\r\n"));
}

#[tokio::test]
async fn a_malformed_csv_reports_every_bad_row_and_imports_nothing() {
    let (app, _admin, customer) = with_customer().await;
    create_attendee(&app, &customer, "Existing Person", "existing@alpha.example").await;
    let csv = "name,email,job_title\n\
               Ada Lovelace,ada@alpha.example,Analyst\n\
               Bad Email,not-an-email,Tester\n\
               Grace Hopper,grace@alpha.example,Admiral\n\
               Short Row,short@alpha.example\n\
               Ada Again,ADA@alpha.example,Analyst\n\
               Old Friend,existing@alpha.example,\n";

    let (status, body) = app
        .call(&customer, "org/attendees/import", &[("csv", csv)])
        .await;

    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let errors = field_errors(&body);
    let places: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        places,
        [
            "line 3, email",
            "line 5, job_title",
            "line 6, email",
            "line 7, email"
        ],
        "{errors:?}"
    );
    assert!(errors[1].1.contains("2 columns"), "{errors:?}");
    assert!(errors[2].1.contains("line 2"), "{errors:?}");
    assert!(errors[3].1.contains("already exists"), "{errors:?}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM attendee").await, 1);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'attendee.imported'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_csv_without_the_required_header_or_rows_is_refused() {
    let (app, _admin, customer) = with_customer().await;

    for (csv, field) in [
        ("", "csv"),
        ("name,email,job_title\n", "csv"),
        ("name,mail\nAda,ada@alpha.example\n", "line 1, column 2"),
        (
            "name,email,name\nAda,ada@alpha.example,Ada\n",
            "line 1, name",
        ),
    ] {
        let (status, body) = app
            .call(&customer, "org/attendees/import", &[("csv", csv)])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{csv:?}: {body}");
        assert_eq!(field_errors(&body)[0].0, field, "{csv:?}: {body}");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM attendee").await, 0);
}

#[tokio::test]
async fn the_billing_and_attendee_pages_render_the_organizations_data() {
    let (app, _admin, customer) = with_customer().await;
    create_account(&app, &customer, "Head office").await;
    create_attendee(&app, &customer, "Ada Lovelace", "ada@alpha.example").await;

    let page = |path: &str| {
        let request = customer.get(format!("{}{path}", app.base)).send();
        async move {
            let res = request.await.expect("page");
            (res.status(), res.text().await.expect("html"))
        }
    };
    let (status, billing) = page("/org/billing").await;
    let (attendees_status, attendees) = page("/org/attendees").await;

    assert_eq!(status, StatusCode::OK);
    assert!(billing.contains("data-testid=\"billing-row\""), "{billing}");
    assert!(billing.contains("Head office"));
    assert!(billing.contains("data-testid=\"billing-create-form\""));
    assert!(billing.contains("href=\"/org/attendees\""));
    assert_eq!(attendees_status, StatusCode::OK);
    assert!(
        attendees.contains("data-testid=\"attendee-row\""),
        "{attendees}"
    );
    assert!(attendees.contains("ada@alpha.example"));
    assert!(attendees.contains("data-testid=\"import-form\""));
}

#[tokio::test]
async fn ten_simultaneous_first_accounts_give_exactly_one_default() {
    let (app, _admin, customer) = with_customer().await;

    let names: Vec<String> = (0..10).map(|i| format!("Account {i}")).collect();
    let forms: Vec<_> = names.iter().map(|n| account_form(n, &[])).collect();
    let calls = forms
        .iter()
        .map(|form| app.call(&customer, "org/billing/create", form));
    let answers = futures::future::join_all(calls).await;

    assert!(
        answers.iter().all(|(s, _)| *s == StatusCode::OK),
        "{answers:?}"
    );
    let list = accounts(&app, &customer, false).await;
    assert_eq!(list.len(), 10);
    assert_eq!(list.iter().filter(|a| a["is_default"] == true).count(), 1);
}

#[tokio::test]
async fn an_archived_account_can_be_restored_as_an_ordinary_account() {
    let (app, _admin, customer) = with_customer().await;
    create_account(&app, &customer, "Head office").await;
    let projects = create_account(&app, &customer, "Projects").await;
    let (status, _) = app
        .call(&customer, "org/billing/archive", &[("id", &projects)])
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = app
        .call(&customer, "org/billing/restore", &[("id", &projects)])
        .await;

    assert_eq!(status, StatusCode::OK, "{body}");
    let list = accounts(&app, &customer, false).await;
    assert_eq!(names(&list), ["Head office", "Projects"]);
    assert_eq!(list[1]["is_default"], false);
    assert_eq!(list[1]["archived_at"], Value::Null);
    assert!(accounts(&app, &customer, true).await.is_empty());
    let (status, _) = app
        .call(&customer, "org/billing/restore", &[("id", &projects)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'billing_account.restored'")
            .await,
        1
    );
}

/// A signed-in page is built once on the server: its data is fetched once
/// and sent once for the browser to hydrate with. Built more often, the
/// browser matched its page to the data of a discarded build.
#[tokio::test]
async fn a_gated_page_fetches_and_sends_its_data_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin("once@operator.example").await;
    app.submit_ok(&[("legal_name", "Once Only Oy")]).await;
    let html = admin
        .get(format!("{}/admin/applications", app.base))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("body");
    assert!(html.contains("Once Only Oy"), "{html}");
    // The queue's rows are the only data that names the applicant.
    let sent = html
        .split("__RESOLVED_RESOURCES[")
        .skip(1)
        .filter(|entry| {
            entry
                .split("</script>")
                .next()
                .unwrap_or("")
                .split("__RESOLVED_RESOURCES[")
                .next()
                .unwrap_or("")
                .contains("Once Only Oy")
        })
        .count();
    assert_eq!(sent, 1, "the queue's rows were sent {sent} times");
}
