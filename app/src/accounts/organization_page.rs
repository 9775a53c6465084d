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
        <Title text="Organization — Coursegate admin"/>
        <section class="page wide">
            <p class="eyebrow"><A href="/admin/organizations">"← Customer organizations"</A></p>
            {move || action_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="action-error">{m}</div> })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
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
    let suspended = org.status == "suspended";
    let id = org.organization_id.clone();
    let (reactivate_id, cancel_id) = (id.clone(), id.clone());
    view! {
        <div class="page-head">
            <div>
                <h1 data-testid="organization-name">{org.legal_name.clone()}</h1>
                <p class="muted">
                    {format!("{} · {} · customer since {}", org.city, org.country, format::time(org.created_at))}
                    " · " <A href=format!("/admin/applications/{}", org.application_id)>"Application"</A>
                </p>
            </div>
            <span class=format!("badge badge-{}", org.status) data-testid="organization-status">{org.status.clone()}</span>
        </div>
        <div class="workspace-grid">
            <div class="card">
                <h2>"Standing"</h2>
                {if suspended {
                    view! {
                        <p>
                            "Suspended"
                            {org.status_changed_at.map(|at| format!(" since {}", format::time(at)))}
                            ". Nobody in the organization can sign in."
                        </p>
                        {org.status_reason.clone().map(|r| view! { <p class="pre-line" data-testid="suspension-reason"><strong>"Reason: "</strong>{r}</p> })}
                        <ActionForm action=actions.reactivate attr:class="inline">
                            <input type="hidden" name="id" value=reactivate_id/>
                            <button type="submit" class="button primary" data-testid="reactivate-organization">"Reactivate"</button>
                        </ActionForm>
                    }.into_any()
                } else {
                    view! { <SuspendForm id=id.clone() actions/> }.into_any()
                }}
            </div>
            <div class="card">
                <h2>"Customer admin"</h2>
                {match org.admin.clone() {
                    Some(person) => view! { <Person person label="Current admin" actions/> }.into_any(),
                    None => view! { <p class="empty">"Nobody holds the role."</p> }.into_any(),
                }}
                {match org.pending.clone() {
                    Some(person) => view! {
                        <Person person label="Taking over (invited)" actions/>
                        <p class="hint">"The current admin keeps access until the invited person sets a password; then the current admin is deactivated and signed out."</p>
                        <ActionForm action=actions.cancel attr:class="inline">
                            <input type="hidden" name="id" value=cancel_id/>
                            <button type="submit" class="button small" data-testid="cancel-handover">"Cancel the handover"</button>
                        </ActionForm>
                    }.into_any(),
                    None => view! { <HandoverForm id=id.clone() actions/> }.into_any(),
                }}
            </div>
        </div>
    }
}

#[component]
fn Person(person: OrgPerson, label: &'static str, actions: Actions) -> impl IntoView {
    let invited = person.status == "invited";
    let user_id = person.user_id.clone();
    view! {
        <dl class="facts" data-testid="org-person" data-status=person.status.clone()>
            <dt>{label}</dt>
            <dd>
                <span data-testid="person-email">{person.email.clone()}</span>
                {invited.then(|| view! { <span class="muted">" (has not set a password yet)"</span> })}
                {person.invitation_expires_at.map(|at| view! { <div class="muted small">{format!("Link valid until {}", format::time(at))}</div> })}
            </dd>
        </dl>
        {invited.then(|| view! {
            <ActionForm action=actions.resend attr:class="inline">
                <input type="hidden" name="user_id" value=user_id.clone()/>
                <button type="submit" class="button small" data-testid="resend-invitation">"Send a new link"</button>
            </ActionForm>
        })}
    }
}

#[component]
fn SuspendForm(id: String, actions: Actions) -> impl IntoView {
    let error = move || error_of(actions.suspend.value());
    view! {
        <p>"Active: the organization's Customer admin can sign in."</p>
        <ActionForm action=actions.suspend attr:class="form" attr:data-testid="suspend-form">
            <input type="hidden" name="id" value=id/>
            <div class="field" class:field-invalid=move || field_error(&error(), "reason").is_some()>
                <label for="suspend-reason">"Reason for suspending"</label>
                <textarea id="suspend-reason" name="reason" rows="3" required maxlength=REASON_MAX.to_string()
                    data-testid="suspend-reason"></textarea>
                <p class="hint">"Mailed to the Customer admin. Suspending signs everyone in the organization out at once."</p>
                <p class="field-error" aria-live="polite">{move || field_error(&error(), "reason")}</p>
            </div>
            <button type="submit" class="button danger" data-testid="suspend-organization"
                disabled=move || actions.suspend.pending().get()>"Suspend"</button>
        </ActionForm>
    }
}

#[component]
fn HandoverForm(id: String, actions: Actions) -> impl IntoView {
    let error = move || error_of(actions.handover.value());
    view! {
        <h3>"Hand the role to someone else"</h3>
        <ActionForm action=actions.handover attr:class="form" attr:data-testid="handover-form">
            <input type="hidden" name="id" value=id/>
            <div class="field" class:field-invalid=move || field_error(&error(), "email").is_some()>
                <label for="handover-email">"New Customer admin's email"</label>
                <input id="handover-email" type="email" name="email" required data-testid="handover-email"/>
                <p class="hint">"They receive a link to set a password. When they do, they take over and the current admin's access ends."</p>
                <p class="field-error" aria-live="polite">{move || field_error(&error(), "email")}</p>
            </div>
            <button type="submit" class="button" data-testid="start-handover"
                disabled=move || actions.handover.pending().get()>"Invite"</button>
        </ActionForm>
    }
}
