//! Crash safety: the real `coursegate` binary is killed with SIGKILL in the
//! middle of a burst of submissions and approvals, started again on the
//! same database, and the database must hold every submission that was
//! answered 200 and no half-done approval.
//!
//! Why this proves atomicity: SIGKILL cannot be caught, so the process gets
//! no chance to finish or roll back anything itself. Whatever the database
//! holds afterwards is exactly what its transactions committed. An
//! approval writes the application's status, the organization, its
//! Customer admin, the set-password link and the invitation mail; if any of
//! those were written outside the one transaction, a kill between two of
//! them would leave an approved application without its organization, user
//! or mail (or an organization without an approved application), and the
//! checks below would find it. With dozens of requests in flight when the
//! kill lands, some are caught mid-transaction on every run. A 200 is sent
//! only after the commit, so every answered submission must still be there.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{application_form, fresh_database, link_token, random_key, PASSWORD};
use reqwest::{Client, StatusCode};
use serde_json::Value;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

struct Running {
    child: Child,
    base: String,
    /// Lines the server printed on standard output.
    stdout: std::sync::mpsc::Receiver<String>,
}

/// A panicking test must not leave its server running.
impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(database_url: &str, port: u16, dir: &std::path::Path) -> Running {
    let base = format!("http://127.0.0.1:{port}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_coursegate"))
        .arg("serve")
        .current_dir(dir)
        .env_remove("COURSEGATE_CONFIG")
        .env_remove("COURSEGATE_SMTP_URL")
        .env("COURSEGATE_BIND", format!("127.0.0.1:{port}"))
        .env("COURSEGATE_PUBLIC_URL", &base)
        .env("COURSEGATE_DATABASE_URL", database_url)
        .env(
            "COURSEGATE_FIRST_ADMIN_EMAIL",
            "crash.admin@operator.example",
        )
        .env("COURSEGATE_RATE_SIGN_IN_PER_MINUTE", "100000")
        .env("COURSEGATE_RATE_SUBMIT_PER_MINUTE", "100000")
        .env("COURSEGATE_RATE_PASSWORD_PER_MINUTE", "100000")
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the coursegate binary");
    let out = child.stdout.take().expect("stdout");
    let (send, stdout) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    Running {
        child,
        base,
        stdout,
    }
}

/// Waits (with a generous deadline) until the server answers `/readyz`.
async fn wait_ready(client: &Client, running: &mut Running) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(res) = client.get(format!("{}/readyz", running.base)).send().await {
            if res.status() == StatusCode::OK {
                return;
            }
        }
        if let Ok(Some(status)) = running.child.try_wait() {
            panic!("the server exited early: {status}");
        }
        assert!(Instant::now() < deadline, "the server never became ready");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn post(
    client: &Client,
    base: &str,
    path: &str,
    form: &[(String, String)],
) -> (StatusCode, Value) {
    let res = client
        .post(format!("{base}/api/{path}"))
        .form(form)
        .send()
        .await
        .expect("request");
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(120))
        .build()
        .expect("client")
}

enum Outcome {
    Submitted { legal_name: String, token: String },
    Approved { id: String },
    Other,
}

