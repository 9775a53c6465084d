//! The service catalog and orders: the editor's validation and roles, what
//! customers can see, buying (including two organizations racing for the
//! last seat), cancellation rules, the expense lines orders write, and
//! isolation between organizations.

mod common;

use common::commerce::{
    billing_account, buy, buy_ok, ledger_total, local_in_days, pairs, published_service,
    service_form,
};
use common::{random_key, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::Value;

/// Form fields and the titles the catalog should answer with.
type Form<'a> = &'a [(&'a str, &'a str)];

async fn setup() -> (TestApp, Client, Client) {
    let app = TestApp::spawn().await;
    let admin = app.admin("catalog@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Alpha Learning Oy", "alpha@customer.example")
        .await;
    (app, admin, customer)
}

fn field<'a>(body: &'a Value, name: &str) -> Option<&'a str> {
    body["Validation"]
        .as_array()?
        .iter()
        .find(|pair| pair[0] == name)
        .and_then(|pair| pair[1].as_str())
}

#[tokio::test]
async fn roles_are_checked_on_every_catalog_and_order_endpoint() {
    let (app, admin, customer) = setup().await;
    let anonymous = app.client();
    let customer_calls: &[(&str, &[(&str, &str)])] = &[
        ("org/catalog/list", &[]),
        ("org/catalog/get", &[("id", "x")]),
        (
            "org/orders/create",
            &[
                ("service_id", "x"),
                ("billing_account_id", "x"),
                ("quantity", "1"),
                ("key", "0123456789abcdef"),
            ],
        ),
        ("org/orders/list", &[]),
        ("org/orders/cancel", &[("id", "x")]),
    ];
    let admin_calls: &[(&str, &[(&str, &str)])] = &[
        ("admin/catalog/list", &[]),
        ("admin/catalog/get", &[("id", "x")]),
        ("admin/catalog/create", &[("service[title]", "x")]),
        (
            "admin/catalog/update",
            &[("id", "x"), ("service[title]", "x")],
        ),
        (
            "admin/catalog/set_status",
            &[("id", "x"), ("status", "published")],
        ),
    ];
    for (endpoint, form) in customer_calls {
        let (status, _) = app.call(&anonymous, endpoint, form).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint} anonymous");
        let (status, _) = app.call(&admin, endpoint, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint} as admin");
    }
    for (endpoint, form) in admin_calls {
        let (status, _) = app.call(&anonymous, endpoint, form).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint} anonymous");
        let (status, _) = app.call(&customer, endpoint, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint} as customer");
    }
}

