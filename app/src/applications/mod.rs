//! The organization application: the public form, the applicant's private
//! status page, and the types both share with the review console.

mod apply;
#[cfg(feature = "ssr")]
pub mod server;
mod status_page;

pub use apply::ApplyPage;
pub use status_page::StatusPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::validate::{self, Email, OrgSize, OrgType};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Submitted,
    InReview,
    InfoRequested,
    Resubmitted,
    Approved,
    Rejected,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Submitted,
        Status::InReview,
        Status::InfoRequested,
        Status::Resubmitted,
        Status::Approved,
        Status::Rejected,
        Status::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::InReview => "in_review",
            Status::InfoRequested => "info_requested",
            Status::Resubmitted => "resubmitted",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Submitted => "Submitted",
            Status::InReview => "In review",
            Status::InfoRequested => "Information requested",
            Status::Resubmitted => "Resubmitted",
            Status::Approved => "Approved",
            Status::Rejected => "Rejected",
            Status::Withdrawn => "Withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Approved, rejected and withdrawn applications are final.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Approved | Status::Rejected | Status::Withdrawn
        )
    }
}

/// The form's fields, in order, with the labels shown next to them. The
/// names double as the keys of an info request's editable fields.
pub const FIELDS: &[(&str, &str)] = &[
    ("legal_name", "Legal name"),
    ("registration_id", "Registration / business ID"),
    ("country", "Country"),
    ("street_address", "Street address"),
    ("postal_code", "Postal code"),
    ("city", "City"),
    ("website", "Website"),
    ("contact_name", "Contact person"),
    ("contact_email", "Contact email"),
    ("phone", "Phone"),
    ("org_type", "Organization type"),
    ("org_size", "Organization size"),
    ("intended_use", "Intended use"),
];

pub fn field_label(name: &str) -> &'static str {
    FIELDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, l)| *l)
        .unwrap_or("Unknown field")
}

/// The form as posted: raw strings, so that a bad value reaches validation
/// and earns a message instead of a decoding error.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ApplicationInput {
    pub legal_name: String,
    pub registration_id: String,
    pub country: String,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub website: String,
    pub contact_name: String,
    pub contact_email: String,
    pub phone: String,
    pub org_type: String,
    pub org_size: String,
    pub intended_use: String,
    /// "on" when the terms box is ticked (what a checkbox posts).
    pub accept_terms: Option<String>,
    /// Random per rendering of the form; a second post with the same key is
    /// the same application.
    pub submission_key: String,
}

impl ApplicationInput {
    pub fn get(&self, field: &str) -> &str {
        match field {
            "legal_name" => &self.legal_name,
            "registration_id" => &self.registration_id,
            "country" => &self.country,
            "street_address" => &self.street_address,
            "postal_code" => &self.postal_code,
            "city" => &self.city,
            "website" => &self.website,
            "contact_name" => &self.contact_name,
            "contact_email" => &self.contact_email,
            "phone" => &self.phone,
            "org_type" => &self.org_type,
            "org_size" => &self.org_size,
            "intended_use" => &self.intended_use,
            _ => "",
        }
    }

