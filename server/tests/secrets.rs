//! Secrets never leak into logs or answers.
//!
//! One full flow — submit, review, approve, set a password, sign in, forgot
//! password, a second set-password — runs against a server whose log lines
//! are captured in memory, with an SMTP URL carrying a password configured
//! and its delivery worker running (against a closed port on 127.0.0.1, so
//! every attempt fails and is logged). Then every captured log line and
//! every response body is searched for password hashes, passwords, the raw
//! status and set-password tokens, the session cookie and the SMTP
//! password, and for a system administrator's TOTP secret and recovery
//! codes once enrolment has handed them out. The only answers allowed to carry a link token are the
//! applicant's own submit answer (it is their status link) and the outbox,
//! which system administrators read to see mail when no SMTP server is
//! configured.

mod common;

use std::io::Write;
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use common::{link_token, TestApp, PASSWORD};
use reqwest::{Client, StatusCode};

const SMTP_PASSWORD: &str = "Smtp-Pa55word-Never-Logged";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every answer of the flow, by what was asked.
#[derive(Default)]
struct Answers(Vec<(String, String)>);

impl Answers {
    async fn call(
        &mut self,
        app: &TestApp,
        client: &Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, serde_json::Value) {
        let res = client
            .post(format!("{}/api/{path}", app.base))
            .form(form)
            .send()
            .await
            .expect("request");
        let status = res.status();
        let mut headers = String::new();
        for (name, value) in res.headers() {
            if name != "set-cookie" {
                headers.push_str(&format!("{name}: {}\n", value.to_str().unwrap_or("")));
            }
        }
        let text = res.text().await.expect("body");
        self.0
            .push((path.to_string(), format!("{headers}\n{text}")));
        let json = serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text));
        (status, json)
    }

    async fn page(&mut self, app: &TestApp, client: &Client, path: &str) {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .expect("page");
        assert!(res.status().is_success(), "{path}: {}", res.status());
        let text = res.text().await.expect("html");
        self.0.push((format!("GET {path}"), text));
    }
}

fn session_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("coursegate_session="))
        .and_then(|v| v.split(';').next())
        .and_then(|v| v.split_once('='))
        .map(|(_, value)| value.to_string())
        .expect("session cookie")
}

