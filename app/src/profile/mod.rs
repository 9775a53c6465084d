//! The signed-in person's own account: change password, sign out of every
//! session, and the forgot-password request for those who cannot sign in.

#[cfg(feature = "ssr")]
pub mod locale;
#[cfg(feature = "ssr")]
pub mod server;
pub mod two_step;
#[cfg(feature = "ssr")]
pub mod two_step_server;

pub use two_step::TwoStepPage;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::auth::AuthRefresh;
use crate::components::{field_error, general_error};
use crate::error::AppError;
use crate::toast::toast_on_success;

#[server(prefix = "/api", endpoint = "profile/change_password")]
pub async fn change_password(
    #[server(default)] current_password: String,
    #[server(default)] password: String,
    #[server(default)] confirm: String,
) -> Result<(), AppError> {
    server::change_password(current_password, password, &confirm).await?;
    leptos_axum::redirect("/profile?done=password");
    Ok(())
}

#[server(prefix = "/api", endpoint = "profile/sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    server::sign_out_everywhere().await?;
    leptos_axum::redirect("/profile?done=sessions");
    Ok(())
}

#[server(prefix = "/api", endpoint = "auth/forgot_password")]
pub async fn forgot_password(#[server(default)] email: String) -> Result<(), AppError> {
    server::forgot_password(&email).await?;
    leptos_axum::redirect("/forgot-password?sent=1");
    Ok(())
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let l = crate::i18n::use_locale();
    let change = ServerAction::<ChangePassword>::new();
    toast_on_success(change);
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    toast_on_success(everywhere);
    let refresh = use_context::<AuthRefresh>();
    Effect::new(move |_| {
        let done = matches!(change.value().get(), Some(Ok(())))
            || matches!(everywhere.value().get(), Some(Ok(())));
        if let (true, Some(refresh)) = (done, refresh) {
            refresh.bump();
        }
    });
    let error = Signal::derive(move || change.value().get().and_then(Result::err));
    // The same rule the server applies, shown while typing.
    let typed = RwSignal::new(String::new());
    let password_error = move || {
        field_error(&error.get(), "password").or_else(|| {
            let value = typed.get();
            (!value.is_empty())
                .then(|| crate::validate::password(&value).err())
                .flatten()
        })
    };
    let everywhere_error = Signal::derive(move || everywhere.value().get().and_then(Result::err));
    let query = use_query_map();
    let done = move || query.read().get("done");
    // Only system administrators have a second factor. On the server the
    // person is known before rendering (as for the gate around this page);
    // in the browser the signed-in person's resource holds the same answer.
    let who = use_context::<crate::layout::MeResource>();
    #[cfg(feature = "ssr")]
    let known = crate::auth::known_identity();
    #[cfg(not(feature = "ssr"))]
    let known: Option<Option<crate::auth::Identity>> = None;
    let is_admin = move || {
        known
            .clone()
            .or_else(|| who.and_then(|w| w.get()).and_then(Result::ok))
            .flatten()
            .is_some_and(|me| me.role == crate::auth::Role::SystemAdmin)
    };

    view! {
        <Title text=l.t("profile-title")/>
        <section class="page narrow">
            <h1>{l.t("profile-heading")}</h1>
            {move || match done().as_deref() {
                Some("password") => Some(view! {
                    <div class="banner banner-success" role="status" data-testid="profile-banner">
                        {l.t("profile-password-changed")}
                    </div>
                }.into_any()),
                Some("sessions") => Some(view! {
                    <div class="banner banner-success" role="status" data-testid="profile-banner">
                        {l.t("profile-sessions-ended")}
                    </div>
                }.into_any()),
                _ => None,
            }}
            <div class="card">
                <h2>{l.t("profile-change-password")}</h2>
                {move || general_error(&error.get()).map(|m| view! {
                    <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                })}
                <ActionForm action=change attr:class="form" attr:data-testid="change-password-form">
                    <div class="field" class:field-invalid=move || field_error(&error.get(), "current_password").is_some()>
                        <label for="current-password">{l.t("profile-current-password")}</label>
                        <input id="current-password" type="password" name="current_password" autocomplete="current-password"
                            required data-testid="current-password"/>
                        <p class="field-error" aria-live="polite">{move || field_error(&error.get(), "current_password")}</p>
                    </div>
                    <div class="field" class:field-invalid=move || password_error().is_some()>
                        <label for="new-password">{l.t("set-password-new")}</label>
                        <input id="new-password" type="password" name="password" autocomplete="new-password"
                            minlength="8" maxlength="128" required data-testid="new-password"
                                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                        <p class="hint">{l.t("set-password-hint")}</p>
                        <p class="field-error" aria-live="polite">{password_error}</p>
                    </div>
                    <div class="field" class:field-invalid=move || field_error(&error.get(), "confirm").is_some()>
                        <label for="confirm-password">{l.t("profile-repeat-password")}</label>
                        <input id="confirm-password" type="password" name="confirm" autocomplete="new-password"
                            required data-testid="confirm-password"/>
                        <p class="field-error" aria-live="polite">{move || field_error(&error.get(), "confirm")}</p>
                    </div>
                    <button type="submit" class="button primary" data-testid="change-password-submit"
                        disabled=move || change.pending().get()>{l.t("profile-change-password")}</button>
                </ActionForm>
            </div>
            {move || is_admin().then(|| view! {
                <div class="card" data-testid="two-step-card">
                    <h2>{l.t("profile-two-step")}</h2>
                    {(query.read_untracked().get("two_step").as_deref() == Some("required")).then(|| view! {
                        <div class="banner banner-error" role="alert" data-testid="two-step-required">
                            {l.t("profile-two-step-required")}
                        </div>
                    })}
                    <p>{l.t("profile-two-step-text")}</p>
                    <a class="button" href="/profile/two-step" data-testid="two-step-link">{l.t("profile-two-step-manage")}</a>
                </div>
            })}
            <div class="card">
                <h2>{l.t("profile-sessions")}</h2>
                <p>{l.t("profile-sessions-text")}</p>
                {move || general_error(&everywhere_error.get()).map(|m| view! {
                    <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                })}
                <ActionForm action=everywhere attr:class="inline" attr:data-testid="sign-out-everywhere-form">
                    <button type="submit" class="button" data-testid="sign-out-everywhere"
                        disabled=move || everywhere.pending().get()>{l.t("profile-sign-out-everywhere")}</button>
                </ActionForm>
            </div>
        </section>
    }
}

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let l = crate::i18n::use_locale();
    let action = ServerAction::<ForgotPassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let query = use_query_map();
    let sent = move || {
        query.read().get("sent").as_deref() == Some("1")
            || matches!(action.value().get(), Some(Ok(())))
    };

    view! {
        <Title text=l.t("forgot-page-title")/>
        <section class="page narrow auth-card">
            <h1>{l.t("forgot-title")}</h1>
            {move || sent().then(|| view! {
                <div class="banner banner-success" role="status" data-testid="forgot-sent-banner">
                    {l.t("forgot-sent")}
                </div>
            })}
            {move || general_error(&error.get()).map(|m| view! {
                <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
            })}
            <p>{l.t("forgot-lead")}</p>
            <ActionForm action attr:class="form" attr:data-testid="forgot-password-form">
                <div class="field" class:field-invalid=move || field_error(&error.get(), "email").is_some()>
                    <label for="forgot-email">{l.t("label-email")}</label>
                    <input id="forgot-email" type="email" name="email" autocomplete="username" required data-testid="forgot-email"/>
                    <p class="field-error" aria-live="polite">{move || field_error(&error.get(), "email")}</p>
                </div>
                <button type="submit" class="button primary" data-testid="forgot-submit"
                    disabled=move || action.pending().get()>{l.t("forgot-submit")}</button>
            </ActionForm>
            <p><a href="/sign-in">{l.t("forgot-back")}</a></p>
        </section>
    }
}
