//! `/org/billing`: the organization's billing accounts, a form to add or
//! edit one, and the default and archive actions.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    list_billing_accounts, ArchiveBillingAccount, BillingAccount, BillingAccountInput,
    CreateBillingAccount, RestoreBillingAccount, SetDefaultBillingAccount, UpdateBillingAccount,
};
use crate::components::{error_of, field_error, general_error};
use crate::error::AppError;
use crate::format;
use crate::i18n::use_locale;
use crate::toast::toast_on_success;

#[derive(Clone, Copy)]
struct Actions {
    /// The add or edit form, whichever is showing.
    form: NodeRef<leptos::html::Form>,
    create: ServerAction<CreateBillingAccount>,
    update: ServerAction<UpdateBillingAccount>,
    set_default: ServerAction<SetDefaultBillingAccount>,
    archive: ServerAction<ArchiveBillingAccount>,
    restore: ServerAction<RestoreBillingAccount>,
}

#[component]
pub fn BillingPage() -> impl IntoView {
    let l = use_locale();
    let actions = Actions {
        form: NodeRef::new(),
        create: ServerAction::new(),
        update: ServerAction::new(),
        set_default: ServerAction::new(),
        archive: ServerAction::new(),
        restore: ServerAction::new(),
    };
    toast_on_success(actions.create);
    toast_on_success(actions.update);
    toast_on_success(actions.set_default);
    toast_on_success(actions.archive);
    toast_on_success(actions.restore);
    let show_archived = RwSignal::new(false);
    let editing = RwSignal::new(None::<BillingAccount>);
    // Bumped after a successful save, so the form renders empty again.
    let form_key = RwSignal::new(0u32);
    // One effect per action: each must react only to its own result.
    Effect::new(move |_| {
        if matches!(actions.create.value().get(), Some(Ok(_))) {
            form_key.update(|k| *k += 1);
        }
    });
    Effect::new(move |_| {
        if matches!(actions.update.value().get(), Some(Ok(_))) {
            editing.set(None);
            form_key.update(|k| *k += 1);
        }
    });
    // Re-rendering the form reuses its DOM nodes, which keep what was typed:
    // once the new view is in place, reset the fields to the values it
    // was rendered with.
    Effect::new(move |_| {
        form_key.track();
        editing.track();
        request_animation_frame(move || {
            if let Some(form) = actions.form.get_untracked() {
                form.reset();
            }
        });
    });
    let accounts = Resource::new(
        move || {
            (
                show_archived.get(),
                actions.create.version().get()
                    + actions.update.version().get()
                    + actions.set_default.version().get()
                    + actions.archive.version().get()
                    + actions.restore.version().get(),
            )
        },
        |(archived, _)| list_billing_accounts(archived),
    );
    let row_error = move || {
        general_error(&error_of(actions.set_default.value()))
            .or_else(|| general_error(&error_of(actions.archive.value())))
            .or_else(|| general_error(&error_of(actions.restore.value())))
    };

    view! {
        <Title text=l.t("billing-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("dashboard-eyebrow")}</p>
                    <h1>{l.t("nav-billing")}</h1>
                </div>
                <button type="button" class="button small" data-testid="billing-toggle-archived"
                    on:click=move |_| show_archived.update(|s| *s = !*s)>
                    {move || if show_archived.get() { l.t("billing-show-active") } else { l.t("billing-show-archived") }}
                </button>
            </div>
            <p class="lead">{l.t("billing-lead")}</p>
            {move || row_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="billing-error">{m}</div> })}
            <div class="workspace-grid">
                <div>
                    <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                        {move || Suspend::new(async move {
                            match accounts.await {
                                Ok(list) => view! { <AccountTable list archived=show_archived.get_untracked() actions editing/> }.into_any(),
                                Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div> }.into_any(),
                            }
                        })}
                    </Transition>
                </div>
                <div class="card">
                    {move || {
                        form_key.get();
                        match editing.get() {
                            Some(account) => view! { <EditForm account actions editing/> }.into_any(),
                            None => view! { <CreateForm actions/> }.into_any(),
                        }
                    }}
                </div>
            </div>
        </section>
    }
}