#[tokio::test]
async fn the_editor_explains_every_bad_field_and_stores_nothing() {
    let (app, admin, _) = setup().await;
    let form = service_form(
        "x",
        &[
            ("kind", "webinar"),
            ("description", "short"),
            ("category", ""),
            ("delivery_mode", "teleport"),
            ("starts_at", "tomorrow"),
            ("capacity", "-1"),
            ("price", "12.345"),
            ("currency", "XBT"),
            ("vat_rate", "150"),
        ],
    );
    let (status, body) = app
        .call(&admin, "admin/catalog/create", &pairs(&form))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    for name in [
        "kind",
        "title",
        "description",
        "category",
        "delivery_mode",
        "starts_at",
        "capacity",
        "price",
        "currency",
        "vat_rate",
    ] {
        assert!(
            field(&body, name).is_some(),
            "no message for {name}: {body}"
        );
    }

    // Dates out of order, and a deadline after the start.
    let form = service_form(
        "Backwards course",
        &[
            ("starts_at", &local_in_days(10)),
            ("ends_at", &local_in_days(9)),
            ("cancellation_deadline", &local_in_days(11)),
        ],
    );
    let (status, body) = app
        .call(&admin, "admin/catalog/create", &pairs(&form))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "ends_at").is_some(), "{body}");
    assert!(field(&body, "cancellation_deadline").is_some(), "{body}");
    // A course needs a capacity.
    let form = service_form("No seats", &[("capacity", "")]);
    let (status, body) = app
        .call(&admin, "admin/catalog/create", &pairs(&form))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "capacity").is_some(), "{body}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM service").await, 0);

    let (status, body) = app
        .call(
            &admin,
            "admin/catalog/set_status",
            &[("id", "nope"), ("status", "published")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let id = published_service(&app, &admin, "Real course", &[]).await;
    let (status, body) = app
        .call(
            &admin,
            "admin/catalog/set_status",
            &[("id", &id), ("status", "deleted")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

#[tokio::test]
async fn customers_see_published_services_only_and_filters_narrow_the_list() {
    let (app, admin, customer) = setup().await;
    let leadership = published_service(&app, &admin, "Leading hybrid teams", &[]).await;
    published_service(
        &app,
        &admin,
        "Spreadsheet basics",
        &[
            ("category", "Office skills"),
            ("delivery_mode", "in_person"),
            ("price", "300"),
            ("starts_at", &local_in_days(60)),
            ("ends_at", &local_in_days(61)),
            ("cancellation_deadline", ""),
        ],
    )
    .await;
    let form = service_form("Secret draft", &[]);
    let (status, body) = app
        .call(&admin, "admin/catalog/create", &pairs(&form))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let draft = body.as_str().expect("id").to_string();

    let titles = |body: &Value| -> Vec<String> {
        body["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["title"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let (status, body) = app.call(&customer, "org/catalog/list", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        titles(&body),
        vec!["Leading hybrid teams", "Spreadsheet basics"]
    );
    assert_eq!(
        body["categories"],
        serde_json::json!(["Leadership", "Office skills"])
    );
    let (status, _) = app
        .call(&customer, "org/catalog/get", &[("id", &draft)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "drafts are hidden");

    let day_between = local_in_days(45);
    let day_between = &day_between[..10];
    let cases: &[(Form, &[&str])] = &[
        (&[("filter[q]", "SPREADSHEET")], &["Spreadsheet basics"]),
        (
            &[("filter[q]", "real cases")],
            &["Leading hybrid teams", "Spreadsheet basics"],
        ),
        (
            &[("filter[category]", "Leadership")],
            &["Leading hybrid teams"],
        ),
        (&[("filter[mode]", "in_person")], &["Spreadsheet basics"]),
        (&[("filter[max_price]", "500")], &["Spreadsheet basics"]),
        (
            &[("filter[min_price]", "1000,00")],
            &["Leading hybrid teams"],
        ),
        (&[("filter[from]", day_between)], &["Spreadsheet basics"]),
        (&[("filter[to]", day_between)], &["Leading hybrid teams"]),
        (&[("filter[q]", "100%_")], &[]),
    ];
    for (form, expected) in cases {
        let (status, body) = app.call(&customer, "org/catalog/list", form).await;
        assert_eq!(status, StatusCode::OK, "{form:?}: {body}");
        assert_eq!(titles(&body), *expected, "{form:?}");
    }
    for (name, value) in [
        ("filter[from]", "31.12.2027"),
        ("filter[to]", "2027-02-30"),
        ("filter[min_price]", "cheap"),
        ("filter[mode]", "carrier pigeon"),
    ] {
        let (status, body) = app
            .call(&customer, "org/catalog/list", &[(name, value)])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {body}");
    }
    let (status, _) = app
        .call(&customer, "org/catalog/list", &[("after", "garbage")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, body) = app
        .call(&customer, "org/catalog/get", &[("id", &leadership)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["service"]["price_minor"], 125_000);
    assert_eq!(body["service"]["vat_rate_bp"], 2550);
    assert_eq!(body["seats_bought"], 0);
    assert!(
        body["service"]["starts"]
            .as_str()
            .is_some_and(|s| s.ends_with("EET") || s.ends_with("EEST")),
        "dates are shown in the organization's zone: {body}"
    );
}

#[tokio::test]
async fn the_catalog_pages_through_many_services() {
    let (app, admin, customer) = setup().await;
    for i in 0..25 {
        published_service(
            &app,
            &admin,
            &format!("Course number {i:02}"),
            &[
                ("starts_at", &local_in_days(30 + i)),
                ("ends_at", &local_in_days(31 + i)),
            ],
        )
        .await;
    }
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let (status, body) = app
            .call(&customer, "org/catalog/list", &[("after", &after)])
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        for row in body["rows"].as_array().expect("rows") {
            seen.push(row["title"].as_str().expect("title").to_string());
        }
        match body["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => break,
        }
    }
    let expected: Vec<String> = (0..25).map(|i| format!("Course number {i:02}")).collect();
    assert_eq!(seen, expected, "soonest first, each once");
}

#[tokio::test]
async fn an_order_takes_seats_writes_an_expense_line_and_mails_a_confirmation() {
    let (app, admin, customer) = setup().await;
    let service = published_service(&app, &admin, "Leading hybrid teams", &[]).await;
    let account = billing_account(&app, &customer, "Head office").await;

    let key = random_key();
    let form = [
        ("service_id", service.as_str()),
        ("billing_account_id", account.as_str()),
        ("quantity", "3"),
        ("key", key.as_str()),
    ];
    let (status, first) = app.call(&customer, "org/orders/create", &form).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    // The same form again: the same order, not a second one.
    let (status, second) = app.call(&customer, "org/orders/create", &form).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_eq!(first, second);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM purchase_order").await,
        1
    );
    assert_eq!(app.scalar_i64("SELECT seats_sold FROM service").await, 3);
    // 3 × 1,250.00 = 3,750.00 net, 25.5 % VAT = 956.25.
    assert_eq!(ledger_total(&app, &account).await, 375_000 + 95_625);
    let mail = app
        .last_mail("alpha@customer.example", "order_confirmation")
        .await;
    assert!(mail.contains("3 × seat: Leading hybrid teams"), "{mail}");
    assert!(mail.contains("EUR 4,706.25"), "{mail}");

    let (status, body) = app.call(&customer, "org/orders/list", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let order = &body["rows"][0];
    assert_eq!(order["quantity"], 3);
    assert_eq!(order["net_minor"], 375_000);
    assert_eq!(order["vat_minor"], 95_625);
    assert_eq!(order["billing_account_name"], "Head office");
    assert_eq!(order["cancellable"], true);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'order.created'")
            .await,
        1
    );

    let (status, body) = app
        .call(&customer, "org/catalog/get", &[("id", &service)])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["seats_bought"], 3);
    assert_eq!(body["service"]["seats_sold"], 3);
}

#[tokio::test]
async fn bad_orders_are_refused_and_change_nothing() {
    let (app, admin, customer) = setup().await;
    let service =
        published_service(&app, &admin, "Leading hybrid teams", &[("capacity", "2")]).await;
    let account = billing_account(&app, &customer, "Head office").await;
    let other = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let other_account = billing_account(&app, &other, "Beta HQ").await;
    let spare = billing_account(&app, &customer, "Old office").await;
    let (status, _) = app
        .call(&customer, "org/billing/archive", &[("id", &spare)])
        .await;
    assert_eq!(status, StatusCode::OK);

    for quantity in ["0", "-1", "501", "two", ""] {
        let (status, body) = buy(&app, &customer, &service, &account, quantity).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{quantity}: {body}"
        );
        assert!(field(&body, "quantity").is_some(), "{body}");
    }
    for foreign in [other_account.as_str(), spare.as_str(), "no-such-account"] {
        let (status, body) = buy(&app, &customer, &service, foreign, "1").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(field(&body, "billing_account_id").is_some(), "{body}");
    }
    let (status, body) = buy(&app, &customer, "no-such-service", &account, "1").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = buy(&app, &customer, &service, &account, "3").await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "more than the capacity: {body}"
    );
    assert!(body.to_string().contains("Only 2 seats are left"), "{body}");
    let (status, body) = app
        .call(
            &customer,
            "org/orders/create",
            &[
                ("service_id", &service),
                ("billing_account_id", &account),
                ("quantity", "1"),
                ("key", "short"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM purchase_order").await,
        0
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM expense_line").await, 0);
    assert_eq!(app.scalar_i64("SELECT seats_sold FROM service").await, 0);
}

#[tokio::test]
async fn two_organizations_racing_for_the_last_seats_never_oversell() {
    let (app, admin, alpha) = setup().await;
    let beta = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let alpha_account = billing_account(&app, &alpha, "Alpha HQ").await;
    let beta_account = billing_account(&app, &beta, "Beta HQ").await;
    // Several rounds, each a course with one seat and both buying at once.
    for round in 0..5 {
        let service = published_service(
            &app,
            &admin,
            &format!("Last seat {round}"),
            &[("capacity", "1")],
        )
        .await;
        let (a, b) = tokio::join!(
            buy(&app, &alpha, &service, &alpha_account, "1"),
            buy(&app, &beta, &service, &beta_account, "1"),
        );
        let mut statuses = [a.0, b.0];
        statuses.sort();
        assert_eq!(
            statuses,
            [StatusCode::OK, StatusCode::CONFLICT],
            "round {round}: {a:?} {b:?}"
        );
        let sold: i64 = sqlx::query_scalar("SELECT seats_sold FROM service WHERE service_id = $1")
            .bind(&service)
            .fetch_one(app.state.db.pool())
            .await
            .expect("seats");
        assert_eq!(sold, 1);
        let orders: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM purchase_order WHERE service_id = $1")
                .bind(&service)
                .fetch_one(app.state.db.pool())
                .await
                .expect("orders");
        assert_eq!(orders, 1);
    }
    // Many buyers at once for a course with 5 seats: exactly 5 succeed.
    let service = published_service(&app, &admin, "Five seats", &[("capacity", "5")]).await;
    let attempts = (0..12).map(|i| {
        let (client, account) = if i % 2 == 0 {
            (&alpha, &alpha_account)
        } else {
            (&beta, &beta_account)
        };
        buy(&app, client, &service, account, "1")
    });
    let results = futures::future::join_all(attempts).await;
    let ok = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let full = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::CONFLICT)
        .count();
    assert_eq!((ok, full), (5, 7), "{results:?}");
}

#[tokio::test]
async fn cancelling_refunds_releases_seats_and_respects_the_deadline() {
    let (app, admin, customer) = setup().await;
    let service = published_service(&app, &admin, "Leading hybrid teams", &[]).await;
    let late = published_service(
        &app,
        &admin,
        "Deadline passed",
        &[("cancellation_deadline", &local_in_days(-1))],
    )
    .await;
    let account = billing_account(&app, &customer, "Head office").await;
    let order = buy_ok(&app, &customer, &service, &account, "2").await;
    let late_order = buy_ok(&app, &customer, &late, &account, "1").await;

    let other = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let (status, _) = app
        .call(&other, "org/orders/cancel", &[("id", &order)])
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "another organization's order"
    );

    let (status, body) = app
        .call(&customer, "org/orders/cancel", &[("id", &order)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(&customer, "org/orders/cancel", &[("id", &order)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "twice: {body}");
    let (status, body) = app
        .call(&customer, "org/orders/cancel", &[("id", &late_order)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "after the deadline: {body}");

    let sold: i64 = sqlx::query_scalar("SELECT seats_sold FROM service WHERE service_id = $1")
        .bind(&service)
        .fetch_one(app.state.db.pool())
        .await
        .expect("seats");
    assert_eq!(sold, 0);
    // The refund is a negative line: the order and its refund sum to zero,
    // leaving only the late order's 1,250.00 + 318.75.
    assert_eq!(ledger_total(&app, &account).await, 125_000 + 31_875);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM expense_line WHERE source_kind = 'order_refund'")
            .await,
        1
    );
    app.last_mail("alpha@customer.example", "order_cancelled")
        .await;
}

#[tokio::test]
async fn the_editor_keeps_capacity_above_seats_taken() {
    let (app, admin, customer) = setup().await;
    let service = published_service(&app, &admin, "Leading hybrid teams", &[]).await;
    let account = billing_account(&app, &customer, "Head office").await;
    buy_ok(&app, &customer, &service, &account, "4").await;

    let form = service_form("Leading hybrid teams", &[("capacity", "3")]);
    let mut with_id = vec![("id", service.as_str())];
    with_id.extend(pairs(&form));
    let (status, body) = app.call(&admin, "admin/catalog/update", &with_id).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "capacity").is_some(), "{body}");

    let form = service_form("Leading hybrid teams", &[("kind", "service")]);
    let mut with_id = vec![("id", service.as_str())];
    with_id.extend(pairs(&form));
    let (status, body) = app.call(&admin, "admin/catalog/update", &with_id).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "kind").is_some(), "{body}");

    let form = service_form(
        "Leading hybrid teams, 2nd edition",
        &[("capacity", "4"), ("price", "990")],
    );
    let mut with_id = vec![("id", service.as_str())];
    with_id.extend(pairs(&form));
    let (status, body) = app.call(&admin, "admin/catalog/update", &with_id).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let detail: String = app
        .scalar_text(
            "SELECT detail FROM audit_log WHERE action = 'service.updated' AND subject_id = $1",
            &service,
        )
        .await;
    assert!(detail.contains("EUR 1,250.00 → EUR 990.00"), "{detail}");
    assert!(detail.contains("capacity 10 → 4"), "{detail}");

    // The edit form reads back what was saved, in the operator's zone.
    let (status, body) = app
        .call(&admin, "admin/catalog/get", &[("id", &service)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["input"]["price"], "990.00");
    assert_eq!(body["input"]["vat_rate"], "25.5");
    assert_eq!(body["input"]["starts_at"], local_in_days(30));
    assert_eq!(body["time_zone"], "Europe/Helsinki");

    // The earlier order keeps its price.
    let (_, body) = app.call(&customer, "org/orders/list", &[]).await;
    assert_eq!(body["rows"][0]["unit_price_minor"], 125_000);
}

#[tokio::test]
async fn dates_follow_the_organizations_time_zone() {
    let (app, admin, customer) = setup().await;
    let service = published_service(&app, &admin, "Leading hybrid teams", &[]).await;
    let (status, body) = app.call(&customer, "org/time_zone/get", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["chosen"], "");
    assert_eq!(body["operator"], "Europe/Helsinki");
    assert!(body["available"]
        .as_array()
        .is_some_and(|zones| zones.iter().any(|z| z == "America/New_York")));

    for bad in ["Mars/Olympus", "'; DROP TABLE organization; --"] {
        let (status, body) = app
            .call(&customer, "org/time_zone/update", &[("time_zone", bad)])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    let (status, _) = app
        .call(&admin, "org/time_zone/update", &[("time_zone", "UTC")])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, body) = app
        .call(
            &customer,
            "org/time_zone/update",
            &[("time_zone", "America/New_York")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, body) = app
        .call(&customer, "org/catalog/get", &[("id", &service)])
        .await;
    let starts = body["service"]["starts"].as_str().unwrap_or_default();
    assert!(
        starts.ends_with("EST") || starts.ends_with("EDT"),
        "{starts}"
    );
    // The operator still sees its own zone.
    let (_, body) = app.call(&admin, "admin/catalog/list", &[]).await;
    let starts = body["rows"][0]["service"]["starts"]
        .as_str()
        .unwrap_or_default();
    assert!(
        starts.ends_with("EET") || starts.ends_with("EEST"),
        "{starts}"
    );
    // Empty goes back to the operator's zone.
    let (status, _) = app
        .call(&customer, "org/time_zone/update", &[("time_zone", "")])
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = app.call(&customer, "org/time_zone/get", &[]).await;
    assert_eq!(body["chosen"], "");
    assert_eq!(
        app.scalar_i64(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'organization.time_zone_updated'"
        )
        .await,
        2
    );
}
