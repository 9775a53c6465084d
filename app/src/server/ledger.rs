//! The expense ledger and the seat counter, shared by orders and course
//! applications. Lines are only ever added: a refund is a negative line, so
//! every total is a plain SUM and always matches the lines it sums.

use super::db::Tx;
use super::{new_id, DbContext};
use crate::error::AppError;
use crate::money;

pub struct ExpenseLine<'a> {
    pub organization_id: &'a str,
    pub billing_account_id: &'a str,
    pub service_id: &'a str,
    /// `order`, `order_refund`, `course_fee` or `course_fee_refund`.
    pub source_kind: &'a str,
    pub source_id: &'a str,
    pub description: &'a str,
    /// Negative for a refund.
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub currency: &'a str,
    pub vat_rate_bp: i64,
    /// `YYYY-MM` in the organization's time zone.
    pub month: &'a str,
    pub occurred_at: i64,
}

pub async fn write(tx: &mut Tx, line: ExpenseLine<'_>) -> Result<(), AppError> {
    let net = line.quantity.saturating_mul(line.unit_price_minor);
    let vat = money::vat(net, line.vat_rate_bp);
    sqlx::query(
        "INSERT INTO expense_line (expense_id, organization_id, billing_account_id, service_id,
            source_kind, source_id, description, quantity, unit_price_minor, net_minor, vat_minor,
            currency, vat_rate_bp, month, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(new_id())
    .bind(line.organization_id)
    .bind(line.billing_account_id)
    .bind(line.service_id)
    .bind(line.source_kind)
    .bind(line.source_id)
    .bind(line.description)
    .bind(line.quantity)
    .bind(line.unit_price_minor)
    .bind(net)
    .bind(vat)
    .bind(line.currency)
    .bind(line.vat_rate_bp)
    .bind(line.month)
    .bind(line.occurred_at)
    .execute(&mut **tx)
    .await
    .context("failed to write an expense line")?;
    Ok(())
}

/// Takes `seats` of the service's capacity, or answers how many are left.
/// The check and the increment are one conditional UPDATE: on PostgreSQL a
/// concurrent buyer waits for the row and re-checks the condition after the
/// first commits, and SQLite runs one writer at a time, so two buyers of the
/// last seat can never both succeed.
pub async fn take_seats(
    tx: &mut Tx,
    service_id: &str,
    seats: i64,
    now: i64,
) -> Result<(), AppError> {
    if seats <= 0 {
        return Ok(());
    }
    let taken = sqlx::query(
        "UPDATE service SET seats_sold = seats_sold + $2, updated_at = $3
         WHERE service_id = $1 AND (capacity IS NULL OR seats_sold + $2 <= capacity)",
    )
    .bind(service_id)
    .bind(seats)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("failed to take seats")?
    .rows_affected();
    if taken == 1 {
        return Ok(());
    }
    let left: Option<i64> = sqlx::query_scalar(
        "SELECT capacity - seats_sold FROM service WHERE service_id = $1 AND capacity IS NOT NULL",
    )
    .bind(service_id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to count free seats")?;
    Err(match left {
        Some(0) | None => {
            AppError::Conflict("Sorry, this is fully booked: no seats are left.".into())
        }
        Some(1) => AppError::Conflict(format!("Only 1 seat is left; you asked for {seats}.")),
        Some(n) => AppError::Conflict(format!("Only {n} seats are left; you asked for {seats}.")),
    })
}

/// Gives seats back to the service's capacity.
pub async fn release_seats(
    tx: &mut Tx,
    service_id: &str,
    seats: i64,
    now: i64,
) -> Result<(), AppError> {
    if seats <= 0 {
        return Ok(());
    }
    sqlx::query(
        "UPDATE service SET seats_sold = seats_sold - $2, updated_at = $3
         WHERE service_id = $1 AND seats_sold >= $2",
    )
    .bind(service_id)
    .bind(seats)
    .bind(now)
    .execute(&mut **tx)
    .await
    .context("failed to release seats")?;
    Ok(())
}

/// Seats an organization bought for a service (confirmed orders) and the
/// ones its accepted course applications use of them.
pub async fn seats_of(
    tx: &mut Tx,
    organization_id: &str,
    service_id: &str,
) -> Result<(i64, i64), AppError> {
    let bought: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(quantity), 0) AS BIGINT) FROM purchase_order
         WHERE organization_id = $1 AND service_id = $2 AND status = 'confirmed'",
    )
    .bind(organization_id)
    .bind(service_id)
    .fetch_one(&mut **tx)
    .await
    .context("failed to count bought seats")?;
    let used: i64 = sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(seats_from_orders), 0) AS BIGINT) FROM course_application
         WHERE organization_id = $1 AND service_id = $2 AND status = 'accepted'",
    )
    .bind(organization_id)
    .bind(service_id)
    .fetch_one(&mut **tx)
    .await
    .context("failed to count used seats")?;
    Ok((bought, used))
}
