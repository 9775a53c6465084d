//! Two-step sign-in (an authenticator app) for system administrators:
//! set up, recovery codes, switch off. Every step is a plain form, so the
//! page works with JavaScript off.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::components::{field_error, general_error};
use crate::error::AppError;

/// The key to type into the authenticator app, shown only while the set-up
/// waits for its first code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Enrolment {
    pub secret: String,
    pub uri: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoStepState {
    pub enabled: bool,
    /// The operator requires it of every system administrator.
    pub required: bool,
    pub recovery_codes_left: i64,
    pub enrolment: Option<Enrolment>,
}

#[server(prefix = "/api", endpoint = "profile/two_step/status")]
pub async fn two_step_status() -> Result<TwoStepState, AppError> {
    super::two_step_server::status().await
}

#[server(prefix = "/api", endpoint = "profile/two_step/start")]
pub async fn two_step_start() -> Result<(), AppError> {
    super::two_step_server::start().await?;
    leptos_axum::redirect("/profile/two-step");
    Ok(())
}

#[server(prefix = "/api", endpoint = "profile/two_step/confirm")]
pub async fn two_step_confirm(#[server(default)] code: String) -> Result<(), AppError> {
    super::two_step_server::confirm(&code).await?;
    leptos_axum::redirect("/profile/two-step?codes=new");
    Ok(())
}

#[server(prefix = "/api", endpoint = "profile/two_step/new_codes")]
pub async fn two_step_new_codes() -> Result<Vec<String>, AppError> {
    super::two_step_server::new_codes().await
}

#[server(prefix = "/api", endpoint = "profile/two_step/codes_saved")]
pub async fn two_step_codes_saved() -> Result<(), AppError> {
    super::two_step_server::codes_saved().await?;
    leptos_axum::redirect("/profile/two-step");
    Ok(())
}

#[server(prefix = "/api", endpoint = "profile/two_step/regenerate")]
pub async fn two_step_regenerate(#[server(default)] code: String) -> Result<(), AppError> {
    super::two_step_server::regenerate(&code).await?;
    leptos_axum::redirect("/profile/two-step?codes=new");
    Ok(())
}

#[server(prefix = "/api", endpoint = "profile/two_step/disable")]
pub async fn two_step_disable(
    #[server(default)] code: String,
    #[server(default)] current_password: String,
) -> Result<(), AppError> {
    super::two_step_server::disable(&code, current_password).await?;
    leptos_axum::redirect("/profile/two-step?done=off");
    Ok(())
}