#[tokio::test]
async fn a_killed_server_loses_no_answered_submission_and_leaves_no_half_approval() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database(&dir).await;
    let port = free_port();
    let mut running = start(&database_url, port, dir.path());
    let http = client();
    wait_ready(&http, &mut running).await;

    // The first administrator's link is printed on standard output.
    let deadline = Instant::now() + Duration::from_secs(60);
    let link = loop {
        match running.stdout.recv_timeout(Duration::from_millis(200)) {
            Ok(line) if line.contains("/set-password/") => break line,
            Ok(_) => {}
            Err(_) => assert!(Instant::now() < deadline, "no first-admin link printed"),
        }
    };
    let token = link_token(&link, "/set-password/");
    let admin = client();
    let base = running.base.clone();
    let (status, body) = post(
        &admin,
        &base,
        "auth/set_password",
        &pairs(&[
            ("token", &token),
            ("password", PASSWORD),
            ("confirm", PASSWORD),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = post(
        &admin,
        &base,
        "auth/sign_in",
        &pairs(&[
            ("email", "crash.admin@operator.example"),
            ("password", PASSWORD),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Applications ready for approval: submitted and claimed.
    const TO_APPROVE: usize = 36;
    const TO_SUBMIT: usize = 150;
    let mut claimed = Vec::new();
    for i in 0..TO_APPROVE {
        let name = format!("Approve {i} Oy");
        let email = format!("approve{i}@crash.example");
        let form = application_form(
            &random_key(),
            &[("legal_name", &name), ("contact_email", &email)],
        );
        let (status, body) = post(&http, &base, "applications/submit", &form).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, list) = post(
            &admin,
            &base,
            "admin/applications/list",
            &pairs(&[("q", &name)]),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let id = list["rows"]
            .as_array()
            .and_then(|rows| rows.iter().find(|row| row["legal_name"] == name.as_str()))
            .and_then(|row| row["application_id"].as_str())
            .unwrap_or_else(|| panic!("{name} not listed: {list}"))
            .to_string();
        let (status, body) = post(
            &admin,
            &base,
            "admin/applications/claim",
            &pairs(&[("id", &id)]),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        claimed.push(id);
    }

    // The burst: submissions and approvals at once; the kill lands once a
    // few have been answered, with the rest still in flight.
    let (done_send, mut done) = tokio::sync::mpsc::unbounded_channel::<bool>();
    let mut tasks = Vec::new();
    for id in &claimed {
        let admin = admin.clone();
        let base = base.clone();
        let id = id.clone();
        let done_send = done_send.clone();
        tasks.push(tokio::spawn(async move {
            let sent = admin
                .post(format!("{base}/api/admin/applications/approve"))
                .form(&[("id", id.as_str())])
                .send()
                .await;
            let outcome = match sent {
                Ok(res) if res.status() == StatusCode::OK => Outcome::Approved { id },
                _ => Outcome::Other,
            };
            let _ = done_send.send(true);
            outcome
        }));
    }
    for i in 0..TO_SUBMIT {
        let http = client();
        let base = base.clone();
        let done_send = done_send.clone();
        tasks.push(tokio::spawn(async move {
            let name = format!("Burst {i} Oy");
            let email = format!("burst{i}@crash.example");
            let form = application_form(
                &random_key(),
                &[("legal_name", &name), ("contact_email", &email)],
            );
            let sent = http
                .post(format!("{base}/api/applications/submit"))
                .form(&form)
                .send()
                .await;
            let outcome = match sent {
                Ok(res) if res.status() == StatusCode::OK => match res.json::<Value>().await {
                    Ok(body) => Outcome::Submitted {
                        legal_name: name,
                        token: common::token_of(&body),
                    },
                    Err(_) => Outcome::Other,
                },
                _ => Outcome::Other,
            };
            let _ = done_send.send(false);
            outcome
        }));
    }
    drop(done_send);
    // Kill once a third of the approvals and a dozen submissions are
    // answered: the rest of both are still in flight.
    let (mut approvals_done, mut submissions_done) = (0, 0);
    while approvals_done < TO_APPROVE / 3 || submissions_done < 12 {
        match done.recv().await {
            Some(true) => approvals_done += 1,
            Some(false) => submissions_done += 1,
            None => break,
        }
    }
    running.child.kill().expect("SIGKILL the server");
    running.child.wait().expect("reap the server");

    let mut submitted = Vec::new();
    let mut approved = Vec::new();
    for task in tasks {
        match task.await.expect("task") {
            Outcome::Submitted { legal_name, token } => submitted.push((legal_name, token)),
            Outcome::Approved { id } => approved.push(id),
            Outcome::Other => {}
        }
    }
    println!(
        "crash: {} submissions and {} approvals answered 200 before the kill, of {TO_SUBMIT} and {TO_APPROVE} sent",
        submitted.len(),
        approved.len()
    );

    // The same database, a new process.
    let mut running = start(&database_url, port, dir.path());
    wait_ready(&http, &mut running).await;
    let base = running.base.clone();

    for (legal_name, token) in &submitted {
        let (status, body) = post(
            &http,
            &base,
            "applications/status",
            &pairs(&[("token", token)]),
        )
        .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "{legal_name} was answered 200 but is gone: {body}"
        );
    }

    let db = app::server::Db::connect(&database_url)
        .await
        .expect("open the database");
    let count = |sql: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(db.pool())
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"))
        }
    };
    for id in &approved {
        let status: String =
            sqlx::query_scalar("SELECT status FROM application WHERE application_id = $1")
                .bind(id)
                .fetch_one(db.pool())
                .await
                .expect("application");
        assert_eq!(status, "approved", "approval of {id} was answered 200");
    }
    let checks: [(&str, &'static str); 5] = [
        (
            "approved applications without an organization",
            "SELECT COUNT(*) FROM application a WHERE a.status = 'approved'
             AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.application_id = a.application_id)",
        ),
        (
            "organizations without an approved application",
            "SELECT COUNT(*) FROM organization o WHERE NOT EXISTS
             (SELECT 1 FROM application a WHERE a.application_id = o.application_id AND a.status = 'approved')",
        ),
        (
            "organizations without exactly one Customer admin",
            "SELECT COUNT(*) FROM organization o WHERE
             (SELECT COUNT(*) FROM app_user u WHERE u.organization_id = o.organization_id AND u.role = 'customer_admin') <> 1",
        ),
        (
            "Customer admins without an invitation mail",
            "SELECT COUNT(*) FROM app_user u WHERE u.role = 'customer_admin' AND NOT EXISTS
             (SELECT 1 FROM outbox m WHERE m.to_address = u.email AND m.kind = 'invitation')",
        ),
        (
            "Customer admins without a set-password link",
            "SELECT COUNT(*) FROM app_user u WHERE u.role = 'customer_admin' AND NOT EXISTS
             (SELECT 1 FROM user_token t WHERE t.user_id = u.user_id)",
        ),
    ];
    for (what, sql) in checks {
        assert_eq!(count(sql).await, 0, "{what}");
    }
    let organizations = count("SELECT COUNT(*) FROM organization").await;
    assert!(organizations as usize >= approved.len());
    println!(
        "crash: after restart {organizations} organizations, every one complete; {} answered submissions all present",
        submitted.len()
    );

    // The restarted server goes on working: the approvals the kill cut off
    // can be made now, and each one completes.
    let admin = client();
    let (status, body) = post(
        &admin,
        &base,
        "auth/sign_in",
        &pairs(&[
            ("email", "crash.admin@operator.example"),
            ("password", PASSWORD),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for id in &claimed {
        let (status, body) = post(
            &admin,
            &base,
            "admin/applications/approve",
            &pairs(&[("id", id)]),
        )
        .await;
        assert!(
            status == StatusCode::OK || status == StatusCode::CONFLICT,
            "approve {id} after restart: {status} {body}"
        );
    }
    assert_eq!(
        count("SELECT COUNT(*) FROM organization").await as usize,
        TO_APPROVE
    );
}
