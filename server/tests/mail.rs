//! Mail leaves the outbox through a real SMTP server (Python's aiosmtpd,
//! started on loopback by the test), with retries, a failed state, a retry
//! action, and one delivery per mail however many workers run.

mod common;

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use app::server::config::SecretString;
use app::server::delivery::{deliver_one, Mailer};
use common::TestApp;
use reqwest::StatusCode;

/// An aiosmtpd process writing every message it receives to a Maildir.
struct SmtpServer {
    child: Child,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    fn start(port: u16) -> Self {
        let dir = tempfile::tempdir().expect("maildir");
        let child = Command::new("python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(dir.path().join("maildir"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (scripts/bootstrap installs aiosmtpd)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "aiosmtpd did not start on port {port}; is it installed?"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, dir }
    }

    /// The raw messages received so far.
    fn messages(&self) -> Vec<String> {
        let new = self.dir.path().join("maildir").join("new");
        std::fs::read_dir(new)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

async fn app_with_smtp(port: u16, attempts: i64) -> (TestApp, Mailer) {
    let app = TestApp::spawn_with(|s| {
        s.smtp_url = SecretString::new(format!("smtp://127.0.0.1:{port}"));
        s.mail_max_attempts = attempts;
        s.mail_retry_seconds = 0;
    })
    .await;
    let mailer = Mailer::from_settings(&app.state.settings)
        .unwrap()
        .expect("mailer");
    (app, mailer)
}

async fn drain(app: &TestApp, mailer: &Mailer) {
    while deliver_one(&app.state, mailer).await.expect("deliver") {}
}

#[tokio::test]
async fn queued_mail_is_delivered_over_smtp_and_marked_sent() {
    let port = free_port();
    let smtp = SmtpServer::start(port);
    let (app, mailer) = app_with_smtp(port, 3).await;
    app.submit_ok(&[]).await;

    drain(&app, &mailer).await;

    let messages = smtp.messages();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].contains("Subject: We received your application to Coursegate"),
        "{}",
        messages[0]
    );
    assert!(messages[0].contains("ada@example.com"));
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_unreachable_server_leads_to_failed_and_retry_now_sends_it() {
    let port = free_port();
    let (app, mailer) = app_with_smtp(port, 2).await;
    app.submit_ok(&[]).await;

    // Nobody listens: two attempts, then failed.
    drain(&app, &mailer).await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE state = 'failed'")
            .await,
        1
    );
    assert_eq!(app.scalar_i64("SELECT attempts FROM outbox").await, 2);
    let error = app
        .scalar_text("SELECT last_error FROM outbox WHERE state = $1", "failed")
        .await;
    assert!(!error.is_empty());

    // The admin asks for a retry once the server is back.
    let smtp = SmtpServer::start(port);
    let admin = app.admin("ops@operator.example").await;
    let mail_id = app
        .scalar_text("SELECT mail_id FROM outbox WHERE state = $1", "failed")
        .await;
    let (status, body) = app
        .call(&admin, "admin/outbox/retry", &[("mail_id", &mail_id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = app
        .call(&admin, "admin/outbox/retry", &[("mail_id", &mail_id)])
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "only a failed mail can be retried"
    );

    drain(&app, &mailer).await;
    assert_eq!(
        app.scalar_text("SELECT state FROM outbox WHERE mail_id = $1", &mail_id)
            .await,
        "sent"
    );
    assert_eq!(smtp.messages().len(), 1);
}

#[tokio::test]
async fn several_workers_send_each_mail_once() {
    let port = free_port();
    let smtp = SmtpServer::start(port);
    let (app, mailer) = app_with_smtp(port, 3).await;
    for i in 0..12 {
        let name = format!("Worker Test {i} Oy");
        let email = format!("w{i}@example.com");
        let reg = format!("{:07}-1", 5000 + i);
        app.submit_ok(&[
            ("legal_name", &name),
            ("contact_email", &email),
            ("registration_id", &reg),
        ])
        .await;
    }
    let workers = (0..4).map(|_| drain(&app, &mailer));
    futures::future::join_all(workers).await;

    assert_eq!(smtp.messages().len(), 12);
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")
            .await,
        12
    );
}

#[tokio::test]
async fn retry_is_for_administrators_only() {
    let app = TestApp::spawn().await;
    let (status, _) = app
        .call(&app.client(), "admin/outbox/retry", &[("mail_id", "x")])
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let admin = app.admin("ops@operator.example").await;
    let (status, _) = app
        .call(&admin, "admin/outbox/retry", &[("mail_id", "no-such-mail")])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
