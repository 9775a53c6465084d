//! The service catalog: what the operator sells, browsed and bought by
//! Customer admins, and edited by system administrators. Orders take seats
//! from a service's capacity and write expense lines.

mod admin_page;
mod orders_page;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use admin_page::{AdminCatalogPage, AdminServiceEditPage};
pub use orders_page::OrdersPage;
pub use page::{CatalogPage, ServicePage};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::i18n::Locale;
use crate::money;
use crate::validate::{self, DeliveryMode, ServiceKind};

/// Rows per page of the catalog, the orders and the editor's list.
pub const PAGE_SIZE: usize = 20;

/// The most seats or units one order may buy.
pub const MAX_QUANTITY: i64 = 500;

/// A catalog entry as people see it. Dates come formatted in the viewer's
/// time zone (the organization's, or the operator's for administrators).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub service_id: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub delivery_mode: String,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub cancellation_deadline: Option<String>,
    pub capacity: Option<i64>,
    pub seats_sold: i64,
    pub price_minor: i64,
    pub currency: String,
    pub vat_rate_bp: i64,
    pub status: String,
    /// Whether it can still be bought or applied for: published, and not
    /// started.
    pub open: bool,
}

impl Service {
    pub fn seats_left(&self) -> Option<i64> {
        self.capacity.map(|c| (c - self.seats_sold).max(0))
    }

    pub fn kind_label(&self) -> &'static str {
        ServiceKind::parse(&self.kind).map_or("", |k| k.label())
    }

    pub fn mode_label(&self) -> &'static str {
        DeliveryMode::parse(&self.delivery_mode).map_or("", |m| m.label())
    }

    /// `EUR 1,250.00 + VAT 25.5 %`.
    pub fn price_label(&self) -> String {
        format!(
            "{} + VAT {}",
            money::format(self.price_minor, &self.currency),
            money::format_rate(self.vat_rate_bp)
        )
    }

    pub fn when(&self) -> String {
        match (&self.starts, &self.ends) {
            (Some(s), Some(e)) => format!("{s} – {e}"),
            (Some(s), None) => s.clone(),
            _ => "Any time".into(),
        }
    }
}

impl Service {
    /// [`Service::kind_label`] in `locale`.
    pub fn kind_label_in(&self, locale: Locale) -> String {
        ServiceKind::parse(&self.kind).map_or(String::new(), |k| k.label_in(locale))
    }

    /// [`Service::mode_label`] in `locale`.
    pub fn mode_label_in(&self, locale: Locale) -> String {
        DeliveryMode::parse(&self.delivery_mode).map_or(String::new(), |m| m.label_in(locale))
    }

    /// `1 250,00 € + ALV 25,5 %` in Finnish.
    pub fn price_label_in(&self, locale: Locale) -> String {
        locale.t_args(
            "catalog-price-plus-vat",
            &[
                (
                    "price",
                    money::format_in(locale, self.price_minor, &self.currency).into(),
                ),
                (
                    "rate",
                    money::format_rate_in(locale, self.vat_rate_bp).into(),
                ),
            ],
        )
    }

    /// [`Service::when`] in `locale` (the dates come formatted in it).
    pub fn when_in(&self, locale: Locale) -> String {
        match (&self.starts, &self.ends) {
            (Some(s), Some(e)) => format!("{s} – {e}"),
            (Some(s), None) => s.clone(),
            _ => locale.t("catalog-any-time"),
        }
    }
}

/// The catalog's search and filters, as the list page's query string holds
/// them. Dates are `YYYY-MM-DD`, prices decimal amounts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CatalogFilter {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub min_price: String,
    #[serde(default)]
    pub max_price: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceList {
    pub rows: Vec<Service>,
    pub next: Option<String>,
    /// Categories in use, for the filter.
    pub categories: Vec<String>,
}

/// What the organization has of one service: its orders and seats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceDetail {
    pub service: Service,
    pub seats_bought: i64,
    pub seats_used: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Order {
    pub order_id: String,
    pub service_id: String,
    pub service_title: String,
    pub service_kind: String,
    pub billing_account_id: String,
    pub billing_account_name: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub currency: String,
    pub vat_rate_bp: i64,
    pub net_minor: i64,
    pub vat_minor: i64,
    pub status: String,
    pub created: String,
    /// `created` as an instant, for the relative date in lists.
    pub ordered: crate::format::Stamp,
    pub starts: Option<String>,
    pub cancelled: Option<String>,
    /// Whether the service's rules still allow a cancellation with refund.
    pub cancellable: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderList {
    pub rows: Vec<Order>,
    pub next: Option<String>,
}

/// The catalog editor's form, as typed. Dates are `datetime-local` values
/// in the operator's time zone; amounts and the VAT rate are decimals.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub delivery_mode: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub ends_at: String,
    #[serde(default)]
    pub cancellation_deadline: String,
    /// Empty for unlimited.
    #[serde(default)]
    pub capacity: String,
    #[serde(default)]
    pub price: String,
    #[serde(default)]
    pub currency: String,
    #[serde(default)]
    pub vat_rate: String,
}

/// The editor's values that need no time zone to check.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceValues {
    pub kind: ServiceKind,
    pub title: String,
    pub description: String,
    pub category: String,
    pub delivery_mode: DeliveryMode,
    pub capacity: Option<i64>,
    pub price_minor: i64,
    pub currency: String,
    pub vat_rate_bp: i64,
}

