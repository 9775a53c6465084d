//! Credentials: sign-in, sign-out, one-time set-password links.

use sqlx::Row as _;

use super::{Identity, LinkInfo, Role, SignInStep};
use crate::error::{AppError, FieldErrors};
use crate::server::abuse::{self, Scope};
use crate::server::audit::{self, Entry};
use crate::server::auth::{self as session, current_user, end_session, start_session};
use crate::server::db::{RowExt, Tx};
use crate::server::tokens::{self, Secret};
use crate::server::{normalize, now_ms, state, DbContext};
use crate::validate::{self, Email};

pub async fn me() -> Result<Option<Identity>, AppError> {
    // While a page renders, the person was already looked up for this
    // request (`server::middleware::known_identity`); do not ask again.
    if let Some(known) = super::known_identity() {
        return Ok(known);
    }
    let st = state()?;
    let Some(user) = current_user(&st).await? else {
        return Ok(None);
    };
    let organization_name = match &user.organization_id {
        Some(id) => {
            sqlx::query_scalar("SELECT legal_name FROM organization WHERE organization_id = $1")
                .bind(id)
                .fetch_optional(st.db.pool())
                .await
                .context("failed to load the organization name")?
        }
        None => None,
    };
    Ok(Some(Identity {
        email: user.email,
        role: user.role,
        organization_name,
    }))
}

pub async fn sign_in(email: &str, password: String) -> Result<SignInStep, AppError> {
    let st = state()?;
    let mut errors = FieldErrors::default();
    let email = errors.check("email", Email::parse(email));
    if password.is_empty() {
        errors.push("password", "Enter your password.");
    } else if password.len() > validate::PASSWORD_MAX_BYTES
        || password.chars().count() > validate::PASSWORD_MAX_CHARS
    {
        // Longer than any password we accept; refuse before hashing.
        errors.push("password", "Password must be at most 128 characters.");
    }
    let Some(email) = email.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    st.limits.sign_in()?;
    // Counted per hashed email, known account or not, so the limit itself
    // does not tell which emails have accounts.
    let account_key = tokens::hash(&normalize::email(email.as_str()));
    let failures = abuse::check_failures(&st, Scope::SignIn, &account_key).await?;

    let row = sqlx::query(
        "SELECT u.user_id, u.email, u.password_hash, u.status, u.session_epoch, u.role, o.status AS org_status, o.legal_name,
                t.user_id AS totp_user
         FROM app_user u LEFT JOIN organization o ON o.organization_id = u.organization_id
         LEFT JOIN user_totp t ON t.user_id = u.user_id
         WHERE u.email_normalized = $1",
    )
    .bind(normalize::email(email.as_str()))
    .fetch_optional(st.db.pool())
    .await
    .context("failed to look up the account")?;

    let hash = match &row {
        Some(row) if row.text("status")? == "active" => row.opt_text("password_hash")?,
        _ => None,
    };
    // Always runs argon2, against a dummy when there is no usable account,
    // so the response time does not tell whether the email is known.
    let verified = st.hasher.verify(password, hash).await?;
    let Some(row) = row.filter(|_| verified) else {
        abuse::record(&st, Scope::SignIn, &account_key).await?;
        tracing::warn!("sign-in refused");
        return Err(AppError::InvalidCredentials);
    };
    abuse::clear_mine(&st, Scope::SignIn, &account_key, failures).await?;

    let role = Role::parse(&row.text("role")?)
        .ok_or_else(|| AppError::internal("unknown role", "bad role column"))?;
    if role == Role::CustomerAdmin && row.opt_text("org_status")?.as_deref() != Some("active") {
        return Err(AppError::Forbidden(
            "Your organization's account is suspended. Please contact the operator.".into(),
        ));
    }
    let user_id = row.text("user_id")?;
    let epoch = row.int("session_epoch")?;
    if row.opt_text("totp_user")?.is_some() {
        session::start_pending(&st, &user_id, epoch).await?;
        tracing::info!(user_id = %user_id, "password accepted; code to follow");
        return Ok(SignInStep::CodeNeeded);
    }
    start_session(&st, &user_id, epoch, Some(st.clock.now_ms())).await?;
    // Mails to this user follow the language they sign in with.
    crate::profile::locale::remember(st.db.pool(), &user_id, crate::i18n::request_locale()).await?;
    tracing::info!(user_id = %user_id, "signed in");
    let needs_factor = role == Role::SystemAdmin && st.settings.require_admin_totp;
    Ok(SignInStep::SignedIn {
        identity: Identity {
            email: row.text("email")?,
            role,
            organization_name: row.opt_text("legal_name")?,
        },
        home: if needs_factor {
            "/profile?two_step=required".into()
        } else {
            role.home().into()
        },
    })
}

