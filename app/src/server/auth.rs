//! Passwords, sessions and roles.
//!
//! A server function proves who is calling by obtaining an [`AdminSession`]
//! or a [`CustomerAdmin`]; both come only from a checked session, and the
//! data functions that need one take it as an argument.

use std::sync::Arc;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use sqlx::Row as _;
use tokio::sync::Semaphore;
use tower_sessions::Session;

use super::{AppState, DbContext};
use crate::error::AppError;

/// OWASP's argon2id recommendation: 19 MiB, two passes, one lane.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Runs argon2 on blocking threads, at most `permits` at a time, so a burst
/// of sign-ins queues instead of exhausting memory or starving the runtime.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// A real hash to verify against when the account does not exist, so
    /// the answer takes as long either way.
    dummy: Arc<String>,
}

impl Hasher {
    pub fn new(permits: usize) -> Self {
        let salt = SaltString::generate(&mut OsRng);
        let dummy = argon2()
            .hash_password(b"no account has this password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default();
        Self {
            permits: Arc::new(Semaphore::new(permits.max(1))),
            dummy: Arc::new(dummy),
        }
    }

    async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| AppError::internal("password hashing unavailable", e))?;
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(job))
            .await
            .map_err(|e| AppError::internal("password hashing task failed", e))
    }

    pub async fn hash(&self, password: String) -> Result<String, AppError> {
        self.run(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
        })
        .await?
        .map_err(|e| AppError::internal("failed to hash a password", e))
    }

    /// Verifies against `hash`, or against the dummy when there is none.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, AppError> {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.dummy.to_string());
        let ok = self
            .run(move || {
                PasswordHash::new(&hash)
                    .map(|parsed| {
                        argon2()
                            .verify_password(password.as_bytes(), &parsed)
                            .is_ok()
                    })
                    .unwrap_or(false)
            })
            .await?;
        Ok(ok && known)
    }
}

pub use crate::auth::Role;

#[derive(Serialize, Deserialize)]
struct SessionData {
    user_id: String,
    /// Must equal `app_user.session_epoch`; bumping the column ends every
    /// session of that user at once.
    epoch: i64,
    /// When the password (and code) were accepted, for the absolute
    /// timeout. Sessions from before this field read 0 and count as expired.
    #[serde(default)]
    signed_in_at: i64,
    /// The last request that checked the session, for the idle timeout.
    #[serde(default)]
    last_seen_at: i64,
}

const SESSION_KEY: &str = "auth";

/// The half-finished sign-in of an administrator with a second factor: the
/// password was right, the code is still to come. It gives no access.
#[derive(Serialize, Deserialize)]
pub struct PendingSignIn {
    pub user_id: String,
    pub epoch: i64,
    pub expires_at: i64,
}

const PENDING_KEY: &str = "auth_pending";

/// How long the code step may take after the password step.
pub const PENDING_SIGN_IN_MS: i64 = 5 * 60_000;

#[derive(Clone, Debug)]
pub struct SessionUser {
    pub user_id: String,
    pub email: String,
    pub role: Role,
    pub organization_id: Option<String>,
    /// The account has a confirmed authenticator.
    pub totp_enabled: bool,
}

/// A signed-in, active system administrator.
#[derive(Clone, Debug)]
pub struct AdminSession {
    pub user_id: String,
    pub email: String,
}

/// A signed-in, active Customer admin of an active organization.
#[derive(Clone, Debug)]
pub struct CustomerAdmin {
    pub user_id: String,
    pub email: String,
    pub organization_id: String,
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| AppError::internal("session layer missing", e))
}

/// The caller's user, if the session names one that is still allowed in.
pub async fn current_user(st: &AppState) -> Result<Option<SessionUser>, AppError> {
    let session = session().await?;
    let data: Option<SessionData> = session
        .get(SESSION_KEY)
        .await
        .map_err(|e| AppError::internal("failed to read the session", e))?;
    let Some(data) = data else {
        return Ok(None);
    };

    let row = sqlx::query(
        "SELECT u.email, u.role, u.organization_id, u.status, u.session_epoch, o.status AS org_status,
                t.user_id AS totp_user
         FROM app_user u LEFT JOIN organization o ON o.organization_id = u.organization_id
         LEFT JOIN user_totp t ON t.user_id = u.user_id
         WHERE u.user_id = $1",
    )
    .bind(&data.user_id)
    .fetch_optional(st.db.pool())
    .await
    .context("failed to load the signed-in user")?;

    let now = st.clock.now_ms();
    let user = row.and_then(|row| {
        let status: String = row.try_get("status").ok()?;
        let epoch: i64 = row.try_get("session_epoch").ok()?;
        let org_status: Option<String> = row.try_get("org_status").ok()?;
        let role = Role::parse(&row.try_get::<String, _>("role").ok()?)?;
        let allowed = status == "active"
            && epoch == data.epoch
            && (role == Role::SystemAdmin || org_status.as_deref() == Some("active"))
            && !timed_out(st, role, &data, now);
        allowed.then(|| SessionUser {
            user_id: data.user_id.clone(),
            email: row.try_get("email").unwrap_or_default(),
            role,
            organization_id: row.try_get("organization_id").ok().flatten(),
            totp_enabled: row
                .try_get::<Option<String>, _>("totp_user")
                .ok()
                .flatten()
                .is_some(),
        })
    });
    match &user {
        // Deactivated, suspended, signed out everywhere or timed out:
        // forget it, so the caller is signed out.
        None => session
            .flush()
            .await
            .map_err(|e| AppError::internal("failed to end a stale session", e))?,
        // This request counts as activity for the idle timeout. Storing it
        // is a database write, so it is stored at most once a minute: the
        // idle limits are minutes long, and a write on every page view
        // made SQLite's one writer the bottleneck of every signed-in page.
        Some(_) if now - data.last_seen_at >= ACTIVITY_GRANULARITY_MS => session
            .insert(
                SESSION_KEY,
                SessionData {
                    last_seen_at: now,
                    ..data
                },
            )
            .await
            .map_err(|e| AppError::internal("failed to store the session", e))?,
        Some(_) => {}
    }
    Ok(user)
}