impl ServiceInput {
    /// Checks every field but the dates (the server parses those in the
    /// operator's zone) and returns the messages all at once.
    pub fn parse(&self) -> Result<ServiceValues, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = errors.check("kind", ServiceKind::parse(&self.kind));
        let title = errors.check("title", validate::service_title(&self.title));
        let description = errors.check(
            "description",
            validate::service_description(&self.description),
        );
        let category = errors.check("category", validate::category(&self.category));
        let delivery_mode = errors.check("delivery_mode", DeliveryMode::parse(&self.delivery_mode));
        let capacity = errors.check(
            "capacity",
            if self.capacity.trim().is_empty() {
                Ok(None)
            } else {
                validate::whole_number(&self.capacity, "Capacity", 0, 100_000).map(Some)
            },
        );
        let price_minor = errors.check("price", money::parse_amount(&self.price, "Price"));
        let currency = errors.check(
            "currency",
            match self.currency.trim() {
                c if money::CURRENCIES.contains(&c) => Ok(c.to_string()),
                "" => Err(crate::i18n::use_locale().t_args(
                    "validate-required",
                    &[("label", validate::label_text("Currency").into())],
                )),
                _ => Err(crate::i18n::use_locale().t_args(
                    "validate-currency",
                    &[("list", money::CURRENCIES.join(", ").into())],
                )),
            },
        );
        let vat_rate_bp = errors.check("vat_rate", money::parse_rate(&self.vat_rate));
        match (
            kind,
            title,
            description,
            category,
            delivery_mode,
            capacity,
            price_minor,
            currency,
            vat_rate_bp,
        ) {
            (
                Some(kind),
                Some(title),
                Some(description),
                Some(category),
                Some(delivery_mode),
                Some(capacity),
                Some(price_minor),
                Some(currency),
                Some(vat_rate_bp),
            ) if errors.is_empty() => Ok(ServiceValues {
                kind,
                title,
                description,
                category,
                delivery_mode,
                capacity,
                price_minor,
                currency,
                vat_rate_bp,
            }),
            _ => Err(errors),
        }
    }
}

/// One row of the catalog editor: the service and how many orders and
/// applications it has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminServiceRow {
    pub service: Service,
    pub orders: i64,
    pub applications: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminServiceList {
    pub rows: Vec<AdminServiceRow>,
    pub next: Option<String>,
}

/// A service loaded into the editor's form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceEdit {
    pub service_id: String,
    pub status: String,
    pub seats_sold: i64,
    pub input: ServiceInput,
    /// The zone the form's dates are in.
    pub time_zone: String,
}

// ---- Customer admin ----

/// Published services, soonest first, filtered; `after` is the previous
/// page's `next`.
#[server(prefix = "/api", endpoint = "org/catalog/list")]
pub async fn list_catalog(
    #[server(default)] filter: CatalogFilter,
    #[server(default)] after: String,
) -> Result<ServiceList, AppError> {
    server::catalog(&filter, &after).await
}

#[server(prefix = "/api", endpoint = "org/catalog/get")]
pub async fn get_service(id: String) -> Result<ServiceDetail, AppError> {
    server::detail(&id).await
}

/// Buys `quantity` seats (or units) on one of the organization's billing
/// accounts. `key` is the form's one-time key: sending the same form twice
/// returns the first order instead of buying twice.
#[server(prefix = "/api", endpoint = "org/orders/create")]
pub async fn purchase(
    service_id: String,
    billing_account_id: String,
    quantity: String,
    key: String,
) -> Result<String, AppError> {
    server::purchase(&service_id, &billing_account_id, &quantity, &key).await
}

/// The organization's orders, newest first.
#[server(prefix = "/api", endpoint = "org/orders/list")]
pub async fn list_orders(#[server(default)] after: String) -> Result<OrderList, AppError> {
    server::orders(&after).await
}

/// Cancels an order while the service's rules allow it: the seats go back
/// and a refund line is written.
#[server(prefix = "/api", endpoint = "org/orders/cancel")]
pub async fn cancel_order(id: String) -> Result<(), AppError> {
    server::cancel_order(&id).await
}

// ---- System administrator ----

/// Every service, drafts and archived ones too; `status` narrows the list.
#[server(prefix = "/api", endpoint = "admin/catalog/list")]
pub async fn admin_list_services(
    #[server(default)] status: String,
    #[server(default)] after: String,
) -> Result<AdminServiceList, AppError> {
    server::admin_list(&status, &after).await
}

#[server(prefix = "/api", endpoint = "admin/catalog/get")]
pub async fn admin_get_service(id: String) -> Result<ServiceEdit, AppError> {
    server::admin_get(&id).await
}

/// Creates a draft.
#[server(prefix = "/api", endpoint = "admin/catalog/create")]
pub async fn create_service(service: ServiceInput) -> Result<String, AppError> {
    server::create(&service).await
}

#[server(prefix = "/api", endpoint = "admin/catalog/update")]
pub async fn update_service(id: String, service: ServiceInput) -> Result<(), AppError> {
    server::update(&id, &service).await
}

/// Publishes, unpublishes (back to draft) or archives a service.
#[server(prefix = "/api", endpoint = "admin/catalog/set_status")]
pub async fn set_service_status(id: String, status: String) -> Result<(), AppError> {
    server::set_status(&id, &status).await
}