/// The second step for an account with an authenticator: a current code,
/// or one of its recovery codes, finishes the sign-in.
pub async fn sign_in_code(code: &str) -> Result<Identity, AppError> {
    let st = state()?;
    st.limits.sign_in()?;
    let pending = session::pending(&st).await?.ok_or_else(|| {
        AppError::Gone(
            "Your sign-in has expired or was never started. Enter your email and password again."
                .into(),
        )
    })?;
    let code = crate::server::totp::parse_code(code).map_err(|m| AppError::field("code", m))?;
    crate::profile::two_step_server::verify_second_factor(
        &st,
        &pending.user_id,
        &code,
        "signed in",
    )
    .await?;

    let row =
        sqlx::query("SELECT email, role, status, session_epoch FROM app_user WHERE user_id = $1")
            .bind(&pending.user_id)
            .fetch_one(st.db.pool())
            .await
            .context("failed to load the account")?;
    // Deactivated, or signed out everywhere, since the password step.
    if row.text("status")? != "active" || row.int("session_epoch")? != pending.epoch {
        end_session().await?;
        return Err(AppError::Gone(
            "Your sign-in has expired. Enter your email and password again.".into(),
        ));
    }
    let role = Role::parse(&row.text("role")?)
        .ok_or_else(|| AppError::internal("unknown role", "bad role column"))?;
    start_session(
        &st,
        &pending.user_id,
        pending.epoch,
        Some(st.clock.now_ms()),
    )
    .await?;
    crate::profile::locale::remember(
        st.db.pool(),
        &pending.user_id,
        crate::i18n::request_locale(),
    )
    .await?;
    tracing::info!(user_id = %pending.user_id, "signed in with a second factor");
    Ok(Identity {
        email: row.text("email")?,
        role,
        organization_name: None,
    })
}

pub async fn sign_out() -> Result<(), AppError> {
    end_session().await
}

/// Replaces any unused link of the user with a new one; the old link stops
/// working at once.
pub async fn issue_password_link(
    tx: &mut Tx,
    user_id: &str,
    ttl_hours: i64,
) -> Result<(Secret, i64), AppError> {
    sqlx::query("DELETE FROM user_token WHERE user_id = $1 AND used_at IS NULL")
        .bind(user_id)
        .execute(&mut **tx)
        .await
        .context("failed to revoke the previous link")?;
    let token = tokens::new_token();
    let now = now_ms();
    let expires_at = now + ttl_hours * 3_600_000;
    sqlx::query(
        "INSERT INTO user_token (token_hash, user_id, purpose, expires_at, created_at)
         VALUES ($1, $2, 'set_password', $3, $4)",
    )
    .bind(tokens::hash(token.expose()))
    .bind(user_id)
    .bind(expires_at)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("failed to store the link")?;
    Ok((token, expires_at))
}

fn bad_link() -> AppError {
    AppError::Gone(
        "This link is not valid. Ask for a new one under \"Forgot your password?\" on the sign-in page, or ask a system administrator to resend an invitation.".into(),
    )
}

/// The link's user id and email if it can still be used. `lock` is
/// appended to the query: inside the write transaction it is
/// [`crate::server::Db::for_update_of`], so on PostgreSQL a second use of the
/// same link waits for the first and then finds it used, as on SQLite.
/// A usable set-password link: whose it is and until when.
struct LoadedLink {
    user_id: String,
    email: String,
    expires_at: i64,
}

async fn load_link(
    executor: impl sqlx::Executor<'_, Database = sqlx::Any>,
    token: &str,
    lock: &str,
) -> Result<LoadedLink, AppError> {
    if !tokens::looks_valid(token) {
        return Err(bad_link());
    }
    let row = sqlx::query(&format!(
        "SELECT t.user_id, t.expires_at, t.used_at, u.email, u.status
         FROM user_token t JOIN app_user u ON u.user_id = t.user_id
         WHERE t.token_hash = $1 AND t.purpose = 'set_password'{lock}"
    ))
    .bind(tokens::hash(token))
    .fetch_optional(executor)
    .await
    .context("failed to look up the link")?
    .ok_or_else(bad_link)?;
    if row.opt_int("used_at")?.is_some() {
        return Err(AppError::Gone(
            "This link was already used. Sign in with your password, or ask for a new link.".into(),
        ));
    }
    if row.int("expires_at")? < now_ms() {
        return Err(AppError::Gone(
            "This link has expired. Ask for a new one under \"Forgot your password?\" on the sign-in page, or ask a system administrator to resend an invitation.".into(),
        ));
    }
    if row.text("status")? == "deactivated" {
        return Err(bad_link());
    }
    Ok(LoadedLink {
        user_id: row.text("user_id")?,
        email: row.text("email")?,
        expires_at: row.int("expires_at")?,
    })
}

pub async fn link_info(token: &str) -> Result<LinkInfo, AppError> {
    let st = state()?;
    let link = load_link(st.db.pool(), token, "").await?;
    Ok(LinkInfo {
        email: link.email,
        expires_at: link.expires_at,
    })
}

