//! Storage and rules behind the applicant's side of the flow.

use sqlx::Row as _;

use super::{ApplicationInput, Status, StatusView, Submitted, TimelineEntry, ValidApplication};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{Arg, Locale};
use crate::server::audit::{self, Entry};
use crate::server::db::{RowExt, Tx};
use crate::server::mail::{self, Mail};
use crate::server::{new_id, normalize, now_ms, state, tokens, DbContext};

const COLUMNS: &str =
    "application_id, status, legal_name, registration_id, country, street_address,
    postal_code, city, website, contact_name, contact_email, phone, org_type, org_size,
    intended_use, info_request_message, info_request_fields, rejection_reason, created_at, locale";

pub async fn submit(input: ApplicationInput) -> Result<Submitted, AppError> {
    let st = state()?;
    st.limits.submit()?;
    let key = input.submission_key.trim().to_string();
    // 128 random bits in hex, made when the form was rendered.
    let well_formed = key.len() == 32
        && key.bytes().all(|b| b.is_ascii_hexdigit())
        && key.bytes().any(|b| b != b'0');
    if !well_formed {
        return Err(AppError::BadRequest(
            "The form is missing its submission key. Reload the page and try again.".into(),
        ));
    }
    // Every later mail in the language the form was filled in (the
    // validators already wrote the field messages in it).
    let locale = crate::i18n::request_locale();
    let app = input.validate().map_err(AppError::Validation)?;

    let token = tokens::derived_token(&st.secret, "status", &key);
    // Only a hash of the key is stored: with the key and the secret side by
    // side, a copy of the database would rebuild every status link.
    let key = tokens::hash(&key);
    let status_path = format!("/status/{}", token.expose());
    let application_id = new_id();
    let now = now_ms();

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let existing: Option<String> =
        sqlx::query_scalar("SELECT application_id FROM application WHERE submission_key = $1")
            .bind(&key)
            .fetch_optional(&mut *tx)
            .await
            .context("failed to look up the submission key")?;
    if existing.is_some() {
        // The same form posted again (double click, reload): same answer.
        // Ended explicitly: a transaction only dropped leaves its rollback
        // queued on the pooled connection, and the next BEGIN IMMEDIATE
        // there failed ("non-zero transaction depth") under load.
        tx.rollback()
            .await
            .context("failed to end the look-up transaction")?;
        return Ok(Submitted { status_path });
    }

    let insert = sqlx::query(
        "INSERT INTO application (application_id, status_token_hash, submission_key, status,
            legal_name, name_normalized, registration_id, registration_id_normalized, country,
            street_address, postal_code, city, website, contact_name, contact_email,
            contact_email_normalized, phone, org_type, org_size, intended_use, terms_version,
            terms_accepted_at, created_at, updated_at, locale)
         VALUES ($1, $2, $3, 'submitted', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
            $17, $18, $19, $20, $21, $21, $21, $22)",
    )
    .bind(&application_id)
    .bind(tokens::hash(token.expose()))
    .bind(&key)
    .bind(&app.legal_name)
    .bind(normalize::organization_name(&app.legal_name))
    .bind(&app.registration_id)
    .bind(normalize::registration_id(&app.registration_id))
    .bind(&app.country)
    .bind(&app.street_address)
    .bind(&app.postal_code)
    .bind(&app.city)
    .bind(app.website.as_deref())
    .bind(&app.contact_name)
    .bind(app.contact_email.as_str())
    .bind(normalize::email(app.contact_email.as_str()))
    .bind(&app.phone)
    .bind(app.org_type.code())
    .bind(app.org_size.code())
    .bind(&app.intended_use)
    // Validation refused the form unless the terms box was ticked, so
    // the version shown next to it is the one accepted, now.
    .bind(crate::privacy::TERMS_VERSION)
    .bind(now)
    .bind(locale.code())
    .execute(&mut *tx)
    .await;
    if let Err(error) = insert {
        if crate::server::is_unique_violation(&error) {
            // A concurrent copy of the same post won the race (PostgreSQL).
            tx.rollback()
                .await
                .context("failed to end the failed insert's transaction")?;
            return Ok(Submitted { status_path });
        }
        return Err(AppError::internal(
            "failed to insert the application",
            error,
        ));
    }
    add_event(&mut tx, &application_id, "submitted", None, None).await?;
    let link = format!("{}{}", st.settings.base_url(), status_path);
    mail::enqueue_for_application(
        &mut tx,
        Mail {
            to: app.contact_email.as_str(),
            subject: &locale.t("mail-received-subject"),
            body: &locale.t_args(
                "mail-received-body",
                &[
                    ("name", app.contact_name.clone().into()),
                    ("org", app.legal_name.clone().into()),
                    ("link", link.clone().into()),
                ],
            ),
            kind: "application_received",
        },
        &application_id,
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: None,
            actor_label: "applicant",
            action: "application.submitted",
            subject_kind: "application",
            subject_id: &application_id,
            organization_id: None,
            detail: &app.legal_name,
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the application")?;
    tracing::info!(application_id = %application_id, "application submitted");
    Ok(Submitted { status_path })
}

