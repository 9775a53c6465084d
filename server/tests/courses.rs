//! Course applications: applying with named attendees, the operator's
//! decisions and how accepted places use bought seats before charging a
//! course fee, changing attendees, withdrawing with or without a refund,
//! attendance, and isolation between organizations.

mod common;

use common::commerce::{
    attendee, billing_account, buy_ok, ledger_total, local_in_days, published_service,
};
use common::{random_key, TestApp};
use reqwest::{Client, StatusCode};
use serde_json::Value;

struct World {
    app: TestApp,
    admin: Client,
    customer: Client,
    course: String,
    account: String,
    ada: String,
    bob: String,
    cy: String,
}

async fn world(capacity: &str) -> World {
    let app = TestApp::spawn().await;
    let admin = app.admin("courses@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Alpha Learning Oy", "alpha@customer.example")
        .await;
    let course = published_service(
        &app,
        &admin,
        "Leading hybrid teams",
        &[("capacity", capacity)],
    )
    .await;
    let account = billing_account(&app, &customer, "Head office").await;
    let ada = attendee(&app, &customer, "Ada Lovelace", "ada@alpha.example").await;
    let bob = attendee(&app, &customer, "Bob Builder", "bob@alpha.example").await;
    let cy = attendee(&app, &customer, "Cy Young", "cy@alpha.example").await;
    World {
        app,
        admin,
        customer,
        course,
        account,
        ada,
        bob,
        cy,
    }
}

/// Course, billing account, checked attendees and the field that should
/// carry the message.
type BadCase<'a> = (&'a str, &'a str, Vec<(usize, &'a str)>, &'a str);

fn field<'a>(body: &'a Value, name: &str) -> Option<&'a str> {
    body["Validation"]
        .as_array()?
        .iter()
        .find(|pair| pair[0] == name)
        .and_then(|pair| pair[1].as_str())
}

/// Applies with the attendees at the given checkbox positions, the way the
/// form posts them (unchecked boxes leave gaps in the indices).
async fn apply(
    app: &TestApp,
    client: &Client,
    course: &str,
    account: &str,
    attendees: &[(usize, &str)],
    key: &str,
) -> (StatusCode, Value) {
    let names: Vec<String> = attendees
        .iter()
        .map(|(i, _)| format!("attendee_ids[{i}]"))
        .collect();
    let mut form: Vec<(&str, &str)> = vec![
        ("service_id", course),
        ("billing_account_id", account),
        ("note", "Two of our new team leads."),
        ("key", key),
    ];
    for (name, (_, id)) in names.iter().zip(attendees) {
        form.push((name.as_str(), id));
    }
    app.call(client, "org/courses/create", &form).await
}

async fn apply_ok(w: &World, attendees: &[(usize, &str)]) -> String {
    let (status, body) = apply(
        &w.app,
        &w.customer,
        &w.course,
        &w.account,
        attendees,
        &random_key(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "apply: {body}");
    body.as_str().expect("id").to_string()
}

async fn decide(w: &World, id: &str, decision: &str, reason: &str) -> (StatusCode, Value) {
    w.app
        .call(
            &w.admin,
            "admin/courses/decide",
            &[("id", id), ("decision", decision), ("reason", reason)],
        )
        .await
}

async fn scalar(app: &TestApp, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .bind(bind)
        .fetch_one(app.state.db.pool())
        .await
        .expect("scalar")
}

#[tokio::test]
async fn roles_are_checked_on_every_course_application_endpoint() {
    let w = world("10").await;
    let anonymous = w.app.client();
    let customer_calls: &[(&str, &[(&str, &str)])] = &[
        ("org/courses/list", &[]),
        ("org/courses/get", &[("id", "x")]),
        ("org/courses/open", &[]),
        (
            "org/courses/create",
            &[
                ("service_id", "x"),
                ("billing_account_id", "x"),
                ("key", "0123456789abcdef"),
            ],
        ),
        ("org/courses/attendees", &[("id", "x")]),
        ("org/courses/withdraw", &[("id", "x")]),
    ];
    let admin_calls: &[(&str, &[(&str, &str)])] = &[
        ("admin/courses/list", &[]),
        ("admin/courses/get", &[("id", "x")]),
        (
            "admin/courses/decide",
            &[("id", "x"), ("decision", "accept")],
        ),
        (
            "admin/courses/attendance",
            &[("id", "x"), ("attendee_id", "x"), ("attended", "true")],
        ),
    ];
    for (endpoint, form) in customer_calls {
        let (status, _) = w.app.call(&anonymous, endpoint, form).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint} anonymous");
        let (status, _) = w.app.call(&w.admin, endpoint, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint} as admin");
    }
    for (endpoint, form) in admin_calls {
        let (status, _) = w.app.call(&anonymous, endpoint, form).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint} anonymous");
        let (status, _) = w.app.call(&w.customer, endpoint, form).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint} as customer");
    }
}

