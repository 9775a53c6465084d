//! Server-only infrastructure shared by every domain module: the database,
//! configuration, sessions and roles, password hashing, tokens, the outbox
//! and the audit trail. Compiled only with the `ssr` feature.

pub mod abuse;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod config;
pub mod db;
pub mod delivery;
pub mod http;
pub mod ledger;
pub mod mail;
pub mod normalize;
pub mod tokens;
pub mod totp;
pub mod tz;

use std::sync::Arc;

use leptos::prelude::*;

use crate::error::AppError;

pub use config::Settings;
pub use db::Db;

/// Everything a server function needs, provided as Leptos context by the
/// router for every request.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub hasher: auth::Hasher,
    pub limits: Arc<http::Limits>,
    /// Keys the derivation of applicants' status links.
    pub secret: Arc<Vec<u8>>,
    /// What timeouts and abuse windows are measured with.
    pub clock: clock::Clock,
}

impl AppState {
    pub fn new(db: Db, settings: Settings, secret: Vec<u8>) -> Self {
        let hasher = auth::Hasher::new(settings.argon2_max_concurrent);
        let limits = Arc::new(http::Limits::new(&settings));
        Self {
            db,
            settings: Arc::new(settings),
            hasher,
            limits,
            secret: Arc::new(secret),
            clock: clock::Clock::default(),
        }
    }
}

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::internal("application state missing", "no AppState in context"))
}

/// Milliseconds since the Unix epoch; every timestamp column uses it so the
/// schema stays portable between SQLite and PostgreSQL.
pub fn now_ms() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    now.as_millis() as i64
}

pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Maps a database error to `AppError::Internal`, logging what failed.
pub trait DbContext<T> {
    fn context(self, what: &str) -> Result<T, AppError>;
}

impl<T> DbContext<T> for Result<T, sqlx::Error> {
    fn context(self, what: &str) -> Result<T, AppError> {
        self.map_err(|e| AppError::internal(what, e))
    }
}

/// True when the error is a unique-constraint violation (both databases).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Database(db) => {
            db.is_unique_violation()
                || db.code().as_deref() == Some("2067")
                || db.code().as_deref() == Some("1555")
                || db.code().as_deref() == Some("23505")
        }
        _ => false,
    }
}
