//! Server half of the profile: change password, forgot password, sign out
//! everywhere.

use crate::auth::server::issue_password_link;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{request_locale, Locale};
use crate::server::abuse::{self, Scope};
use crate::server::audit::{self, Entry};
use crate::server::auth::{current_user, start_session, SessionUser};
use crate::server::db::{RowExt, Tx};
use crate::server::mail::{self, Mail};
use crate::server::tokens;
use crate::server::{normalize, now_ms, state, DbContext};
use crate::validate::{self, Email};

/// Lifetime of a forgot-password link: much shorter than an invitation.
pub const RESET_TTL_HOURS: i64 = 1;

/// Bumps the user's session epoch (ending every session) and returns the new
/// epoch so the caller's browser can start a fresh session with it.
pub async fn bump_epoch(tx: &mut Tx, user_id: &str) -> Result<i64, AppError> {
    sqlx::query(
        "UPDATE app_user SET session_epoch = session_epoch + 1, updated_at = $2 WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(now_ms())
    .execute(&mut **tx)
    .await
    .context("failed to end the sessions")?;
    let epoch: i64 = sqlx::query_scalar("SELECT session_epoch FROM app_user WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await
        .context("failed to read the session epoch")?;
    Ok(epoch)
}

async fn signed_in() -> Result<SessionUser, AppError> {
    let st = state()?;
    current_user(&st).await?.ok_or(AppError::Unauthorized)
}

pub async fn change_password(
    current_password: String,
    password: String,
    confirm: &str,
) -> Result<(), AppError> {
    let st = state()?;
    let user = signed_in().await?;
    st.limits.password()?;
    let locale = request_locale();
    let mut errors = FieldErrors::default();
    if current_password.is_empty() {
        errors.push("current_password", locale.t("profile-enter-current"));
    } else if current_password.len() > validate::PASSWORD_MAX_BYTES
        || current_password.chars().count() > validate::PASSWORD_MAX_CHARS
    {
        errors.push("current_password", locale.t("profile-current-wrong"));
    }
    let password = errors.check("password", validate::password(&password));
    if password.as_deref().is_some_and(|p| p != confirm) {
        errors.push("confirm", locale.t("profile-passwords-differ"));
    }
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    // Someone at an unattended signed-in browser could otherwise guess the
    // password here without the sign-in limits.
    abuse::check_failures(&st, Scope::PasswordChange, &user.user_id).await?;
    let hash: Option<String> = sqlx::query("SELECT password_hash FROM app_user WHERE user_id = $1")
        .bind(&user.user_id)
        .fetch_one(st.db.pool())
        .await
        .context("failed to load the account")?
        .opt_text("password_hash")?;
    if !st.hasher.verify(current_password, hash).await? {
        abuse::record(&st, Scope::PasswordChange, &user.user_id).await?;
        let mut errors = FieldErrors::default();
        errors.push("current_password", locale.t("profile-current-wrong"));
        return Err(AppError::Validation(errors));
    }
    let new_hash = st.hasher.hash(password).await?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    sqlx::query("UPDATE app_user SET password_hash = $2 WHERE user_id = $1")
        .bind(&user.user_id)
        .bind(&new_hash)
        .execute(&mut *tx)
        .await
        .context("failed to store the password")?;
    let epoch = bump_epoch(&mut tx, &user.user_id).await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&user.user_id),
            actor_label: &user.email,
            action: "user.password_changed",
            subject_kind: "user",
            subject_id: &user.user_id,
            organization_id: user.organization_id.as_deref(),
            detail: "password changed with the current one; other sessions ended",
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the password")?;
    start_session(&st, &user.user_id, epoch, None).await?;
    tracing::info!(user_id = %user.user_id, "password changed");
    Ok(())
}

pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let st = state()?;
    let user = signed_in().await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let epoch = bump_epoch(&mut tx, &user.user_id).await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&user.user_id),
            actor_label: &user.email,
            action: "user.signed_out_everywhere",
            subject_kind: "user",
            subject_id: &user.user_id,
            organization_id: user.organization_id.as_deref(),
            detail: "every other session ended",
        },
    )
    .await?;
    tx.commit().await.context("failed to commit")?;
    start_session(&st, &user.user_id, epoch, None).await?;
    tracing::info!(user_id = %user.user_id, "signed out everywhere");
    Ok(())
}

/// Mails a short-lived set-password link when the email belongs to an
/// active account. The answer is the same either way.
pub async fn forgot_password(email: &str) -> Result<(), AppError> {
    let st = state()?;
    let mut errors = FieldErrors::default();
    let email = errors.check("email", Email::parse(email));
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let key = normalize::email(email.as_str());
    st.limits.forgot_password(&tokens::hash(&key))?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = sqlx::query(
        "SELECT u.user_id, u.email, u.organization_id, u.locale FROM app_user u
         WHERE u.email_normalized = $1 AND u.status = 'active'",
    )
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to look up the account")?;
    let Some(row) = row else {
        tracing::info!("password reset asked for an unknown or inactive email");
        return Ok(());
    };
    let user_id = row.text("user_id")?;
    let address = row.text("email")?;
    let organization_id = row.opt_text("organization_id")?;
    let (token, _) = issue_password_link(&mut tx, &user_id, RESET_TTL_HOURS).await?;
    // In the account's language: whoever asked may not be its owner.
    let m = row
        .opt_text("locale")?
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or_else(request_locale);
    let body = m.t_args(
        "mail-password-reset-body",
        &[
            ("hours", RESET_TTL_HOURS.into()),
            (
                "link",
                format!("{}/set-password/{}", st.settings.base_url(), token.expose()).into(),
            ),
        ],
    );
    mail::enqueue(
        &mut tx,
        Mail {
            to: &address,
            subject: &m.t("mail-password-reset-subject"),
            body: &body,
            kind: "password_reset",
        },
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: None,
            actor_label: "account owner",
            action: "user.password_reset_requested",
            subject_kind: "user",
            subject_id: &user_id,
            organization_id: organization_id.as_deref(),
            detail: "password reset link mailed",
        },
    )
    .await?;
    tx.commit().await.context("failed to commit")?;
    Ok(())
}
