//! What must hold whichever database is underneath, and with several app
//! servers on one database. `make test` runs this file (like every other
//! integration test) once on SQLite and once on PostgreSQL.

mod common;

use std::collections::HashSet;

use common::{link_token, TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn a_session_and_a_status_link_made_on_one_server_work_on_the_other() {
    let one = TestApp::spawn().await;
    let two = one.another_server().await;
    assert_ne!(one.base, two.base);

    // Signed in on server one; the cookie is all server two gets.
    let admin = one.admin("reviewer@operator.example").await;
    let (status, me) = two.call(&admin, "auth/me", &[]).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["email"], "reviewer@operator.example");
    let (status, body) = two.call(&admin, "admin/applications/counts", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // A status link made on one opens on two: both derive it from the
    // secret they share through the database.
    let token = one.submit_ok(&[]).await;
    let (status, view) = two
        .call(&two.client(), "applications/status", &[("token", &token)])
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["legal_name"], "Acme Learning Oy");
    assert_eq!(one.state.secret, two.state.secret);

    // Claimed on one, approved on two; the invitation sent from two sets
    // the password on one, and the Customer admin signs in on two.
    let id = one.application_id("Acme Learning Oy").await;
    let (status, body) = one
        .call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = two
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let link = link_token(
        &one.last_mail("ada@example.com", "invitation").await,
        "/set-password/",
    );
    let customer = one.client();
    let (status, body) = one
        .call(
            &customer,
            "auth/set_password",
            &[
                ("token", &link),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    two.sign_in(&customer, "ada@example.com", PASSWORD).await;
    let (status, home) = one.call(&customer, "org/home", &[]).await;
    assert_eq!(status, StatusCode::OK, "{home}");
    assert_eq!(home["legal_name"], "Acme Learning Oy");

    // Signing out on two ends the session for one as well.
    let (status, _) = two.call(&admin, "auth/sign_out", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let (_, me) = one.call(&admin, "auth/me", &[]).await;
    assert!(me.is_null(), "{me}");
}

#[tokio::test]
async fn a_session_cookie_alone_carries_the_sign_in_to_the_other_server() {
    let one = TestApp::spawn().await;
    let two = one.another_server().await;
    one.admin("reviewer@operator.example").await;

    // A browser without a cookie jar: the Set-Cookie from server one is
    // copied by hand into a request to server two.
    let bare = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = bare
        .post(format!("{}/api/auth/sign_in", one.base))
        .form(&[
            ("email", "reviewer@operator.example"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("coursegate_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_string();
    let me = |base: String, cookie: Option<String>| {
        let bare = bare.clone();
        async move {
            let mut req = bare.post(format!("{base}/api/auth/me"));
            if let Some(cookie) = cookie {
                req = req.header(reqwest::header::COOKIE, cookie);
            }
            req.send().await.unwrap().json::<Value>().await.unwrap()
        }
    };
    assert_eq!(
        me(two.base.clone(), Some(cookie.clone())).await["email"],
        "reviewer@operator.example"
    );
    assert!(me(two.base.clone(), None).await.is_null());
    assert_eq!(
        me(one.base.clone(), Some(cookie)).await["email"],
        "reviewer@operator.example"
    );
}

#[tokio::test]
async fn approvals_racing_on_two_servers_make_one_organization_and_one_user() {
    let one = TestApp::spawn().await;
    let two = one.another_server().await;
    let admin = one.admin("reviewer@operator.example").await;
    let id = one
        .claimed_application(&admin, "Two Servers Oy", "two.servers@example.com")
        .await;

    let args = [("id", id.as_str())];
    let calls = (0..20).map(|i| {
        let server = if i % 2 == 0 { &one } else { &two };
        server.call(&admin, "admin/applications/approve", &args)
    });
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
    for app in [&one, &two] {
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
        assert_eq!(
            app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'application.approved'")
                .await,
            1
        );
    }
}

#[tokio::test]
async fn servers_starting_at_once_on_an_empty_database_share_one_schema_and_secret() {
    let servers = TestApp::spawn_together(4).await;
    let first = &servers[0];
    for other in &servers {
        assert_eq!(other.state.secret, first.state.secret);
    }
    // Each finds no administrator and creates the first one; one wins and
    // the others start anyway.
    let starts =
        futures::future::join_all(servers.iter().map(|s| server::ensure_first_admin(&s.state)))
            .await;
    for start in starts {
        assert_eq!(start, Ok(()));
    }
    assert_eq!(
        first
            .scalar_i64("SELECT COUNT(*) FROM app_user WHERE role = 'system_admin'")
            .await,
        1
    );
    let admin = first.admin("reviewer@operator.example").await;
    for other in &servers {
        let (status, body) = other.call(&admin, "auth/me", &[]).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["email"], "reviewer@operator.example");
    }
}

/// Every write that reads first holds its lock on both databases: twenty
/// simultaneous withdrawals or answers take effect once.
#[tokio::test]
async fn simultaneous_withdrawals_and_answers_take_effect_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let withdrawn = app
        .submit_ok(&[
            ("legal_name", "Withdraw Oy"),
            ("contact_email", "w@example.com"),
        ])
        .await;
    let answered = app
        .submit_ok(&[
            ("legal_name", "Answer Oy"),
            ("contact_email", "a@example.com"),
        ])
        .await;
    let id = app.application_id("Answer Oy").await;
    app.call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/request_info",
            &[
                ("id", &id),
                ("fields", "phone"),
                ("message", "Which phone?"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let applicant = app.client();
    let withdraw_args = [("token", withdrawn.as_str())];
    let withdrawals =
        (0..20).map(|_| app.call(&applicant, "applications/withdraw", &withdraw_args));
    let answers = (0..20).map(|i| {
        let phone = format!("+358 40 555 {i:04}");
        let applicant = &applicant;
        let answered = &answered;
        let app = &app;
        async move {
            app.call(
                applicant,
                "applications/respond",
                &[
                    ("token", answered),
                    ("answer", "This one."),
                    ("application[phone]", &phone),
                ],
            )
            .await
        }
    });
    let (withdrawals, answers) = tokio::join!(
        futures::future::join_all(withdrawals),
        futures::future::join_all(answers)
    );
    for results in [&withdrawals, &answers] {
        let ok = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
        let conflicts = results
            .iter()
            .filter(|(s, _)| *s == StatusCode::CONFLICT)
            .count();
        assert_eq!((ok, conflicts), (1, 19), "{results:?}");
    }
    for (kind, count) in [("application_withdrawn", 1), ("application_resubmitted", 1)] {
        let sql = format!("SELECT COUNT(*) FROM outbox WHERE kind = '{kind}'");
        assert_eq!(app.scalar_i64(&sql).await, count, "{kind}");
    }
    for (kind, count) in [("withdrawn", 1), ("resubmitted", 1)] {
        let sql = format!("SELECT COUNT(*) FROM application_event WHERE kind = '{kind}'");
        assert_eq!(app.scalar_i64(&sql).await, count, "{kind}");
    }
}

/// Sending an invitation again while another resend runs leaves exactly one
/// working link, whichever database serializes the two.
#[tokio::test]
async fn simultaneous_resends_leave_one_working_link() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let id = app
        .claimed_application(&admin, "Resend Race Oy", "resend.race@example.com")
        .await;
    let (status, approved) = app
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    let user_id = approved["user_id"].as_str().unwrap().to_string();
    let args = [("user_id", user_id.as_str())];
    let resends = (0..10).map(|_| app.call(&admin, "admin/invitations/resend", &args));
    for (status, body) in futures::future::join_all(resends).await {
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let sql =
        format!("SELECT COUNT(*) FROM user_token WHERE used_at IS NULL AND user_id = '{user_id}'");
    assert_eq!(app.scalar_i64(&sql).await, 1);
}

/// A set-password link used ten times at once works once; the other nine
/// get the same answer on both databases.
#[tokio::test]
async fn a_link_used_ten_times_at_once_sets_one_password() {
    let app = TestApp::spawn().await;
    let link = app::auth::server::create_system_admin(
        &app.state.db,
        &app.state.settings,
        "race@operator.example",
        "test",
    )
    .await
    .unwrap();
    let token = link.rsplit('/').next().unwrap().to_string();
    let args = [
        ("token", token.as_str()),
        ("password", PASSWORD),
        ("confirm", PASSWORD),
    ];
    let client = app.client();
    let calls = (0..10).map(|_| app.call(&client, "auth/set_password", &args));
    let answers = futures::future::join_all(calls).await;
    let ok = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    assert_eq!(ok, 1, "{answers:?}");
    for (status, body) in answers.iter().filter(|(s, _)| *s != StatusCode::OK) {
        assert_eq!(*status, StatusCode::GONE, "{body}");
        assert_eq!(
            body["Gone"],
            "This link was already used. Sign in with your password, or ask for a new link.",
        );
    }
    assert_eq!(
        app.scalar_i64("SELECT session_epoch FROM app_user").await,
        1,
        "one password change"
    );
}

/// Names and emails that differ only in Unicode form, case or width.
#[tokio::test]
async fn unicode_variants_are_the_same_name_and_the_same_email() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    // Precomposed é and ö; decomposed e + U+0301 and o + U+0308 in capitals;
    // fullwidth letters.
    let names = [
        "Café Ströme Oy",
        "CAFE\u{301} STRO\u{308}ME AB",
        "Ｃａｆé Ströme GmbH",
    ];
    let emails = [
        "Straße@Example.com",
        "STRASSE@example.COM",
        "strasse@ｅｘａｍｐｌｅ.com",
    ];
    for (i, (name, email)) in names.iter().zip(emails).enumerate() {
        let reg = format!("{}-1", 1_000_000 + i);
        app.submit_ok(&[
            ("legal_name", name),
            ("registration_id", &reg),
            ("contact_email", email),
        ])
        .await;
    }
    app.submit_ok(&[
        ("legal_name", "Cafe Strome Oy"),
        ("registration_id", "2000000-1"),
        ("contact_email", "someone.else@example.com"),
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
    // Accents are not dropped: "Cafe Strome" is another name.
    let expected: Vec<(String, bool)> = names
        .iter()
        .map(|n| (n.to_string(), true))
        .chain([("Cafe Strome Oy".to_string(), false)])
        .collect();
    assert_eq!(flags, expected);

    let id = app.application_id(names[1]).await;
    let (_, detail) = app
        .call(&admin, "admin/applications/get", &[("id", &id)])
        .await;
    let hints: Vec<(String, String)> = detail["duplicates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["reason"].as_str().unwrap().to_string(),
                d["other"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        hints,
        vec![
            (
                "Same organization name".to_string(),
                format!("{} (submitted)", names[0])
            ),
            (
                "Same organization name".to_string(),
                format!("{} (submitted)", names[2])
            ),
            (
                "Same contact email as another pending application".to_string(),
                format!("{} (submitted)", names[0])
            ),
            (
                "Same contact email as another pending application".to_string(),
                format!("{} (submitted)", names[2])
            ),
        ]
    );

    // The search folds the query the same way.
    for q in ["café", "CAFE\u{301}", "strasse@example", "STRAẞE"] {
        let (status, found) = app
            .call(&admin, "admin/applications/list", &[("q", q)])
            .await;
        assert_eq!(status, StatusCode::OK, "{found}");
        assert_eq!(found["rows"].as_array().unwrap().len(), 3, "{q}: {found}");
    }
}

#[tokio::test]
async fn search_treats_like_wildcards_in_the_query_as_plain_characters() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    for (i, email) in [
        "first_last@example.com",
        "firstXlast@example.com",
        "save%20@example.com",
        "save2020@example.com",
    ]
    .iter()
    .enumerate()
    {
        let name = format!("Wildcard Org {i}");
        let reg = format!("{}-1", 3_000_000 + i);
        app.submit_ok(&[
            ("legal_name", &name),
            ("registration_id", &reg),
            ("contact_email", email),
        ])
        .await;
    }
    for (q, expected) in [
        ("first_last", vec!["Wildcard Org 0"]),
        ("FIRSTxLAST", vec!["Wildcard Org 1"]),
        ("save%20", vec!["Wildcard Org 2"]),
        ("e2020@", vec!["Wildcard Org 3"]),
        ("_", vec!["Wildcard Org 0"]),
    ] {
        let (status, found) = app
            .call(&admin, "admin/applications/list", &[("q", q)])
            .await;
        assert_eq!(status, StatusCode::OK, "{found}");
        let names: Vec<&str> = found["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["legal_name"].as_str().unwrap())
            .collect();
        assert_eq!(names, expected, "{q}");
    }
}

#[tokio::test]
async fn emails_are_unique_whatever_their_case_or_unicode_form() {
    let app = TestApp::spawn().await;
    let admin = app.admin("Jürgen.Straße@Operator.example").await;

    // The same address typed differently is the same account.
    let again = app::auth::server::create_system_admin(
        &app.state.db,
        &app.state.settings,
        "JU\u{308}RGEN.STRASSE@operator.EXAMPLE",
        "test",
    )
    .await;
    assert!(
        again.as_ref().is_err_and(|e| e.contains("already exists")),
        "{again:?}"
    );
    let other = app.client();
    app.sign_in(&other, "jürgen.strasse@OPERATOR.example", PASSWORD)
        .await;
    let (_, me) = app.call(&other, "auth/me", &[]).await;
    assert_eq!(me["email"], "Jürgen.Straße@Operator.example");

    // An approval may not give the address to a Customer admin either.
    let id = app
        .claimed_application(&admin, "Unique Mail Oy", "unique@example.com")
        .await;
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/approve",
            &[
                ("id", &id),
                ("admin_email", "JÜRGEN.STRASSE@operator.example"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM app_user").await,
        1,
        "nothing was added"
    );
}

/// Applications with one and the same creation time still page in a fixed
/// order (by id, compared byte by byte), without gaps or repeats.
#[tokio::test]
async fn the_queue_pages_rows_with_equal_times_by_id() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    for i in 0..60 {
        let name = format!("Tie Org {i:02}");
        let reg = format!("{}-1", 4_000_000 + i);
        let email = format!("tie{i}@example.com");
        app.submit_ok(&[
            ("legal_name", &name),
            ("registration_id", &reg),
            ("contact_email", &email),
        ])
        .await;
    }
    sqlx::query("UPDATE application SET created_at = 1700000000000")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let mut expected: Vec<String> =
        sqlx::query_scalar::<_, String>("SELECT application_id FROM application")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap();
    expected.sort();

    let mut seen = Vec::new();
    let mut after = String::new();
    let mut pages = 0;
    loop {
        let (status, page) = app
            .call(&admin, "admin/applications/list", &[("after", &after)])
            .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        pages += 1;
        for row in page["rows"].as_array().unwrap() {
            seen.push(row["application_id"].as_str().unwrap().to_string());
        }
        match page["next"].as_str() {
            Some(next) => after = next.to_string(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, expected);
}

/// The audit trail pages newest first; entries written in the same
/// millisecond come in descending id order, on every page.
#[tokio::test]
async fn the_audit_trail_pages_rows_with_equal_times_by_id() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    for i in 0..55 {
        let name = format!("Audit Org {i:02}");
        let reg = format!("{}-1", 5_000_000 + i);
        app.submit_ok(&[("legal_name", &name), ("registration_id", &reg)])
            .await;
    }
    sqlx::query("UPDATE audit_log SET at = 1700000000000")
        .execute(app.state.db.pool())
        .await
        .unwrap();
    let rows = sqlx::query("SELECT audit_id, subject_kind, subject_id FROM audit_log")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
    let mut expected: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            use sqlx::Row;
            let kind: String = r.get("subject_kind");
            let id: String = r.get("subject_id");
            (r.get("audit_id"), format!("{kind} {id}"))
        })
        .collect();
    expected.sort_by(|a, b| b.0.cmp(&a.0));
    let expected: Vec<String> = expected.into_iter().map(|(_, s)| s).collect();
    assert!(expected.len() > 50, "more than one page");

    let mut seen = Vec::new();
    let mut before = String::new();
    loop {
        let (status, page) = app
            .call(&admin, "admin/audit/list", &[("before", &before)])
            .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        for row in page["rows"].as_array().unwrap() {
            seen.push(row["subject"].as_str().unwrap().to_string());
        }
        match page["older"].as_str() {
            Some(older) => before = older.to_string(),
            None => break,
        }
    }
    assert_eq!(seen, expected);

    // The action filter is a prefix, whatever the case; LIKE's wildcards
    // and escape character are not special in it.
    let count = |action: &'static str| {
        let app = &app;
        let admin = &admin;
        async move {
            let (status, page) = app
                .call(admin, "admin/audit/list", &[("action", action)])
                .await;
            assert_eq!(status, StatusCode::OK, "{page}");
            page["rows"].as_array().unwrap().len()
        }
    };
    assert_eq!(count("application.sub").await, 50, "one full page");
    assert_eq!(count("user.").await, 2);
    assert_eq!(count("user.password_set").await, 1);
    assert_eq!(count("USER.").await, 2);
    assert_eq!(count("_ser.").await, 0);
    assert_eq!(count("user\\").await, 0);
}

#[tokio::test]
async fn every_id_and_time_survives_the_round_trip() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    app.submit_ok(&[]).await;
    let (_, page) = app.call(&admin, "admin/applications/list", &[]).await;
    let row = &page["rows"][0];
    let created_at = row["created_at"].as_i64().unwrap();
    // Milliseconds since 1970, within a minute of now: no truncation to
    // seconds and no time-zone shift on either database.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    assert!((now - created_at).abs() < 60_000, "{created_at} vs {now}");
    let ids: HashSet<String> =
        sqlx::query_scalar::<_, String>("SELECT application_id FROM application")
            .fetch_all(app.state.db.pool())
            .await
            .unwrap()
            .into_iter()
            .collect();
    assert!(ids.contains(row["application_id"].as_str().unwrap()));
    // Large values (far past 2038, and negative) keep all 64 bits.
    for at in [i64::MAX - 1, -86_400_000, 4_102_444_800_000] {
        sqlx::query("UPDATE application SET created_at = $1")
            .bind(at)
            .execute(app.state.db.pool())
            .await
            .unwrap();
        let (_, page) = app.call(&admin, "admin/applications/list", &[]).await;
        assert_eq!(page["rows"][0]["created_at"].as_i64(), Some(at));
    }
}

#[tokio::test]
async fn a_reviewer_on_one_server_sees_an_application_submitted_on_the_other() {
    let first = TestApp::spawn().await;
    let second = first.another_server().await;
    let reviewer = second.admin("reviewer@operator.example").await;
    let (_, before) = second
        .call(&reviewer, "admin/applications/counts", &[])
        .await;

    // The console polls these counts every two seconds; the database is the
    // only channel between the servers.
    first
        .submit_ok(&[("legal_name", "Across Servers Oy")])
        .await;

    let (status, after) = second
        .call(&reviewer, "admin/applications/counts", &[])
        .await;
    assert_eq!(status, reqwest::StatusCode::OK);
    assert!(
        after["changed_at"].as_i64() > before["changed_at"].as_i64(),
        "{before} then {after}"
    );
    let (_, page) = second.call(&reviewer, "admin/applications/list", &[]).await;
    assert_eq!(page["rows"][0]["legal_name"], "Across Servers Oy");
}

/// The names the review queue's search returns for `q`, oldest first.
async fn queue_search(app: &TestApp, admin: &reqwest::Client, q: &str) -> Vec<String> {
    let (status, found) = app
        .call(admin, "admin/applications/list", &[("q", q)])
        .await;
    assert_eq!(status, StatusCode::OK, "{q}: {found}");
    found["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["legal_name"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn search_finds_a_term_anywhere_in_a_name_registration_id_or_email() {
    let app = TestApp::spawn().await;
    let admin = app.admin("search-index@operator.example").await;
    // Names and emails full of what a full-text query language would read
    // as syntax: quotes, stars, brackets, colons, OR, NEAR, a caret.
    let applications = [
        (
            "Northwind Traders Oy",
            "4100001-1",
            "buyer@northwind.example",
        ),
        ("Quote \"Mark\" Learning Oy", "4100002-1", "q@quote.example"),
        ("Star*Power (Finland) Oy", "4100003-1", "star@power.example"),
        (
            "OR NEAR: Colon^Caret Oy",
            "4100004-1",
            "or.near@colon.example",
        ),
        ("Käännös Ääkköset Oy", "4100005-1", "aakkoset@example.fi"),
    ];
    for (name, registration, email) in applications {
        app.submit_ok(&[
            ("legal_name", name),
            ("registration_id", registration),
            ("contact_email", email),
        ])
        .await;
    }
    // Every answer is compared with a plain substring test over the same
    // normalized forms, so the trigram index (SQLite) and the LIKE scan
    // (short terms, PostgreSQL) are held to one meaning.
    use app::server::normalize;
    let queries = [
        "wind trad",
        "WIND",
        "\"mark\"",
        "mark\" lea",
        "*power (fin",
        "(finland)",
        "or near:",
        "near",
        "^caret",
        "colon^",
        "4100003",
        "100004-",
        "@power.ex",
        "northwind.example",
        "ääkkö",
        "KÄÄNNÖS",
        "tra",
        "oy",
        "o",
        "\"",
        "*",
        "zzz",
        "rs oy",
        ":",
        "example",
    ];
    for q in queries {
        let terms = [
            normalize::organization_name(q),
            normalize::registration_id(q),
            normalize::email(q),
        ];
        let expected: Vec<String> = applications
            .iter()
            .filter(|(name, registration, email)| {
                let fields = [
                    normalize::organization_name(name),
                    normalize::registration_id(registration),
                    normalize::email(email),
                ];
                fields
                    .iter()
                    .zip(&terms)
                    .any(|(field, term)| !term.is_empty() && field.contains(term.as_str()))
            })
            .map(|(name, _, _)| name.to_string())
            .collect();
        assert_eq!(queue_search(&app, &admin, q).await, expected, "{q:?}");
    }
    assert!(!queue_search(&app, &admin, "wind trad").await.is_empty());

    // A changed name is found by its new words only.
    let id = app.application_id("Northwind Traders Oy").await;
    sqlx::query("UPDATE application SET name_normalized = $1 WHERE application_id = $2")
        .bind(normalize::organization_name("Southwind Merchants Oy"))
        .bind(&id)
        .execute(app.state.db.pool())
        .await
        .expect("rename");
    assert!(queue_search(&app, &admin, "wind trad").await.is_empty());
    assert_eq!(
        queue_search(&app, &admin, "southwind merch").await,
        vec!["Northwind Traders Oy".to_string()]
    );
}

#[tokio::test]
async fn a_database_made_before_the_search_index_gets_it_filled_at_start() {
    let app = TestApp::spawn().await;
    if app.backend() != app::server::db::Backend::Sqlite {
        // PostgreSQL's trigram indexes cover existing rows by themselves;
        // they only have to be there.
        let indexes = app
            .scalar_i64(
                "SELECT COUNT(*) FROM pg_indexes WHERE indexname LIKE 'application_%_trgm_idx'",
            )
            .await;
        assert_eq!(indexes, 3);
        return;
    }
    let admin = app.admin("search-fill@operator.example").await;
    app.submit_ok(&[("legal_name", "Existing Before Index Oy")])
        .await;
    for statement in [
        "DROP TRIGGER application_search_insert",
        "DROP TRIGGER application_search_update",
        "DROP TRIGGER application_search_delete",
        "DROP TABLE application_search",
    ] {
        sqlx::query(statement)
            .execute(app.state.db.pool())
            .await
            .expect(statement);
    }
    // Another server starting on the same file builds and fills the index.
    let restarted = app.another_server().await;
    assert_eq!(
        queue_search(&restarted, &admin, "before ind").await,
        vec!["Existing Before Index Oy".to_string()]
    );
    let indexed = restarted
        .scalar_i64("SELECT COUNT(*) FROM application_search")
        .await;
    assert_eq!(
        indexed,
        restarted
            .scalar_i64("SELECT COUNT(*) FROM application")
            .await
    );
    // The triggers find an application's index row through an ordinary
    // index, not by reading the whole full-text index.
    let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "EXPLAIN QUERY PLAN SELECT id FROM application_search_content WHERE c0 = 'x'",
    )
    .fetch_all(restarted.state.db.pool())
    .await
    .expect("plan");
    assert!(
        plan.iter()
            .any(|row| row.3.contains("application_search_id_idx")),
        "{plan:?}"
    );
}
