//! `/privacy` and `/terms`: public pages, linked from the application form
//! and the footer. The privacy notice quotes the retention period and link
//! lifetimes from the running configuration, so it cannot drift from them.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::use_locale;

use super::{privacy_facts, NoticeFacts, TERMS_VERSION};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let l = use_locale();
    let facts = Resource::new(|| (), |_| privacy_facts());
    view! {
        <Title text=l.t("privacy-title")/>
        <section class="page narrow" data-testid="privacy-page">
            <p class="eyebrow">{l.t_args("privacy-version", &[("version", TERMS_VERSION.into())])}</p>
            <h1>{l.t("privacy-heading")}</h1>
            <p class="lead">
                {l.t("privacy-lead")}
            </p>
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match facts.await {
                        Ok(facts) => view! { <PrivacyBody facts/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PrivacyBody(facts: NoticeFacts) -> impl IntoView {
    let l = use_locale();
    let retention = l.t_args("privacy-days", &[("n", facts.retention_days.into())]);
    view! {
        <div class="prose">
            <h2>{l.t("privacy-who-heading")}</h2>
            <p>
                {l.t("privacy-who-text")}
                <A href="/contact">{l.t("privacy-contact-form")}</A>
                {l.t("privacy-who-support")}
            </p>

            <h2>{l.t("privacy-what-heading")}</h2>
            <dl class="facts" data-testid="privacy-data">
                <dt>{l.t("privacy-applications")}</dt>
                <dd>{l.t("privacy-applications-text")}</dd>
                <dt>{l.t("privacy-admins")}</dt>
                <dd>{l.t("privacy-admins-text")}</dd>
                <dt>{l.t("privacy-attendees")}</dt>
                <dd>{l.t("privacy-attendees-text")}</dd>
                <dt>{l.t("privacy-billing")}</dt>
                <dd>{l.t("privacy-billing-text")}</dd>
                <dt>{l.t("privacy-support")}</dt>
                <dd>{l.t("privacy-support-text")}</dd>
                <dt>{l.t("privacy-mail")}</dt>
                <dd>{l.t("privacy-mail-text")}</dd>
                <dt>{l.t("privacy-cookies")}</dt>
                <dd>{l.t("privacy-cookies-text")}</dd>
            </dl>

            <h2>{l.t("privacy-how-long-heading")}</h2>
            <ul>
                <li data-testid="privacy-retention">
                    {l.t_args("privacy-retention", &[("retention", retention.into())])}
                </li>
                <li>{l.t("privacy-approved")}</li>
                <li>{l.t("privacy-attendees-kept")}</li>
                <li>{l.t("privacy-accounting")}</li>
                <li>{l.t("privacy-no-limit")}</li>
                <li>{l.t_args("privacy-links", &[("invitation", facts.invitation_ttl_hours.into()), ("idle", facts.session_idle_minutes.into()), ("admin_idle", facts.session_admin_idle_minutes.into()), ("absolute", facts.session_absolute_hours.into())])}</li>
            </ul>

            <h2>{l.t("privacy-who-sees-heading")}</h2>
            <ul>
                <li>{l.t("privacy-sees-operator")}</li>
                <li>{l.t("privacy-sees-admin")}</li>
                <li>{l.t("privacy-sees-applicant")}</li>
                <li>{l.t("privacy-sees-mail")}</li>
            </ul>

            <h2>{l.t("privacy-rights-heading")}</h2>
            <ul>
                <li>{l.t("privacy-rights-attendees")}</li>
                <li>{l.t("privacy-rights-applicants")}</li>
                <li>{l.t("privacy-rights-others")}</li>
            </ul>
            <p class="muted">
                {l.t("privacy-accepting")}
                <A href="/terms">{l.t("privacy-terms-link")}</A>
                "."
            </p>
        </div>
    }
}

#[component]
pub fn TermsPage() -> impl IntoView {
    let l = use_locale();
    view! {
        <Title text=l.t("terms-title")/>
        <section class="page narrow" data-testid="terms-page">
            <p class="eyebrow" data-testid="terms-version">{l.t_args("privacy-version", &[("version", TERMS_VERSION.into())])}</p>
            <h1>{l.t("terms-heading")}</h1>
            <p class="lead">{l.t("terms-lead")}</p>
            <div class="prose">
                <h2>{l.t("terms-applying")}</h2>
                <p>{l.t("terms-applying-text")}</p>
                <h2>{l.t("terms-account")}</h2>
                <p>{l.t("terms-account-text")}</p>
                <h2>{l.t("terms-purchases")}</h2>
                <p>{l.t("terms-purchases-text")}</p>
                <h2>{l.t("terms-attendees")}</h2>
                <p>
                    {l.t("terms-attendees-text")}
                    <A href="/privacy">{l.t("terms-privacy-link")}</A>
                    {l.t("terms-attendees-share")}
                </p>
                <h2>{l.t("terms-fair-use")}</h2>
                <p>{l.t("terms-fair-use-text")}</p>
                <h2>{l.t("terms-changes")}</h2>
                <p>{l.t("terms-changes-text")}</p>
            </div>
        </section>
    }
}
