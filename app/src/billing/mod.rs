//! Billing accounts: where a customer organization's purchases are
//! invoiced. Several per organization, exactly one default among those not
//! archived; an account is archived (and may be restored), never deleted.

mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::BillingPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::validate;

/// The form's fields as typed; `account[name]` and so on on the wire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BillingAccountInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub invoicing_address: String,
    #[serde(default)]
    pub vat_id: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub e_invoice_address: String,
}

/// Validated values, ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct BillingAccountValues {
    pub name: String,
    pub invoicing_address: String,
    pub vat_id: String,
    pub reference: String,
    pub e_invoice_address: Option<String>,
}

impl BillingAccountInput {
    /// Every field's message at once, keyed by the field's name.
    pub fn parse(&self) -> Result<BillingAccountValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.check("name", validate::billing_account_name(&self.name));
        let invoicing_address = errors.check(
            "invoicing_address",
            validate::invoicing_address(&self.invoicing_address),
        );
        let vat_id = errors.check("vat_id", validate::vat_id(&self.vat_id));
        let reference = errors.check("reference", validate::reference(&self.reference));
        let e_invoice_address = errors.check(
            "e_invoice_address",
            validate::e_invoice_address(&self.e_invoice_address),
        );
        match (
            name,
            invoicing_address,
            vat_id,
            reference,
            e_invoice_address,
        ) {
            (
                Some(name),
                Some(invoicing_address),
                Some(vat_id),
                Some(reference),
                Some(e_invoice),
            ) if errors.is_empty() => Ok(BillingAccountValues {
                name,
                invoicing_address,
                vat_id,
                reference,
                e_invoice_address: e_invoice,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BillingAccount {
    pub billing_account_id: String,
    pub name: String,
    pub invoicing_address: String,
    pub vat_id: String,
    pub reference: String,
    pub e_invoice_address: Option<String>,
    pub is_default: bool,
    pub archived_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The organization's accounts: the active ones (default first), or with
/// `archived` the archived ones, most recently archived first.
#[server(prefix = "/api", endpoint = "org/billing/list")]
pub async fn list_billing_accounts(
    #[server(default)] archived: bool,
) -> Result<Vec<BillingAccount>, AppError> {
    server::list(archived).await
}

/// Creates an account; the organization's first becomes its default.
#[server(prefix = "/api", endpoint = "org/billing/create")]
pub async fn create_billing_account(account: BillingAccountInput) -> Result<String, AppError> {
    server::create(&account).await
}

#[server(prefix = "/api", endpoint = "org/billing/update")]
pub async fn update_billing_account(
    id: String,
    account: BillingAccountInput,
) -> Result<(), AppError> {
    server::update(&id, &account).await
}

#[server(prefix = "/api", endpoint = "org/billing/set_default")]
pub async fn set_default_billing_account(id: String) -> Result<(), AppError> {
    server::set_default(&id).await
}

/// Archives an account that is not the default.
#[server(prefix = "/api", endpoint = "org/billing/archive")]
pub async fn archive_billing_account(id: String) -> Result<(), AppError> {
    server::archive(&id).await
}

/// Brings an archived account back (not as the default).
#[server(prefix = "/api", endpoint = "org/billing/restore")]
pub async fn restore_billing_account(id: String) -> Result<(), AppError> {
    server::restore(&id).await
}
