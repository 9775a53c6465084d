//! The retention purge. A rejected or withdrawn application loses its
//! personal data `retention_days` after its last change (the rejection or
//! the withdrawal): the organization and contact fields, the reviewer's
//! questions and the applicant's answers, the rejection reason, the mails
//! about it, the audit details that quoted it, and its status link.
//!
//! The row itself stays with its status, timestamps, country, organization
//! type and size, so queue counts and the platform reports (applications
//! per week, time to decision) give the same numbers before and after.
//!
//! Each batch is one write transaction in which every application is purged
//! completely, together with one audit entry that holds counts only. A
//! second run finds nothing left (`purged_at` is set), so running it from
//! several servers, or again from the command line, is harmless.

use std::time::Duration;

use tokio::sync::watch;

use crate::error::AppError;
use crate::server::audit::{self, Entry};
use crate::server::db::{Db, RowExt, Tx};
use crate::server::{now_ms, AppState, DbContext};

/// Applications purged per transaction: keeps one SQLite write lock short.
const BATCH: usize = 200;
const DAY_MS: i64 = 86_400_000;
/// Stands in for the normalized name, registration ID and email of a purged
/// application. No normalization produces it (names keep only letters,
/// digits and spaces; emails need an `@`), so it never looks like a
/// duplicate of a real application.
const PLACEHOLDER: &str = "#purged";

/// What one purge removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub applications: u64,
    pub rejected: u64,
    pub withdrawn: u64,
    /// Timeline entries whose message (question, answer, reason) was cleared.
    pub messages: u64,
    /// Mails to the applicant deleted from the outbox.
    pub mails: u64,
    /// Audit entries about the application whose detail was cleared.
    pub audit_details: u64,
}

impl Purged {
    fn add(&mut self, other: Purged) {
        self.applications += other.applications;
        self.rejected += other.rejected;
        self.withdrawn += other.withdrawn;
        self.messages += other.messages;
        self.mails += other.mails;
        self.audit_details += other.audit_details;
    }
}