#[tokio::test]
async fn an_application_names_attendees_and_a_double_submit_makes_one() {
    let w = world("10").await;
    let key = random_key();
    let attendees = [(0, w.ada.as_str()), (2, w.cy.as_str())];
    let (status, first) = apply(&w.app, &w.customer, &w.course, &w.account, &attendees, &key).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (status, second) =
        apply(&w.app, &w.customer, &w.course, &w.account, &attendees, &key).await;
    assert_eq!(status, StatusCode::OK, "{second}");
    assert_eq!(first, second);
    let id = first.as_str().expect("id");

    let (status, body) = w
        .app
        .call(&w.customer, "org/courses/get", &[("id", id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "submitted");
    let names: Vec<&str> = body["attendees"]
        .as_array()
        .expect("attendees")
        .iter()
        .map(|a| a["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Ada Lovelace", "Cy Young"]);
    assert_eq!(body["changeable"], true);

    let (status, body) = w.app.call(&w.customer, "org/courses/list", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["rows"][0]["places"], 2);
    let (status, body) = w.app.call(&w.admin, "admin/courses/list", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["rows"][0]["organization_name"], "Alpha Learning Oy");

    // Another organization can see none of it and use none of it.
    let other = w
        .app
        .approved_customer(&w.admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let other_account = billing_account(&w.app, &other, "Beta HQ").await;
    for (endpoint, form) in [
        ("org/courses/get", vec![("id", id)]),
        ("org/courses/withdraw", vec![("id", id)]),
        (
            "org/courses/attendees",
            vec![("id", id), ("attendee_ids[0]", w.bob.as_str())],
        ),
    ] {
        let (status, body) = w.app.call(&other, endpoint, &form).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{endpoint}: {body}");
    }
    let (_, body) = w.app.call(&other, "org/courses/list", &[]).await;
    assert_eq!(body["rows"], serde_json::json!([]));
    let (status, body) = apply(
        &w.app,
        &other,
        &w.course,
        &other_account,
        &[(0, w.ada.as_str())],
        &random_key(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "attendee_ids").is_some(), "{body}");
    assert_eq!(
        scalar(
            &w.app,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "course_application.submitted"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn bad_applications_are_refused_and_store_nothing() {
    let w = world("10").await;
    let service = published_service(
        &w.app,
        &w.admin,
        "Coaching hours",
        &[
            ("kind", "service"),
            ("starts_at", ""),
            ("ends_at", ""),
            ("cancellation_deadline", ""),
            ("capacity", ""),
        ],
    )
    .await;
    let other = w
        .app
        .approved_customer(&w.admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let other_account = billing_account(&w.app, &other, "Beta HQ").await;
    let ada = w.ada.as_str();

    let cases: Vec<BadCase> = vec![
        (
            w.course.as_str(),
            w.account.as_str(),
            vec![],
            "attendee_ids",
        ),
        (
            w.course.as_str(),
            w.account.as_str(),
            vec![(0, ada), (1, ada)],
            "attendee_ids",
        ),
        (
            w.course.as_str(),
            w.account.as_str(),
            vec![(0, "not-an-attendee")],
            "attendee_ids",
        ),
        (
            service.as_str(),
            w.account.as_str(),
            vec![(0, ada)],
            "service_id",
        ),
        (
            w.course.as_str(),
            other_account.as_str(),
            vec![(0, ada)],
            "billing_account_id",
        ),
    ];
    for (course, account, attendees, expected) in cases {
        let (status, body) = apply(
            &w.app,
            &w.customer,
            course,
            account,
            &attendees,
            &random_key(),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{expected}: {body}"
        );
        assert!(field(&body, expected).is_some(), "{expected}: {body}");
    }
    let (status, body) = apply(
        &w.app,
        &w.customer,
        "no-such-course",
        &w.account,
        &[(0, ada)],
        &random_key(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let long_note = "x".repeat(1001);
    let (status, body) = w
        .app
        .call(
            &w.customer,
            "org/courses/create",
            &[
                ("service_id", &w.course),
                ("billing_account_id", &w.account),
                ("attendee_ids[0]", ada),
                ("note", &long_note),
                ("key", &random_key()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "note").is_some(), "{body}");
    assert_eq!(
        w.app
            .scalar_i64("SELECT COUNT(*) FROM course_application")
            .await,
        0
    );

    // The same person cannot be on two open applications for one course.
    apply_ok(&w, &[(0, ada)]).await;
    let (status, body) = apply(
        &w.app,
        &w.customer,
        &w.course,
        &w.account,
        &[(0, w.bob.as_str()), (1, ada)],
        &random_key(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        field(&body, "attendee_ids").is_some_and(|m| m.contains("Ada Lovelace")),
        "{body}"
    );
    // And someone on an application stays in the attendee list.
    let (status, body) = w
        .app
        .call(&w.customer, "org/attendees/delete", &[("id", ada)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[tokio::test]
async fn accepting_uses_bought_seats_first_and_charges_the_rest() {
    let w = world("10").await;
    buy_ok(&w.app, &w.customer, &w.course, &w.account, "1").await;
    let order_total = ledger_total(&w.app, &w.account).await;
    let id = apply_ok(&w, &[(0, &w.ada), (1, &w.bob)]).await;

    let (status, body) = decide(&w, &id, "accept", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, body) = w
        .app
        .call(&w.customer, "org/courses/get", &[("id", &id)])
        .await;
    assert_eq!(body["status"], "accepted");
    assert_eq!(body["seats_from_orders"], 1);
    assert_eq!(body["seats_charged"], 1);
    assert_eq!(body["fee_minor"], 125_000);
    // One order seat plus one charged seat taken from capacity.
    assert_eq!(
        scalar(
            &w.app,
            "SELECT seats_sold FROM service WHERE service_id = $1",
            &w.course
        )
        .await,
        2
    );
    assert_eq!(
        ledger_total(&w.app, &w.account).await - order_total,
        125_000 + 31_875
    );
    let mail = w
        .app
        .last_mail("alpha@customer.example", "course_decision")
        .await;
    assert!(mail.contains("is accepted"), "{mail}");
    assert!(
        mail.contains("1 place beyond the seats you bought is charged"),
        "{mail}"
    );

    // The bought seat is in use now, so its order cannot be cancelled.
    let order: String = w
        .app
        .scalar_text(
            "SELECT order_id FROM purchase_order WHERE service_id = $1",
            &w.course,
        )
        .await;
    let (status, body) = w
        .app
        .call(&w.customer, "org/orders/cancel", &[("id", &order)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    // Deciding again is refused.
    let (status, body) = decide(&w, &id, "reject", "Changed our mind").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[tokio::test]
async fn a_full_course_waitlists_until_capacity_frees_up() {
    let w = world("1").await;
    let other = w
        .app
        .approved_customer(&w.admin, "Beta Training Ab", "beta@customer.example")
        .await;
    let other_account = billing_account(&w.app, &other, "Beta HQ").await;
    buy_ok(&w.app, &other, &w.course, &other_account, "1").await;
    let id = apply_ok(&w, &[(0, &w.ada)]).await;

    let (status, body) = decide(&w, &id, "accept", "").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.to_string().contains("waitlist it"), "{body}");
    assert_eq!(
        scalar(
            &w.app,
            "SELECT COUNT(*) FROM expense_line WHERE source_id = $1",
            &id
        )
        .await,
        0,
        "a refused acceptance charges nothing"
    );
    let (status, body) = decide(&w, &id, "waitlist", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mail = w
        .app
        .last_mail("alpha@customer.example", "course_decision")
        .await;
    assert!(mail.contains("waiting list"), "{mail}");
    let (status, _) = decide(&w, &id, "waitlist", "").await;
    assert_eq!(status, StatusCode::CONFLICT, "already waitlisted");

    // The other organization cancels; the seat frees up; accept now works.
    let order: String = w
        .app
        .scalar_text(
            "SELECT order_id FROM purchase_order WHERE service_id = $1",
            &w.course,
        )
        .await;
    let (status, body) = w
        .app
        .call(&other, "org/orders/cancel", &[("id", &order)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = decide(&w, &id, "accept", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn two_acceptances_racing_for_the_last_seat_never_oversell() {
    let w = world("1").await;
    let first = apply_ok(&w, &[(0, &w.ada)]).await;
    let second = apply_ok(&w, &[(0, &w.bob)]).await;
    let second_admin = w.app.admin("second@operator.example").await;
    let first_form = [("id", first.as_str()), ("decision", "accept")];
    let second_form = [("id", second.as_str()), ("decision", "accept")];
    let (a, b) = tokio::join!(
        w.app.call(&w.admin, "admin/courses/decide", &first_form),
        w.app
            .call(&second_admin, "admin/courses/decide", &second_form),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::CONFLICT],
        "{a:?} {b:?}"
    );
    assert_eq!(
        scalar(
            &w.app,
            "SELECT seats_sold FROM service WHERE service_id = $1",
            &w.course
        )
        .await,
        1
    );
}

#[tokio::test]
async fn rejecting_needs_a_reason_that_reaches_the_customer() {
    let w = world("10").await;
    let id = apply_ok(&w, &[(0, &w.ada)]).await;
    let (status, body) = decide(&w, &id, "reject", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "reason").is_some(), "{body}");
    let (status, body) = decide(&w, &id, "maybe", "").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(field(&body, "decision").is_some(), "{body}");
    let (status, body) = decide(&w, "no-such-application", "accept", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");

    let (status, body) = decide(&w, &id, "reject", "The course is for managers only.").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mail = w
        .app
        .last_mail("alpha@customer.example", "course_decision")
        .await;
    assert!(mail.contains("The course is for managers only."), "{mail}");
    let (_, body) = w
        .app
        .call(&w.customer, "org/courses/get", &[("id", &id)])
        .await;
    assert_eq!(body["decision_reason"], "The course is for managers only.");
    assert_eq!(body["changeable"], false);
    let (status, _) = w
        .app
        .call(&w.customer, "org/courses/withdraw", &[("id", &id)])
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a rejected application stays rejected"
    );
}

#[tokio::test]
async fn attendees_change_before_the_start_and_accepted_places_keep_their_number() {
    let w = world("10").await;
    let id = apply_ok(&w, &[(0, &w.ada)]).await;
    // Submitted: the number may change.
    let (status, body) = w
        .app
        .call(
            &w.customer,
            "org/courses/attendees",
            &[
                ("id", &id),
                ("attendee_ids[0]", &w.ada),
                ("attendee_ids[1]", &w.bob),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = w
        .app
        .call(&w.customer, "org/courses/attendees", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "none: {body}");

    let (status, body) = decide(&w, &id, "accept", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = w
        .app
        .call(
            &w.customer,
            "org/courses/attendees",
            &[("id", &id), ("attendee_ids[0]", &w.cy)],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        field(&body, "attendee_ids").is_some_and(|m| m.contains("exactly 2")),
        "{body}"
    );
    let (status, body) = w
        .app
        .call(
            &w.customer,
            "org/courses/attendees",
            &[
                ("id", &id),
                ("attendee_ids[0]", &w.cy),
                ("attendee_ids[1]", &w.bob),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "swap: {body}");
    let (_, body) = w
        .app
        .call(&w.customer, "org/courses/get", &[("id", &id)])
        .await;
    let names: Vec<&str> = body["attendees"]
        .as_array()
        .expect("attendees")
        .iter()
        .map(|a| a["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Bob Builder", "Cy Young"]);
    assert_eq!(
        scalar(
            &w.app,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "course_application.attendees_changed"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn withdrawing_gives_seats_back_and_refunds_only_before_the_deadline() {
    let w = world("10").await;
    let id = apply_ok(&w, &[(0, &w.ada), (1, &w.bob)]).await;
    decide(&w, &id, "accept", "").await;
    assert_eq!(
        ledger_total(&w.app, &w.account).await,
        2 * (125_000 + 31_875)
    );
    let (status, body) = w
        .app
        .call(&w.customer, "org/courses/withdraw", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ledger_total(&w.app, &w.account).await, 0, "fully refunded");
    assert_eq!(
        scalar(
            &w.app,
            "SELECT seats_sold FROM service WHERE service_id = $1",
            &w.course
        )
        .await,
        0
    );
    let (status, _) = w
        .app
        .call(&w.customer, "org/courses/withdraw", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "twice");

    // After the free cancellation deadline the seats go back but the fee stays.
    let late = published_service(
        &w.app,
        &w.admin,
        "Deadline passed",
        &[("cancellation_deadline", &local_in_days(-1))],
    )
    .await;
    let (status, body) = apply(
        &w.app,
        &w.customer,
        &late,
        &w.account,
        &[(0, w.cy.as_str())],
        &random_key(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let late_id = body.as_str().expect("id").to_string();
    decide(&w, &late_id, "accept", "").await;
    let (_, body) = w
        .app
        .call(&w.customer, "org/courses/get", &[("id", &late_id)])
        .await;
    assert_eq!(body["refundable"], false);
    let (status, body) = w
        .app
        .call(&w.customer, "org/courses/withdraw", &[("id", &late_id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(ledger_total(&w.app, &w.account).await, 125_000 + 31_875);
    assert_eq!(
        scalar(
            &w.app,
            "SELECT seats_sold FROM service WHERE service_id = $1",
            &late
        )
        .await,
        0
    );
}

#[tokio::test]
async fn attendance_is_marked_on_accepted_applications_only() {
    let w = world("10").await;
    let id = apply_ok(&w, &[(0, &w.ada)]).await;
    let mark = |attendee: String, attended: &'static str| {
        let id = id.clone();
        let app = &w.app;
        let admin = &w.admin;
        async move {
            app.call(
                admin,
                "admin/courses/attendance",
                &[
                    ("id", &id),
                    ("attendee_id", &attendee),
                    ("attended", attended),
                ],
            )
            .await
        }
    };
    let (status, _) = mark(w.ada.clone(), "true").await;
    assert_eq!(status, StatusCode::CONFLICT, "not accepted yet");
    decide(&w, &id, "accept", "").await;
    let (status, body) = mark(w.ada.clone(), "true").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = mark(w.bob.clone(), "true").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not on the application");
    let (status, _) = mark(w.ada.clone(), "perhaps").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, body) = w
        .app
        .call(&w.admin, "admin/courses/get", &[("id", &id)])
        .await;
    assert_eq!(body["attendees"][0]["attended"], true);
}
