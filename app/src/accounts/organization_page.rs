//! `/admin/organizations/:id`: one customer organization's standing and
//! its Customer admin, with suspend / reactivate and the admin handover.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{
    get_organization, CancelHandover, OrgPerson, OrganizationDetail, ReactivateOrganization,
    StartHandover, SuspendOrganization, REASON_MAX,
};
use crate::components::{error_of, field_error, general_error};
use crate::format;
use crate::i18n::use_locale;
use crate::review::ResendInvitation;
use crate::toast::toast_on_success;

#[derive(Clone, Copy)]
struct Actions {
    suspend: ServerAction<SuspendOrganization>,
    reactivate: ServerAction<ReactivateOrganization>,
    handover: ServerAction<StartHandover>,
    cancel: ServerAction<CancelHandover>,
    resend: ServerAction<ResendInvitation>,
}

#[component]
pub fn OrganizationPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let actions = Actions {
        suspend: ServerAction::new(),
        reactivate: ServerAction::new(),
        handover: ServerAction::new(),
        cancel: ServerAction::new(),
        resend: ServerAction::new(),
    };
    toast_on_success(actions.suspend);
    toast_on_success(actions.reactivate);
    toast_on_success(actions.handover);
    toast_on_success(actions.cancel);
    toast_on_success(actions.resend);
    let detail = Resource::new(
        move || {
            (
                id(),
                actions.suspend.version().get()
                    + actions.reactivate.version().get()
                    + actions.handover.version().get()
                    + actions.cancel.version().get()
                    + actions.resend.version().get(),
            )
        },
        |(id, _)| get_organization(id),
    );
    let action_error = move || {
        general_error(&error_of(actions.suspend.value()))
            .or_else(|| general_error(&error_of(actions.reactivate.value())))
            .or_else(|| general_error(&error_of(actions.handover.value())))
            .or_else(|| general_error(&error_of(actions.cancel.value())))
            .or_else(|| general_error(&error_of(actions.resend.value())))
    };
    view! {
        <Title text=l.t("accounts-org-title")/>
        <section class="page wide">
            <p class="eyebrow"><A href="/admin/organizations">{l.t("accounts-org-back")}</A></p>
            {move || action_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="action-error">{m}</div> })}
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(org) => view! { <Organization org actions/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Organization(org: OrganizationDetail, actions: Actions) -> impl IntoView {
    let l = use_locale();
    let suspended = org.status == "suspended";
    let id = org.organization_id.clone();
    let (reactivate_id, cancel_id) = (id.clone(), id.clone());
    view! {
        <div class="page-head">
            <div>
                <h1 data-testid="organization-name">{org.legal_name.clone()}</h1>
                <p class="muted">
                    {format!("{} · {} · {}", org.city, org.country, l.t_args("accounts-org-customer-since", &[("when", format::time_in(l, org.created_at).into())]))}
                    " · " <A href=format!("/admin/applications/{}", org.application_id)>{l.t("accounts-org-application")}</A>
                </p>
            </div>
            <span class=format!("badge badge-{}", org.status) data-testid="organization-status">{l.t(&format!("accounts-org-status-{}", org.status))}</span>
        </div>
        <div class="workspace-grid">
            <div class="card">
                <h2>{l.t("accounts-org-standing")}</h2>
                {if suspended {
                    view! {
                        <p>
                            {match org.status_changed_at {
                                Some(at) => l.t_args("accounts-org-suspended-since", &[("when", format::time_in(l, at).into())]),
                                None => l.t("accounts-org-suspended"),
                            }}
                        </p>
                        {org.status_reason.clone().map(|r| view! { <p class="pre-line" data-testid="suspension-reason"><strong>{l.t("accounts-org-reason")} " "</strong>{r}</p> })}
                        <ActionForm action=actions.reactivate attr:class="inline">
                            <input type="hidden" name="id" value=reactivate_id/>
                            <button type="submit" class="button primary" data-testid="reactivate-organization">{l.t("accounts-org-reactivate")}</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <SuspendForm id=id.clone() actions/> }.into_any()
                }}
            </div>
            <div class="card">
                <h2>{l.t("review-account-admin")}</h2>
                {match org.admin.clone() {
                    Some(person) => view! { <Person person label=l.t("accounts-org-current-admin") actions/> }.into_any(),
                    None => view! { <p class="empty">{l.t("accounts-org-no-admin")}</p> }.into_any(),
                }}
                {match org.pending.clone() {
                    Some(person) => view! {
                        <Person person label=l.t("accounts-org-taking-over") actions/>
                        <p class="hint">{l.t("accounts-org-handover-hint")}</p>
                        <ActionForm action=actions.cancel attr:class="inline">
                            <input type="hidden" name="id" value=cancel_id/>
                            <button type="submit" class="button small" data-testid="cancel-handover">{l.t("accounts-org-cancel-handover")}</button>
                        </ActionForm>
                    }.into_any(),
                    None => view! { <HandoverForm id=id.clone() actions/> }.into_any(),
                }}
            </div>
        </div>
    }
}

#[component]
fn Person(person: OrgPerson, label: String, actions: Actions) -> impl IntoView {
    let l = use_locale();
    let invited = person.status == "invited";
    let user_id = person.user_id.clone();
    view! {
        <dl class="facts" data-testid="org-person" data-status=person.status.clone()>
            <dt>{label}</dt>
            <dd>
                <span data-testid="person-email">{person.email.clone()}</span>
                {invited.then(|| view! { <span class="muted">{format!(" ({})", l.t("accounts-org-no-password"))}</span> })}
                {person.invitation_expires_at.map(|at| view! { <div class="muted small">{l.t_args("accounts-link-valid", &[("when", format::time_in(l, at).into())])}</div> })}
            </dd>
        </dl>
        {invited.then(|| view! {
            <ActionForm action=actions.resend attr:class="inline">
                <input type="hidden" name="user_id" value=user_id.clone()/>
                <button type="submit" class="button small" data-testid="resend-invitation">{l.t("accounts-send-new-link")}</button>
            </ActionForm>
        })}
    }
}

#[component]
fn SuspendForm(id: String, actions: Actions) -> impl IntoView {
    let l = use_locale();
    let error = move || error_of(actions.suspend.value());
    view! {
        <p>{l.t("accounts-org-active")}</p>
        <ActionForm action=actions.suspend attr:class="form" attr:data-testid="suspend-form">
            <input type="hidden" name="id" value=id/>
            <div class="field" class:field-invalid=move || field_error(&error(), "reason").is_some()>
                <label for="suspend-reason">{l.t("accounts-org-suspend-reason")}</label>
                <textarea id="suspend-reason" name="reason" rows="3" required maxlength=REASON_MAX.to_string()
                    data-testid="suspend-reason"></textarea>
                <p class="hint">{l.t("accounts-org-suspend-hint")}</p>
                <p class="field-error" aria-live="polite">{move || field_error(&error(), "reason")}</p>
            </div>
            <button type="submit" class="button danger" data-testid="suspend-organization"
                disabled=move || actions.suspend.pending().get()>{l.t("accounts-org-suspend")}</button>
        </ActionForm>
    }
}

#[component]
fn HandoverForm(id: String, actions: Actions) -> impl IntoView {
    let l = use_locale();
    let error = move || error_of(actions.handover.value());
    view! {
        <h3>{l.t("accounts-org-handover-heading")}</h3>
        <ActionForm action=actions.handover attr:class="form" attr:data-testid="handover-form">
            <input type="hidden" name="id" value=id/>
            <div class="field" class:field-invalid=move || field_error(&error(), "email").is_some()>
                <label for="handover-email">{l.t("accounts-org-handover-email")}</label>
                <input id="handover-email" type="email" name="email" required data-testid="handover-email"/>
                <p class="hint">{l.t("accounts-org-handover-email-hint")}</p>
                <p class="field-error" aria-live="polite">{move || field_error(&error(), "email")}</p>
            </div>
            <button type="submit" class="button" data-testid="start-handover"
                disabled=move || actions.handover.pending().get()>{l.t("accounts-org-invite")}</button>
        </ActionForm>
    }
}
