//! Test harness: the real router on 127.0.0.1:0 against a fresh database
//! per test, driven over HTTP at the server functions' stable paths.
//!
//! The database is a new SQLite file in a temporary directory, or, when
//! `COURSEGATE_TEST_POSTGRES_URL` names a PostgreSQL superuser (as
//! `scripts/pg run` sets it), a new database on that server.

#![allow(dead_code)]

pub mod commerce;

use std::net::SocketAddr;
use std::sync::Arc;

use app::server::db::Backend;
use app::server::{AppState, Settings};
use reqwest::{Client, StatusCode};
use serde_json::Value;
use tempfile::TempDir;

/// The variable that switches the suite to PostgreSQL.
pub const POSTGRES_URL_VAR: &str = "COURSEGATE_TEST_POSTGRES_URL";

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    /// The URL this server's database was opened with; another server on
    /// the same database uses it too.
    pub database_url: String,
    /// Holds the SQLite file's directory for as long as any server uses it.
    _dir: Arc<TempDir>,
}

/// Settings as the server would load them with nothing configured, except
/// for the database, the public URL and rate limits high enough that only
/// the tests about rate limits meet them.
pub fn settings(db_url: String, public_url: String) -> Settings {
    let mut builder = config::Config::builder();
    for (key, value) in Settings::defaults() {
        builder = builder.set_default(*key, *value).expect("default setting");
    }
    let overrides: [(&str, config::Value); 11] = [
        ("bind", "127.0.0.1:0".into()),
        ("database_url", db_url.into()),
        ("public_url", public_url.into()),
        ("rate_sign_in_per_minute", 1000_i64.into()),
        ("rate_submit_per_minute", 1000_i64.into()),
        ("rate_password_per_minute", 1000_i64.into()),
        ("abuse_failures_per_address", 1000_i64.into()),
        ("abuse_failures_per_account", 1000_i64.into()),
        ("abuse_password_set_per_link", 1000_i64.into()),
        ("abuse_invitations_per_hour", 1000_i64.into()),
        ("abuse_window_minutes", 15_i64.into()),
    ];
    for (key, value) in overrides {
        builder = builder.set_override(key, value).expect("setting");
    }
    builder
        .build()
        .and_then(|c| c.try_deserialize())
        .expect("test settings")
}

/// The PostgreSQL superuser URL to create test databases with, if the suite
/// runs on PostgreSQL.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var(POSTGRES_URL_VAR)
        .ok()
        .filter(|url| !url.trim().is_empty())
}

/// A new, empty database for one test: a SQLite file in `dir`, or a new
/// PostgreSQL database with a unique name.
pub async fn fresh_database(dir: &TempDir) -> String {
    match postgres_admin_url() {
        Some(admin_url) => create_postgres_database(&admin_url).await,
        None => format!("sqlite://{}", dir.path().join("test.db").display()),
    }
}

async fn create_postgres_database(admin_url: &str) -> String {
    use sqlx::Connection;
    let name = format!("cg_test_{}_{}", std::process::id(), random_key());
    let mut conn = sqlx::postgres::PgConnection::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_URL_VAR}: {e}"));
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("cannot create the test database {name}: {e}"));
    let _ = conn.close().await;
    with_database_name(admin_url, &name)
}

