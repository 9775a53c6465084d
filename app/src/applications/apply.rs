//! The public application form. Works without JavaScript (a plain form post
//! to the server function); with JavaScript each field is checked as it is
//! typed, by the same functions the server runs.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;

use super::{check_field, SubmitApplication};
use crate::components::{random_key, textarea_text, ErrorSummary};
use crate::error::AppError;
use crate::form_post::{posted, posted_at};
use crate::i18n::use_locale;
use crate::privacy::TERMS_VERSION;
use crate::toast::toast_on_success;
use crate::validate::{countries, OrgSize, OrgType};
use leptos::server_fn::ServerFn;

#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    Text,
    Email,
    Tel,
    Url,
    TextArea,
    Country,
    OrgType,
    OrgSize,
}

/// Messages per field: the browser's own checks win over the server's
/// answer once the person has touched the field again.
#[derive(Clone, Copy)]
pub struct FieldMessages {
    client: RwSignal<HashMap<String, Option<String>>>,
    server: Signal<Option<AppError>>,
}

impl FieldMessages {
    pub fn new(server: Signal<Option<AppError>>) -> Self {
        Self {
            client: RwSignal::new(HashMap::new()),
            server,
        }
    }

    pub fn check(&self, field: &str, value: &str) {
        let message = check_field(field, value).err();
        self.client.update(|m| {
            m.insert(field.to_string(), message);
        });
    }

    /// The message to show. Both the server's answer and the browser's own
    /// checks are in the page's language: the validators write in it.
    pub fn message(&self, field: &str) -> Option<String> {
        if let Some(own) = self.client.with(|m| m.get(field).cloned()) {
            return own;
        }
        self.server.with(|e| {
            e.as_ref()
                .and_then(AppError::field_errors)
                .and_then(|f| f.get(field).map(str::to_string))
        })
    }
}

