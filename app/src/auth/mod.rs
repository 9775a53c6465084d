//! Signing in and out, setting a password through an emailed link, and the
//! caller's identity for the page header.

mod pages;
#[cfg(feature = "ssr")]
pub mod server;

pub use pages::{SetPasswordPage, SignInCodePage, SignInPage};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    SystemAdmin,
    CustomerAdmin,
}

impl Role {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "system_admin" => Some(Role::SystemAdmin),
            "customer_admin" => Some(Role::CustomerAdmin),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Role::SystemAdmin => "system_admin",
            Role::CustomerAdmin => "customer_admin",
        }
    }

    /// Where a person with this role starts after signing in.
    pub fn home(self) -> &'static str {
        match self {
            Role::SystemAdmin => "/admin/applications",
            Role::CustomerAdmin => "/org",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    pub email: String,
    pub role: Role,
    pub organization_name: Option<String>,
}

/// Who sent the request, worked out by the server before a page renders
/// (see `server::known_identity`) and put into the request's extensions,
/// so gated pages decide at once instead of waiting inside a `Suspense`.
#[derive(Clone, Debug, PartialEq)]
pub struct KnownIdentity(pub Option<Identity>);

/// The identity the server worked out for this page's request, if it did.
#[cfg(feature = "ssr")]
pub fn known_identity() -> Option<Option<Identity>> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<KnownIdentity>().cloned())
        .map(|known| known.0)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkInfo {
    pub email: String,
    pub expires_at: i64,
}

#[server(prefix = "/api", endpoint = "auth/me")]
pub async fn me() -> Result<Option<Identity>, AppError> {
    server::me().await
}

/// What the password step led to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SignInStep {
    /// Signed in; `home` is where to go next.
    SignedIn { identity: Identity, home: String },
    /// The account has an authenticator: the code step comes next, at
    /// `/sign-in/code`. Nobody is signed in yet.
    CodeNeeded,
}

#[server(prefix = "/api", endpoint = "auth/sign_in")]
pub async fn sign_in(
    #[server(default)] email: String,
    #[server(default)] password: String,
) -> Result<SignInStep, AppError> {
    let step = server::sign_in(&email, password).await?;
    match &step {
        SignInStep::SignedIn { home, .. } => leptos_axum::redirect(home),
        SignInStep::CodeNeeded => leptos_axum::redirect("/sign-in/code"),
    }
    Ok(step)
}

#[server(prefix = "/api", endpoint = "auth/sign_in_code")]
pub async fn sign_in_code(#[server(default)] code: String) -> Result<Identity, AppError> {
    let me = server::sign_in_code(&code).await?;
    leptos_axum::redirect(me.role.home());
    Ok(me)
}

#[server(prefix = "/api", endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    server::sign_out().await?;
    leptos_axum::redirect("/");
    Ok(())
}

#[server(prefix = "/api", endpoint = "auth/link")]
pub async fn password_link_info(token: String) -> Result<LinkInfo, AppError> {
    server::link_info(&token).await
}

#[server(prefix = "/api", endpoint = "auth/set_password")]
pub async fn set_password(
    token: String,
    #[server(default)] password: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    server::set_password(&token, password, &confirm).await?;
    leptos_axum::redirect("/sign-in?password=set");
    Ok(())
}

/// Bumped after sign-in and sign-out so the header reloads who is signed in.
#[derive(Clone, Copy)]
pub struct AuthRefresh(pub RwSignal<u32>);

impl AuthRefresh {
    pub fn bump(self) {
        self.0.update(|v| *v += 1);
    }
}