#[component]
fn AccountTable(
    list: Vec<BillingAccount>,
    archived: bool,
    actions: Actions,
    editing: RwSignal<Option<BillingAccount>>,
) -> impl IntoView {
    let l = use_locale();
    if list.is_empty() {
        let text = if archived {
            l.t("billing-no-archived")
        } else {
            l.t("billing-empty")
        };
        return view! { <p class="empty" data-testid="billing-empty">{text}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="billing-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("billing-account")}</th>
                        <th scope="col">{l.t("billing-vat-id")}</th>
                        <th scope="col">{l.t("billing-reference")}</th>
                        <th scope="col">{l.t("billing-e-invoice")}</th>
                        <th scope="col">{if archived { l.t("billing-archived") } else { l.t("attendees-actions") }}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|account| view! { <AccountRow account archived actions editing/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn AccountRow(
    account: BillingAccount,
    archived: bool,
    actions: Actions,
    editing: RwSignal<Option<BillingAccount>>,
) -> impl IntoView {
    let l = use_locale();
    let id = account.billing_account_id.clone();
    let controls = if archived {
        let restore_id = id.clone();
        view! {
            <div class="row-actions">
                <span class="muted">{account.archived_at.map(|at| format::time_in(l, at))}</span>
                <ActionForm action=actions.restore attr:class="inline">
                    <input type="hidden" name="id" value=restore_id/>
                    <button type="submit" class="button small" data-testid="billing-restore">{l.t("billing-restore")}</button>
                </ActionForm>
            </div>
        }
        .into_any()
    } else {
        let for_edit = account.clone();
        let default_id = id.clone();
        let archive_id = id.clone();
        view! {
            <div class="row-actions">
                <button type="button" class="button small" data-testid="billing-edit"
                    on:click=move |_| editing.set(Some(for_edit.clone()))>{l.t("attendees-edit")}</button>
                {(!account.is_default).then(|| view! {
                    <ActionForm action=actions.set_default attr:class="inline">
                        <input type="hidden" name="id" value=default_id/>
                        <button type="submit" class="button small" data-testid="billing-make-default">{l.t("billing-make-default")}</button>
                    </ActionForm>
                    <ActionForm action=actions.archive attr:class="inline">
                        <input type="hidden" name="id" value=archive_id/>
                        <button type="submit" class="button small" data-testid="billing-archive">{l.t("billing-archive")}</button>
                    </ActionForm>
                })}
            </div>
        }
        .into_any()
    };
    view! {
        <tr data-testid="billing-row" data-id=id>
            <td data-label=l.t("billing-account")>
                <strong>{account.name.clone()}</strong>
                {account.is_default.then(|| view! { <span class="badge badge-active" data-testid="billing-default">" " {l.t("billing-default")}</span> })}
                <div class="muted pre-line">{account.invoicing_address.clone()}</div>
            </td>
            <td data-label=l.t("billing-vat-id") class="mono">{account.vat_id.clone()}</td>
            <td data-label=l.t("billing-reference")>{if account.reference.is_empty() { "—".to_string() } else { account.reference.clone() }}</td>
            <td data-label=l.t("billing-e-invoice")>{account.e_invoice_address.clone().unwrap_or_else(|| "—".into())}</td>
            <td>{controls}</td>
        </tr>
    }
}

#[component]
fn CreateForm(actions: Actions) -> impl IntoView {
    let l = use_locale();
    // Only results of submissions made since this form appeared count.
    let since = actions.create.version().get_untracked();
    let error = Signal::derive(move || {
        (actions.create.version().get() > since)
            .then(|| error_of(actions.create.value()))
            .flatten()
    });
    view! {
        <h2>{l.t("billing-add-heading")}</h2>
        {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
        <ActionForm action=actions.create node_ref=actions.form attr:class="form" attr:data-testid="billing-create-form">
            <AccountFields values=BillingAccountInput::default() error/>
            <button type="submit" class="button primary" data-testid="billing-save"
                disabled=move || actions.create.pending().get()>{l.t("billing-add")}</button>
        </ActionForm>
    }
}

#[component]
fn EditForm(
    account: BillingAccount,
    actions: Actions,
    editing: RwSignal<Option<BillingAccount>>,
) -> impl IntoView {
    // Only results of submissions made since this form appeared count.
    let since = actions.update.version().get_untracked();
    let error = Signal::derive(move || {
        (actions.update.version().get() > since)
            .then(|| error_of(actions.update.value()))
            .flatten()
    });
    let l = use_locale();
    let values = BillingAccountInput {
        name: account.name.clone(),
        invoicing_address: account.invoicing_address.clone(),
        vat_id: account.vat_id.clone(),
        reference: account.reference.clone(),
        e_invoice_address: account.e_invoice_address.clone().unwrap_or_default(),
    };
    view! {
        <h2>{l.t_args("billing-edit-heading", &[("name", account.name.clone().into())])}</h2>
        {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
        <ActionForm action=actions.update node_ref=actions.form attr:class="form" attr:data-testid="billing-edit-form">
            <input type="hidden" name="id" value=account.billing_account_id.clone()/>
            <AccountFields values error/>
            <div class="row-actions">
                <button type="submit" class="button primary" data-testid="billing-save"
                    disabled=move || actions.update.pending().get()>{l.t("form-save-changes")}</button>
                <button type="button" class="button" data-testid="billing-cancel"
                    on:click=move |_| editing.set(None)>{l.t("form-cancel")}</button>
            </div>
        </ActionForm>
    }
}

#[component]
fn AccountFields(values: BillingAccountInput, error: Signal<Option<AppError>>) -> impl IntoView {
    let l = use_locale();
    let message = move |field: &'static str| move || field_error(&error.get(), field);
    let invalid = move |field: &'static str| move || field_error(&error.get(), field).is_some();
    view! {
        <div class="field" class:field-invalid=invalid("name")>
            <label for="billing-name">{l.t("billing-name")}</label>
            <input id="billing-name" name="account[name]" value=values.name required data-testid="billing-name"/>
            <p class="field-error" aria-live="polite">{message("name")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("invoicing_address")>
            <label for="billing-address">{l.t("billing-address")}</label>
            <textarea id="billing-address" name="account[invoicing_address]" rows="3" required
                data-testid="billing-address">{crate::components::textarea_text(values.invoicing_address)}</textarea>
            <p class="field-error" aria-live="polite">{message("invoicing_address")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("vat_id")>
            <label for="billing-vat">{l.t("billing-vat-id")}</label>
            <input id="billing-vat" name="account[vat_id]" value=values.vat_id required placeholder="FI12345678" data-testid="billing-vat"/>
            <p class="field-error" aria-live="polite">{message("vat_id")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("reference")>
            <label for="billing-reference">{l.t("billing-reference-label")} " " <span class="optional">{l.t("form-optional")}</span></label>
            <input id="billing-reference" name="account[reference]" value=values.reference data-testid="billing-reference"/>
            <p class="field-error" aria-live="polite">{message("reference")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("e_invoice_address")>
            <label for="billing-einvoice">{l.t("billing-e-invoice")} " " <span class="optional">{l.t("form-optional")}</span></label>
            <input id="billing-einvoice" name="account[e_invoice_address]" value=values.e_invoice_address data-testid="billing-einvoice"/>
            <p class="hint">{l.t("billing-e-invoice-hint")}</p>
            <p class="field-error" aria-live="polite">{message("e_invoice_address")}</p>
        </div>
    }
}