pub async fn add_event(
    tx: &mut Tx,
    application_id: &str,
    kind: &str,
    actor_user_id: Option<&str>,
    message: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO application_event (event_id, application_id, at, kind, actor_user_id, message)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id())
    .bind(application_id)
    .bind(now_ms())
    .bind(kind)
    .bind(actor_user_id)
    .bind(message)
    .execute(&mut **tx)
    .await
    .context("failed to record the application event")?;
    Ok(())
}

pub fn event_label(kind: &str) -> &'static str {
    match kind {
        "submitted" => "Application submitted",
        "claimed" => "Review started",
        "claim_taken_over" => "Review handed to another reviewer",
        "info_requested" => "Information requested",
        "resubmitted" => "Answer sent",
        "approved" => "Approved — account created",
        "rejected" => "Rejected",
        "withdrawn" => "Withdrawn by the applicant",
        "invitation_resent" => "Invitation sent again",
        _ => "Updated",
    }
}

/// The timeline; `for_applicant` leaves out reviewer-internal events.
pub async fn timeline(
    executor: impl sqlx::Executor<'_, Database = sqlx::Any>,
    application_id: &str,
    for_applicant: bool,
) -> Result<Vec<TimelineEntry>, AppError> {
    let rows = sqlx::query(
        "SELECT e.at, e.kind, e.message, u.email AS actor
         FROM application_event e LEFT JOIN app_user u ON u.user_id = e.actor_user_id
         WHERE e.application_id = $1 ORDER BY e.at, e.event_id",
    )
    .bind(application_id)
    .fetch_all(executor)
    .await
    .context("failed to load the timeline")?;
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let kind = row.text("kind")?;
        if for_applicant && matches!(kind.as_str(), "claim_taken_over" | "invitation_resent") {
            continue;
        }
        let mut label = event_label(&kind).to_string();
        if for_applicant {
            // The applicant reads the timeline in their own language.
            let key = match kind.as_str() {
                k @ ("submitted" | "claimed" | "info_requested" | "resubmitted" | "approved"
                | "rejected" | "withdrawn") => format!("event-{k}"),
                _ => "event-updated".to_string(),
            };
            label = crate::i18n::request_locale().t(&key);
        } else {
            if let Some(actor) = row.opt_text("actor")? {
                label = format!("{label} ({actor})");
            }
        }
        entries.push(TimelineEntry {
            at: row.int("at")?,
            label,
            message: row.opt_text("message")?,
        });
    }
    Ok(entries)
}

/// The current values as form input, for editing after an info request.
pub fn row_to_input(row: &sqlx::any::AnyRow) -> Result<ApplicationInput, AppError> {
    Ok(ApplicationInput {
        legal_name: row.text("legal_name")?,
        registration_id: row.text("registration_id")?,
        country: row.text("country")?,
        street_address: row.text("street_address")?,
        postal_code: row.text("postal_code")?,
        city: row.text("city")?,
        website: row.opt_text("website")?.unwrap_or_default(),
        contact_name: row.text("contact_name")?,
        contact_email: row.text("contact_email")?,
        phone: row.text("phone")?,
        org_type: row.text("org_type")?,
        org_size: row.text("org_size")?,
        intended_use: row.text("intended_use")?,
        accept_terms: Some("on".into()),
        submission_key: String::new(),
    })
}

pub fn status_of(row: &sqlx::any::AnyRow) -> Result<Status, AppError> {
    let code = row.text("status")?;
    Status::parse(&code).ok_or_else(|| AppError::internal("unknown application status", code))
}

fn not_found() -> AppError {
    AppError::NotFound(
        "This status link is not valid. Check that you copied the whole link.".into(),
    )
}

