//! Expenses, utilization, the dashboard and the platform reports: roles,
//! totals that sum exactly the listed lines, filters and their messages,
//! paging through a large ledger, the CSV export read back as a spreadsheet
//! would, the charts in the rendered pages, and isolation between
//! organizations.

mod common;

use common::commerce::{attendee, billing_account, buy_ok, ledger_total, published_service};
use common::{random_key, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::Value;

struct World {
    app: TestApp,
    admin: Client,
    alpha: Client,
    beta: Client,
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let admin = app.admin("insights@operator.example").await;
    let alpha = app
        .approved_customer(&admin, "Alpha Learning Oy", "alpha@customer.example")
        .await;
    let beta = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    World {
        app,
        admin,
        alpha,
        beta,
    }
}

fn field<'a>(body: &'a Value, name: &str) -> Option<&'a str> {
    body["Validation"]
        .as_array()?
        .iter()
        .find(|pair| pair[0] == name)
        .and_then(|pair| pair[1].as_str())
}

/// This month's key as the ledger writes it (the tests' organizations use
/// the operator's zone, Europe/Helsinki).
fn this_month() -> String {
    let zone = app::server::tz::zone("Europe/Helsinki").expect("zone");
    app::server::tz::month_key(app::server::now_ms(), &zone)
}

fn int(value: &Value) -> i64 {
    value
        .as_i64()
        .unwrap_or_else(|| panic!("not an integer: {value}"))
}

/// Every line the filters select, following `next` to the end.
async fn all_lines(app: &TestApp, client: &Client, filters: &[(&str, &str)]) -> Vec<Value> {
    let mut lines = Vec::new();
    let mut after = String::new();
    loop {
        let mut form: Vec<(&str, &str)> = filters.to_vec();
        form.push(("after", &after));
        let (status, body) = app.call(client, "org/expenses/list", &form).await;
        assert_eq!(status, StatusCode::OK, "list {filters:?}: {body}");
        lines.extend(body["rows"].as_array().expect("rows").iter().cloned());
        match body["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => return lines,
        }
    }
}

/// Net, VAT and gross of the lines per currency.
fn sums(lines: &[Value]) -> std::collections::BTreeMap<String, (i64, i64, i64)> {
    let mut out = std::collections::BTreeMap::new();
    for line in lines {
        let entry = out
            .entry(line["currency"].as_str().expect("currency").to_string())
            .or_insert((0, 0, 0));
        let (net, vat) = (int(&line["net_minor"]), int(&line["vat_minor"]));
        entry.0 += net;
        entry.1 += vat;
        entry.2 += net + vat;
    }
    out
}

