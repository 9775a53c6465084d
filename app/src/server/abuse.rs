//! Per-account abuse limits, counted in the database so that they hold
//! across every app server on it (the per-address limits in
//! [`super::http::Limits`] stay in process memory).
//!
//! Failures (wrong password, wrong code, wrong current password) are counted
//! per account *and* address. One address that keeps failing for an account
//! waits after `abuse_failures_per_address`. The account-wide count
//! (`abuse_failures_per_account`) makes only addresses that have themselves
//! failed for the account wait: someone who knows only the email cannot lock
//! the owner out, because the owner's address has no failures and its right
//! password still goes through. SECURITY.md explains the trade-off.

use super::db::Tx;
use super::http::client_ip;
use super::{new_id, AppState, DbContext};
use crate::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Wrong passwords at sign-in, per account (hashed email).
    SignIn,
    /// Wrong authenticator or recovery codes, per user.
    Totp,
    /// Wrong current passwords on the profile page, per user.
    PasswordChange,
    /// Every set-password attempt, per emailed link (hashed).
    PasswordSet,
    /// Every invitation a system administrator sends, per administrator.
    Invitation,
}

impl Scope {
    fn code(self) -> &'static str {
        match self {
            Scope::SignIn => "sign_in",
            Scope::Totp => "totp",
            Scope::PasswordChange => "password_change",
            Scope::PasswordSet => "password_set",
            Scope::Invitation => "invitation",
        }
    }

    /// The window in milliseconds and the number of events allowed in it.
    fn budget(self, st: &AppState) -> (i64, i64) {
        let s = &st.settings;
        let window = s.abuse_window_minutes * 60_000;
        match self {
            Scope::SignIn | Scope::Totp | Scope::PasswordChange => {
                (window, s.abuse_failures_per_address)
            }
            Scope::PasswordSet => (window, s.abuse_password_set_per_link),
            Scope::Invitation => (3_600_000, s.abuse_invitations_per_hour),
        }
    }
}

/// The caller's address as counted here.
fn client() -> String {
    client_ip()
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Refuses with 429 when this address has failed too often for `subject`,
/// or when the account as a whole has and this address is one of those
/// that failed. Otherwise answers this address's failures so far, for
/// [`clear_mine`].
pub async fn check_failures(st: &AppState, scope: Scope, subject: &str) -> Result<i64, AppError> {
    let (window, per_address) = scope.budget(st);
    let now = st.clock.now_ms();
    let since = now - window;
    let client = client();

    let mine = count(st, scope, subject, Some(&client), since).await?;
    if mine >= per_address {
        return Err(wait(
            st,
            scope,
            subject,
            Some(&client),
            since,
            mine - per_address,
            now,
        )
        .await?);
    }
    if mine > 0 {
        let all = count(st, scope, subject, None, since).await?;
        let per_account = st.settings.abuse_failures_per_account;
        if all >= per_account {
            return Err(wait(st, scope, subject, None, since, all - per_account, now).await?);
        }
    }
    Ok(mine)
}

/// Refuses with 429 when `subject` has used up its budget, whichever
/// address the events came from (links, invitations).
pub async fn check_count(st: &AppState, scope: Scope, subject: &str) -> Result<(), AppError> {
    let (window, limit) = scope.budget(st);
    let now = st.clock.now_ms();
    let since = now - window;
    let all = count(st, scope, subject, None, since).await?;
    if all >= limit {
        return Err(wait(st, scope, subject, None, since, all - limit, now).await?);
    }
    Ok(())
}

/// Counts one event in a transaction of its own.
pub async fn record(st: &AppState, scope: Scope, subject: &str) -> Result<(), AppError> {
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    record_in(st, &mut tx, scope, subject).await?;
    tx.commit().await.context("failed to count an attempt")
}

/// Counts one event inside the caller's transaction, so it is counted only
/// if the work it stands for is committed. The scope's events older than
/// the window are dropped on the way, so the table holds one window's worth.
pub async fn record_in(
    st: &AppState,
    tx: &mut Tx,
    scope: Scope,
    subject: &str,
) -> Result<(), AppError> {
    let (window, _) = scope.budget(st);
    let now = st.clock.now_ms();
    // Every subject of the scope, not only this one: emails guessed once
    // and never again would otherwise stay for good.
    sqlx::query("DELETE FROM abuse_event WHERE scope = $1 AND at <= $2")
        .bind(scope.code())
        .bind(now - window)
        .execute(&mut **tx)
        .await
        .context("failed to forget old attempts")?;
    sqlx::query(
        "INSERT INTO abuse_event (abuse_event_id, scope, subject, client, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(scope.code())
    .bind(subject)
    .bind(client())
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("failed to count an attempt")?;
    Ok(())
}

/// Forgets this address's failures for `subject` after it got it right;
/// `failures` is what [`check_failures`] answered, and when it is 0 there
/// is nothing to write (the usual sign-in costs no extra write).
pub async fn clear_mine(
    st: &AppState,
    scope: Scope,
    subject: &str,
    failures: i64,
) -> Result<(), AppError> {
    if failures == 0 {
        return Ok(());
    }
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    sqlx::query("DELETE FROM abuse_event WHERE scope = $1 AND subject = $2 AND client = $3")
        .bind(scope.code())
        .bind(subject)
        .bind(client())
        .execute(&mut *tx)
        .await
        .context("failed to clear the attempts")?;
    tx.commit().await.context("failed to clear the attempts")
}

/// The address condition, as the last argument (`$n`) when there is one.
fn by_client(client: Option<&str>, n: u8) -> String {
    match client {
        Some(_) => format!(" AND client = ${n}"),
        None => String::new(),
    }
}

async fn count(
    st: &AppState,
    scope: Scope,
    subject: &str,
    client: Option<&str>,
    since: i64,
) -> Result<i64, AppError> {
    let sql = format!(
        "SELECT COUNT(*) FROM abuse_event WHERE scope = $1 AND subject = $2 AND at > $3{}",
        by_client(client, 4)
    );
    let mut query = sqlx::query_scalar(&sql)
        .bind(scope.code())
        .bind(subject)
        .bind(since);
    if let Some(client) = client {
        query = query.bind(client);
    }
    query
        .fetch_one(st.db.pool())
        .await
        .context("failed to count attempts")
}

/// The 429 for a budget used up: the wait lasts until enough events have
/// left the window for one more to fit (`over` = how many are beyond the
/// budget, so the `over`-th oldest, counting from 0, has to leave).
async fn wait(
    st: &AppState,
    scope: Scope,
    subject: &str,
    client: Option<&str>,
    since: i64,
    over: i64,
    now: i64,
) -> Result<AppError, AppError> {
    let (window, _) = scope.budget(st);
    let sql = format!(
        "SELECT at FROM abuse_event WHERE scope = $1 AND subject = $2 AND at > $3{}
         ORDER BY at LIMIT 1 OFFSET $4",
        by_client(client, 5)
    );
    let mut query = sqlx::query_scalar(&sql)
        .bind(scope.code())
        .bind(subject)
        .bind(since)
        .bind(over.max(0));
    if let Some(client) = client {
        query = query.bind(client);
    }
    let oldest: Option<i64> = query
        .fetch_optional(st.db.pool())
        .await
        .context("failed to read attempts")?;
    let until = oldest.unwrap_or(now) + window;
    let seconds = u64::try_from((until - now).max(0))
        .unwrap_or(0)
        .div_ceil(1000)
        .max(1);
    tracing::warn!(
        scope = scope.code(),
        retry_after_seconds = seconds,
        "abuse limit reached"
    );
    Ok(AppError::RateLimited(seconds))
}
