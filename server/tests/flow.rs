//! The whole path from application to a signed-in Customer admin, and the
//! applicant's side of it.

mod common;

use common::{link_token, TestApp, PASSWORD};
use reqwest::StatusCode;

#[tokio::test]
async fn an_application_travels_from_the_form_to_a_signed_in_customer_admin() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;

    // The applicant applies and gets a private link, on screen and by mail.
    let token = app.submit_ok(&[]).await;
    let mail = app
        .last_mail("ada@example.com", "application_received")
        .await;
    assert!(mail.contains(&format!("/status/{token}")), "{mail}");
    let applicant = app.client();
    let (status, view) = app
        .call(&applicant, "applications/status", &[("token", &token)])
        .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["status"], "Submitted");

    // The reviewer claims and asks for a corrected phone number.
    let id = app.application_id("Acme Learning Oy").await;
    let (status, body) = app
        .call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/request_info",
            &[
                ("id", &id),
                ("fields", "phone"),
                ("message", "Please give a direct line."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, view) = app
        .call(&applicant, "applications/status", &[("token", &token)])
        .await;
    assert_eq!(view["status"], "InfoRequested");
    assert_eq!(view["info_request"][0], "Please give a direct line.");
    assert_eq!(view["info_request"][1][0], "phone");

    // The applicant answers; a field that was not asked about is ignored.
    let (status, body) = app
        .call(
            &applicant,
            "applications/respond",
            &[
                ("token", &token),
                ("answer", "Here it is."),
                ("application[phone]", "+358 9 555 0100"),
                ("application[legal_name]", "Sneaky Rename Oy"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, view) = app
        .call(&applicant, "applications/status", &[("token", &token)])
        .await;
    assert_eq!(view["status"], "Resubmitted");
    assert_eq!(view["values"]["phone"], "+358 9 555 0100");
    assert_eq!(view["legal_name"], "Acme Learning Oy");

    // The claimant approves: organization, invited Customer admin, invitation.
    let (status, body) = app
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM organization").await, 1);
    let invitation = app.last_mail("ada@example.com", "invitation").await;
    assert!(
        invitation.contains("Your sign-in name: ada@example.com"),
        "{invitation}"
    );
    assert!(
        !invitation.to_lowercase().contains("password:"),
        "no password may be mailed"
    );

    // No credential exists until the person sets one.
    let customer = app.client();
    let (status, _) = app
        .call(
            &customer,
            "auth/sign_in",
            &[("email", "ada@example.com"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let link = link_token(&invitation, "/set-password/");
    let (status, info) = app.call(&customer, "auth/link", &[("token", &link)]).await;
    assert_eq!(status, StatusCode::OK, "{info}");
    assert_eq!(info["email"], "ada@example.com");
    let (status, body) = app
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
    app.sign_in(&customer, "ada@example.com", PASSWORD).await;
    let (status, home) = app.call(&customer, "org/home", &[]).await;
    assert_eq!(status, StatusCode::OK, "{home}");
    assert_eq!(home["legal_name"], "Acme Learning Oy");
    assert_eq!(home["status"], "active");

    // The link works once.
    let (status, _) = app
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
    assert_eq!(status, StatusCode::GONE);

    // Every decision is in the audit trail.
    let (status, audit) = app.call(&admin, "admin/audit/list", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let actions: Vec<&str> = audit["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    for expected in [
        "application.submitted",
        "application.claimed",
        "application.info_requested",
        "application.resubmitted",
        "application.approved",
        "user.password_set",
    ] {
        assert!(
            actions.contains(&expected),
            "{expected} missing from {actions:?}"
        );
    }

    // The applicant's timeline shows the approval.
    let (_, view) = app
        .call(&applicant, "applications/status", &[("token", &token)])
        .await;
    assert_eq!(view["status"], "Approved");
}

#[tokio::test]
async fn a_double_submitted_form_makes_one_application_with_one_link() {
    let app = TestApp::spawn().await;
    let key = common::random_key();
    let form = common::application_form(&key, &[]);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();

    let client = app.client();
    let calls = (0..5).map(|_| app.call(&client, "applications/submit", &pairs));
    let answers = futures::future::join_all(calls).await;
    let paths: Vec<String> = answers
        .iter()
        .map(|(status, body)| {
            assert_eq!(*status, StatusCode::OK, "{body}");
            body["status_path"].as_str().unwrap().to_string()
        })
        .collect();
    assert!(paths.windows(2).all(|w| w[0] == w[1]), "{paths:?}");
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM application").await, 1);
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM outbox").await, 1);
}

#[tokio::test]
async fn the_applicant_can_withdraw_until_a_decision_and_not_after() {
    let app = TestApp::spawn().await;
    let token = app.submit_ok(&[]).await;
    let client = app.client();
    let (status, body) = app
        .call(&client, "applications/withdraw", &[("token", &token)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, view) = app
        .call(&client, "applications/status", &[("token", &token)])
        .await;
    assert_eq!(view["status"], "Withdrawn");
    let (status, body) = app
        .call(&client, "applications/withdraw", &[("token", &token)])
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(app
        .last_mail("ada@example.com", "application_withdrawn")
        .await
        .contains("withdrawn"));
}

#[tokio::test]
async fn a_rejection_reaches_the_applicant_with_its_reason() {
    let app = TestApp::spawn().await;
    let admin = app.admin("reviewer@operator.example").await;
    let token = app.submit_ok(&[]).await;
    let id = app.application_id("Acme Learning Oy").await;
    app.call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;

    let (status, body) = app
        .call(
            &admin,
            "admin/applications/reject",
            &[("id", &id), ("reason", "  ")],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body["Validation"][0][1]
        .as_str()
        .unwrap()
        .contains("Reason"));

    let (status, body) = app
        .call(
            &admin,
            "admin/applications/reject",
            &[
                ("id", &id),
                ("reason", "We serve only Nordic organizations."),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, view) = app
        .call(&app.client(), "applications/status", &[("token", &token)])
        .await;
    assert_eq!(view["status"], "Rejected");
    assert_eq!(
        view["rejection_reason"],
        "We serve only Nordic organizations."
    );
    assert!(app
        .last_mail("ada@example.com", "application_rejected")
        .await
        .contains("We serve only Nordic organizations."));
}

#[tokio::test]
async fn an_unknown_or_malformed_status_link_is_not_found() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let (status, body) = app
        .call(&client, "applications/status", &[("token", "nope")])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let fake = "A".repeat(43);
    let (status, _) = app
        .call(&client, "applications/status", &[("token", &fake)])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
