//! The organization's time zone: course dates, order times and expense
//! months are shown in it. Unset, the operator's zone applies.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::{error_of, field_error, general_error};
use crate::error::AppError;
use crate::toast::toast_on_success;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeZoneSetting {
    /// The organization's own choice; empty when it follows the operator.
    pub chosen: String,
    /// The operator's zone, used while `chosen` is empty.
    pub operator: String,
    /// Every zone the server knows, sorted.
    pub available: Vec<String>,
}

#[server(prefix = "/api", endpoint = "org/time_zone/get")]
pub async fn get_time_zone() -> Result<TimeZoneSetting, AppError> {
    server::get().await
}

/// Sets the zone (an IANA name such as Europe/Stockholm); empty follows
/// the operator's.
#[server(prefix = "/api", endpoint = "org/time_zone/update")]
pub async fn update_time_zone(#[server(default)] time_zone: String) -> Result<(), AppError> {
    server::update(&time_zone).await
}

#[cfg(feature = "ssr")]
mod server {
    use super::TimeZoneSetting;
    use crate::error::AppError;
    use crate::server::audit::{self, Entry};
    use crate::server::auth::require_customer;
    use crate::server::{now_ms, state, tz, DbContext};

    pub async fn get() -> Result<TimeZoneSetting, AppError> {
        let st = state()?;
        let customer = require_customer(&st).await?;
        let chosen: Option<String> =
            sqlx::query_scalar("SELECT time_zone FROM organization WHERE organization_id = $1")
                .bind(&customer.organization_id)
                .fetch_one(st.db.pool())
                .await
                .context("failed to read the time zone")?;
        let mut available: Vec<String> = jiff::tz::db()
            .available()
            .map(|name| name.as_str().to_string())
            .filter(|name| name.contains('/') && !name.starts_with("Etc/"))
            .collect();
        available.sort();
        available.dedup();
        Ok(TimeZoneSetting {
            chosen: chosen.unwrap_or_default(),
            operator: st.settings.operator_time_zone.clone(),
            available,
        })
    }

    pub async fn update(time_zone: &str) -> Result<(), AppError> {
        let st = state()?;
        let customer = require_customer(&st).await?;
        let value = time_zone.trim();
        if !value.is_empty() && tz::zone(value).is_none() {
            return Err(AppError::field(
                "time_zone",
                crate::i18n::request_locale().t("org-choose-time-zone"),
            ));
        }
        let mut tx = st
            .db
            .begin_write()
            .await
            .context("failed to start a transaction")?;
        let before: Option<String> =
            sqlx::query_scalar("SELECT time_zone FROM organization WHERE organization_id = $1")
                .bind(&customer.organization_id)
                .fetch_one(&mut *tx)
                .await
                .context("failed to read the time zone")?;
        sqlx::query(
            "UPDATE organization SET time_zone = $2, updated_at = $3 WHERE organization_id = $1",
        )
        .bind(&customer.organization_id)
        .bind((!value.is_empty()).then_some(value))
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("failed to save the time zone")?;
        let show = |zone: Option<&str>| match zone {
            Some(z) if !z.is_empty() => z.to_string(),
            _ => format!("operator's ({})", st.settings.operator_time_zone),
        };
        audit::record(
            &mut tx,
            Entry {
                actor_user_id: Some(&customer.user_id),
                actor_label: &customer.email,
                action: "organization.time_zone_updated",
                subject_kind: "organization",
                subject_id: &customer.organization_id,
                organization_id: Some(&customer.organization_id),
                detail: &format!("{} → {}", show(before.as_deref()), show(Some(value))),
            },
        )
        .await?;
        tx.commit()
            .await
            .context("failed to commit the time zone")?;
        Ok(())
    }
}

#[component]
pub fn TimeZoneCard() -> impl IntoView {
    let l = crate::i18n::use_locale();
    let action = ServerAction::<UpdateTimeZone>::new();
    toast_on_success(action);
    let setting = Resource::new(move || action.version().get(), |_| get_time_zone());
    let error = Signal::derive(move || error_of(action.value()));
    view! {
        <div class="card">
            <h2>{l.t("org-time-zone")}</h2>
            <p class="muted">{l.t("org-time-zone-text")}</p>

            {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match setting.await {
                        Ok(setting) => {
                            let chosen = setting.chosen.clone();
                            view! {
                                <ActionForm action attr:class="form" attr:data-testid="time-zone-form">
                                    <div class="field" class:field-invalid=move || field_error(&error.get(), "time_zone").is_some()>
                                        <label for="org-time-zone">{l.t("org-time-zone")}</label>
                                        <select id="org-time-zone" name="time_zone" data-testid="time-zone">
                                            <option value="" selected=chosen.is_empty()>{l.t_args("org-operators-zone", &[("zone", setting.operator.clone().into())])}</option>
                                            {setting.available.into_iter().map(|zone| {
                                                let selected = zone == chosen;
                                                view! { <option value=zone.clone() selected=selected>{zone.clone()}</option> }
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error">{move || field_error(&error.get(), "time_zone")}</p>
                                    </div>
                                    <button type="submit" class="button primary" data-testid="time-zone-save"
                                        disabled=move || action.pending().get()>{l.t("org-save-time-zone")}</button>
                                </ActionForm>
                            }.into_any()
                        }
                        Err(e) => view! { <div class="banner banner-error" role="alert">{e.message(l)}</div> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