pub async fn set_password(token: &str, password: String, confirm: &str) -> Result<(), AppError> {
    let st = state()?;
    st.limits.password()?;
    // Attempts per link, across servers: a link is the owner's, but one
    // that leaked should not serve as an endless hashing target.
    let link_key = tokens::hash(token);
    if tokens::looks_valid(token) {
        abuse::check_count(&st, Scope::PasswordSet, &link_key).await?;
        abuse::record(&st, Scope::PasswordSet, &link_key).await?;
    }
    let mut errors = FieldErrors::default();
    let password = errors.check("password", validate::password(&password));
    if password.as_deref().is_some_and(|p| p != confirm) {
        errors.push("confirm", "The two passwords do not match.");
    }
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    // Check the link before spending a hash on it.
    load_link(st.db.pool(), token, "").await?;
    let hash = st.hasher.hash(password).await?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let user_id = load_link(&mut *tx, token, &st.db.for_update_of("t"))
        .await?
        .user_id;
    let used =
        sqlx::query("UPDATE user_token SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL")
            .bind(tokens::hash(token))
            .bind(now_ms())
            .execute(&mut *tx)
            .await
            .context("failed to use up the link")?;
    if used.rows_affected() != 1 {
        return Err(bad_link());
    }
    // An invited Customer admin who takes over an organization retires the
    // previous one in this same transaction.
    crate::accounts::server::complete_handover(&st.db, &mut tx, &user_id).await?;
    // A new password ends every existing session of the account.
    sqlx::query(
        "UPDATE app_user SET password_hash = $2, status = 'active', session_epoch = session_epoch + 1, updated_at = $3
         WHERE user_id = $1",
    )
    .bind(&user_id)
    .bind(&hash)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to store the password")?;
    let organization_id: Option<String> =
        sqlx::query("SELECT organization_id FROM app_user WHERE user_id = $1")
            .bind(&user_id)
            .fetch_one(&mut *tx)
            .await
            .context("failed to reload the user")?
            .try_get("organization_id")
            .map_err(|e| AppError::internal("bad organization column", e))?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&user_id),
            actor_label: "account owner",
            action: "user.password_set",
            subject_kind: "user",
            subject_id: &user_id,
            organization_id: organization_id.as_deref(),
            detail: "password set through an emailed link",
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the password")?;
    tracing::info!(user_id = %user_id, "password set");
    Ok(())
}

/// Inserts a user who has no password yet (`invited`) and returns its id.
/// An email that already has an account, in any state, is a conflict: one
/// account per address, ever.
pub async fn insert_invited_user(
    tx: &mut Tx,
    email: &Email,
    role: Role,
    organization_id: Option<&str>,
) -> Result<String, AppError> {
    let user_id = crate::server::new_id();
    let insert = sqlx::query(
        "INSERT INTO app_user (user_id, email, email_normalized, role, organization_id, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'invited', $6, $6)",
    )
    .bind(&user_id)
    .bind(email.as_str())
    .bind(normalize::email(email.as_str()))
    .bind(role.code())
    .bind(organization_id)
    .bind(now_ms())
    .execute(&mut **tx)
    .await;
    match insert {
        Ok(_) => Ok(user_id),
        Err(e) if crate::server::is_unique_violation(&e) => Err(AppError::Conflict(format!(
            "A user with the email {} already exists. Enter another email.",
            email.as_str()
        ))),
        Err(e) => Err(AppError::internal("failed to insert the user", e)),
    }
}

/// Creates a system administrator with no password and returns the
/// one-time link to set one. Used by the command line for the first admin.
pub async fn create_system_admin(
    db: &crate::server::Db,
    settings: &crate::server::Settings,
    email: &str,
    actor_label: &str,
) -> Result<String, String> {
    let email = Email::parse(email).map_err(|e| format!("{email:?}: {e}"))?;
    let mut tx = db
        .begin_write()
        .await
        .map_err(|e| format!("database error: {e}"))?;
    let user_id = match insert_invited_user(&mut tx, &email, Role::SystemAdmin, None).await {
        Ok(user_id) => user_id,
        Err(AppError::Conflict(_)) => {
            return Err(format!(
                "a user with the email {} already exists",
                email.as_str()
            ))
        }
        Err(e) => return Err(format!("cannot create the administrator: {e}")),
    };
    let (token, _) = issue_password_link(&mut tx, &user_id, settings.invitation_ttl_hours)
        .await
        .map_err(|e| e.to_string())?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: None,
            actor_label,
            action: "user.invited",
            subject_kind: "user",
            subject_id: &user_id,
            organization_id: None,
            detail: "system administrator created from the command line",
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    tx.commit()
        .await
        .map_err(|e| format!("cannot commit: {e}"))?;
    Ok(format!(
        "{}/set-password/{}",
        settings.base_url(),
        token.expose()
    ))
}

/// True when at least one system administrator account exists.
pub async fn has_system_admin(db: &crate::server::Db) -> Result<bool, String> {
    let count: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM app_user WHERE role = 'system_admin'")
            .fetch_one(db.pool())
            .await
            .map_err(|e| format!("cannot count administrators: {e}"))?;
    Ok(count > 0)
}
