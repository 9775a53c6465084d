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
        <Title text="Two-step sign-in — Coursegate"/>
        <section class="page narrow">
            <h1>"Two-step sign-in"</h1>
            <p>"After your password, Coursegate asks for a 6-digit code from an authenticator app on your phone, so a stolen password alone does not let anyone in."</p>
            {move || (query.read().get("done").as_deref() == Some("off")).then(|| view! {
                <div class="banner banner-success" role="status" data-testid="two-step-banner">
                    "Two-step sign-in is off. You sign in with your password alone."
                </div>
            })}
            // Each resource has a boundary of its own: one Suspend awaiting
            // both sometimes never finished its server render.
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let codes = codes.await.unwrap_or_default();
                    (!codes.is_empty()).then(|| view! {
                        <div class="card" data-testid="recovery-codes">
                            <h2>"Your recovery codes"</h2>
                            <p>"Keep these somewhere safe, away from your phone. Each one signs you in once if the phone is lost. They are shown only until you confirm that you saved them."</p>
                            <ul class="recovery-codes">
                                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                            </ul>
                            <ActionForm action=saved attr:class="inline" attr:data-testid="codes-saved-form">
                                <button type="submit" class="button primary" data-testid="codes-saved">"I have saved them"</button>
                            </ActionForm>
                        </div>
                    })
                })}
            </Suspense>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match status.await {
                        Err(e) => view! {
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div>
                            {(e == AppError::Unauthorized).then(|| view! {
                                <a class="button primary" href="/sign-in" data-testid="gate-sign-in">"Sign in"</a>
                            })}
                        }.into_any(),
                        Ok(status) => view! {
                            {status.required.then(|| (!status.enabled).then(|| view! {
                                <div class="banner banner-error" role="alert" data-testid="two-step-required">
                                    "The operator requires two-step sign-in for system administrators. Set it up to use the admin console."
                                </div>
                            }))}
                            {if status.enabled {
                                view! {
                                    <div class="card" data-testid="two-step-on">
                                        <h2>"On"</h2>
                                        <p>"Recovery codes left: " <strong data-testid="recovery-left">{status.recovery_codes_left}</strong></p>
                                        <h3>"New recovery codes"</h3>
                                        {move || general_error(&regenerate_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=regenerate attr:class="form" attr:data-testid="regenerate-form">
                                            <div class="field" class:field-invalid=move || field_error(&regenerate_error.get(), "code").is_some()>
                                                <label for="regenerate-code">"Current code from your app"</label>
                                                <input id="regenerate-code" type="text" name="code" autocomplete="one-time-code" maxlength="32" required/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&regenerate_error.get(), "code")}</p>
                                            </div>
                                            <button type="submit" class="button">"Make new recovery codes"</button>
                                        </ActionForm>
                                        <h3>"Switch off"</h3>
                                        {move || general_error(&disable_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=disable attr:class="form" attr:data-testid="disable-form">
                                            <div class="field" class:field-invalid=move || field_error(&disable_error.get(), "code").is_some()>
                                                <label for="disable-code">"Current code from your app"</label>
                                                <input id="disable-code" type="text" name="code" autocomplete="one-time-code" maxlength="32"/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&disable_error.get(), "code")}</p>
                                            </div>
                                            <div class="field" class:field-invalid=move || field_error(&disable_error.get(), "current_password").is_some()>
                                                <label for="disable-password">"…or your password"</label>
                                                <input id="disable-password" type="password" name="current_password" autocomplete="current-password"/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&disable_error.get(), "current_password")}</p>
                                            </div>
                                            <button type="submit" class="button danger">"Switch off two-step sign-in"</button>
                                        </ActionForm>
                                    </div>
                                }.into_any()
                            } else if let Some(enrolment) = status.enrolment {
                                view! {
                                    <div class="card" data-testid="two-step-enrol">
                                        <h2>"Add Coursegate to your authenticator app"</h2>
                                        <p>"In the app, add an account and type this key (or open the link below on the phone):"</p>
                                        <p><code class="secret" data-testid="two-step-secret">{enrolment.secret}</code></p>
                                        <p class="break-all"><a href=enrolment.uri.clone() data-testid="two-step-uri">{enrolment.uri.clone()}</a></p>
                                        <p>"Then enter the code the app shows, to check that it works."</p>
                                        {move || general_error(&confirm_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=confirm attr:class="form" attr:data-testid="confirm-form">
                                            <div class="field" class:field-invalid=move || field_error(&confirm_error.get(), "code").is_some()>
                                                <label for="confirm-code">"Code from your app"</label>
                                                <input id="confirm-code" type="text" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="32" required data-testid="confirm-code"/>
                                                <p class="field-error" aria-live="polite">{move || field_error(&confirm_error.get(), "code")}</p>
                                            </div>
                                            <button type="submit" class="button primary" data-testid="confirm-submit">"Switch on"</button>
                                        </ActionForm>
                                    </div>
                                }.into_any()
                            } else {
                                view! {
                                    <div class="card" data-testid="two-step-off">
                                        <h2>"Off"</h2>
                                        {move || general_error(&start_error.get()).map(|m| view! {
                                            <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                                        })}
                                        <ActionForm action=start attr:class="inline" attr:data-testid="start-form">
                                            <button type="submit" class="button primary" data-testid="two-step-start">"Set up two-step sign-in"</button>
                                        </ActionForm>
                                    </div>
                                }.into_any()
                            }}
                        }.into_any(),
                    }
                })}
            </Suspense>
            <p><a href="/profile">"Back to your profile"</a></p>
        </section>
    }
}