/// Purges every rejected or withdrawn application whose last change is
/// more than `retention_days` before `now` (milliseconds; passed in so
/// tests can move the clock).
pub async fn purge(db: &Db, retention_days: i64, now: i64) -> Result<Purged, AppError> {
    let cutoff = retention_days
        .checked_mul(DAY_MS)
        .and_then(|span| now.checked_sub(span))
        .ok_or_else(|| AppError::BadRequest("The retention period is too long.".into()))?;
    let mut total = Purged::default();
    loop {
        let (selected, batch) = purge_batch(db, cutoff, retention_days).await?;
        total.add(batch);
        // A short batch was the last; an empty one means nothing moved
        // (which would otherwise loop forever).
        if selected < BATCH || batch.applications == 0 {
            break;
        }
        // Each batch holds SQLite's one write lock; a pause between them
        // lets sign-ins, session saves and submissions waiting for it in,
        // instead of the purge taking it back at once for minutes.
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    if total.applications > 0 {
        tracing::info!(
            applications = total.applications,
            mails = total.mails,
            "retention purge done"
        );
    }
    Ok(total)
}

async fn purge_batch(
    db: &Db,
    cutoff: i64,
    retention_days: i64,
) -> Result<(usize, Purged), AppError> {
    let mut tx = db
        .begin_write()
        .await
        .context("failed to start the purge transaction")?;
    let rows = sqlx::query(&format!(
        "SELECT application_id, status, contact_email, contact_email_normalized FROM application
         WHERE status IN ('rejected', 'withdrawn') AND purged_at IS NULL AND updated_at < $1
         ORDER BY updated_at, application_id LIMIT {BATCH}{}",
        db.for_update()
    ))
    .bind(cutoff)
    .fetch_all(&mut *tx)
    .await
    .context("failed to find applications past retention")?;

    let now = now_ms();
    let mut done = Purged::default();
    for row in &rows {
        let id = row.text("application_id")?;
        let email = row.text("contact_email")?;
        let email_normalized = row.text("contact_email_normalized")?;
        let removed = purge_one(&mut tx, &id, &email, &email_normalized, now).await?;
        if removed.applications == 0 {
            continue;
        }
        if row.text("status")? == "rejected" {
            done.rejected += 1;
        } else {
            done.withdrawn += 1;
        }
        done.add(removed);
    }

    if done.applications > 0 {
        audit::record(
            &mut tx,
            Entry {
                actor_user_id: None,
                actor_label: "system",
                action: "privacy.purge",
                subject_kind: "retention",
                subject_id: "application",
                organization_id: None,
                detail: &format!(
                    "{} applications ({} rejected, {} withdrawn) older than {retention_days} days: \
                     {} messages cleared, {} mails deleted, {} audit details cleared",
                    done.applications,
                    done.rejected,
                    done.withdrawn,
                    done.messages,
                    done.mails,
                    done.audit_details
                ),
            },
        )
        .await?;
    }
    tx.commit().await.context("failed to commit the purge")?;
    Ok((rows.len(), done))
}

/// Removes one application's personal data inside the batch's transaction.
async fn purge_one(
    tx: &mut Tx,
    id: &str,
    email: &str,
    email_normalized: &str,
    now: i64,
) -> Result<Purged, AppError> {
    // Mail written before mail carried its application id is found by its
    // address and kind, unless another application still in use shares
    // the address (its mails cannot be told apart, so they stay).
    let mails = sqlx::query(
        "DELETE FROM outbox WHERE application_id = $1
            OR (application_id IS NULL AND to_address = $2 AND kind LIKE 'application%'
                AND NOT EXISTS (SELECT 1 FROM application o WHERE o.contact_email_normalized = $3
                    AND o.application_id <> $1 AND o.purged_at IS NULL))",
    )
    .bind(id)
    .bind(email)
    .bind(email_normalized)
    .execute(&mut **tx)
    .await
    .context("failed to delete the application's mail")?
    .rows_affected();
    let messages = sqlx::query(
        "UPDATE application_event SET message = NULL
         WHERE application_id = $1 AND message IS NOT NULL",
    )
    .bind(id)
    .execute(&mut **tx)
    .await
    .context("failed to clear the application's messages")?
    .rows_affected();
    let audit_details = sqlx::query(
        "UPDATE audit_log SET detail = ''
         WHERE subject_kind = 'application' AND subject_id = $1 AND detail <> ''",
    )
    .bind(id)
    .execute(&mut **tx)
    .await
    .context("failed to clear the application's audit details")?
    .rows_affected();
    // The token and key columns are unique: the id keeps them so, and no
    // SHA-256 in hex looks like it, so the status link stops working.
    let applications = sqlx::query(
        "UPDATE application SET status_token_hash = $2, submission_key = $2,
            legal_name = '', name_normalized = $3, registration_id = '',
            registration_id_normalized = $3, street_address = '', postal_code = '', city = '',
            website = NULL, contact_name = '', contact_email = '', contact_email_normalized = $3,
            phone = '', intended_use = '', info_request_message = NULL,
            info_request_fields = NULL, rejection_reason = NULL, purged_at = $4, updated_at = $4
         WHERE application_id = $1 AND purged_at IS NULL",
    )
    .bind(id)
    .bind(format!("purged:{id}"))
    .bind(PLACEHOLDER)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("failed to purge the application")?
    .rows_affected();
    Ok(Purged {
        applications,
        rejected: 0,
        withdrawn: 0,
        messages,
        mails,
        audit_details,
    })
}

/// Purges at start and then every `purge_interval_minutes` until `stop`
/// turns true; with an interval of 0 it returns at once. A failed run is
/// logged and tried again at the next interval.
pub async fn run(state: AppState, mut stop: watch::Receiver<bool>) {
    let minutes = state.settings.purge_interval_minutes;
    if minutes == 0 {
        tracing::info!("periodic retention purge is off (COURSEGATE_PURGE_INTERVAL_MINUTES=0)");
        return;
    }
    let every = Duration::from_secs(minutes.saturating_mul(60));
    loop {
        if *stop.borrow() {
            break;
        }
        if let Err(e) = purge(&state.db, state.settings.retention_days, now_ms()).await {
            tracing::warn!(error = %e, "retention purge failed; trying again at the next interval");
        }
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            changed = stop.changed() => {
                if changed.is_err() {
                    break;
                }
            }
        }
    }
}