/// `url` with its path (the database name) replaced by `name`; the query
/// string, if any, is kept.
pub fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority = base.find("://").map_or(0, |i| i + 3);
    let path = base[authority..]
        .find('/')
        .map_or(base.len(), |i| authority + i);
    let mut out = format!("{}/{name}", &base[..path]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> Self {
        let dir = Arc::new(tempfile::tempdir().expect("temp dir"));
        let database_url = fresh_database(&dir).await;
        Self::serve(database_url, dir, adjust).await
    }

    /// `count` app servers starting at the same time on one new database,
    /// as after a deployment to an empty database.
    pub async fn spawn_together(count: usize) -> Vec<Self> {
        let dir = Arc::new(tempfile::tempdir().expect("temp dir"));
        let database_url = fresh_database(&dir).await;
        futures::future::join_all(
            (0..count).map(|_| Self::serve(database_url.clone(), dir.clone(), |_| {})),
        )
        .await
    }

    /// Another app server on this one's database, with its own pools,
    /// session store, rate limits and port: a second machine behind the
    /// same load balancer.
    pub async fn another_server(&self) -> Self {
        Self::serve(self.database_url.clone(), self._dir.clone(), |_| {}).await
    }

    /// [`Self::another_server`] with settings of its own (the same limits
    /// as the first, say).
    pub async fn another_server_with(&self, adjust: impl FnOnce(&mut Settings)) -> Self {
        Self::serve(self.database_url.clone(), self._dir.clone(), adjust).await
    }

    /// A browser on another loopback address (127.0.0.x), so the server
    /// sees a different client address.
    pub fn client_from(&self, last_octet: u8) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .local_address(std::net::IpAddr::from([127, 0, 0, last_octet]))
            .build()
            .expect("client")
    }

    async fn serve(
        database_url: String,
        dir: Arc<TempDir>,
        adjust: impl FnOnce(&mut Settings),
    ) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr: SocketAddr = listener.local_addr().expect("addr");
        let base = format!("http://{addr}");
        let mut settings = settings(database_url.clone(), base.clone());
        adjust(&mut settings);
        let options = server::leptos_options(&settings);
        let built = server::build(settings, options)
            .await
            .expect("build server");
        let service = built
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, service).await;
        });
        Self {
            base,
            state: built.state,
            database_url,
            _dir: dir,
        }
    }

    /// A page as `client` sees it; it must answer 200.
    pub async fn page_ok(&self, client: &Client, path: &str) -> String {
        let res = client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("page");
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        res.text().await.expect("body")
    }

    /// Follows the header's language switcher, which sets the `lang`
    /// cookie in the client's jar for every later request.
    pub async fn switch_language(&self, client: &Client, code: &str) {
        let res = client
            .get(format!("{}/lang/{code}?next=/", self.base))
            .send()
            .await
            .expect("switch");
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }

    pub fn backend(&self) -> Backend {
        self.state.db.backend()
    }

    /// A client with its own cookie jar: one browser.
    pub fn client(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// Posts a form to `/api/{endpoint}` and returns the status and JSON.
    pub async fn call(
        &self,
        client: &Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let res = client
            .post(format!("{}/api/{endpoint}", self.base))
            .form(form)
            .send()
            .await
            .expect("request");
        let status = res.status();
        let text = res.text().await.expect("body");
        let json = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, json)
    }

    pub async fn submit(&self, overrides: &[(&str, &str)]) -> (StatusCode, Value) {
        let key = random_key();
        let form = application_form(&key, overrides);
        let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        self.call(&self.client(), "applications/submit", &pairs)
            .await
    }

    /// Submits a valid application and returns its status token.
    pub async fn submit_ok(&self, overrides: &[(&str, &str)]) -> String {
        let (status, body) = self.submit(overrides).await;
        assert_eq!(status, StatusCode::OK, "submit failed: {body}");
        token_of(&body)
    }

    pub async fn scalar_i64(&self, sql: &str) -> i64 {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(self.state.db.pool())
            .await
            .expect("query")
    }

    pub async fn scalar_text(&self, sql: &str, bind: &str) -> String {
        sqlx::query_scalar::<_, String>(sql)
            .bind(bind)
            .fetch_one(self.state.db.pool())
            .await
            .expect("query")
    }

    /// The newest mail of a kind to an address.
    pub async fn last_mail(&self, to: &str, kind: &str) -> String {
        sqlx::query_scalar::<_, String>(
            "SELECT body_text FROM outbox WHERE to_address = $1 AND kind = $2 ORDER BY created_at DESC, mail_id DESC LIMIT 1",
        )
        .bind(to)
        .bind(kind)
        .fetch_one(self.state.db.pool())
        .await
        .expect("mail")
    }

    /// Creates a system administrator the way the command line does, sets
    /// its password through the link and signs in.
    pub async fn admin(&self, email: &str) -> Client {
        let link = app::auth::server::create_system_admin(
            &self.state.db,
            &self.state.settings,
            email,
            "test",
        )
        .await
        .expect("create admin");
        let token = link.rsplit('/').next().expect("token").to_string();
        let client = self.client();
        let (status, body) = self
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
        assert_eq!(status, StatusCode::OK, "set password: {body}");
        self.sign_in(&client, email, PASSWORD).await;
        client
    }

    pub async fn sign_in(&self, client: &Client, email: &str, password: &str) {
        let (status, body) = self
            .call(
                client,
                "auth/sign_in",
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "sign in: {body}");
    }

    pub async fn application_id(&self, legal_name: &str) -> String {
        self.scalar_text(
            "SELECT application_id FROM application WHERE legal_name = $1",
            legal_name,
        )
        .await
    }

    /// Submitted, claimed by `admin`: ready for a decision.
    pub async fn claimed_application(
        &self,
        admin: &Client,
        legal_name: &str,
        email: &str,
    ) -> String {
        self.submit_ok(&[("legal_name", legal_name), ("contact_email", email)])
            .await;
        let id = self.application_id(legal_name).await;
        let (status, body) = self
            .call(admin, "admin/applications/claim", &[("id", &id)])
            .await;
        assert_eq!(status, StatusCode::OK, "claim: {body}");
        id
    }

    /// Approves, then signs the new Customer admin in through the invitation.
    pub async fn approved_customer(&self, admin: &Client, legal_name: &str, email: &str) -> Client {
        let id = self.claimed_application(admin, legal_name, email).await;
        let (status, body) = self
            .call(admin, "admin/applications/approve", &[("id", &id)])
            .await;
        assert_eq!(status, StatusCode::OK, "approve: {body}");
        let token = link_token(&self.last_mail(email, "invitation").await, "/set-password/");
        let client = self.client();
        let (status, body) = self
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
        assert_eq!(status, StatusCode::OK, "customer set password: {body}");
        self.sign_in(&client, email, PASSWORD).await;
        client
    }
}

