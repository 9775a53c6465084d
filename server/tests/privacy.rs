//! Privacy: the terms version recorded with each application, the public
//! privacy notice and terms, the retention purge (library, command line and
//! the server's periodic task), and a Customer admin's export and erasure
//! of one attendee's personal data.

mod common;

use std::time::Duration;

use app::privacy::purge::{purge, Purged};
use app::privacy::TERMS_VERSION;
use app::server::db::Backend;
use app::server::now_ms;
use common::commerce::{attendee, billing_account, published_service};
use common::{random_key, TestApp};
use reqwest::StatusCode;
use serde_json::Value;

const DAY_MS: i64 = 86_400_000;

/// Every text column of every table of the test database, as
/// (table, column) pairs: what "grep the database" searches.
async fn text_columns(app: &TestApp) -> Vec<(String, String)> {
    let pool = app.state.db.pool();
    match app.backend() {
        Backend::Sqlite => {
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(pool)
            .await
            .expect("tables");
            let mut out = Vec::new();
            for table in tables {
                let columns: Vec<String> =
                    sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                        .fetch_all(pool)
                        .await
                        .expect("columns");
                out.extend(columns.into_iter().map(|c| (table.clone(), c)));
            }
            out
        }
        Backend::Postgres => {
            let rows: Vec<(String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns
                 WHERE table_schema = 'public'
                   AND data_type IN ('text', 'character varying', 'bytea', 'json', 'jsonb')",
            )
            .fetch_all(pool)
            .await
            .expect("columns");
            rows
        }
    }
}

/// The places in the whole database where `needle` occurs in any letter
/// case, ignoring occurrences inside `except` (a longer string that
/// contains it).
async fn grep_database(app: &TestApp, needle: &str, except: Option<&str>) -> Vec<String> {
    let position = match app.backend() {
        Backend::Sqlite => "instr",
        Backend::Postgres => "strpos",
    };
    let mut hits = Vec::new();
    for (table, column) in text_columns(app).await {
        let cell = format!("LOWER(CAST(\"{column}\" AS TEXT))");
        let cell = match except {
            Some(_) => format!("REPLACE({cell}, $2, '')"),
            None => cell,
        };
        let sql = format!("SELECT COUNT(*) FROM \"{table}\" WHERE {position}({cell}, $1) > 0");
        let mut query = sqlx::query_scalar::<_, i64>(&sql).bind(needle.to_lowercase());
        if let Some(except) = except {
            query = query.bind(except.to_lowercase());
        }
        let n = query
            .fetch_one(app.state.db.pool())
            .await
            .unwrap_or_else(|e| panic!("grep {table}.{column}: {e}"));
        if n > 0 {
            hits.push(format!("{table}.{column} ({n})"));
        }
    }
    hits
}

