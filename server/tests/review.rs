//! The review console's rules: roles, claims, decisions under concurrency,
//! duplicate warnings, paging.

mod common;

use common::{TestApp, PASSWORD};
use reqwest::StatusCode;

/// Every admin endpoint with arguments good enough to reach the role check.
const ADMIN_CALLS: &[(&str, &[(&str, &str)])] = &[
    ("admin/applications/counts", &[]),
    ("admin/applications/list", &[]),
    ("admin/applications/get", &[("id", "x")]),
    ("admin/applications/claim", &[("id", "x")]),
    (
        "admin/applications/request_info",
        &[("id", "x"), ("fields", "phone"), ("message", "m")],
    ),
    ("admin/applications/approve", &[("id", "x")]),
    ("admin/applications/reject", &[("id", "x"), ("reason", "r")]),
    ("admin/invitations/resend", &[("user_id", "x")]),
    ("admin/organizations/list", &[]),
    ("admin/outbox/list", &[]),
    ("admin/audit/list", &[]),
];

#[tokio::test]
async fn every_admin_function_refuses_anonymous_callers_and_customer_admins() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let customer = app
        .approved_customer(&admin, "Customer One Oy", "one@customer.example")
        .await;
    let anonymous = app.client();

    for (endpoint, args) in ADMIN_CALLS {
        let (status, body) = app.call(&anonymous, endpoint, args).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "anonymous {endpoint}: {body}"
        );
        let (status, body) = app.call(&customer, endpoint, args).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "customer {endpoint}: {body}");
    }
    // And the customer function refuses the anonymous and administrators.
    let (status, _) = app.call(&anonymous, "org/home", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app.call(&admin, "org/home", &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn twenty_concurrent_approvals_create_one_organization_and_one_user() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let id = app
        .claimed_application(&admin, "Race Condition Oy", "race@example.com")
        .await;

    let args = [("id", id.as_str())];
    let calls = (0..20).map(|_| app.call(&admin, "admin/applications/approve", &args));
    let answers = futures::future::join_all(calls).await;

    let ok = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let conflicts: Vec<_> = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CONFLICT)
        .collect();
    assert_eq!(ok, 1, "{answers:?}");
    assert_eq!(conflicts.len(), 19, "{answers:?}");
    for (_, body) in conflicts {
        assert_eq!(body["Conflict"], "This application is already approved.");
    }
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM organization").await, 1);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM app_user WHERE role = 'customer_admin'")
            .await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE kind = 'invitation'")
            .await,
        1
    );
}

#[tokio::test]
async fn concurrent_reviewers_approving_at_once_still_make_one_account() {
    let app = TestApp::spawn().await;
    let first = app.admin("first@operator.example").await;
    let second = app.admin("second@operator.example").await;
    let id = app
        .claimed_application(&first, "Two Reviewers Oy", "two@example.com")
        .await;

    let args = [("id", id.as_str())];
    let (a, b) = tokio::join!(
        app.call(&first, "admin/applications/approve", &args),
        app.call(&second, "admin/applications/approve", &args),
    );
    assert_eq!(a.0, StatusCode::OK, "{a:?}");
    // The non-claimant either meets the claim (403) or the finished approval (409).
    assert!(
        matches!(b.0, StatusCode::FORBIDDEN | StatusCode::CONFLICT),
        "{b:?}"
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM organization").await, 1);
}

#[tokio::test]
async fn an_approval_that_fails_half_way_leaves_nothing_behind() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let id = app
        .claimed_application(&admin, "Half Way Oy", "half@example.com")
        .await;

    // The corrected email belongs to an existing user: the organization is
    // inserted first, then the user insert fails.
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/approve",
            &[("id", &id), ("admin_email", "Reviewer@Operator.example")],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["Conflict"]
        .as_str()
        .unwrap()
        .contains("already exists"));

    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM organization").await, 0);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM app_user WHERE role = 'customer_admin'")
            .await,
        0
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM user_token WHERE used_at IS NULL")
            .await,
        0
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE kind = 'invitation'")
            .await,
        0
    );
    let status = app
        .scalar_text(
            "SELECT status FROM application WHERE application_id = $1",
            &id,
        )
        .await;
    assert_eq!(status, "in_review");

    // With a free address the same approval goes through.
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/approve",
            &[("id", &id), ("admin_email", "boss@halfway.example")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(app
        .last_mail("boss@halfway.example", "invitation")
        .await
        .contains("boss@halfway.example"));
}