pub const PASSWORD: &str = "correct horse battery staple";

pub fn random_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{:016x}{:016x}", nanos as u64, n)
}

pub fn application_form(key: &str, overrides: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut fields = vec![
        ("legal_name", "Acme Learning Oy"),
        ("registration_id", "1234567-8"),
        ("country", "FI"),
        ("street_address", "Mannerheimintie 1"),
        ("postal_code", "00100"),
        ("city", "Helsinki"),
        ("website", "https://acme.example.com"),
        ("contact_name", "Ada Lovelace"),
        ("contact_email", "ada@example.com"),
        ("phone", "+358 40 123 4567"),
        ("org_type", "company"),
        ("org_size", "50-249"),
        (
            "intended_use",
            "Leadership training for 40 managers next spring.",
        ),
        ("accept_terms", "on"),
        ("submission_key", key),
    ];
    for (name, value) in overrides {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
        .into_iter()
        .map(|(n, v)| (format!("application[{n}]"), v.to_string()))
        .collect()
}

/// The token from a `/status/…` path in a submit answer.
pub fn token_of(body: &Value) -> String {
    body["status_path"]
        .as_str()
        .and_then(|p| p.strip_prefix("/status/"))
        .expect("status_path")
        .to_string()
}

/// The token after `marker` in a mail body.
pub fn link_token(body: &str, marker: &str) -> String {
    let start = body.find(marker).expect("link in mail") + marker.len();
    body[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

/// The code an authenticator app shows for `secret` (base32) at the app's
/// clock, `steps_later` 30-second steps on.
pub fn totp_code(app: &TestApp, secret: &str, steps_later: i64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_string())
        .to_bytes()
        .expect("base32 secret");
    let totp = totp_rs::TOTP::new(
        totp_rs::Algorithm::SHA1,
        6,
        0,
        30,
        bytes,
        None,
        String::new(),
    )
    .expect("totp");
    let seconds = app.state.clock.now_ms() / 1000 + steps_later * 30;
    totp.generate(seconds as u64)
}

/// What enrolment handed out: the key typed into the app and the recovery
/// codes shown once.
pub struct TwoStep {
    pub secret: String,
    pub uri: String,
    pub recovery_codes: Vec<String>,
}

impl TestApp {
    /// Sets up two-step sign-in for the signed-in administrator `client`,
    /// then moves the clock to the next step so the confirming code is not
    /// the one the next sign-in needs.
    pub async fn enrol_two_step(&self, client: &Client) -> TwoStep {
        let (status, body) = self.call(client, "profile/two_step/start", &[]).await;
        assert_eq!(status, StatusCode::OK, "start: {body}");
        let (status, body) = self.call(client, "profile/two_step/status", &[]).await;
        assert_eq!(status, StatusCode::OK, "status: {body}");
        let secret = body["enrolment"]["secret"]
            .as_str()
            .expect("secret while enrolling")
            .to_string();
        let uri = body["enrolment"]["uri"].as_str().expect("uri").to_string();
        let code = totp_code(self, &secret, 0);
        let (status, body) = self
            .call(client, "profile/two_step/confirm", &[("code", &code)])
            .await;
        assert_eq!(status, StatusCode::OK, "confirm: {body}");
        let (status, body) = self.call(client, "profile/two_step/new_codes", &[]).await;
        assert_eq!(status, StatusCode::OK, "new codes: {body}");
        let recovery_codes = body
            .as_array()
            .expect("codes")
            .iter()
            .map(|c| c.as_str().expect("code").to_string())
            .collect();
        let (status, body) = self.call(client, "profile/two_step/codes_saved", &[]).await;
        assert_eq!(status, StatusCode::OK, "codes saved: {body}");
        self.state.clock.advance(std::time::Duration::from_secs(30));
        TwoStep {
            secret,
            uri,
            recovery_codes,
        }
    }

    /// Both sign-in steps; asserts each answers 200.
    pub async fn sign_in_with_code(&self, client: &Client, email: &str, code: &str) {
        self.sign_in(client, email, PASSWORD).await;
        let (status, body) = self
            .call(client, "auth/sign_in_code", &[("code", code)])
            .await;
        assert_eq!(status, StatusCode::OK, "code step: {body}");
    }
}