    pub fn validate(&self) -> Result<ValidApplication, FieldErrors> {
        let mut errors = FieldErrors::default();
        let legal_name = errors.check("legal_name", validate::legal_name(&self.legal_name));
        let registration_id = errors.check(
            "registration_id",
            validate::registration_id(&self.registration_id),
        );
        let country = errors.check("country", validate::country(&self.country));
        let street_address = errors.check(
            "street_address",
            validate::street_address(&self.street_address),
        );
        let postal_code = errors.check("postal_code", validate::postal_code(&self.postal_code));
        let city = errors.check("city", validate::city(&self.city));
        let website = errors.check("website", validate::website(&self.website));
        let contact_name = errors.check("contact_name", validate::contact_name(&self.contact_name));
        let contact_email = errors.check("contact_email", Email::parse(&self.contact_email));
        let phone = errors.check("phone", validate::phone(&self.phone));
        let org_type = errors.check("org_type", OrgType::parse(&self.org_type));
        let org_size = errors.check("org_size", OrgSize::parse(&self.org_size));
        let intended_use = errors.check("intended_use", validate::intended_use(&self.intended_use));
        if self
            .accept_terms
            .as_deref()
            .map(str::trim)
            .unwrap_or("")
            .is_empty()
        {
            errors.push(
                "accept_terms",
                crate::i18n::use_locale().t("apply-accept-terms-required"),
            );
        }
        match (
            legal_name,
            registration_id,
            country,
            street_address,
            postal_code,
            city,
            website,
            contact_name,
            contact_email,
            phone,
            org_type,
            org_size,
            intended_use,
        ) {
            (
                Some(legal_name),
                Some(registration_id),
                Some(country),
                Some(street_address),
                Some(postal_code),
                Some(city),
                Some(website),
                Some(contact_name),
                Some(contact_email),
                Some(phone),
                Some(org_type),
                Some(org_size),
                Some(intended_use),
            ) if errors.is_empty() => Ok(ValidApplication {
                legal_name,
                registration_id,
                country,
                street_address,
                postal_code,
                city,
                website,
                contact_name,
                contact_email,
                phone,
                org_type,
                org_size,
                intended_use,
            }),
            _ => Err(errors),
        }
    }
}

/// Checks one field as the browser does on every keystroke.
pub fn check_field(field: &str, value: &str) -> Result<(), String> {
    match field {
        "legal_name" => validate::legal_name(value).map(drop),
        "registration_id" => validate::registration_id(value).map(drop),
        "country" => validate::country(value).map(drop),
        "street_address" => validate::street_address(value).map(drop),
        "postal_code" => validate::postal_code(value).map(drop),
        "city" => validate::city(value).map(drop),
        "website" => validate::website(value).map(drop),
        "contact_name" => validate::contact_name(value).map(drop),
        "contact_email" => Email::parse(value).map(drop),
        "phone" => validate::phone(value).map(drop),
        "org_type" => OrgType::parse(value).map(drop),
        "org_size" => OrgSize::parse(value).map(drop),
        "intended_use" => validate::intended_use(value).map(drop),
        _ => Ok(()),
    }
}

/// An application whose every field parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidApplication {
    pub legal_name: String,
    pub registration_id: String,
    pub country: String,
    pub street_address: String,
    pub postal_code: String,
    pub city: String,
    pub website: Option<String>,
    pub contact_name: String,
    pub contact_email: Email,
    pub phone: String,
    pub org_type: OrgType,
    pub org_size: OrgSize,
    pub intended_use: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Submitted {
    pub status_path: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: i64,
    pub label: String,
    pub message: Option<String>,
}

/// What the applicant sees behind the private link.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatusView {
    pub legal_name: String,
    pub status: Status,
    pub created_at: i64,
    pub timeline: Vec<TimelineEntry>,
    /// Open info request: message and editable fields.
    pub info_request: Option<(String, Vec<String>)>,
    pub rejection_reason: Option<String>,
    /// Current values, so the fields named in an info request start filled.
    pub values: ApplicationInput,
}

#[server(prefix = "/api", endpoint = "applications/submit")]
pub async fn submit_application(application: ApplicationInput) -> Result<Submitted, AppError> {
    let submitted = server::submit(application).await?;
    leptos_axum::redirect(&submitted.status_path);
    Ok(submitted)
}

#[server(prefix = "/api", endpoint = "applications/status")]
pub async fn application_status(token: String) -> Result<StatusView, AppError> {
    server::status(&token).await
}

#[server(prefix = "/api", endpoint = "applications/respond")]
pub async fn respond_to_info_request(
    token: String,
    #[server(default)] answer: String,
    #[server(default)] application: ApplicationInput,
) -> Result<(), AppError> {
    server::respond(&token, &answer, application).await
}

#[server(prefix = "/api", endpoint = "applications/withdraw")]
pub async fn withdraw_application(token: String) -> Result<(), AppError> {
    server::withdraw(&token).await
}
