//! Support: requests from Customer admins and the public contact form, the
//! operators' inbox, replies in the same thread, unread markers, mail,
//! validation, roles and isolation between organizations.

mod common;

use common::TestApp;
use reqwest::{Client, StatusCode};
use serde_json::Value;

const CUSTOMER_CALLS: &[(&str, &[(&str, &str)])] = &[
    ("support/open", &[("subject", "Help"), ("message", "Hi")]),
    ("support/list", &[]),
    ("support/thread", &[("id", "x")]),
    ("support/reply", &[("id", "x"), ("message", "Hi")]),
];

const ADMIN_CALLS: &[(&str, &[(&str, &str)])] = &[
    ("admin/support/inbox", &[]),
    ("admin/support/thread", &[("id", "x")]),
    ("admin/support/reply", &[("id", "x"), ("message", "Hi")]),
];

async fn with_customer() -> (TestApp, Client, Client) {
    let app = TestApp::spawn().await;
    let admin = app.admin("support@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Alpha Learning Oy", "alpha@customer.example")
        .await;
    (app, admin, customer)
}

async fn open(app: &TestApp, customer: &Client, subject: &str, message: &str) -> String {
    let (status, body) = app
        .call(
            customer,
            "support/open",
            &[("subject", subject), ("message", message)],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "open: {body}");
    body.as_str().expect("id").to_string()
}

fn find<'a>(threads: &'a Value, id: &str) -> &'a Value {
    threads
        .as_array()
        .expect("array")
        .iter()
        .find(|t| t["thread_id"] == id)
        .unwrap_or_else(|| panic!("thread {id} not in {threads}"))
}

async fn inbox(app: &TestApp, admin: &Client, status: &str) -> Value {
    let (code, body) = app
        .call(admin, "admin/support/inbox", &[("status", status)])
        .await;
    assert_eq!(code, StatusCode::OK, "inbox: {body}");
    body
}

