//! Billing-account queries and changes. Every statement is scoped by the
//! signed-in Customer admin's organization, so another organization's ids
//! find nothing. Changes lock the organization row first (PostgreSQL; on
//! SQLite the write transaction holds the lock), so two requests cannot
//! both decide which account is the default.

use super::{BillingAccount, BillingAccountInput};
use crate::error::AppError;
use crate::i18n::request_locale;
use crate::server::audit::{self, Entry};
use crate::server::auth::{require_customer, CustomerAdmin};
use crate::server::db::{Row, RowExt, Tx};
use crate::server::{new_id, now_ms, state, AppState, DbContext};

const COLUMNS: &str = "billing_account_id, name, invoicing_address, vat_id, reference,
    e_invoice_address, is_default, archived_at, created_at, updated_at";

fn not_found() -> AppError {
    AppError::NotFound(request_locale().t("billing-not-found"))
}

fn to_account(row: &Row) -> Result<BillingAccount, AppError> {
    Ok(BillingAccount {
        billing_account_id: row.text("billing_account_id")?,
        name: row.text("name")?,
        invoicing_address: row.text("invoicing_address")?,
        vat_id: row.text("vat_id")?,
        reference: row.text("reference")?,
        e_invoice_address: row.opt_text("e_invoice_address")?,
        is_default: row.int("is_default")? != 0,
        archived_at: row.opt_int("archived_at")?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}

pub async fn list(archived: bool) -> Result<Vec<BillingAccount>, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let sql = if archived {
        format!(
            "SELECT {COLUMNS} FROM billing_account
             WHERE organization_id = $1 AND archived_at IS NOT NULL
             ORDER BY archived_at DESC, billing_account_id"
        )
    } else {
        format!(
            "SELECT {COLUMNS} FROM billing_account
             WHERE organization_id = $1 AND archived_at IS NULL
             ORDER BY is_default DESC, created_at, billing_account_id"
        )
    };
    let rows = sqlx::query(&sql)
        .bind(&customer.organization_id)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list billing accounts")?;
    rows.iter().map(to_account).collect()
}

/// Starts the write transaction and serializes billing changes of one
/// organization.
async fn begin(st: &AppState, customer: &CustomerAdmin) -> Result<Tx, AppError> {
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    sqlx::query(&format!(
        "SELECT organization_id FROM organization WHERE organization_id = $1{}",
        st.db.for_update()
    ))
    .bind(&customer.organization_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to lock the organization")?
    .ok_or_else(|| AppError::NotFound(request_locale().t("dashboard-not-found")))?;
    Ok(tx)
}

/// The account, if it belongs to the caller's organization.
async fn load(tx: &mut Tx, customer: &CustomerAdmin, id: &str) -> Result<BillingAccount, AppError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM billing_account
         WHERE billing_account_id = $1 AND organization_id = $2"
    ))
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the billing account")?
    .ok_or_else(not_found)?;
    to_account(&row)
}

async fn record(
    tx: &mut Tx,
    customer: &CustomerAdmin,
    action: &str,
    id: &str,
    detail: &str,
) -> Result<(), AppError> {
    audit::record(
        tx,
        Entry {
            actor_user_id: Some(&customer.user_id),
            actor_label: &customer.email,
            action,
            subject_kind: "billing_account",
            subject_id: id,
            organization_id: Some(&customer.organization_id),
            detail,
        },
    )
    .await
}