fn token_hash(token: &str) -> Result<String, AppError> {
    if !tokens::looks_valid(token) {
        return Err(not_found());
    }
    Ok(tokens::hash(token))
}

pub async fn status(token: &str) -> Result<StatusView, AppError> {
    let st = state()?;
    let hash = token_hash(token)?;
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM application WHERE status_token_hash = $1"
    ))
    .bind(&hash)
    .fetch_optional(st.db.pool())
    .await
    .context("failed to load the application")?
    .ok_or_else(not_found)?;
    let status = status_of(&row)?;
    let application_id = row.text("application_id")?;
    let info_request = match (status, row.opt_text("info_request_message")?) {
        (Status::InfoRequested, Some(message)) => {
            let fields = row.opt_text("info_request_fields")?.unwrap_or_default();
            Some((message, split_fields(&fields)))
        }
        _ => None,
    };
    Ok(StatusView {
        legal_name: row.text("legal_name")?,
        status,
        created_at: row.int("created_at")?,
        timeline: timeline(st.db.pool(), &application_id, true).await?,
        info_request,
        rejection_reason: row.opt_text("rejection_reason")?,
        values: row_to_input(&row)?,
    })
}

pub fn split_fields(fields: &str) -> Vec<String> {
    fields
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(str::to_string)
        .collect()
}

pub async fn respond(token: &str, answer: &str, input: ApplicationInput) -> Result<(), AppError> {
    let st = state()?;
    let hash = token_hash(token)?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    // Locked on PostgreSQL (SQLite's write lock is already held), so two
    // answers sent at once cannot both find the application waiting.
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM application WHERE status_token_hash = $1{}",
        st.db.for_update()
    ))
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the application")?
    .ok_or_else(not_found)?;
    if status_of(&row)? != Status::InfoRequested {
        return Err(AppError::Conflict(
            "This application is not waiting for an answer.".into(),
        ));
    }
    let application_id = row.text("application_id")?;
    let editable = split_fields(&row.opt_text("info_request_fields")?.unwrap_or_default());

    // Start from the stored values and take only the fields the reviewer
    // asked about; anything else in the post is ignored.
    let mut merged = row_to_input(&row)?;
    for field in &editable {
        let value = input.get(field).to_string();
        set_field(&mut merged, field, value);
    }
    let mut errors = FieldErrors::default();
    let answer = errors.check("answer", crate::validate::message(answer, "Your answer"));
    let app = match merged.validate() {
        Ok(app) => Some(app),
        Err(field_errors) => {
            errors.0.extend(field_errors.0);
            None
        }
    };
    let (Some(answer), Some(app)) = (answer, app) else {
        return Err(AppError::Validation(errors));
    };

    update_fields(&mut tx, &application_id, &app).await?;
    sqlx::query(
        "UPDATE application SET status = 'resubmitted', info_request_message = NULL,
            info_request_fields = NULL, updated_at = $2 WHERE application_id = $1",
    )
    .bind(&application_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to mark the application resubmitted")?;
    add_event(&mut tx, &application_id, "resubmitted", None, Some(&answer)).await?;
    mail::enqueue_for_application(
        &mut tx,
        Mail {
            to: app.contact_email.as_str(),
            subject: &applicant_locale(&row).t("mail-answer-subject"),
            body: &applicant_locale(&row).t_args(
                "mail-answer-body",
                &[
                    ("name", app.contact_name.clone().into()),
                    ("org", app.legal_name.clone().into()),
                ],
            ),
            kind: "application_resubmitted",
        },
        &application_id,
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: None,
            actor_label: "applicant",
            action: "application.resubmitted",
            subject_kind: "application",
            subject_id: &application_id,
            organization_id: None,
            detail: &format!("changed: {}", editable.join(", ")),
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the answer")?;
    Ok(())
}

fn set_field(input: &mut ApplicationInput, field: &str, value: String) {
    match field {
        "legal_name" => input.legal_name = value,
        "registration_id" => input.registration_id = value,
        "country" => input.country = value,
        "street_address" => input.street_address = value,
        "postal_code" => input.postal_code = value,
        "city" => input.city = value,
        "website" => input.website = value,
        "contact_name" => input.contact_name = value,
        "contact_email" => input.contact_email = value,
        "phone" => input.phone = value,
        "org_type" => input.org_type = value,
        "org_size" => input.org_size = value,
        "intended_use" => input.intended_use = value,
        _ => {}
    }
}

async fn update_fields(
    tx: &mut Tx,
    application_id: &str,
    app: &ValidApplication,
) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE application SET legal_name = $2, name_normalized = $3, registration_id = $4,
            registration_id_normalized = $5, country = $6, street_address = $7, postal_code = $8,
            city = $9, website = $10, contact_name = $11, contact_email = $12,
            contact_email_normalized = $13, phone = $14, org_type = $15, org_size = $16,
            intended_use = $17
         WHERE application_id = $1",
    )
    .bind(application_id)
    .bind(&app.legal_name)
    .bind(normalize::organization_name(&app.legal_name))
    .bind(&app.registration_id)
    .bind(normalize::registration_id(&app.registration_id))
    .bind(&app.country)
    .bind(&app.street_address)
    .bind(&app.postal_code)
    .bind(&app.city)
    .bind(app.website.as_deref())
    .bind(&app.contact_name)
    .bind(app.contact_email.as_str())
    .bind(normalize::email(app.contact_email.as_str()))
    .bind(&app.phone)
    .bind(app.org_type.code())
    .bind(app.org_size.code())
    .bind(&app.intended_use)
    .execute(&mut **tx)
    .await
    .context("failed to update the application's fields")?;
    Ok(())
}