#[tokio::test]
async fn only_the_claimant_decides_and_a_takeover_is_recorded() {
    let app = TestApp::spawn().await;
    let first = app.admin("first@operator.example").await;
    let second = app.admin("second@operator.example").await;
    let id = app
        .claimed_application(&first, "Claimed Oy", "claimed@example.com")
        .await;

    let (status, body) = app
        .call(
            &second,
            "admin/applications/reject",
            &[("id", &id), ("reason", "No.")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = app
        .call(&second, "admin/applications/claim", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let (status, body) = app
        .call(
            &second,
            "admin/applications/claim",
            &[("id", &id), ("take_over", "true")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let (status, _) = app
        .call(&first, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, detail) = app
        .call(&second, "admin/applications/get", &[("id", &id)])
        .await;
    assert_eq!(detail["claimed_by"], "second@operator.example");
    assert_eq!(detail["claimed_by_me"], true);
    let labels: Vec<String> = detail["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap().to_string())
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("Review handed to another reviewer")),
        "{labels:?}"
    );
    let takeovers = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'application.claim_taken_over'")
        .await;
    assert_eq!(takeovers, 1);
}

#[tokio::test]
async fn the_same_person_with_differently_cased_email_is_flagged() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    app.submit_ok(&[
        ("legal_name", "First Org Oy"),
        ("registration_id", "1111111-1"),
        ("contact_email", "Ada@Example.com"),
    ])
    .await;
    app.submit_ok(&[
        ("legal_name", "Second Org AB"),
        ("registration_id", "2222222-2"),
        ("contact_email", "ada@example.com"),
    ])
    .await;
    app.submit_ok(&[
        ("legal_name", "Unrelated Ltd"),
        ("registration_id", "3333333-3"),
        ("contact_email", "eve@example.org"),
    ])
    .await;

    let (status, page) = app.call(&admin, "admin/applications/list", &[]).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let flags: Vec<(String, bool)> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["legal_name"].as_str().unwrap().to_string(),
                r["possible_duplicate"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        flags,
        vec![
            ("First Org Oy".to_string(), true),
            ("Second Org AB".to_string(), true),
            ("Unrelated Ltd".to_string(), false)
        ]
    );
    let id = app.application_id("Second Org AB").await;
    let (_, detail) = app
        .call(&admin, "admin/applications/get", &[("id", &id)])
        .await;
    let reasons: Vec<&str> = detail["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        vec!["Same contact email as another pending application"]
    );
}

#[tokio::test]
async fn names_and_registration_ids_are_compared_after_normalization() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    app.submit_ok(&[
        ("legal_name", "Nordic Skills Oy"),
        ("registration_id", "1234567-8"),
        ("contact_email", "a@one.example"),
    ])
    .await;
    app.submit_ok(&[
        ("legal_name", "NORDIC  skills, Ltd."),
        ("registration_id", "7654321-0"),
        ("contact_email", "b@two.example"),
    ])
    .await;
    app.submit_ok(&[
        ("legal_name", "Other Name AB"),
        ("registration_id", "12345678"),
        ("contact_email", "c@three.example"),
    ])
    .await;
    let id = app.application_id("NORDIC  skills, Ltd.").await;
    let (_, detail) = app
        .call(&admin, "admin/applications/get", &[("id", &id)])
        .await;
    assert_eq!(detail["duplicates"][0]["reason"], "Same organization name");
    let id = app.application_id("Other Name AB").await;
    let (_, detail) = app
        .call(&admin, "admin/applications/get", &[("id", &id)])
        .await;
    assert_eq!(
        detail["duplicates"][0]["reason"],
        "Same registration ID in the same country"
    );
}

#[tokio::test]
async fn the_queue_pages_oldest_first_filters_and_searches() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    for i in 0..30 {
        let name = format!("Queue Org {i:02} Oy");
        let reg = format!("{:07}-{}", 1000 + i, i % 10);
        let email = format!("q{i}@example.com");
        app.submit_ok(&[
            ("legal_name", &name),
            ("registration_id", &reg),
            ("contact_email", &email),
        ])
        .await;
    }
    let (_, first) = app.call(&admin, "admin/applications/list", &[]).await;
    let rows = first["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 25);
    assert_eq!(rows[0]["legal_name"], "Queue Org 00 Oy");
    let next = first["next"].as_str().unwrap().to_string();
    let (_, second) = app
        .call(&admin, "admin/applications/list", &[("after", &next)])
        .await;
    let rows = second["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["legal_name"], "Queue Org 25 Oy");
    assert!(second["next"].is_null());

    let (_, found) = app
        .call(&admin, "admin/applications/list", &[("q", "org 07")])
        .await;
    assert_eq!(found["rows"].as_array().unwrap().len(), 1);
    let (_, found) = app
        .call(
            &admin,
            "admin/applications/list",
            &[("q", "Q12@EXAMPLE.COM")],
        )
        .await;
    assert_eq!(found["rows"][0]["legal_name"], "Queue Org 12 Oy");
    let (_, found) = app
        .call(&admin, "admin/applications/list", &[("q", "0001015")])
        .await;
    assert_eq!(found["rows"][0]["legal_name"], "Queue Org 15 Oy");
    let (_, found) = app
        .call(&admin, "admin/applications/list", &[("q", "%")])
        .await;
    assert_eq!(found["rows"].as_array().unwrap().len(), 0);

    let id = app.application_id("Queue Org 03 Oy").await;
    app.call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    let (_, in_review) = app
        .call(
            &admin,
            "admin/applications/list",
            &[("status", "in_review")],
        )
        .await;
    assert_eq!(in_review["rows"].as_array().unwrap().len(), 1);
    let (_, counts) = app.call(&admin, "admin/applications/counts", &[]).await;
    let counts = counts["counts"].as_array().unwrap();
    assert!(
        counts.contains(&serde_json::json!(["Submitted", 29])),
        "{counts:?}"
    );
    assert!(
        counts.contains(&serde_json::json!(["InReview", 1])),
        "{counts:?}"
    );

    let (status, _) = app
        .call(&admin, "admin/applications/list", &[("status", "bogus")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = app
        .call(&admin, "admin/applications/list", &[("after", "garbage")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_resent_invitation_kills_the_old_link() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let id = app
        .claimed_application(&admin, "Resend Oy", "resend@example.com")
        .await;
    app.call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    let old = common::link_token(
        &app.last_mail("resend@example.com", "invitation").await,
        "/set-password/",
    );
    let user_id = app
        .scalar_text(
            "SELECT user_id FROM app_user WHERE email = $1",
            "resend@example.com",
        )
        .await;

    let (status, body) = app
        .call(&admin, "admin/invitations/resend", &[("user_id", &user_id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let new = common::link_token(
        &app.last_mail("resend@example.com", "invitation").await,
        "/set-password/",
    );
    assert_ne!(old, new);

    let client = app.client();
    let (status, _) = app
        .call(
            &client,
            "auth/set_password",
            &[
                ("token", &old),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::GONE);
    let (status, _) = app
        .call(
            &client,
            "auth/set_password",
            &[
                ("token", &new),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // Once the password is set there is nothing to resend.
    let (status, _) = app
        .call(&admin, "admin/invitations/resend", &[("user_id", &user_id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn an_expired_invitation_is_refused_and_can_be_renewed() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let id = app
        .claimed_application(&admin, "Expired Oy", "late@example.com")
        .await;
    app.call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    let token = common::link_token(
        &app.last_mail("late@example.com", "invitation").await,
        "/set-password/",
    );
    sqlx::query("UPDATE user_token SET expires_at = 1 WHERE used_at IS NULL")
        .execute(app.state.db.pool())
        .await
        .unwrap();

    let client = app.client();
    let (status, body) = app
        .call(
            &client,
            "auth/set_password",
            &[
                ("token", &token),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::GONE, "{body}");
    assert!(body["Gone"].as_str().unwrap().contains("expired"));
}

#[tokio::test]
async fn decisions_need_a_claim_and_an_open_application() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    app.submit_ok(&[]).await;
    let id = app.application_id("Acme Learning Oy").await;

    let (status, body) = app
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, _) = app
        .call(
            &admin,
            "admin/applications/approve",
            &[("id", "no-such-id")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    app.call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/request_info",
            &[("id", &id), ("fields", "shoe_size"), ("message", "x")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/request_info",
            &[("id", &id), ("fields", ""), ("message", "")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _) = app
        .call(
            &admin,
            "admin/applications/request_info",
            &[
                ("id", &id),
                ("fields", "city"),
                ("message", "Which office?"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // Waiting for the applicant: no decision until they answer.
    let (status, body) = app
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
}

#[tokio::test]
async fn the_queue_page_renders_on_the_server_for_a_signed_in_admin() {
    let app = TestApp::spawn().await;
    let admin = app.admin("queue-page@operator.example").await;
    for i in 0..3 {
        app.submit_ok(&[
            ("legal_name", &format!("Queue Page Org {i} Oy")),
            ("contact_email", &format!("queue{i}@example.com")),
        ])
        .await;
    }
    // A generous deadline: the page must arrive, not merely arrive fast.
    for path in [
        "/admin/applications",
        "/admin/applications?status=submitted",
        "/admin/applications?q=Queue",
    ] {
        let response = admin
            .get(format!("{}{path}", app.base))
            .timeout(std::time::Duration::from_secs(30))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path} did not answer: {e}"));
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let html = response.text().await.expect("html");
        assert_eq!(
            html.matches("data-testid=\"queue-row\"").count(),
            3,
            "{path}"
        );
    }
}

/// The queue's per-status counts come from a table that triggers keep in
/// step; after each kind of change they must match a count of the rows.
#[tokio::test]
async fn the_queue_counts_follow_every_status_change() {
    let app = TestApp::spawn().await;
    let admin = app.admin("counter@operator.example").await;

    async fn assert_counts_match(app: &TestApp, admin: &reqwest::Client, after: &str) {
        let (status, body) = app.call(admin, "admin/applications/counts", &[]).await;
        assert_eq!(status, StatusCode::OK, "{after}: {body}");
        for pair in body["counts"].as_array().expect("counts") {
            // The enum's variant name, such as `InReview`, is the stored
            // `in_review`.
            let variant = pair[0].as_str().expect("status");
            let mut stored = String::new();
            for (i, c) in variant.chars().enumerate() {
                if c.is_ascii_uppercase() && i > 0 {
                    stored.push('_');
                }
                stored.push(c.to_ascii_lowercase());
            }
            let rows = app
                .scalar_i64(&format!(
                    "SELECT COUNT(*) FROM application WHERE status = '{stored}'"
                ))
                .await;
            assert_eq!(pair[1].as_i64(), Some(rows), "{after}: {variant}");
        }
    }

    assert_counts_match(&app, &admin, "an empty queue").await;
    for (name, email) in [
        ("Count One Oy", "one@count.example"),
        ("Count Two Oy", "two@count.example"),
        ("Count Three Oy", "three@count.example"),
    ] {
        app.submit_ok(&[("legal_name", name), ("contact_email", email)])
            .await;
    }
    assert_counts_match(&app, &admin, "three submissions").await;

    let rejected = app
        .claimed_application(&admin, "Count Four Oy", "four@count.example")
        .await;
    assert_counts_match(&app, &admin, "a claim").await;
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/reject",
            &[("id", &rejected), ("reason", "Not a fit.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_counts_match(&app, &admin, "a rejection").await;

    let approved = app.application_id("Count One Oy").await;
    for (function, args) in [
        ("admin/applications/claim", vec![("id", approved.as_str())]),
        (
            "admin/applications/approve",
            vec![("id", approved.as_str())],
        ),
    ] {
        let (status, body) = app.call(&admin, function, &args).await;
        assert_eq!(status, StatusCode::OK, "{function}: {body}");
    }
    assert_counts_match(&app, &admin, "an approval").await;

    let asked = app.application_id("Count Two Oy").await;
    for (function, args) in [
        ("admin/applications/claim", vec![("id", asked.as_str())]),
        (
            "admin/applications/request_info",
            vec![
                ("id", asked.as_str()),
                ("fields", "phone"),
                ("message", "Which number reaches you?"),
            ],
        ),
    ] {
        let (status, body) = app.call(&admin, function, &args).await;
        assert_eq!(status, StatusCode::OK, "{function}: {body}");
    }
    assert_counts_match(&app, &admin, "a request for information").await;

    // A server starting on the same database fills the table afresh from
    // the rows; the numbers must not change.
    let again = app.another_server().await;
    assert_counts_match(&again, &admin, "a restart").await;
    let total = app.scalar_i64("SELECT COUNT(*) FROM application").await;
    let counted = app
        .scalar_i64("SELECT CAST(SUM(n) AS BIGINT) FROM application_status_count")
        .await;
    assert_eq!(counted, total);
}