#[tokio::test]
async fn no_log_line_or_answer_carries_a_secret() {
    let logs = Captured::default();
    let writer = logs.clone();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(
            // What production logs, with this project's own crates at debug.
            "info,sqlx=warn,tower_sessions=warn,app=debug,server=debug",
        ))
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let closed_port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    let smtp_url = format!("smtp://mailer:{SMTP_PASSWORD}@127.0.0.1:{closed_port}");
    let app = TestApp::spawn_with(|s| {
        s.smtp_url = app::server::config::SecretString::new(smtp_url.clone());
        s.mail_retry_seconds = 0;
        s.mail_max_attempts = 2;
    })
    .await;
    tracing::info!(settings = ?app.state.settings, "settings in use");
    let mailer = app::server::delivery::Mailer::from_settings(&app.state.settings)
        .expect("smtp url")
        .expect("a mailer");
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(app::server::delivery::run(
        app.state.clone(),
        mailer,
        stopped,
    ));

    let mut answers = Answers::default();
    let admin = app.admin("secrets.admin@operator.example").await;
    let applicant = app.client();
    let form = common::application_form(
        &common::random_key(),
        &[
            ("legal_name", "Secretive Oy"),
            ("contact_email", "keeper@secret.example"),
        ],
    );
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (status, body) = answers
        .call(&app, &applicant, "applications/submit", &form)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let status_token = common::token_of(&body);
    answers
        .call(
            &app,
            &applicant,
            "applications/status",
            &[("token", &status_token)],
        )
        .await;
    answers
        .page(&app, &applicant, &format!("/status/{status_token}"))
        .await;

    let id = app.application_id("Secretive Oy").await;
    for (path, form) in [
        ("admin/applications/claim", vec![("id", id.as_str())]),
        ("admin/applications/approve", vec![("id", id.as_str())]),
        ("admin/applications/get", vec![("id", id.as_str())]),
        ("admin/applications/list", vec![]),
    ] {
        let (status, body) = answers.call(&app, &admin, path, &form).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    let invitation = link_token(
        &app.last_mail("keeper@secret.example", "invitation").await,
        "/set-password/",
    );
    let customer = app.client();
    answers
        .call(&app, &customer, "auth/link", &[("token", &invitation)])
        .await;
    let (status, body) = answers
        .call(
            &app,
            &customer,
            "auth/set_password",
            &[
                ("token", &invitation),
                ("password", PASSWORD),
                ("confirm", PASSWORD),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Signing in: the cookie value is the secret a log must never show.
    let res = customer
        .post(format!("{}/api/auth/sign_in", app.base))
        .form(&[("email", "keeper@secret.example"), ("password", PASSWORD)])
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = session_cookie(&res);
    answers
        .0
        .push(("auth/sign_in".into(), res.text().await.expect("body")));
    let (status, _) = answers
        .call(
            &app,
            &customer,
            "auth/sign_in",
            &[
                ("email", "keeper@secret.example"),
                ("password", "wrong password!"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for path in ["auth/me", "org/home", "org/dashboard"] {
        let (status, body) = answers.call(&app, &customer, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    answers.page(&app, &customer, "/org").await;
    answers.page(&app, &customer, "/profile").await;

    // Forgot password, then a second set-password through the mailed link.
    let (status, body) = answers
        .call(
            &app,
            &app.client(),
            "auth/forgot_password",
            &[("email", "keeper@secret.example")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let reset = link_token(
        &app.last_mail("keeper@secret.example", "password_reset")
            .await,
        "/set-password/",
    );
    let new_password = "another long passphrase";
    let (status, body) = answers
        .call(
            &app,
            &app.client(),
            "auth/set_password",
            &[
                ("token", &reset),
                ("password", new_password),
                ("confirm", new_password),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Two-step sign-in: the key and the recovery codes are handed out at
    // enrolment only (those answers are not searched); from then on no
    // answer, page or log line carries them.
    let two_step = app.enrol_two_step(&admin).await;
    let (status, body) = answers
        .call(&app, &admin, "profile/two_step/status", &[])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    answers.page(&app, &admin, "/profile/two-step").await;
    answers.page(&app, &admin, "/profile").await;
    let admin_email = "secrets.admin@operator.example";
    for code in [
        common::totp_code(&app, &two_step.secret, 0),
        two_step.recovery_codes[0].clone(),
    ] {
        let browser = app.client();
        let (status, body) = answers
            .call(
                &app,
                &browser,
                "auth/sign_in",
                &[("email", admin_email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, body) = answers
            .call(&app, &browser, "auth/sign_in_code", &[("code", &code)])
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    for path in [
        "admin/audit/list",
        "admin/organizations/list",
        "admin/admins/list",
        "admin/reports",
    ] {
        let (status, body) = answers.call(&app, &admin, path, &[]).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
    answers
        .page(&app, &admin, &format!("/admin/applications/{id}"))
        .await;
    answers.page(&app, &admin, "/admin/audit").await;

    // The outbox is where links legitimately are; it must still hold no
    // hash, cookie or SMTP password.
    let mut outbox = Answers::default();
    let (status, body) = outbox.call(&app, &admin, "admin/outbox/list", &[]).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Let the worker try (and fail) to deliver, so its errors are logged.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let tried = app
            .scalar_i64("SELECT COUNT(*) FROM outbox WHERE attempts > 0")
            .await;
        if tried > 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the mail worker never ran"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let _ = stop.send(true);
    let _ = worker.await;

    let hashes: Vec<String> =
        sqlx::query_scalar("SELECT password_hash FROM app_user WHERE password_hash IS NOT NULL")
            .fetch_all(app.state.db.pool())
            .await
            .expect("hashes");
    assert!(hashes.len() >= 2);
    let log_text = String::from_utf8_lossy(&logs.0.lock().expect("logs")).to_string();
    assert!(log_text.contains("request"), "no request was logged");
    assert!(log_text.contains("mail"), "the mail worker logged nothing");

    let mut secrets: Vec<(&str, String)> = vec![
        ("an argon2 hash", "$argon2".to_string()),
        ("the password", PASSWORD.to_string()),
        ("the new password", new_password.to_string()),
        ("the status token", status_token.clone()),
        ("the invitation token", invitation.clone()),
        ("the reset token", reset.clone()),
        ("the session cookie", cookie.clone()),
        ("the SMTP password", SMTP_PASSWORD.to_string()),
        ("the TOTP secret", two_step.secret.clone()),
        ("the TOTP secret", two_step.secret.to_lowercase()),
    ];
    for code in &two_step.recovery_codes {
        secrets.push(("a recovery code", code.clone()));
        secrets.push(("a recovery code", code.replace('-', "")));
    }
    for hash in &hashes {
        // The salt and digest, whichever way they are printed.
        secrets.push((
            "a password hash",
            hash.rsplit('$').next().unwrap_or("").to_string(),
        ));
    }
    for (what, secret) in &secrets {
        assert!(!secret.is_empty());
        assert!(!log_text.contains(secret.as_str()), "the logs carry {what}");
    }
    let mut checked = 0;
    for (path, body) in &answers.0 {
        for (what, secret) in &secrets {
            // The applicant's own submit answer and status page carry their
            // status link by design.
            let own_link = *what == "the status token"
                && (path == "applications/submit" || path.starts_with("GET /status/"));
            if !own_link {
                assert!(
                    !body.contains(secret.as_str()),
                    "{path} answers with {what}"
                );
            }
        }
        checked += 1;
    }
    for (what, secret) in &secrets {
        let allowed_in_outbox = matches!(
            *what,
            "the status token" | "the invitation token" | "the reset token"
        );
        if !allowed_in_outbox {
            assert!(
                !outbox.0[0].1.contains(secret.as_str()),
                "the outbox carries {what}"
            );
        }
    }
    println!(
        "secrets: {} secrets searched in {} answers and {} bytes of logs",
        secrets.len(),
        checked + 1,
        log_text.len()
    );
}