/// Checks that the totals of `filters` match the listed lines exactly, per
/// currency and per (account, month, currency); returns the lines.
async fn lines_and_totals_agree(
    app: &TestApp,
    client: &Client,
    filters: &[(&str, &str)],
) -> Vec<Value> {
    let lines = all_lines(app, client, filters).await;
    let (status, totals) = app.call(client, "org/expenses/totals", filters).await;
    assert_eq!(status, StatusCode::OK, "totals {filters:?}: {totals}");
    let overall: std::collections::BTreeMap<String, (i64, i64, i64)> = totals["overall"]
        .as_array()
        .expect("overall")
        .iter()
        .map(|t| {
            (
                t["currency"].as_str().expect("currency").to_string(),
                (
                    int(&t["net_minor"]),
                    int(&t["vat_minor"]),
                    int(&t["gross_minor"]),
                ),
            )
        })
        .collect();
    assert_eq!(overall, sums(&lines), "overall totals of {filters:?}");
    let mut grouped = std::collections::BTreeMap::new();
    for line in &lines {
        let key = (
            line["billing_account_id"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            line["month"].as_str().unwrap_or("").to_string(),
            line["currency"].as_str().unwrap_or("").to_string(),
        );
        let entry = grouped.entry(key).or_insert((0_i64, 0_i64, 0_i64));
        entry.0 += 1;
        entry.1 += int(&line["net_minor"]);
        entry.2 += int(&line["vat_minor"]);
    }
    let rows = totals["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), grouped.len(), "{totals}");
    for row in rows {
        let key = (
            row["billing_account_id"].as_str().unwrap_or("").to_string(),
            row["month"].as_str().unwrap_or("").to_string(),
            row["currency"].as_str().unwrap_or("").to_string(),
        );
        let (count, net, vat) = grouped.get(&key).copied().expect("group of lines");
        assert_eq!(int(&row["lines"]), count, "{row}");
        assert_eq!(int(&row["net_minor"]), net, "{row}");
        assert_eq!(int(&row["vat_minor"]), vat, "{row}");
        assert_eq!(int(&row["gross_minor"]), net + vat, "{row}");
    }
    lines
}

async fn ids_of(app: &TestApp, email: &str) -> (String, String) {
    let row: (String, String) =
        sqlx::query_as("SELECT organization_id, user_id FROM app_user WHERE email = $1")
            .bind(email)
            .fetch_one(app.state.db.pool())
            .await
            .expect("user");
    row
}

/// A course application made and decided through the real endpoints: the
/// customer applies for `attendance.len()` new attendees, the operator
/// records `decision` (`accept`, `waitlist`, `reject`, or `` to leave it
/// submitted) and marks attendance where given.
async fn decided_application(
    app: &TestApp,
    w: &World,
    service: &str,
    account: &str,
    decision: &str,
    attendance: &[Option<bool>],
) {
    let tag = random_key();
    let mut form = vec![
        ("service_id".to_string(), service.to_string()),
        ("billing_account_id".to_string(), account.to_string()),
        ("key".to_string(), random_key()),
    ];
    let mut people = Vec::new();
    for i in 0..attendance.len() {
        let person = attendee(
            app,
            &w.alpha,
            &format!("Person {i} {tag}"),
            &format!("p{i}-{tag}@customer.example"),
        )
        .await;
        form.push((format!("attendee_ids[{i}]"), person.clone()));
        people.push(person);
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, body) = app.call(&w.alpha, "org/courses/create", &pairs).await;
    assert_eq!(status, StatusCode::OK, "apply: {body}");
    let id = body.as_str().expect("id").to_string();
    if decision.is_empty() {
        return;
    }
    let (status, body) = app
        .call(
            &w.admin,
            "admin/courses/decide",
            &[
                ("id", &id),
                ("decision", decision),
                ("reason", "Decided in a test."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "decide: {body}");
    for (person, attended) in people.iter().zip(attendance) {
        if let Some(attended) = attended {
            let (status, body) = app
                .call(
                    &w.admin,
                    "admin/courses/attendance",
                    &[
                        ("id", &id),
                        ("attendee_id", person),
                        ("attended", if *attended { "true" } else { "false" }),
                    ],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "attendance: {body}");
        }
    }
}

async fn get_html(app: &TestApp, client: &Client, path: &str) -> String {
    let res = client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("page");
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    res.text().await.expect("html")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn roles_are_checked_on_every_insight_endpoint() {
    let w = world().await;
    let anonymous = w.app.client();
    let customer_calls: &[(&str, &[(&str, &str)])] = &[
        ("org/expenses/list", &[]),
        ("org/expenses/totals", &[]),
        ("org/expenses/export", &[]),
        ("org/utilization", &[]),
        ("org/dashboard", &[]),
    ];
    for (endpoint, form) in customer_calls {
        let (status, _) = w.app.call(&anonymous, endpoint, form).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint} anonymous");
        let (status, _) = w.app.call(&w.admin, endpoint, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint} as admin");
    }
    let (status, _) = w.app.call(&anonymous, "admin/reports", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = w.app.call(&w.alpha, "admin/reports", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn expense_totals_match_the_listed_lines_under_every_filter() {
    let w = world().await;
    let (app, alpha) = (&w.app, &w.alpha);
    let leadership = published_service(app, &w.admin, "Leadership basics", &[]).await;
    let coaching = published_service(
        app,
        &w.admin,
        "Team coaching",
        &[("price", "99.90"), ("vat_rate", "24"), ("capacity", "50")],
    )
    .await;
    let nordic = published_service(
        app,
        &w.admin,
        "Nordic workshop",
        &[("price", "4500"), ("currency", "SEK"), ("vat_rate", "25")],
    )
    .await;
    let main = billing_account(app, alpha, "Main office").await;
    let lab = billing_account(app, alpha, "Research lab").await;
    buy_ok(app, alpha, &leadership, &main, "2").await;
    buy_ok(app, alpha, &coaching, &lab, "3").await;
    let cancelled = buy_ok(app, alpha, &leadership, &lab, "1").await;
    buy_ok(app, alpha, &nordic, &main, "1").await;
    let (status, body) = app
        .call(alpha, "org/orders/cancel", &[("id", &cancelled)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Beta's lines must never show up in Alpha's answers.
    let beta_account = billing_account(app, &w.beta, "Beta HQ").await;
    buy_ok(app, &w.beta, &leadership, &beta_account, "4").await;

    let all = lines_and_totals_agree(app, alpha, &[]).await;
    assert_eq!(all.len(), 5, "{all:?}");
    let ledger = ledger_total(app, &main).await + ledger_total(app, &lab).await;
    let listed: i64 = all
        .iter()
        .map(|l| int(&l["net_minor"]) + int(&l["vat_minor"]))
        .sum();
    assert_eq!(listed, ledger);
    // Newest first: the refund was written last.
    assert_eq!(all[0]["source_kind"], "order_refund");
    assert_eq!(int(&all[0]["quantity"]), -1);
    assert!(int(&all[0]["net_minor"]) < 0);
    // 2 × 1250.00 at 25.5 %.
    let first = all
        .iter()
        .find(|l| l["billing_account_id"] == main.as_str() && l["currency"] == "EUR")
        .expect("main line");
    assert_eq!(int(&first["net_minor"]), 250_000);
    assert_eq!(int(&first["vat_minor"]), 63_750);

    let month = this_month();
    let cases: Vec<(Vec<(&str, &str)>, usize)> = vec![
        (vec![("account", main.as_str())], 2),
        (vec![("account", lab.as_str())], 3),
        (vec![("kind", "purchase")], 4),
        (vec![("kind", "refund")], 1),
        (vec![("kind", "course_fee")], 0),
        (vec![("service", leadership.as_str())], 3),
        (vec![("service", nordic.as_str())], 1),
        (vec![("from", month.as_str()), ("to", month.as_str())], 5),
        (vec![("to", "2001-01")], 0),
        (
            vec![
                ("account", lab.as_str()),
                ("kind", "purchase"),
                ("service", leadership.as_str()),
                ("from", month.as_str()),
            ],
            1,
        ),
    ];
    for (filters, expected) in &cases {
        let lines = lines_and_totals_agree(app, alpha, filters).await;
        assert_eq!(lines.len(), *expected, "{filters:?}: {lines:?}");
    }
    // Several currencies are summed apart.
    let (_, totals) = app.call(alpha, "org/expenses/totals", &[]).await;
    let currencies: Vec<&str> = totals["overall"]
        .as_array()
        .expect("overall")
        .iter()
        .filter_map(|t| t["currency"].as_str())
        .collect();
    assert_eq!(currencies, vec!["EUR", "SEK"]);
    // The filter lists: both accounts, the three services, nothing of Beta's.
    let (_, list) = app.call(alpha, "org/expenses/list", &[]).await;
    assert_eq!(list["accounts"].as_array().map(Vec::len), Some(2), "{list}");
    assert_eq!(list["services"].as_array().map(Vec::len), Some(3), "{list}");
    assert!(!list.to_string().contains(&beta_account));
}

#[tokio::test]
async fn bad_filters_are_explained_field_by_field() {
    let w = world().await;
    let (app, alpha) = (&w.app, &w.alpha);
    let beta_account = billing_account(app, &w.beta, "Beta HQ").await;
    let long = "x".repeat(500);
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("from", "2026-13")], "from"),
        (&[("to", "last year")], "to"),
        (&[("from", "2027-02"), ("to", "2027-01")], "to"),
        (&[("kind", "gift")], "kind"),
        (&[("account", beta_account.as_str())], "account"),
        (&[("account", "no-such-account")], "account"),
        (&[("account", long.as_str())], "account"),
        (&[("service", "no-such-service")], "service"),
    ];
    for endpoint in [
        "org/expenses/list",
        "org/expenses/totals",
        "org/expenses/export",
    ] {
        for (form, name) in cases {
            let (status, body) = app.call(alpha, endpoint, form).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{endpoint} {form:?}: {body}"
            );
            assert!(field(&body, name).is_some(), "{endpoint} {form:?}: {body}");
        }
    }
    // Several bad fields answer together.
    let (status, body) = app
        .call(
            alpha,
            "org/expenses/list",
            &[("from", "x"), ("kind", "y"), ("service", "z")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    for name in ["from", "kind", "service"] {
        assert!(field(&body, name).is_some(), "{body}");
    }
    for after in ["garbage", "12_", "x_abc"] {
        let (status, body) = app
            .call(alpha, "org/expenses/list", &[("after", after)])
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{after}: {body}");
    }
}

#[tokio::test]
async fn ten_thousand_lines_page_by_keyset_and_totals_still_match() {
    let w = world().await;
    let (app, alpha) = (&w.app, &w.alpha);
    let service = published_service(app, &w.admin, "Bulk course", &[]).await;
    let account = billing_account(app, alpha, "Main office").await;
    let (org, _) = ids_of(app, "alpha@customer.example").await;
    let month = this_month();
    let base = app::server::now_ms() - 20_000_000;
    // Straight into the ledger, 250 rows a statement: every tenth line is a
    // refund.
    let mut tx = app.state.db.pool().begin().await.expect("tx");
    for batch in 0..40 {
        let values: Vec<String> = (0..250)
            .map(|k| {
                let i = batch * 250 + k;
                let (kind, qty) = if i % 10 == 9 {
                    ("order_refund", -1)
                } else {
                    ("order", 2)
                };
                let net = qty * 12_345;
                format!(
                    "('bulk-{i:05}', '{org}', '{account}', '{service}', '{kind}', 'src-{i}', 'Bulk line {i}', {qty}, 12345, {net}, {}, 'EUR', 2400, '{month}', {})",
                    net * 24 / 100,
                    base + i * 1000
                )
            })
            .collect();
        sqlx::query(&format!(
            "INSERT INTO expense_line (expense_id, organization_id, billing_account_id, service_id,
                source_kind, source_id, description, quantity, unit_price_minor, net_minor, vat_minor,
                currency, vat_rate_bp, month, occurred_at) VALUES {}",
            values.join(", ")
        ))
        .execute(&mut *tx)
        .await
        .expect("bulk insert");
    }
    tx.commit().await.expect("commit");

    let mut seen = std::collections::HashSet::new();
    let mut after = String::new();
    let mut previous = i64::MAX;
    for page in 0..4 {
        let (status, body) = app
            .call(alpha, "org/expenses/list", &[("after", &after)])
            .await;
        assert_eq!(status, StatusCode::OK, "page {page}: {body}");
        let rows = body["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 50);
        for row in rows {
            assert!(seen.insert(row["expense_id"].as_str().unwrap_or("").to_string()));
            let n: i64 = row["expense_id"]
                .as_str()
                .and_then(|id| id.strip_prefix("bulk-"))
                .and_then(|n| n.parse().ok())
                .expect("bulk id");
            assert!(n < previous, "newest first");
            previous = n;
        }
        after = body["next"].as_str().expect("next").to_string();
    }
    assert_eq!(previous, 10_000 - 200);

    // A filtered page, and the totals over everything.
    let (status, body) = app
        .call(alpha, "org/expenses/list", &[("kind", "refund")])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["rows"].as_array().map(Vec::len), Some(50));
    let (status, totals) = app.call(alpha, "org/expenses/totals", &[]).await;
    assert_eq!(status, StatusCode::OK, "{totals}");
    let expected: i64 = sqlx::query_scalar::<_, i64>(
        "SELECT CAST(SUM(net_minor + vat_minor) AS BIGINT) FROM expense_line WHERE organization_id = $1",
    )
    .bind(&org)
    .fetch_one(app.state.db.pool())
    .await
    .expect("sum");
    assert_eq!(int(&totals["overall"][0]["gross_minor"]), expected);
    assert_eq!(int(&totals["overall"][0]["lines"]), 10_000);
    let lines = lines_and_totals_agree(app, alpha, &[("kind", "refund")]).await;
    assert_eq!(lines.len(), 1_000);
    let (status, csv) = app.call(alpha, "org/expenses/export", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(csv.as_str().map(|t| t.lines().count()), Some(10_001));

    // Beta sees none of it, whatever it sends.
    let (status, body) = app
        .call(&w.beta, "org/expenses/list", &[("service", &service)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["rows"].as_array().map(Vec::len), Some(0));
    let (status, body) = app
        .call(&w.beta, "org/expenses/list", &[("after", &after)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["rows"].as_array().map(Vec::len), Some(0));
    let (_, totals) = app.call(&w.beta, "org/expenses/totals", &[]).await;
    assert_eq!(totals["overall"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn the_csv_export_opens_correctly_in_a_spreadsheet() {
    let w = world().await;
    let (app, alpha) = (&w.app, &w.alpha);
    let title = "Data, \"Deep\" Dive";
    let service = published_service(app, &w.admin, title, &[]).await;
    let formula = published_service(app, &w.admin, "=HYPERLINK(\"x\") course", &[]).await;
    let account = billing_account(app, alpha, "@Finance +ops").await;
    let order = buy_ok(app, alpha, &service, &account, "2").await;
    buy_ok(app, alpha, &formula, &account, "1").await;
    let (status, _) = app
        .call(alpha, "org/orders/cancel", &[("id", &order)])
        .await;
    assert_eq!(status, StatusCode::OK);

    let (status, body) = app.call(alpha, "org/expenses/export", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let text = body.as_str().expect("csv text");
    assert!(text.starts_with('\u{feff}'), "byte-order mark");
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    // RFC 4180: the comma and the doubled quotes stay inside one cell.
    assert!(text.contains("\"Data, \"\"Deep\"\" Dive\""), "{text}");

    let mut reader =
        csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, app::expenses::CSV_COLUMNS.to_vec());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), 3);
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    // Newest first: the refund, then the formula-titled order, then the
    // first order.
    let refund = &rows[0];
    assert_eq!(&refund[col("service")], title);
    assert_eq!(&refund[col("kind")], "Purchase refund");
    assert_eq!(&refund[col("quantity")], "-2");
    assert_eq!(&refund[col("net")], "-2500.00");
    assert_eq!(&refund[col("vat")], "-637.50");
    assert_eq!(&refund[col("gross")], "-3137.50");
    assert_eq!(&refund[col("vat_percent")], "25.50");
    assert_eq!(&refund[col("month")], this_month().as_str());
    assert_eq!(&refund[col("currency")], "EUR");
    assert_eq!(&refund[col("billing_account")], "'@Finance +ops");
    let formula_row = &rows[1];
    assert_eq!(&formula_row[col("service")], "'=HYPERLINK(\"x\") course");
    assert!(formula_row[col("description")].starts_with("1 × seat: =HYPERLINK"));
    assert_eq!(&formula_row[col("unit_price")], "1250.00");
    assert_eq!(&rows[2][col("gross")], "3137.50");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell could run as a formula: {cell}"
            );
        }
    }

    // The export holds exactly the filtered lines.
    let (_, body) = app
        .call(alpha, "org/expenses/export", &[("kind", "refund")])
        .await;
    let text = body.as_str().expect("csv");
    assert_eq!(text.lines().count(), 2, "{text}");
    let (_, body) = app.call(&w.beta, "org/expenses/export", &[]).await;
    let text = body.as_str().expect("csv");
    assert_eq!(text.lines().count(), 1, "only the header for Beta: {text}");
}

#[tokio::test]
async fn utilization_counts_seats_and_attendance_per_service() {
    let w = world().await;
    let (app, alpha) = (&w.app, &w.alpha);
    let course = published_service(app, &w.admin, "Leadership basics", &[]).await;
    let coaching = published_service(
        app,
        &w.admin,
        "Team coaching",
        &[("kind", "service"), ("capacity", "")],
    )
    .await;
    let applied = published_service(app, &w.admin, "Applied only", &[]).await;
    let untouched = published_service(app, &w.admin, "Nobody's course", &[]).await;
    let account = billing_account(app, alpha, "Main office").await;
    buy_ok(app, alpha, &course, &account, "3").await;
    buy_ok(app, alpha, &course, &account, "1").await;
    let cancelled = buy_ok(app, alpha, &course, &account, "5").await;
    app.call(alpha, "org/orders/cancel", &[("id", &cancelled)])
        .await;
    buy_ok(app, alpha, &coaching, &account, "2").await;
    // Five places: the four bought seats, and one charged as a course fee.
    decided_application(
        app,
        &w,
        &course,
        &account,
        "accept",
        &[Some(true), Some(false), Some(true), None, None],
    )
    .await;
    // Not accepted: counts for nothing but lists the service.
    decided_application(app, &w, &applied, &account, "", &[None]).await;

    let (status, body) = app.call(alpha, "org/utilization", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = body["rows"].as_array().expect("rows");
    let row = |id: &str| {
        rows.iter()
            .find(|r| r["service_id"] == id)
            .unwrap_or_else(|| panic!("no row for {id}: {body}"))
            .clone()
    };
    assert_eq!(rows.len(), 3, "{body}");
    assert!(!rows.iter().any(|r| r["service_id"] == untouched.as_str()));
    let c = row(&course);
    assert_eq!(int(&c["seats_bought"]), 4);
    assert_eq!(int(&c["seats_used"]), 4);
    assert_eq!(int(&c["seats_charged"]), 1);
    assert_eq!(int(&c["attendees_accepted"]), 5);
    assert_eq!(int(&c["attended"]), 2);
    assert_eq!(int(&c["marked"]), 3);
    let s = row(&coaching);
    assert_eq!(int(&s["seats_bought"]), 2);
    assert_eq!(int(&s["seats_used"]), 0);
    let a = row(&applied);
    assert_eq!(int(&a["seats_bought"]), 0);
    assert_eq!(int(&a["attendees_accepted"]), 0);

    // Beta has none of it.
    let (_, body) = app.call(&w.beta, "org/utilization", &[]).await;
    assert_eq!(body["rows"].as_array().map(Vec::len), Some(0), "{body}");

    // The page draws two bars per service (bought and used).
    let html = get_html(app, alpha, "/org/utilization").await;
    assert_eq!(count(&html, "data-testid=\"utilization-bar\""), 6);
    assert_eq!(count(&html, "data-testid=\"utilization-row\""), 3);
    assert!(html.contains("2 of 3 (67 %)"), "attendance");
    assert!(!html.contains("NaN"));
}

#[tokio::test]
async fn the_dashboard_sums_figures_links_them_and_draws_the_charts() {
    let w = world().await;
    let (app, alpha) = (&w.app, &w.alpha);

    // Nothing yet: figures at zero, both charts say so instead of drawing.
    let (status, empty) = app.call(alpha, "org/dashboard", &[]).await;
    assert_eq!(status, StatusCode::OK, "{empty}");
    assert_eq!(int(&empty["open_orders"]), 0);
    assert_eq!(empty["months"].as_array().map(Vec::len), Some(12));
    assert_eq!(empty["spend_by_month"].as_array().map(Vec::len), Some(0));
    let html = get_html(app, alpha, "/org").await;
    assert!(
        html.contains("data-testid=\"spend-empty\""),
        "spend empty state"
    );
    assert!(
        html.contains("data-testid=\"seats-empty\""),
        "seats empty state"
    );
    assert_eq!(count(&html, "-bar\""), 0);
    assert!(!html.contains("NaN"));
    assert!(html.contains("data-testid=\"org-name\""));
    assert!(html.contains("href=\"/org/details\""));

    let course = published_service(app, &w.admin, "Leadership basics", &[]).await;
    let past = published_service(
        app,
        &w.admin,
        "Licence",
        &[
            ("kind", "service"),
            ("capacity", ""),
            ("starts_at", ""),
            ("ends_at", ""),
            ("cancellation_deadline", ""),
        ],
    )
    .await;
    let main = billing_account(app, alpha, "Main office").await;
    let lab = billing_account(app, alpha, "Research lab").await;
    buy_ok(app, alpha, &course, &main, "2").await;
    buy_ok(app, alpha, &past, &lab, "1").await;
    let cancelled = buy_ok(app, alpha, &course, &lab, "1").await;
    decided_application(app, &w, &course, &main, "accept", &[Some(true)]).await;
    decided_application(app, &w, &course, &main, "waitlist", &[None]).await;
    decided_application(app, &w, &course, &main, "reject", &[None]).await;
    app.call(alpha, "org/orders/cancel", &[("id", &cancelled)])
        .await;

    let (status, d) = app.call(alpha, "org/dashboard", &[]).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(int(&d["open_orders"]), 2, "{d}");
    assert_eq!(int(&d["upcoming_courses"]), 2, "{d}");
    assert_eq!(int(&d["attendees"]), 3, "{d}");
    assert_eq!(d["this_month"], this_month().as_str());
    let spend = d["spend_this_month"].as_array().expect("spend");
    assert_eq!(spend.len(), 2, "{d}");
    for s in spend {
        let account = s["billing_account_id"].as_str().expect("account");
        assert_eq!(int(&s["gross_minor"]), ledger_total(app, account).await);
    }
    let series = d["spend_by_month"].as_array().expect("series");
    assert_eq!(series.len(), 1);
    assert_eq!(series[0]["currency"], "EUR");
    let values = series[0]["values"].as_array().expect("values");
    assert_eq!(values.len(), 12);
    assert_eq!(
        int(&values[11]),
        ledger_total(app, &main).await + ledger_total(app, &lab).await
    );
    assert_eq!(d["seats"].as_array().map(Vec::len), Some(2), "{d}");
    let activity = d["activity"].as_array().expect("activity");
    assert!(!activity.is_empty() && activity.len() <= 10, "{d}");
    assert_eq!(activity[0]["action"], "order.cancelled");

    let html = get_html(app, alpha, "/org").await;
    assert_eq!(count(&html, "data-testid=\"spend-eur-bar\""), 12);
    assert_eq!(count(&html, "data-testid=\"seats-bar\""), 4);
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("class=\"visually-hidden\""));
    assert!(!html.contains("NaN"));
    assert!(!html.contains("data-testid=\"spend-empty\""));
    // Each figure links to the list behind it.
    for href in ["/org/orders", "/org/courses", "/org/attendees"] {
        assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
    }
    let month = this_month();
    assert!(
        html.contains(&format!(
            "href=\"/org/expenses?account={main}&amp;from={month}&amp;to={month}\""
        )) || html.contains(&format!(
            "href=\"/org/expenses?account={main}&from={month}&to={month}\""
        ))
    );

    // Beta's dashboard shows none of Alpha's figures.
    let (_, b) = app.call(&w.beta, "org/dashboard", &[]).await;
    assert_eq!(int(&b["open_orders"]), 0);
    assert_eq!(int(&b["upcoming_courses"]), 0);
    assert_eq!(int(&b["attendees"]), 0);
    assert_eq!(b["spend_this_month"].as_array().map(Vec::len), Some(0));
    assert_eq!(b["seats"].as_array().map(Vec::len), Some(0));
    // Its activity is its own approval and password, nothing of Alpha's.
    let activity = b["activity"].as_array().expect("activity");
    assert!(!activity.is_empty());
    assert!(
        activity.iter().all(
            |a| !a["action"].as_str().unwrap_or("").starts_with("order.")
                && !a["detail"].as_str().unwrap_or("").contains("Alpha")
        ),
        "{b}"
    );
    assert_eq!(b["legal_name"], "Beta Training Ab");
}

#[tokio::test]
async fn platform_reports_count_weeks_decisions_revenue_and_seats() {
    let w = world().await;
    let (app, admin) = (&w.app, &w.admin);
    // Two approvals in `world`, one rejection and one still open here.
    let id = app
        .claimed_application(admin, "Gamma Oy", "gamma@customer.example")
        .await;
    let (status, body) = app
        .call(
            admin,
            "admin/applications/reject",
            &[("id", &id), ("reason", "Not a fit.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    app.submit_ok(&[
        ("legal_name", "Delta Oy"),
        ("contact_email", "delta@customer.example"),
    ])
    .await;

    let course = published_service(app, admin, "Leadership basics", &[]).await;
    let sek = published_service(
        app,
        admin,
        "Nordic workshop",
        &[
            ("kind", "service"),
            ("price", "4500"),
            ("currency", "SEK"),
            ("capacity", ""),
        ],
    )
    .await;
    let a = billing_account(app, &w.alpha, "Main office").await;
    let b = billing_account(app, &w.beta, "Beta HQ").await;
    buy_ok(app, &w.alpha, &course, &a, "3").await;
    let cancelled = buy_ok(app, &w.beta, &course, &b, "2").await;
    app.call(&w.beta, "org/orders/cancel", &[("id", &cancelled)])
        .await;
    buy_ok(app, &w.beta, &sek, &b, "1").await;

    let (status, r) = app.call(admin, "admin/reports", &[]).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    let weeks = r["weeks"].as_array().expect("weeks");
    assert_eq!(weeks.len(), 12);
    assert_eq!(int(&weeks[11]["count"]), 4, "{r}");
    let total: i64 = weeks.iter().map(|w| int(&w["count"])).sum();
    assert_eq!(total, 4);
    assert_eq!(int(&r["decisions"]["decided"]), 3, "{r}");
    assert!(r["decisions"]["median_ms"].as_i64().is_some());
    assert!(r["decisions"]["average_ms"].as_i64().is_some());

    let revenue = r["revenue"].as_array().expect("revenue");
    let eur = revenue
        .iter()
        .find(|x| x["service_id"] == course.as_str())
        .expect("course revenue");
    // Beta's order and its refund cancel out, so the course brought in
    // what Alpha paid.
    assert_eq!(int(&eur["gross_minor"]), ledger_total(app, &a).await);
    assert_eq!(int(&eur["lines"]), 3);
    let sek_row = revenue
        .iter()
        .find(|x| x["service_id"] == sek.as_str())
        .expect("sek revenue");
    assert_eq!(sek_row["currency"], "SEK");
    assert_eq!(int(&sek_row["gross_minor"]), ledger_total(app, &b).await);

    let seats = r["utilization"].as_array().expect("utilization");
    let course_row = seats
        .iter()
        .find(|x| x["service_id"] == course.as_str())
        .expect("course seats");
    assert_eq!(int(&course_row["seats_sold"]), 3);
    assert_eq!(int(&course_row["capacity"]), 10);

    let html = get_html(app, admin, "/admin/reports").await;
    assert_eq!(count(&html, "data-testid=\"weeks-bar\""), 12);
    assert_eq!(count(&html, "data-testid=\"revenue-eur-bar\""), 1);
    assert_eq!(count(&html, "data-testid=\"revenue-sek-bar\""), 1);
    // Only the course has a seat limit: sold and capacity.
    assert_eq!(count(&html, "data-testid=\"capacity-bar\""), 2);
    assert!(html.contains("3 of 10 (30 %)"));
    assert!(!html.contains("NaN"));
}

#[tokio::test]
async fn an_empty_platform_reports_without_dividing_by_zero() {
    let app = TestApp::spawn().await;
    let admin = app.admin("empty@operator.example").await;
    let (status, r) = app.call(&admin, "admin/reports", &[]).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(int(&r["decisions"]["decided"]), 0);
    assert!(r["decisions"]["median_ms"].is_null());
    let html = get_html(&app, &admin, "/admin/reports").await;
    assert!(html.contains("data-testid=\"weeks-empty\""));
    assert!(html.contains("data-testid=\"capacity-empty\""));
    assert!(html.contains("data-testid=\"revenue-empty\""));
    assert_eq!(count(&html, "-bar\""), 0);
    assert!(!html.contains("NaN"));
}