/// How stale the stored "last seen" may get before a request refreshes it.
const ACTIVITY_GRANULARITY_MS: i64 = 60_000;

/// True when the session has been idle too long for the role, or has
/// outlived the absolute limit since sign-in.
fn timed_out(st: &AppState, role: Role, data: &SessionData, now: i64) -> bool {
    let settings = &st.settings;
    let idle_minutes = match role {
        Role::SystemAdmin => settings.session_admin_idle_minutes,
        Role::CustomerAdmin => settings.session_idle_minutes,
    };
    now - data.last_seen_at > idle_minutes * 60_000
        || now - data.signed_in_at > settings.session_absolute_hours * 3_600_000
}

/// A system administrator allowed into the console: with
/// `require_admin_totp` on, only one who has set up a second factor.
pub async fn require_admin(st: &AppState) -> Result<AdminSession, AppError> {
    let (admin, totp_enabled) = admin_with_factor(st).await?;
    if st.settings.require_admin_totp && !totp_enabled {
        return Err(AppError::Forbidden(
            "Set up two-step sign-in on your profile page before using the admin console.".into(),
        ));
    }
    Ok(admin)
}

/// A system administrator whether or not a second factor is set up: only
/// for setting one up and managing it.
pub async fn admin_with_factor(st: &AppState) -> Result<(AdminSession, bool), AppError> {
    match current_user(st).await? {
        None => Err(AppError::Unauthorized),
        Some(user) if user.role == Role::SystemAdmin => Ok((
            AdminSession {
                user_id: user.user_id,
                email: user.email,
            },
            user.totp_enabled,
        )),
        Some(_) => Err(AppError::Forbidden(
            "Only system administrators can do this.".into(),
        )),
    }
}

pub async fn require_customer(st: &AppState) -> Result<CustomerAdmin, AppError> {
    match current_user(st).await? {
        None => Err(AppError::Unauthorized),
        Some(SessionUser {
            user_id,
            email,
            role: Role::CustomerAdmin,
            organization_id: Some(organization_id),
            ..
        }) => Ok(CustomerAdmin {
            user_id,
            email,
            organization_id,
        }),
        Some(_) => Err(AppError::Forbidden(
            "Only a customer organization's admin can do this.".into(),
        )),
    }
}

/// Starts an authenticated session under a fresh id, so an id planted
/// before sign-in is worthless afterwards.
/// `signed_in_at` is kept from the session being renewed (a password
/// change keeps the absolute timeout running) and is `now` for a sign-in.
pub async fn start_session(
    st: &AppState,
    user_id: &str,
    epoch: i64,
    signed_in_at: Option<i64>,
) -> Result<(), AppError> {
    let session = session().await?;
    let now = st.clock.now_ms();
    let signed_in_at = match signed_in_at {
        Some(at) => at,
        None => session
            .get::<SessionData>(SESSION_KEY)
            .await
            .map_err(|e| AppError::internal("failed to read the session", e))?
            .map_or(now, |data| data.signed_in_at),
    };
    session
        .cycle_id()
        .await
        .map_err(|e| AppError::internal("failed to renew the session id", e))?;
    let _ = session
        .remove_value(PENDING_KEY)
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))?;
    session
        .insert(
            SESSION_KEY,
            SessionData {
                user_id: user_id.to_string(),
                epoch,
                signed_in_at,
                last_seen_at: now,
            },
        )
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))
}

/// After the right password of an account with a second factor: remembers
/// who is halfway in, under a fresh session id, and drops any earlier
/// sign-in of this browser.
pub async fn start_pending(st: &AppState, user_id: &str, epoch: i64) -> Result<(), AppError> {
    let session = session().await?;
    session
        .cycle_id()
        .await
        .map_err(|e| AppError::internal("failed to renew the session id", e))?;
    let _ = session
        .remove_value(SESSION_KEY)
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))?;
    session
        .insert(
            PENDING_KEY,
            PendingSignIn {
                user_id: user_id.to_string(),
                epoch,
                expires_at: st.clock.now_ms() + PENDING_SIGN_IN_MS,
            },
        )
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))
}

/// The half-finished sign-in of this browser, if it has not expired.
pub async fn pending(st: &AppState) -> Result<Option<PendingSignIn>, AppError> {
    let session = session().await?;
    let pending: Option<PendingSignIn> = session
        .get(PENDING_KEY)
        .await
        .map_err(|e| AppError::internal("failed to read the session", e))?;
    match pending {
        Some(p) if p.expires_at > st.clock.now_ms() => Ok(Some(p)),
        Some(_) => {
            let _ = session
                .remove_value(PENDING_KEY)
                .await
                .map_err(|e| AppError::internal("failed to store the session", e))?;
            Ok(None)
        }
        None => Ok(None),
    }
}

pub async fn end_session() -> Result<(), AppError> {
    session()
        .await?
        .flush()
        .await
        .map_err(|e| AppError::internal("failed to end the session", e))
}