pub async fn create(input: &BillingAccountInput) -> Result<String, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let values = input.parse().map_err(AppError::Validation)?;

    let mut tx = begin(&st, &customer).await?;
    let has_default: Option<String> = sqlx::query_scalar(
        "SELECT billing_account_id FROM billing_account
         WHERE organization_id = $1 AND is_default = 1",
    )
    .bind(&customer.organization_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to look for the default billing account")?;
    let is_default = i64::from(has_default.is_none());

    let id = new_id();
    let now = now_ms();
    sqlx::query(
        "INSERT INTO billing_account (billing_account_id, organization_id, name, invoicing_address,
            vat_id, reference, e_invoice_address, is_default, archived_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $9)",
    )
    .bind(&id)
    .bind(&customer.organization_id)
    .bind(&values.name)
    .bind(&values.invoicing_address)
    .bind(&values.vat_id)
    .bind(&values.reference)
    .bind(values.e_invoice_address.as_deref())
    .bind(is_default)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to insert the billing account")?;
    record(
        &mut tx,
        &customer,
        "billing_account.created",
        &id,
        &values.name,
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the billing account")?;
    Ok(id)
}

pub async fn update(id: &str, input: &BillingAccountInput) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let values = input.parse().map_err(AppError::Validation)?;

    let mut tx = begin(&st, &customer).await?;
    let account = load(&mut tx, &customer, id).await?;
    if account.archived_at.is_some() {
        return Err(AppError::Conflict(
            request_locale().t("billing-archived-no-change"),
        ));
    }

    sqlx::query(
        "UPDATE billing_account SET name = $3, invoicing_address = $4, vat_id = $5, reference = $6,
            e_invoice_address = $7, updated_at = $8
         WHERE billing_account_id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .bind(&values.name)
    .bind(&values.invoicing_address)
    .bind(&values.vat_id)
    .bind(&values.reference)
    .bind(values.e_invoice_address.as_deref())
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to update the billing account")?;
    record(
        &mut tx,
        &customer,
        "billing_account.updated",
        id,
        &values.name,
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the billing account change")?;
    Ok(())
}

pub async fn set_default(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;

    let mut tx = begin(&st, &customer).await?;
    let account = load(&mut tx, &customer, id).await?;
    if account.archived_at.is_some() {
        return Err(AppError::Conflict(
            request_locale().t("billing-archived-no-default"),
        ));
    }
    if account.is_default {
        return Ok(());
    }

    let now = now_ms();
    sqlx::query(
        "UPDATE billing_account SET is_default = 0, updated_at = $2
         WHERE organization_id = $1 AND is_default = 1",
    )
    .bind(&customer.organization_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to clear the default billing account")?;
    sqlx::query(
        "UPDATE billing_account SET is_default = 1, updated_at = $3
         WHERE billing_account_id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to set the default billing account")?;
    record(
        &mut tx,
        &customer,
        "billing_account.made_default",
        id,
        &account.name,
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the default billing account")?;
    Ok(())
}

pub async fn archive(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;

    let mut tx = begin(&st, &customer).await?;
    let account = load(&mut tx, &customer, id).await?;
    if account.archived_at.is_some() {
        return Err(AppError::Conflict(
            request_locale().t("billing-already-archived"),
        ));
    }
    if account.is_default {
        return Err(AppError::Conflict(
            request_locale().t("billing-default-no-archive"),
        ));
    }

    let now = now_ms();
    sqlx::query(
        "UPDATE billing_account SET archived_at = $3, updated_at = $3
         WHERE billing_account_id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to archive the billing account")?;
    record(
        &mut tx,
        &customer,
        "billing_account.archived",
        id,
        &account.name,
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the archiving")?;
    Ok(())
}

pub async fn restore(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;

    let mut tx = begin(&st, &customer).await?;
    let account = load(&mut tx, &customer, id).await?;
    if account.archived_at.is_none() {
        return Err(AppError::Conflict(
            request_locale().t("billing-not-archived"),
        ));
    }

    // The default is never archived, so the organization still has one and
    // the restored account comes back as an ordinary account.
    sqlx::query(
        "UPDATE billing_account SET archived_at = NULL, updated_at = $3
         WHERE billing_account_id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to restore the billing account")?;
    record(
        &mut tx,
        &customer,
        "billing_account.restored",
        id,
        &account.name,
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the restoring")?;
    Ok(())
}