#[tokio::test]
async fn a_request_is_answered_in_its_thread_with_unread_markers_and_mail() {
    let (app, admin, customer) = with_customer().await;
    let id = open(&app, &customer, "Invoice question", "Where is our invoice?").await;

    let page = inbox(&app, &admin, "open").await;
    let row = find(&page["threads"], &id);
    assert_eq!(row["unread"], true);
    assert_eq!(row["is_public"], false);
    assert_eq!(row["organization_name"], "Alpha Learning Oy");

    let (status, thread) = app
        .call(&admin, "admin/support/thread", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{thread}");
    assert_eq!(thread["messages"][0]["body"], "Where is our invoice?");
    let page = inbox(&app, &admin, "open").await;
    assert_eq!(find(&page["threads"], &id)["unread"], false);

    let (status, body) = app
        .call(
            &admin,
            "admin/support/reply",
            &[("id", &id), ("message", "It was mailed yesterday.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = inbox(&app, &admin, "answered").await;
    find(&page["threads"], &id);
    let mail = app
        .last_mail("alpha@customer.example", "support_reply")
        .await;
    assert!(mail.contains("It was mailed yesterday."), "{mail}");
    assert!(mail.contains("/support"), "{mail}");

    let (_, list) = app.call(&customer, "support/list", &[]).await;
    let row = find(&list, &id);
    assert_eq!(row["unread"], true, "new reply marker");
    assert_eq!(row["status"], "answered");
    let (status, thread) = app.call(&customer, "support/thread", &[("id", &id)]).await;
    assert_eq!(status, StatusCode::OK);
    let messages = thread["messages"].as_array().expect("messages");
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[1]["author_kind"], "operator");
    assert_eq!(messages[1]["body"], "It was mailed yesterday.");
    let (_, list) = app.call(&customer, "support/list", &[]).await;
    assert_eq!(find(&list, &id)["unread"], false);

    let (status, body) = app
        .call(
            &customer,
            "support/reply",
            &[("id", &id), ("message", "Thanks, found it.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = inbox(&app, &admin, "open").await;
    let row = find(&page["threads"], &id);
    assert_eq!(row["unread"], true, "new message marker");
    let (_, thread) = app
        .call(&admin, "admin/support/thread", &[("id", &id)])
        .await;
    assert_eq!(thread["messages"].as_array().map(Vec::len), Some(3));

    let audited = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE subject_kind = 'support_thread' AND organization_id IS NOT NULL")
        .await;
    assert_eq!(audited, 3);
}

#[tokio::test]
async fn bad_input_is_refused_with_field_messages_and_nothing_is_stored() {
    let (app, admin, customer) = with_customer().await;
    let huge = "x".repeat(100 * 1024);
    for (subject, message, field) in [
        ("", "Hello", "subject"),
        ("Help", "", "message"),
        ("Help", huge.as_str(), "message"),
        (huge.as_str(), "Hello", "subject"),
    ] {
        let (status, body) = app
            .call(
                &customer,
                "support/open",
                &[("subject", subject), ("message", message)],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.to_string().contains(field), "{body}");
    }
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM support_thread").await,
        0
    );

    let id = open(&app, &customer, "Help", "Hello").await;
    for (client, endpoint) in [
        (&customer, "support/reply"),
        (&admin, "admin/support/reply"),
    ] {
        for message in ["   ", huge.as_str()] {
            let (status, body) = app
                .call(client, endpoint, &[("id", &id), ("message", message)])
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        }
    }
    for form in [
        vec![("name", ""), ("email", "a@b.example"), ("message", "Hi")],
        vec![("name", "Ada"), ("email", "nope"), ("message", "Hi")],
        vec![
            ("name", "Ada"),
            ("email", "a@b.example"),
            ("message", huge.as_str()),
        ],
    ] {
        let (status, body) = app.call(&app.client(), "support/contact", &form).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM support_thread").await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM support_message").await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE kind = 'support_reply'")
            .await,
        0
    );
}

#[tokio::test]
async fn each_role_reaches_only_its_own_support_calls() {
    let (app, admin, customer) = with_customer().await;
    let anonymous = app.client();
    for (endpoint, form) in CUSTOMER_CALLS.iter().chain(ADMIN_CALLS) {
        let (status, _) = app.call(&anonymous, endpoint, form).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint}");
    }
    for (endpoint, form) in ADMIN_CALLS {
        let (status, _) = app.call(&customer, endpoint, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint}");
    }
    for (endpoint, form) in CUSTOMER_CALLS {
        let (status, _) = app.call(&admin, endpoint, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint}");
    }
}

#[tokio::test]
async fn another_organization_cannot_see_or_answer_a_thread() {
    let (app, admin, alpha) = with_customer().await;
    let beta = app
        .approved_customer(&admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let id = open(&app, &alpha, "Private", "Only for Alpha").await;

    let (status, _) = app.call(&beta, "support/thread", &[("id", &id)]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app
        .call(
            &beta,
            "support/reply",
            &[("id", &id), ("message", "Sneaky")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = app.call(&beta, "support/list", &[]).await;
    assert_eq!(list.as_array().map(Vec::len), Some(0));

    let (_, thread) = app.call(&alpha, "support/thread", &[("id", &id)]).await;
    assert_eq!(thread["messages"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM support_message").await,
        1
    );
}

#[tokio::test]
async fn the_public_contact_form_works_without_an_account_and_the_answer_is_mailed() {
    let app = TestApp::spawn_with(|s| s.rate_submit_per_minute = 2).await;
    let admin = app.admin("support@operator.example").await;
    let visitor = app.client();
    let form = [
        ("name", "Vera Visitor"),
        ("email", "vera@visitor.example"),
        ("message", "Can a school apply?"),
    ];
    let (status, body) = app.call(&visitor, "support/contact", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let page = inbox(&app, &admin, "open").await;
    let row = &page["threads"][0];
    assert_eq!(row["is_public"], true);
    assert_eq!(row["contact_email"], "vera@visitor.example");
    assert_eq!(row["unread"], true);
    let id = row["thread_id"].as_str().expect("id").to_string();

    let (status, body) = app
        .call(
            &admin,
            "admin/support/reply",
            &[("id", &id), ("message", "Yes, schools are welcome.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mail = app.last_mail("vera@visitor.example", "support_reply").await;
    assert!(mail.contains("Yes, schools are welcome."), "{mail}");

    // The second call uses the last of the two per minute.
    let (status, _) = app.call(&visitor, "support/contact", &form).await;
    assert_eq!(status, StatusCode::OK);
    let res = visitor
        .post(format!("{}/api/support/contact", app.base))
        .form(&form)
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM support_thread").await,
        2
    );
}

#[tokio::test]
async fn the_inbox_pages_oldest_first() {
    let (app, admin, customer) = with_customer().await;
    let mut ids = Vec::new();
    for n in 0..27 {
        ids.push(open(&app, &customer, &format!("Request {n}"), "Hello").await);
    }
    let first = inbox(&app, &admin, "open").await;
    let threads = first["threads"].as_array().expect("threads");
    assert_eq!(threads.len(), 25);
    assert_eq!(threads[0]["subject"], "Request 0");
    let next = first["next"].as_str().expect("next").to_string();
    let (_, second) = app
        .call(
            &admin,
            "admin/support/inbox",
            &[("status", "open"), ("after", &next)],
        )
        .await;
    let rest = second["threads"].as_array().expect("threads");
    assert_eq!(rest.len(), 2);
    assert!(second["next"].is_null());
    let mut seen: Vec<String> = threads
        .iter()
        .chain(rest)
        .map(|t| t["thread_id"].as_str().expect("id").to_string())
        .collect();
    seen.sort();
    ids.sort();
    assert_eq!(seen, ids);
    let answered = inbox(&app, &admin, "answered").await;
    assert_eq!(answered["threads"].as_array().map(Vec::len), Some(0));
}
