//! Sign-in and set-password pages.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{password_link_info, AuthRefresh, SetPassword, SignIn, SignInCode};
use crate::components::{field_error, general_error, ErrorSummary};
use crate::form_post::posted;
use crate::format;
use crate::i18n::use_locale;

#[component]
pub fn SignInPage() -> impl IntoView {
    let l = use_locale();
    let action = ServerAction::<SignIn>::new();
    let refresh = use_context::<AuthRefresh>();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(refresh)) = (action.value().get(), refresh) {
            refresh.bump();
        }
    });
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let query = use_query_map();
    let password_set = move || query.read().get("password").as_deref() == Some("set");
    let typed_email = posted::<SignIn>("email");

    view! {
        <Title text=l.t("sign-in-title")/>
        <section class="page narrow auth-card">
            <h1>{l.t("nav-sign-in")}</h1>
            {move || password_set().then(|| view! {
                <div class="banner banner-success" role="status" data-testid="password-set-banner">
                    {l.t("sign-in-password-set")}
                </div>
            })}
            {move || general_error(&error.get()).map(|m| view! {
                <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
            })}
            <ErrorSummary error field_id=|field| format!("sign-in-{field}")/>
            <ActionForm action attr:class="form" attr:data-testid="sign-in-form">
                <div class="field" class:field-invalid=move || field_error(&error.get(), "email").is_some()>
                    <label for="sign-in-email">{l.t("label-email")}</label>
                    // After a failed plain post the email comes back; the password never does.
                    <input id="sign-in-email" type="email" name="email" autocomplete="username" required data-testid="sign-in-email"
                        value=typed_email
                        aria-invalid=move || field_error(&error.get(), "email").map(|_| "true")
                        aria-describedby="sign-in-email-error"/>
                    <p class="field-error" id="sign-in-email-error" aria-live="polite">{move || field_error(&error.get(), "email")}</p>
                </div>
                <div class="field" class:field-invalid=move || field_error(&error.get(), "password").is_some()>
                    <label for="sign-in-password">{l.t("label-password")}</label>
                    <input id="sign-in-password" type="password" name="password" autocomplete="current-password" required data-testid="sign-in-password"
                        aria-invalid=move || field_error(&error.get(), "password").map(|_| "true")
                        aria-describedby="sign-in-password-error"/>
                    <p class="field-error" id="sign-in-password-error" aria-live="polite">{move || field_error(&error.get(), "password")}</p>
                </div>
                <button type="submit" class="button primary" data-testid="sign-in-submit"
                    disabled=move || action.pending().get()>{l.t("nav-sign-in")}</button>
            </ActionForm>
            <p><a href="/forgot-password" data-testid="forgot-password-link">{l.t("forgot-title")}</a></p>
        </section>
    }
}

/// The second step for administrators with an authenticator. A plain form,
/// so it works with JavaScript off like the password step.
#[component]
pub fn SignInCodePage() -> impl IntoView {
    let l = use_locale();
    let action = ServerAction::<SignInCode>::new();
    let refresh = use_context::<AuthRefresh>();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(refresh)) = (action.value().get(), refresh) {
            refresh.bump();
        }
    });
    let error = Signal::derive(move || action.value().get().and_then(Result::err));

    view! {
        <Title text=l.t("sign-in-code-title")/>
        <section class="page narrow auth-card">
            <h1>{l.t("sign-in-code-heading")}</h1>
            <p>{l.t("sign-in-code-lead")}</p>
            {move || general_error(&error.get()).map(|m| view! {
                <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
            })}
            <ActionForm action attr:class="form" attr:data-testid="sign-in-code-form">
                <div class="field" class:field-invalid=move || field_error(&error.get(), "code").is_some()>
                    <label for="sign-in-code">{l.t("sign-in-code-label")}</label>
                    <input id="sign-in-code" type="text" name="code" autocomplete="one-time-code"
                        inputmode="text" maxlength="32" required data-testid="sign-in-code"/>
                    <p class="field-error" aria-live="polite">{move || field_error(&error.get(), "code")}</p>
                </div>
                <button type="submit" class="button primary" data-testid="sign-in-code-submit"
                    disabled=move || action.pending().get()>{l.t("nav-sign-in")}</button>
            </ActionForm>
            <p><a href="/sign-in">{l.t("sign-in-code-again")}</a></p>
        </section>
    }
}

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let info = Resource::new(token, password_link_info);
    let action = ServerAction::<SetPassword>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
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

    view! {
        <Title text=l.t("set-password-title")/>
        <section class="page narrow auth-card">
            <h1>{l.t("set-password-heading")}</h1>
            <Suspense fallback=move || view! { <p class="muted">{l.t("set-password-checking")}</p> }>
                {move || Suspend::new(async move {
                    match info.await {
                        Err(e) => view! {
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div>
                        }.into_any(),
                        Ok(info) => view! {
                            <p>
                                {l.t("set-password-signing-in-as")} " " <strong data-testid="link-email">{info.email.clone()}</strong>
                                ". " {l.t_args("set-password-link-works", &[("until", format::time_in(l, info.expires_at).into())])}
                            </p>
                            {move || general_error(&error.get()).map(|m| view! {
                                <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div>
                            })}
                            <ActionForm action attr:class="form" attr:data-testid="set-password-form">
                                <input type="hidden" name="token" value=params.read_untracked().get("token").unwrap_or_default()/>
                                <input type="email" name="username" value=info.email.clone() autocomplete="username" hidden/>
                                <div class="field" class:field-invalid=move || password_error().is_some()>
                                    <label for="new-password">{l.t("set-password-new")}</label>
                                    <input id="new-password" type="password" name="password" autocomplete="new-password"
                                        minlength="8" maxlength="128" required data-testid="new-password"
                                        on:input=move |ev| typed.set(event_target_value(&ev))/>
                                    <p class="hint">{l.t("set-password-hint")}</p>
                                    <p class="field-error" aria-live="polite">{password_error}</p>
                                </div>
                                <div class="field" class:field-invalid=move || field_error(&error.get(), "confirm").is_some()>
                                    <label for="confirm-password">{l.t("set-password-repeat")}</label>
                                    <input id="confirm-password" type="password" name="confirm" autocomplete="new-password"
                                        required data-testid="confirm-password"/>
                                    <p class="field-error" aria-live="polite">{move || field_error(&error.get(), "confirm")}</p>
                                </div>
                                <button type="submit" class="button primary" data-testid="set-password-submit"
                                    disabled=move || action.pending().get()>{l.t("set-password-submit")}</button>
                            </ActionForm>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
