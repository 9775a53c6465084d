#![recursion_limit = "256"]
//! Coursegate's application crate: shared types, server functions and the
//! components that call them. The `ssr` feature adds the server half
//! (`server` module and server-function bodies); `hydrate` builds the same
//! components for the browser.

pub mod accounts;
pub mod admin;
pub mod applications;
pub mod attendees;
pub mod auth;
pub mod billing;
pub mod catalog;
pub mod charts;
pub mod components;
pub mod courses;
pub mod dashboard;
pub mod error;
pub mod expenses;
pub mod form_post;
pub mod format;
pub mod i18n;
mod layout;
pub mod money;
pub mod org;
pub mod privacy;
pub mod profile;
pub mod reports;
pub mod review;
#[cfg(feature = "ssr")]
pub mod server;
pub mod support;
pub mod toast;
pub mod validate;
pub mod when;

pub use layout::{shell, App};
