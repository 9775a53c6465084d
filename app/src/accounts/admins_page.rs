//! `/admin/admins`: the system administrators, an invitation form, and
//! deactivate / reactivate / new-link actions.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{list_admins, AdminRow, DeactivateAdmin, InviteAdmin, ReactivateAdmin};
use crate::components::{error_of, field_error, general_error};
use crate::format;
use crate::i18n::use_locale;
use crate::review::ResendInvitation;
use crate::toast::toast_on_success;

#[derive(Clone, Copy)]
struct Actions {
    invite: ServerAction<InviteAdmin>,
    deactivate: ServerAction<DeactivateAdmin>,
    reactivate: ServerAction<ReactivateAdmin>,
    resend: ServerAction<ResendInvitation>,
}

#[component]
pub fn AdminsPage() -> impl IntoView {
    let l = use_locale();
    let actions = Actions {
        invite: ServerAction::new(),
        deactivate: ServerAction::new(),
        reactivate: ServerAction::new(),
        resend: ServerAction::new(),
    };
    toast_on_success(actions.invite);
    toast_on_success(actions.deactivate);
    toast_on_success(actions.reactivate);
    toast_on_success(actions.resend);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(actions.invite.value().get(), Some(Ok(_))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    let admins = Resource::new(
        move || {
            actions.invite.version().get()
                + actions.deactivate.version().get()
                + actions.reactivate.version().get()
                + actions.resend.version().get()
        },
        |_| list_admins(),
    );
    let row_error = move || {
        general_error(&error_of(actions.deactivate.value()))
            .or_else(|| general_error(&error_of(actions.reactivate.value())))
            .or_else(|| general_error(&error_of(actions.resend.value())))
    };
    let invite_error = move || error_of(actions.invite.value());
    view! {
        <Title text=l.t("accounts-admins-title")/>
        <section class="page wide">
            <h1>{l.t("accounts-admins-heading")}</h1>
            <p class="lead">{l.t("accounts-admins-lead")}</p>
            {move || row_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="action-error">{m}</div> })}
            <div class="workspace-grid">
                <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                    {move || Suspend::new(async move {
                        match admins.await {
                            Ok(rows) => view! {
                                <div class="table-wrap">
                                    <table class="table" data-testid="admins-table">
                                        <thead><tr>
                                            <th scope="col">{l.t("accounts-col-email")}</th><th scope="col">{l.t("accounts-col-status")}</th>
                                            <th scope="col">{l.t("accounts-col-added")}</th><th scope="col">{l.t("accounts-col-actions")}</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|row| view! { <AdminLine row actions/> }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any(),
                            Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                        }
                    })}
                </Transition>
                <div class="card">
                    <h2>{l.t("accounts-admins-invite-heading")}</h2>
                    {move || general_error(&invite_error()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                    <ActionForm action=actions.invite node_ref=form attr:class="form" attr:data-testid="invite-admin-form">
                        <div class="field" class:field-invalid=move || field_error(&invite_error(), "email").is_some()>
                            <label for="invite-email">{l.t("accounts-col-email")}</label>
                            <input id="invite-email" type="email" name="email" required data-testid="invite-email"/>
                            <p class="hint">{l.t("accounts-admins-invite-hint")}</p>
                            <p class="field-error" aria-live="polite">{move || field_error(&invite_error(), "email")}</p>
                        </div>
                        <button type="submit" class="button primary" data-testid="invite-admin"
                            disabled=move || actions.invite.pending().get()>{l.t("accounts-admins-invite")}</button>
                    </ActionForm>
                </div>
            </div>
        </section>
    }
}

#[component]
fn AdminLine(row: AdminRow, actions: Actions) -> impl IntoView {
    let l = use_locale();
    let id = row.user_id.clone();
    let controls = match row.status.as_str() {
        "deactivated" => view! {
            <ActionForm action=actions.reactivate attr:class="inline">
                <input type="hidden" name="user_id" value=id.clone()/>
                <button type="submit" class="button small" data-testid="reactivate-admin">{l.t("accounts-admins-reactivate")}</button>
            </ActionForm>
        }
        .into_any(),
        _ if row.is_me => view! { <span class="muted">{l.t("accounts-admins-you")}</span> }.into_any(),
        status => {
            let invited = status == "invited";
            let resend_id = id.clone();
            view! {
                {invited.then(|| view! {
                    <ActionForm action=actions.resend attr:class="inline">
                        <input type="hidden" name="user_id" value=resend_id/>
                        <button type="submit" class="button small" data-testid="resend-admin-invitation">{l.t("accounts-send-new-link")}</button>
                    </ActionForm>
                })}
                <ActionForm action=actions.deactivate attr:class="inline">
                    <input type="hidden" name="user_id" value=id.clone()/>
                    <button type="submit" class="button small danger" data-testid="deactivate-admin">{l.t("accounts-admins-deactivate")}</button>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! {
        <tr data-testid="admin-row" data-email=row.email.clone()>
            <td data-label=l.t("accounts-col-email")>
                {row.email.clone()}
                {row.invitation_expires_at.map(|at| view! { <div class="muted small">{l.t_args("accounts-link-valid", &[("when", format::time_in(l, at).into())])}</div> })}
            </td>
            <td data-label=l.t("accounts-col-status")><span class=format!("badge badge-{}", row.status) data-testid="admin-status">{l.t(&format!("user-status-{}", row.status))}</span></td>
            <td data-label=l.t("accounts-col-added") class="nowrap">{format::time_in(l, row.created_at)}</td>
            <td data-label=l.t("accounts-col-actions")><div class="row-actions">{controls}</div></td>
        </tr>
    }
}