/// One labelled input with its message underneath.
#[component]
pub fn FormField(
    /// The `ApplicationInput` field name.
    name: &'static str,
    kind: Kind,
    messages: FieldMessages,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] value: String,
    /// The message key of the hint under the field.
    #[prop(optional)]
    hint: &'static str,
    /// Prefix of the posted name: `application` gives `application[city]`.
    #[prop(default = "application")]
    group: &'static str,
    /// The path of the server function the form posts to: after a failed
    /// plain post the field shows what was typed instead of `value`.
    #[prop(optional)]
    action: &'static str,
) -> impl IntoView {
    let l = use_locale();
    let hint = if hint.is_empty() {
        String::new()
    } else {
        l.t(hint)
    };
    let id = format!("f-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let posted = format!("{group}[{name}]");
    let value = posted_at(action, &posted).unwrap_or(value);
    let touched = RwSignal::new(false);
    let on_input = move |ev: leptos::ev::Event| {
        if touched.get_untracked() {
            messages.check(name, &event_target_value(&ev));
        }
    };
    let on_blur = move |ev: leptos::ev::FocusEvent| {
        touched.set(true);
        messages.check(name, &event_target_value(&ev));
    };
    let on_change = move |ev: leptos::ev::Event| {
        touched.set(true);
        messages.check(name, &event_target_value(&ev));
    };
    let message = move || messages.message(name);
    let invalid = move || message().is_some().then_some("true");
    // The hint and the message are read out with the field.
    let described = if hint.is_empty() {
        error_id.clone()
    } else {
        format!("{hint_id} {error_id}")
    };
    let control = match kind {
        Kind::TextArea => view! {
            <textarea id=id.clone() name=posted.clone() rows="4" required=required
                aria-invalid=invalid aria-describedby=described.clone()
                on:input=on_input on:focusout=on_blur data-testid=format!("field-{name}")
            >{textarea_text(value.clone())}</textarea>
        }
        .into_any(),
        Kind::Country | Kind::OrgType | Kind::OrgSize => {
            let options: Vec<(String, String)> = match kind {
                Kind::Country => countries()
                    .into_iter()
                    .map(|(c, n)| (c.to_string(), n.to_string()))
                    .collect(),
                Kind::OrgType => OrgType::ALL
                    .iter()
                    .map(|t| (t.code().to_string(), l.t(&format!("org-type-{}", t.code()))))
                    .collect(),
                _ => OrgSize::ALL
                    .iter()
                    .map(|t| {
                        let key = format!("org-size-{}", t.code().trim_end_matches('+'));
                        (t.code().to_string(), l.t(&key))
                    })
                    .collect(),
            };
            let current = value.clone();
            view! {
                <select id=id.clone() name=posted.clone() required=required
                    aria-invalid=invalid aria-describedby=described.clone()
                    on:change=on_change data-testid=format!("field-{name}")
                >
                    <option value="" selected=current.is_empty()>{l.t("form-choose")}</option>
                    {options
                        .into_iter()
                        .map(|(code, label)| {
                            let selected = code == current;
                            view! { <option value=code selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        _ => {
            let (input_type, autocomplete) = match kind {
                Kind::Email => ("email", "email"),
                Kind::Tel => ("tel", "tel"),
                Kind::Url => ("url", "url"),
                _ => ("text", "off"),
            };
            view! {
                <input id=id.clone() name=posted.clone() type=input_type value=value.clone()
                    autocomplete=autocomplete required=required
                    aria-invalid=invalid aria-describedby=described.clone()
                    on:input=on_input on:focusout=on_blur data-testid=format!("field-{name}")
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=id.clone()>
                {l.t(&format!("field-{name}"))}
                {(!required).then(|| view! { <span class="optional">" " {l.t("form-optional")}</span> })}
            </label>
            {control}
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint.clone()}</p> })}
            <p class="field-error" id=error_id aria-live="polite" data-testid=format!("error-{name}")>
                {message}
            </p>
        </div>
    }
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let l = use_locale();
    let submit = ServerAction::<SubmitApplication>::new();
    toast_on_success(submit);
    // Made once on the server and carried into the browser with the page,
    // so the rendered form and the hydrated one post the same key.
    let key = SharedValue::new(random_key).into_inner();
    let server_error = Signal::derive(move || submit.value().get().and_then(Result::err));
    let messages = FieldMessages::new(server_error);
    let general = move || {
        server_error.get().and_then(|e| match e {
            AppError::Validation(_) => None,
            other => Some(other.to_string()),
        })
    };
    let action = SubmitApplication::PATH;
    let terms_message = move || messages.message("accept_terms");
    let terms_accepted = posted::<SubmitApplication>("application[accept_terms]").is_some();

    view! {
        <Title text=l.t("apply-title")/>
        <section class="page narrow">
            <h1>{l.t("apply-heading")}</h1>
            <p class="lead">
                {l.t("apply-lead")}
            </p>
            {move || general().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div> })}
            <ErrorSummary error=server_error field_id=|field| format!("f-{field}")
                message=Callback::new(move |field: String| messages.message(&field))/>
            <ActionForm action=submit attr:class="form" attr:novalidate="" attr:data-testid="apply-form">
                <input type="hidden" name="application[submission_key]" value=key/>
                <fieldset>
                    <legend>{l.t("apply-legend-organization")}</legend>
                    <FormField name="legal_name" kind=Kind::Text messages action required=true/>
                    <div class="row">
                        <FormField name="registration_id" kind=Kind::Text messages action required=true hint="apply-hint-registration"/>
                        <FormField name="country" kind=Kind::Country messages action required=true/>
                    </div>
                    <div class="row">
                        <FormField name="org_type" kind=Kind::OrgType messages action required=true/>
                        <FormField name="org_size" kind=Kind::OrgSize messages action required=true/>
                    </div>
                    <FormField name="website" kind=Kind::Url messages action hint="apply-hint-website"/>
                </fieldset>
                <fieldset>
                    <legend>{l.t("apply-legend-address")}</legend>
                    <FormField name="street_address" kind=Kind::Text messages action required=true/>
                    <div class="row">
                        <FormField name="postal_code" kind=Kind::Text messages action required=true/>
                        <FormField name="city" kind=Kind::Text messages action required=true/>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{l.t("apply-legend-contact")}</legend>
                    <FormField name="contact_name" kind=Kind::Text messages action required=true/>
                    <div class="row">
                        <FormField name="contact_email" kind=Kind::Email messages action required=true hint="apply-hint-email"/>
                        <FormField name="phone" kind=Kind::Tel messages action required=true hint="apply-hint-phone"/>
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{l.t("apply-legend-plans")}</legend>
                    <FormField name="intended_use" kind=Kind::TextArea messages action required=true hint="apply-hint-intended-use"/>
                </fieldset>
                <div class="field checkbox" class:field-invalid=move || terms_message().is_some()>
                    <label for="f-accept_terms">
                        <input type="checkbox" id="f-accept_terms" name="application[accept_terms]" value="on" data-testid="field-accept_terms"
                            checked=terms_accepted
                            aria-invalid=move || terms_message().is_some().then_some("true")
                            aria-describedby="f-accept_terms-hint f-accept_terms-error"
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                messages.client.update(|m| {
                                    m.insert("accept_terms".into(), (!checked).then(|| l.t("apply-accept-terms-required")));
                                });
                            }
                        />
                        " " {l.t("apply-accept-terms")}
                    </label>
                    <p class="hint" id="f-accept_terms-hint" data-testid="terms-links">
                        {l.t("apply-terms-read")} " "
                        <a href="/terms" target="_blank" rel="noopener" data-testid="apply-terms-link">{l.t_args("apply-terms-link", &[("version", TERMS_VERSION.into())])}</a>
                        " " {l.t("apply-terms-and")} " "
                        <a href="/privacy" target="_blank" rel="noopener" data-testid="apply-privacy-link">{l.t("apply-privacy-link")}</a>
                        {l.t("apply-terms-new-tab")}
                    </p>
                    <p class="field-error" id="f-accept_terms-error" aria-live="polite" data-testid="error-accept_terms">{terms_message}</p>
                </div>
                <button type="submit" class="button primary" data-testid="apply-submit"
                    disabled=move || submit.pending().get()
                >
                    {move || if submit.pending().get() { l.t("apply-sending") } else { l.t("apply-submit") }}
                </button>
            </ActionForm>
        </section>
    }
}