pub async fn withdraw(token: &str) -> Result<(), AppError> {
    let st = state()?;
    let hash = token_hash(token)?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = sqlx::query(&format!(
        "SELECT application_id, status, contact_email, contact_name, legal_name FROM application
         WHERE status_token_hash = $1{}",
        st.db.for_update()
    ))
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the application")?
    .ok_or_else(not_found)?;
    let status = status_of(&row)?;
    if status.is_final() {
        return Err(AppError::Conflict(format!(
            "This application is already {} and can no longer be withdrawn.",
            status.label().to_lowercase()
        )));
    }
    let application_id = row.text("application_id")?;
    sqlx::query(
        "UPDATE application SET status = 'withdrawn', updated_at = $2 WHERE application_id = $1",
    )
    .bind(&application_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to withdraw the application")?;
    add_event(&mut tx, &application_id, "withdrawn", None, None).await?;
    mail::enqueue_for_application(
        &mut tx,
        Mail {
            to: &row.text("contact_email")?,
            subject: &applicant_locale(&row).t("mail-withdrawn-subject"),
            body: &applicant_locale(&row).t_args(
                "mail-withdrawn-body",
                &[
                    ("name", row.text("contact_name")?.into()),
                    ("org", row.text("legal_name")?.into()),
                ],
            ),
            kind: "application_withdrawn",
        },
        &application_id,
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: None,
            actor_label: "applicant",
            action: "application.withdrawn",
            subject_kind: "application",
            subject_id: &application_id,
            organization_id: None,
            detail: "",
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the withdrawal")?;
    Ok(())
}

/// The language the applicant filled the form in (English for
/// applications from before it was recorded).
pub fn applicant_locale(row: &sqlx::any::AnyRow) -> Locale {
    row.try_get::<String, _>("locale")
        .ok()
        .and_then(|code| Locale::from_code(&code))
        .unwrap_or_default()
}

/// Used by the review console: mails the applicant about a decision, in
/// the applicant's language. `subject` and `text` are message keys; the
/// text gets `org` (the legal name) and `args`.
pub async fn notify_applicant(
    tx: &mut Tx,
    row: &sqlx::any::AnyRow,
    subject: &str,
    text: &str,
    args: &[(&str, Arg)],
    kind: &str,
) -> Result<(), AppError> {
    let locale = applicant_locale(row);
    let mut args = args.to_vec();
    args.push(("org", row.text("legal_name")?.into()));
    let text = locale.t_args(text, &args);
    let to: String = row
        .try_get("contact_email")
        .map_err(|e| AppError::internal("missing contact email", e))?;
    let name: String = row
        .try_get("contact_name")
        .map_err(|e| AppError::internal("missing contact name", e))?;
    let application_id: String = row
        .try_get("application_id")
        .map_err(|e| AppError::internal("missing application id", e))?;
    mail::enqueue_for_application(
        tx,
        Mail {
            to: &to,
            subject: &locale.t(subject),
            body: &locale.t_args(
                "mail-notify-body",
                &[("name", name.into()), ("text", text.into())],
            ),
            kind,
        },
        &application_id,
    )
    .await?;
    Ok(())
}