#[tokio::test]
async fn an_application_records_the_terms_version_it_accepted_and_the_pages_link_the_notice() {
    let app = TestApp::spawn().await;
    let admin = app.admin("terms.admin@operator.example").await;

    // The box is required, with a field message like the other fields.
    let (status, body) = app
        .submit(&[("accept_terms", ""), ("legal_name", "No Terms Oy")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields = body["Validation"].as_array().expect("field errors");
    assert!(
        fields.iter().any(|f| f[0] == "accept_terms"),
        "no accept_terms error: {body}"
    );
    // The same without JavaScript: the form comes back with the message.
    let form = common::application_form(&random_key(), &[("accept_terms", "")]);
    let client = app.client();
    let res = client
        .post(format!("{}/api/applications/submit", app.base))
        .header("accept", "text/html")
        .header("referer", format!("{}/apply", app.base))
        .form(&form)
        .send()
        .await
        .expect("plain post");
    // A failed plain post comes back as the form itself, with the message.
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.expect("html");
    assert!(
        page.contains("Please accept the terms to apply."),
        "no terms message in the page"
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM application").await,
        0,
        "nothing stored"
    );

    let before = now_ms();
    app.submit_ok(&[("legal_name", "Terms Accepted Oy")]).await;
    let after = now_ms();
    let id = app.application_id("Terms Accepted Oy").await;
    let (version, at): (String, i64) = sqlx::query_as(
        "SELECT terms_version, terms_accepted_at FROM application WHERE application_id = $1",
    )
    .bind(&id)
    .fetch_one(app.state.db.pool())
    .await
    .expect("terms columns");
    assert_eq!(version, TERMS_VERSION);
    assert!(
        (before..=after).contains(&at),
        "{before} <= {at} <= {after}"
    );

    // The reviewer sees both on the detail answer and page.
    let (status, body) = app
        .call(&admin, "admin/applications/get", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["terms"][0], TERMS_VERSION);
    assert_eq!(body["terms"][1], at);
    let page = admin
        .get(format!("{}/admin/applications/{id}", app.base))
        .send()
        .await
        .expect("detail page")
        .text()
        .await
        .expect("body");
    assert!(
        page.contains(&format!(
            "Version {TERMS_VERSION}, {}",
            app::format::time_in(app::i18n::Locale::En, at)
        )),
        "detail page lacks the accepted terms"
    );

    // Public pages: the notice quotes the configured retention, the form
    // and every footer link to both.
    let client = app.client();
    for (path, needles) in [
        (
            "/privacy",
            vec!["180 days", TERMS_VERSION, "href=\"/terms\""],
        ),
        ("/terms", vec![TERMS_VERSION, "href=\"/privacy\""]),
        (
            "/apply",
            vec!["href=\"/privacy\"", "href=\"/terms\"", TERMS_VERSION],
        ),
        (
            "/",
            vec![
                "data-testid=\"footer-privacy\"",
                "data-testid=\"footer-terms\"",
            ],
        ),
    ] {
        let response = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .expect("page");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let html = response.text().await.expect("html");
        for needle in needles {
            assert!(html.contains(needle), "{path} lacks {needle:?}");
        }
    }
    let (status, body) = app.call(&client, "privacy/facts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["retention_days"], 180);
}

/// Applications in every state, each with its own contact details; the
/// ones named `old` are moved 200 days into the past.
struct Fixture {
    app: TestApp,
    /// (legal name, email, expected to be purged by a 180-day purge now)
    cases: Vec<(&'static str, &'static str, bool)>,
}

async fn applications_in_every_state() -> Fixture {
    let app = TestApp::spawn().await;
    let admin = app.admin("purge.admin@operator.example").await;
    let cases = vec![
        ("Old Rejected Oy", "old.rejected@purge.example", true),
        ("Old Withdrawn Oy", "old.withdrawn@purge.example", true),
        ("Old Submitted Oy", "old.submitted@purge.example", false),
        ("Old Review Oy", "old.review@purge.example", false),
        ("Old Question Oy", "old.question@purge.example", false),
        ("Old Approved Oy", "old.approved@purge.example", false),
        ("Young Rejected Oy", "young.rejected@purge.example", false),
        ("Young Withdrawn Oy", "young.withdrawn@purge.example", false),
    ];
    for (name, email, _) in &cases {
        let phone = "+358 40 765 4321";
        let token = app
            .submit_ok(&[
                ("legal_name", name),
                ("contact_email", email),
                ("contact_name", &format!("Contact of {name}")),
                ("phone", phone),
                ("registration_id", "7654321-0"),
            ])
            .await;
        let id = app.application_id(name).await;
        let decide = |endpoint: &'static str, extra: Vec<(&'static str, String)>| {
            let (app, admin, id) = (&app, &admin, id.clone());
            async move {
                let mut form = vec![("id", id.clone())];
                form.extend(extra);
                let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let (status, body) = app.call(admin, endpoint, &pairs).await;
                assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
            }
        };
        if name.contains("Rejected") || name.contains("Review") || name.contains("Question") {
            decide("admin/applications/claim", vec![]).await;
        }
        if name.contains("Rejected") {
            // A question and an answer first, so there are messages to clear.
            decide(
                "admin/applications/request_info",
                vec![
                    ("fields", "phone".into()),
                    ("message", format!("Secret question for {name}")),
                ],
            )
            .await;
            let (status, body) = app
                .call(
                    &app.client(),
                    "applications/respond",
                    &[
                        ("token", &token),
                        ("answer", &format!("Secret answer from {name}")),
                        ("application[phone]", phone),
                    ],
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            decide(
                "admin/applications/reject",
                vec![("reason", format!("Secret reason for {name}"))],
            )
            .await;
        }
        if name.contains("Question") {
            decide(
                "admin/applications/request_info",
                vec![
                    ("fields", "phone".into()),
                    ("message", "Which phone?".into()),
                ],
            )
            .await;
        }
        if name.contains("Withdrawn") {
            let (status, body) = app
                .call(&app.client(), "applications/withdraw", &[("token", &token)])
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        if name.contains("Approved") {
            decide("admin/applications/claim", vec![]).await;
            decide("admin/applications/approve", vec![]).await;
        }
    }
    // 200 days ago, for every timestamp the reports read.
    sqlx::query(
        "UPDATE application SET created_at = created_at - $1, updated_at = updated_at - $1,
            decided_at = decided_at - $1
         WHERE legal_name LIKE 'Old %'",
    )
    .bind(200 * DAY_MS)
    .execute(app.state.db.pool())
    .await
    .expect("age applications");
    // Mail written before mail carried its application id: found by
    // address and kind instead.
    sqlx::query("UPDATE outbox SET application_id = NULL WHERE to_address = $1")
        .bind("old.withdrawn@purge.example")
        .execute(app.state.db.pool())
        .await
        .expect("legacy mail");
    Fixture { app, cases }
}

async fn reports_and_counts(app: &TestApp) -> (Value, Value) {
    let admin = app.client();
    app.sign_in(&admin, "purge.admin@operator.example", common::PASSWORD)
        .await;
    let (status, reports) = app.call(&admin, "admin/reports", &[]).await;
    assert_eq!(status, StatusCode::OK, "{reports}");
    let (status, counts) = app.call(&admin, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{counts}");
    (reports, counts["counts"].clone())
}

async fn purged_names(app: &TestApp) -> Vec<String> {
    let mut ids: Vec<String> = sqlx::query_scalar(
        "SELECT application_id FROM application WHERE purged_at IS NOT NULL ORDER BY application_id",
    )
    .fetch_all(app.state.db.pool())
    .await
    .expect("purged");
    ids.sort();
    ids
}

#[tokio::test]
async fn the_purge_removes_old_rejected_and_withdrawn_applications_and_nothing_else() {
    let Fixture { app, cases } = applications_in_every_state().await;
    let mut ids = Vec::new();
    for (name, _, _) in &cases {
        ids.push(app.application_id(name).await);
    }
    let (reports_before, counts_before) = reports_and_counts(&app).await;
    for (_, email, _) in &cases {
        assert!(
            !grep_database(&app, email, None).await.is_empty(),
            "{email} should be stored before the purge"
        );
    }

    let done = purge(&app.state.db, 180, now_ms()).await.expect("purge");
    assert_eq!(done.applications, 2, "{done:?}");
    assert_eq!((done.rejected, done.withdrawn), (1, 1), "{done:?}");
    // The rejected one had a question, an answer and a reason.
    assert_eq!(done.messages, 3, "{done:?}");
    assert!(
        done.mails >= 5,
        "received, question, answer, rejection, withdrawal: {done:?}"
    );
    assert!(done.audit_details >= 2, "{done:?}");

    for ((name, email, purged), id) in cases.iter().zip(&ids) {
        let purged_at: Option<i64> =
            sqlx::query_scalar("SELECT purged_at FROM application WHERE application_id = $1")
                .bind(id)
                .fetch_one(app.state.db.pool())
                .await
                .expect("row stays");
        assert_eq!(purged_at.is_some(), *purged, "{name}");
        let hits = grep_database(&app, email, None).await;
        if *purged {
            assert!(hits.is_empty(), "{email} still in {hits:?}");
            for secret in [
                format!("Contact of {name}"),
                format!("Secret question for {name}"),
                format!("Secret answer from {name}"),
                format!("Secret reason for {name}"),
                name.to_string(),
            ] {
                let hits = grep_database(&app, &secret, None).await;
                assert!(hits.is_empty(), "{secret:?} still in {hits:?}");
            }
        } else {
            assert!(!hits.is_empty(), "{email} of a kept application is gone");
        }
    }
    // Reports and queue counts do not move; the audit trail holds counts
    // only.
    let (reports_after, counts_after) = reports_and_counts(&app).await;
    assert_eq!(counts_after, counts_before);
    assert_eq!(reports_after["decisions"], reports_before["decisions"]);
    assert_eq!(reports_after["weeks"], reports_before["weeks"]);
    let detail = app
        .scalar_text(
            "SELECT detail FROM audit_log WHERE action = $1",
            "privacy.purge",
        )
        .await;
    assert!(
        detail.starts_with("2 applications (1 rejected, 1 withdrawn) older than 180 days"),
        "{detail}"
    );
    assert!(!detail.contains('@'), "{detail}");

    // Idempotent: a second run finds nothing and writes no entry.
    let again = purge(&app.state.db, 180, now_ms()).await.expect("again");
    assert_eq!(again, Purged::default());
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.purge'")
            .await,
        1
    );

    // 181 days on, the young final ones go too; open and approved never.
    // Two servers purging at once share the work: each application is
    // purged once and counted once.
    let later = now_ms() + 181 * DAY_MS;
    let (first, second) = tokio::join!(
        purge(&app.state.db, 180, later),
        purge(&app.state.db, 180, later)
    );
    let (first, second) = (first.expect("first"), second.expect("second"));
    assert_eq!(
        (
            first.rejected + second.rejected,
            first.withdrawn + second.withdrawn
        ),
        (1, 1),
        "{first:?} {second:?}"
    );
    let mut expected: Vec<String> = cases
        .iter()
        .zip(&ids)
        .filter(|((name, _, _), _)| name.contains("Rejected") || name.contains("Withdrawn"))
        .map(|(_, id)| id.clone())
        .collect();
    expected.sort();
    assert_eq!(purged_names(&app).await, expected);
    assert_eq!(reports_and_counts(&app).await.1, counts_before);

    // The reviewer's detail page says what happened instead of showing
    // blanks.
    let admin = app.client();
    app.sign_in(&admin, "purge.admin@operator.example", common::PASSWORD)
        .await;
    let page = admin
        .get(format!("{}/admin/applications/{}", app.base, ids[0]))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(
        page.contains("data-testid=\"detail-purged\""),
        "no purge note"
    );
}

#[tokio::test]
async fn the_command_line_and_the_servers_task_purge_too() {
    let app = TestApp::spawn().await;
    let mut tokens = Vec::new();
    for (name, email) in [
        ("Cli Withdrawn Oy", "cli.withdrawn@purge.example"),
        ("Task Withdrawn Oy", "task.withdrawn@purge.example"),
    ] {
        let token = app
            .submit_ok(&[("legal_name", name), ("contact_email", email)])
            .await;
        let (status, body) = app
            .call(&app.client(), "applications/withdraw", &[("token", &token)])
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        tokens.push(token);
    }
    // 40 days old: past a 30-day retention, within the 180-day default.
    sqlx::query("UPDATE application SET updated_at = updated_at - $1 WHERE legal_name = $2")
        .bind(40 * DAY_MS)
        .bind("Cli Withdrawn Oy")
        .execute(app.state.db.pool())
        .await
        .expect("age");

    let dir = tempfile::tempdir().expect("dir");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_coursegate"))
        .arg("purge")
        .current_dir(dir.path())
        .env_remove("COURSEGATE_CONFIG")
        .env("COURSEGATE_DATABASE_URL", &app.database_url)
        .env("COURSEGATE_RETENTION_DAYS", "30")
        .env("RUST_LOG", "warn")
        .output()
        .expect("run coursegate purge");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("Purged 1 applications (0 rejected, 1 withdrawn) older than 30 days"),
        "{stdout}"
    );
    assert!(grep_database(&app, "cli.withdrawn@purge.example", None)
        .await
        .is_empty());
    assert!(!grep_database(&app, "task.withdrawn@purge.example", None)
        .await
        .is_empty());
    let (status, _) = app
        .call(
            &app.client(),
            "applications/status",
            &[("token", &tokens[0])],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "the status link must stop working"
    );

    // The server's task purges on start; wait for it with a generous
    // deadline.
    sqlx::query("UPDATE application SET updated_at = updated_at - $1 WHERE legal_name = $2")
        .bind(200 * DAY_MS)
        .bind("Task Withdrawn Oy")
        .execute(app.state.db.pool())
        .await
        .expect("age");
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(app::privacy::purge::run(app.state.clone(), stopped));
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    loop {
        let left = app
            .scalar_i64("SELECT COUNT(*) FROM application WHERE purged_at IS NULL")
            .await;
        if left == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the task did not purge"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.send(true).expect("stop");
    tokio::time::timeout(Duration::from_secs(60), task)
        .await
        .expect("the task stops when told")
        .expect("task");
    assert!(grep_database(&app, "task.withdrawn@purge.example", None)
        .await
        .is_empty());
}

/// Organization A with two attendees whose names overlap, both on an
/// accepted course application whose note names one of them.
struct Attendees {
    app: TestApp,
    admin: reqwest::Client,
    alpha: reqwest::Client,
    beta: reqwest::Client,
    ann: String,
    annson: String,
    application: String,
    service: String,
    billing: String,
}

const ANN: &str = "Ann Quill";
const ANN_EMAIL: &str = "ann.quill@people.example";
const ANNSON: &str = "Ann Quillson";

async fn attendees_on_a_course() -> Attendees {
    let app = TestApp::spawn().await;
    let admin = app.admin("people.admin@operator.example").await;
    let alpha = app
        .approved_customer(&admin, "Alpha People Oy", "alpha@people.example")
        .await;
    let beta = app
        .approved_customer(&admin, "Beta People Oy", "beta@people.example")
        .await;
    let service = published_service(&app, &admin, "Privacy course", &[]).await;
    let billing = billing_account(&app, &alpha, "Alpha account").await;
    let ann = attendee(&app, &alpha, ANN, ANN_EMAIL).await;
    let annson = attendee(&app, &alpha, ANNSON, "ann.quillson@people.example").await;
    let (status, body) = app
        .call(
            &alpha,
            "org/courses/create",
            &[
                ("service_id", &service),
                ("billing_account_id", &billing),
                ("attendee_ids[0]", &ann),
                ("attendee_ids[1]", &annson),
                (
                    "note",
                    "Ann Quill needs a vegetarian lunch (ann.quill@people.example); Ann Quillson too.",
                ),
                ("key", &random_key()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let application = body.as_str().expect("id").to_string();
    let (status, body) = app
        .call(
            &admin,
            "admin/courses/decide",
            &[("id", &application), ("decision", "accept")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(
            &admin,
            "admin/courses/attendance",
            &[
                ("id", &application),
                ("attendee_id", &ann),
                ("attended", "true"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    Attendees {
        app,
        admin,
        alpha,
        beta,
        ann,
        annson,
        application,
        service,
        billing,
    }
}

async fn ledger(app: &TestApp) -> Vec<(String, String, i64, i64, String)> {
    sqlx::query_as(
        "SELECT expense_id, description, net_minor, vat_minor, source_id FROM expense_line
         ORDER BY expense_id",
    )
    .fetch_all(app.state.db.pool())
    .await
    .expect("ledger")
}

#[tokio::test]
async fn a_customer_admin_exports_everything_about_one_attendee() {
    let w = attendees_on_a_course().await;
    let (status, body) = w
        .app
        .call(&w.alpha, "org/attendees/personal_data", &[("id", &w.ann)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["attendee"]["name"], ANN);
    assert_eq!(body["attendee"]["email"], ANN_EMAIL);
    assert_eq!(body["organization"], "Alpha People Oy");
    let courses = body["course_applications"].as_array().expect("courses");
    assert_eq!(courses.len(), 1, "{body}");
    assert_eq!(courses[0]["course_application_id"], w.application.as_str());
    assert_eq!(courses[0]["course"], "Privacy course");
    assert_eq!(courses[0]["status"], "accepted");
    assert_eq!(courses[0]["attended"], true);
    let history = body["history"].as_array().expect("history");
    assert!(
        history.iter().any(|h| h["action"] == "attendee.created"),
        "{body}"
    );

    // The page renders it with a JSON download that works without
    // JavaScript (the data link is in the server's HTML).
    let page = w
        .alpha
        .get(format!("{}/org/attendees/{}", w.app.base, w.ann))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("data-testid=\"personal-download\""));
    assert!(html.contains("href=\"data:application/json;charset=utf-8,"));
    assert!(html.contains(&format!("download=\"attendee-{}.json\"", w.ann)));
    assert!(html.contains("data-testid=\"erase-form\""));

    // Another organization, unknown and empty ids: 404, nothing leaked.
    for (client, id) in [
        (&w.beta, w.ann.as_str()),
        (&w.alpha, "no-such-attendee"),
        (&w.alpha, ""),
    ] {
        let (status, body) = w
            .app
            .call(client, "org/attendees/personal_data", &[("id", id)])
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{id:?}: {body}");
        assert!(!body.to_string().contains(ANN), "{body}");
    }
    let (status, _) = w
        .app
        .call(&w.admin, "org/attendees/personal_data", &[("id", &w.ann)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn erasing_an_attendee_anonymizes_them_everywhere_and_keeps_the_ledger() {
    let w = attendees_on_a_course().await;
    let ledger_before = ledger(&w.app).await;
    assert!(!ledger_before.is_empty(), "the accepted place was charged");

    // Refused: another organization (404 even with the box ticked), an
    // unknown id, and A without the confirmation box (422 on the field).
    for (client, id, confirm, expected) in [
        (&w.beta, w.ann.as_str(), "on", StatusCode::NOT_FOUND),
        (&w.alpha, "no-such-attendee", "on", StatusCode::NOT_FOUND),
        (
            &w.alpha,
            w.ann.as_str(),
            "",
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (&w.admin, w.ann.as_str(), "on", StatusCode::FORBIDDEN),
    ] {
        let (status, body) = w
            .app
            .call(
                client,
                "org/attendees/erase",
                &[("id", id), ("confirm", confirm)],
            )
            .await;
        assert_eq!(status, expected, "{id:?} {confirm:?}: {body}");
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            assert_eq!(body["Validation"][0][0], "confirm", "{body}");
        }
    }
    assert!(
        !grep_database(&w.app, ANN_EMAIL, None).await.is_empty(),
        "nothing erased by refused calls"
    );

    // As plain HTML form posts (JavaScript off): without the box the page
    // comes back with the field's message; with it, the list page.
    let res = w
        .alpha
        .post(format!("{}/api/org/attendees/erase", w.app.base))
        .header("accept", "text/html")
        .header("referer", format!("{}/org/attendees/{}", w.app.base, w.ann))
        .form(&[("id", w.ann.as_str())])
        .send()
        .await
        .expect("erase without the box");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.expect("html");
    assert!(
        page.contains("Tick the box to confirm"),
        "no field message in the page"
    );
    let res = w
        .alpha
        .post(format!("{}/api/org/attendees/erase", w.app.base))
        .header("accept", "text/html")
        .header("referer", format!("{}/org/attendees/{}", w.app.base, w.ann))
        .form(&[("id", w.ann.as_str()), ("confirm", "on")])
        .send()
        .await
        .expect("erase");
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    assert_eq!(location.as_deref(), Some("/org/attendees?erased=1"));
    let list_page = w
        .alpha
        .get(format!("{}/org/attendees?erased=1", w.app.base))
        .send()
        .await
        .expect("list page")
        .text()
        .await
        .expect("html");
    assert!(list_page.contains("data-testid=\"attendee-erased\""));
    assert!(!list_page.contains(ANN_EMAIL));

    // Gone from every table; the other attendee (whose name contains the
    // erased one's) is untouched.
    let hits = grep_database(&w.app, ANN_EMAIL, None).await;
    assert!(hits.is_empty(), "{ANN_EMAIL} still in {hits:?}");
    let hits = grep_database(&w.app, ANN, Some(ANNSON)).await;
    assert!(hits.is_empty(), "{ANN:?} still in {hits:?}");
    assert!(!grep_database(&w.app, ANNSON, None).await.is_empty());

    // The application keeps both places, the attendance and its numbers.
    let (status, body) = w
        .app
        .call(&w.alpha, "org/courses/get", &[("id", &w.application)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let names: Vec<&str> = body["attendees"]
        .as_array()
        .expect("attendees")
        .iter()
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert!(names.contains(&"Erased attendee"), "{names:?}");
    assert!(names.contains(&ANNSON), "{names:?}");
    assert_eq!(body["status"], "accepted");
    assert_eq!(
        body["note"],
        "Erased attendee needs a vegetarian lunch (Erased attendee); Ann Quillson too."
    );
    let erased = body["attendees"]
        .as_array()
        .expect("attendees")
        .iter()
        .find(|a| a["name"] == "Erased attendee")
        .expect("erased one")
        .clone();
    assert_eq!(erased["email"], "");
    assert_eq!(erased["attended"], true);
    assert_eq!(
        ledger(&w.app).await,
        ledger_before,
        "the ledger is untouched"
    );

    // Off the list and the pickers; a second erase, an export, an update
    // or a delete of the erased id find nothing.
    let (_, list) = w.app.call(&w.alpha, "org/attendees/list", &[]).await;
    assert_eq!(list["total"], 1, "{list}");
    assert_eq!(list["rows"][0]["attendee_id"], w.annson.as_str(), "{list}");
    let (_, dashboard) = w.app.call(&w.alpha, "org/dashboard", &[]).await;
    assert_eq!(dashboard["attendees"], 1, "{dashboard}");
    let (_, export) = w.app.call(&w.alpha, "org/attendees/export", &[]).await;
    let csv = export.as_str().expect("csv");
    assert!(
        csv.contains(ANNSON) && !csv.contains("Erased attendee"),
        "{csv}"
    );
    for (endpoint, extra) in [
        ("org/attendees/erase", vec![("confirm", "on")]),
        ("org/attendees/personal_data", vec![]),
        ("org/attendees/delete", vec![]),
        (
            "org/attendees/update",
            vec![
                ("attendee[name]", "Back Again"),
                ("attendee[email]", "back@people.example"),
            ],
        ),
    ] {
        let mut form = vec![("id", w.ann.as_str())];
        form.extend(extra);
        let (status, body) = w.app.call(&w.alpha, endpoint, &form).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{endpoint}: {body}");
    }
    let (status, body) = w
        .app
        .call(
            &w.alpha,
            "org/courses/create",
            &[
                ("service_id", &w.service),
                ("billing_account_id", &w.billing),
                ("attendee_ids[0]", &w.ann),
                ("key", &random_key()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // Audited without the personal data.
    let detail = w
        .app
        .scalar_text(
            "SELECT detail FROM audit_log WHERE action = $1",
            "attendee.erased",
        )
        .await;
    assert!(
        detail.contains("texts on course applications anonymized"),
        "{detail}"
    );
    assert!(
        !detail.contains("Quill") && !detail.contains('@'),
        "{detail}"
    );
}