#[component]
pub fn TwoStepPage() -> impl IntoView {
    let l = crate::i18n::use_locale();
    let start = ServerAction::<TwoStepStart>::new();
    let confirm = ServerAction::<TwoStepConfirm>::new();
    let regenerate = ServerAction::<TwoStepRegenerate>::new();
    let disable = ServerAction::<TwoStepDisable>::new();
    let saved = ServerAction::<TwoStepCodesSaved>::new();
    let query = use_query_map();
    let status = Resource::new(
        move || {
            (
                query.read().get("codes"),
                start.version().get(),
                disable.version().get(),
            )
        },
        |_| two_step_status(),
    );
    let show_codes = move || query.read().get("codes").as_deref() == Some("new");
    // Shown until "I have saved them" (or 10 minutes); then never again.
    let codes = Resource::new(
        move || {
            (
                show_codes(),
                confirm.version().get(),
                regenerate.version().get(),
                saved.version().get(),
            )
        },
        |(show, ..)| async move {
            if show {
                two_step_new_codes().await
            } else {
                Ok(Vec::new())
            }
        },
    );
    let start_error = Signal::derive(move || start.value().get().and_then(Result::err));
    let confirm_error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    let regenerate_error = Signal::derive(move || regenerate.value().get().and_then(Result::err));
    let disable_error = Signal::derive(move || disable.value().get().and_then(Result::err));

    view! {
        <Title text=l.t("two-step-title")/>
        <section class="page narrow">
            <h1>{l.t("profile-two-step")}</h1>
            <p>{l.t("two-step-lead")}</p>
            {move || (query.read().get("done").as_deref() == Some("off")).then(|| view! {
                <div class="banner banner-success" role="status" data-testid="two-step-banner">
                    {l.t("two-step-off-banner")}
                </div>
            })}
            // Each resource has a boundary of its own: one Suspend awaiting
            // both sometimes never finished its server render.
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let codes = codes.await.unwrap_or_default();
                    (!codes.is_empty()).then(|| view! {
                        <div class="card" data-testid="recovery-codes">
                            <h2>{l.t("two-step-your-codes")}</h2>
                            <p>{l.t("two-step-codes-text")}</p>
                            <ul class="recovery-codes">
                                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                            </ul>
                            <ActionForm action=saved attr:class="inline" attr:data-testid="codes-saved-form">
                                <button type="submit" class="button primary" data-testid="codes-saved">{l.t("two-step-codes-saved")}</button>
                            </ActionForm>
                        </div>
                    })
                })}
            </Suspense>
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(e) => view! {
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div>
                            {(e == AppError::Unauthorized).then(|| view! {
                                <a class="button primary" href="/sign-in" data-testid="gate-sign-in">{l.t("nav-sign-in")}</a>
                            })}
                        }.into_any(),
                        Ok(status) => view! {
                            {status.required.then(|| (!status.enabled).then(|| view! {
                                <div class="banner banner-error" role="alert" data-testid="two-step-required">
                                    {l.t("profile-two-step-required")}
                                </div>
                            }))}
                            {if status.enabled {
                                view! {
                                    <div class="card" data-testid="two-step-on">
                                        <h2>{l.t("two-step-on")}</h2>
                                        <p>{l.t("two-step-codes-left")} " " <strong data-testid="recovery-left">{status.recovery_codes_left}</strong></p>
                                        <h3>{l.t("two-step-new-codes")}</h3>
                                        {move || general_error(&regenerate_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=regenerate attr:class="form" attr:data-testid="regenerate-form">
                                            <div class="field" class:field-invalid=move || field_error(&regenerate_error.get(), "code").is_some()>
                                                <label for="regenerate-code">{l.t("two-step-current-code")}</label>
                                                <input id="regenerate-code" type="text" name="code" autocomplete="one-time-code" maxlength="32" required/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&regenerate_error.get(), "code")}</p>
                                            </div>
                                            <button type="submit" class="button">{l.t("two-step-make-codes")}</button>
                                        </ActionForm>
                                        <h3>{l.t("two-step-switch-off")}</h3>
                                        {move || general_error(&disable_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=disable attr:class="form" attr:data-testid="disable-form">
                                            <div class="field" class:field-invalid=move || field_error(&disable_error.get(), "code").is_some()>
                                                <label for="disable-code">{l.t("two-step-current-code")}</label>
                                                <input id="disable-code" type="text" name="code" autocomplete="one-time-code" maxlength="32"/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&disable_error.get(), "code")}</p>
                                            </div>
                                            <div class="field" class:field-invalid=move || field_error(&disable_error.get(), "current_password").is_some()>
                                                <label for="disable-password">{l.t("two-step-or-password")}</label>
                                                <input id="disable-password" type="password" name="current_password" autocomplete="current-password"/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&disable_error.get(), "current_password")}</p>
                                            </div>
                                            <button type="submit" class="button danger">{l.t("two-step-switch-off-button")}</button>
                                        </ActionForm>
                                    </div>
                                }.into_any()
                            } else if let Some(enrolment) = status.enrolment {
                                view! {
                                    <div class="card" data-testid="two-step-enrol">
                                        <h2>{l.t("two-step-add-app")}</h2>
                                        <p>{l.t("two-step-type-key")}</p>
                                        <p><code class="secret" data-testid="two-step-secret">{enrolment.secret}</code></p>
                                        <p class="break-all"><a href=enrolment.uri.clone() data-testid="two-step-uri">{enrolment.uri.clone()}</a></p>
                                        <p>{l.t("two-step-enter-code")}</p>
                                        {move || general_error(&confirm_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=confirm attr:class="form" attr:data-testid="confirm-form">
                                            <div class="field" class:field-invalid=move || field_error(&confirm_error.get(), "code").is_some()>
                                                <label for="confirm-code">{l.t("two-step-code")}</label>
                                                <input id="confirm-code" type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="32" required data-testid="confirm-code"/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&confirm_error.get(), "code")}</p>
                                            </div>
                                            <button type="submit" class="button primary" data-testid="confirm-submit">{l.t("two-step-switch-on")}</button>
                                        </ActionForm>
                                    </div>
                                }.into_any()
                            } else {
                                view! {
                                    <div class="card" data-testid="two-step-off">
                                        <h2>{l.t("two-step-off")}</h2>
                                        {move || general_error(&start_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=start attr:class="inline" attr:data-testid="start-form">
                                            <button type="submit" class="button primary" data-testid="two-step-start">{l.t("two-step-set-up")}</button>
                                        </ActionForm>
                                    </div>
                                }.into_any()
                            }}
                        }.into_any(),
                    }
                })}
            </Suspense>
            <p><a href="/profile">{l.t("two-step-back")}</a></p>
        </section>
    }
}
