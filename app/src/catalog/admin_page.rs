//! `/admin/catalog`: the catalog editor's list, and `/admin/catalog/:id`
//! (`new` for a new service): the form for one service.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::{
    admin_get_service, admin_list_services, AdminServiceList, AdminServiceRow, CreateService,
    ServiceEdit, ServiceInput, SetServiceStatus, UpdateService,
};
use crate::components::{error_of, field_error, general_error, href_with_query, successes};
use crate::error::AppError;
use crate::i18n::{use_locale, Locale};
use crate::money;
use crate::toast::toast_on_success;
use crate::validate::{DeliveryMode, ServiceKind};

/// The list's tabs: the status and the tab's message key.
const STATUSES: [(&str, &str); 4] = [
    ("", "queue-all"),
    ("published", "catalog-admin-tab-published"),
    ("draft", "catalog-admin-tab-draft"),
    ("archived", "catalog-admin-tab-archived"),
];

/// A service's kind and delivery mode in `l` (the stored codes stay).
fn kind_and_mode(l: Locale, kind: &str, mode: &str) -> (String, String) {
    (
        l.t(&format!("catalog-admin-kind-{kind}")),
        l.t(&format!("catalog-admin-mode-{mode}")),
    )
}

#[component]
pub fn AdminCatalogPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_default();
    let after = move || query.read().get("after").unwrap_or_default();
    let set_status = ServerAction::<SetServiceStatus>::new();
    toast_on_success(set_status);
    let list = Resource::new(
        move || (status(), after(), set_status.version().get()),
        |(status, after, _)| admin_list_services(status, after),
    );
    let status_error = move || general_error(&error_of(set_status.value()));
    view! {
        <Title text=l.t("catalog-admin-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("support-inbox-eyebrow")}</p>
                    <h1>{l.t("catalog-admin-heading")}</h1>
                </div>
                <A href="/admin/catalog/new" attr:class="button primary" attr:data-testid="catalog-new">{l.t("catalog-admin-new")}</A>
            </div>
            <nav class="tabs" aria-label=l.t("catalog-admin-col-status")>
                {STATUSES.iter().map(|(code, key)| {
                    let label = l.t(key);
                    let href = href_with_query("/admin/catalog", &[("status", code)]);
                    let current = move || status() == *code;
                    view! { <a href=href class="tab" class:active=current aria-current=move || current().then_some("page")>{label}</a> }
                }).collect_view()}
            </nav>
            {move || status_error().map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(data) => view! { <ServiceTable data status=status() set_status/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ServiceTable(
    data: AdminServiceList,
    status: String,
    set_status: ServerAction<SetServiceStatus>,
) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        return view! { <p class="empty" data-testid="admin-catalog-empty">{l.t("catalog-admin-empty")}</p> }.into_any();
    }
    let next = data.next.clone();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="admin-catalog-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("catalog-admin-col-service")}</th>
                        <th scope="col">{l.t("catalog-admin-col-when")}</th>
                        <th scope="col">{l.t("catalog-admin-col-seats")}</th>
                        <th scope="col" class="num">{l.t("catalog-admin-col-price")}</th>
                        <th scope="col">{l.t("catalog-admin-col-orders")}</th>
                        <th scope="col">{l.t("catalog-admin-col-status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|row| view! { <ServiceRow row set_status/> }).collect_view()}
                </tbody>
            </table>
        </div>
        {next.map(|n| view! {
            <nav class="pager" aria-label=l.t("queue-pages")>
                <A href=href_with_query("/admin/catalog", &[("status", &status), ("after", &n)]) attr:class="button small">{l.t("support-next-page")}</A>
            </nav>
        })}
    }
    .into_any()
}

#[component]
fn ServiceRow(row: AdminServiceRow, set_status: ServerAction<SetServiceStatus>) -> impl IntoView {
    let l = use_locale();
    let s = row.service;
    let id = s.service_id.clone();
    let seats = match s.capacity {
        Some(c) => format!("{} / {c}", s.seats_sold),
        None => format!("{} / {}", s.seats_sold, l.t("catalog-admin-unlimited")),
    };
    let action = move |key: &'static str, to: &'static str, id: String| {
        let label = l.t(key);
        view! {
            <ActionForm action=set_status attr:class="inline">
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="status" value=to/>
                <button type="submit" class="button small" data-testid=format!("service-{to}")>{label}</button>
            </ActionForm>
        }
    };
    let controls = match s.status.as_str() {
        "draft" => view! { {action("catalog-admin-publish", "published", id.clone())} {action("catalog-admin-archive", "archived", id.clone())} }.into_any(),
        "published" => view! { {action("catalog-admin-unpublish", "draft", id.clone())} {action("catalog-admin-archive", "archived", id.clone())} }.into_any(),
        _ => action("catalog-admin-restore", "draft", id.clone()).into_any(),
    };
    let badge = match s.status.as_str() {
        "published" => "badge badge-approved",
        "draft" => "badge badge-in_review",
        _ => "badge badge-withdrawn",
    };
    let title = s.title.clone();
    let (kind, mode) = kind_and_mode(l, &s.kind, &s.delivery_mode);
    let summary = format!("{kind} · {} · {mode}", s.category);
    let when = match (&s.starts, &s.ends) {
        (Some(start), Some(end)) => format!("{start} – {end}"),
        (Some(start), None) => start.clone(),
        _ => l.t("catalog-admin-any-time"),
    };
    view! {
        <tr data-testid="admin-service-row" data-id=id.clone()>
            <td data-label=l.t("catalog-admin-col-service")>
                <A href=format!("/admin/catalog/{id}")>{title}</A>
                <div class="muted">{summary}</div>
            </td>
            <td data-label=l.t("catalog-admin-col-when")>{when}</td>
            <td data-label=l.t("catalog-admin-col-seats")>{seats}</td>
            <td data-label=l.t("catalog-admin-col-price") class="num">{money::format_in(l, s.price_minor, &s.currency)}</td>
            <td data-label=l.t("catalog-admin-col-orders")>{format!("{} · {}", row.orders, row.applications)}</td>
            <td data-label=l.t("catalog-admin-col-status")>
                <div class="row-actions">
                    <span class=badge data-testid="service-status">{l.t(&format!("catalog-admin-status-{}", s.status))}</span>
                    {controls}
                </div>
            </td>
        </tr>
    }
}

#[component]
pub fn AdminServiceEditPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let create = ServerAction::<CreateService>::new();
    toast_on_success(create);
    let update = ServerAction::<UpdateService>::new();
    toast_on_success(update);
    let saved = successes(update.value());
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(new_id)) = create.value().get() {
            navigate(&format!("/admin/catalog/{new_id}"), Default::default());
        }
    });
    let loaded = Resource::new(
        move || (id(), saved.get()),
        |(id, _)| async move {
            if id == "new" {
                Ok(None)
            } else {
                admin_get_service(id).await.map(Some)
            }
        },
    );
    view! {
        <Title text=l.t("catalog-admin-edit-title")/>
        <section class="page narrow">
            <p><A href="/admin/catalog">{l.t("catalog-admin-back")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(None) => view! { <h1>{l.t("catalog-admin-new")}</h1> <ServiceForm edit=None create update/> }.into_any(),
                        Ok(Some(edit)) => view! {
                            <h1>{edit.input.title.clone()}</h1>
                            <p class="muted" data-testid="service-edit-status">{l.t_args("catalog-admin-edit-status", &[("status", l.t(&format!("catalog-admin-status-{}", edit.status)).into()), ("count", edit.seats_sold.into())])}</p>
                            <ServiceForm edit=Some(edit) create update/>
                        }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ServiceForm(
    edit: Option<ServiceEdit>,
    create: ServerAction<CreateService>,
    update: ServerAction<UpdateService>,
) -> impl IntoView {
    let l = use_locale();
    let since = (
        create.version().get_untracked(),
        update.version().get_untracked(),
    );
    let error = Signal::derive(move || {
        if update.version().get() > since.1 {
            error_of(update.value())
        } else if create.version().get() > since.0 {
            error_of(create.value())
        } else {
            None
        }
    });
    // A whole sentence either way, so each language words it as it needs.
    let zone = match edit.as_ref() {
        Some(e) => l.t_args(
            "catalog-admin-zone",
            &[("zone", e.time_zone.as_str().into())],
        ),
        None => l.t("catalog-admin-zone-operator"),
    };
    let values = edit
        .as_ref()
        .map(|e| e.input.clone())
        .unwrap_or_else(|| ServiceInput {
            kind: "course".into(),
            currency: "EUR".into(),
            vat_rate: "25.5".into(),
            delivery_mode: "online".into(),
            ..Default::default()
        });
    let fields = view! { <ServiceFields values zone error/> };
    match edit {
        Some(edit) => view! {
            {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
            <ActionForm action=update attr:class="form" attr:data-testid="service-form">
                <input type="hidden" name="id" value=edit.service_id/>
                {fields}
                <button type="submit" class="button primary" data-testid="service-save" disabled=move || update.pending().get()>{l.t("catalog-admin-save")}</button>
            </ActionForm>
        }
        .into_any(),
        None => view! {
            {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
            <ActionForm action=create attr:class="form" attr:data-testid="service-form">
                {fields}
                <button type="submit" class="button primary" data-testid="service-save" disabled=move || create.pending().get()>{l.t("catalog-admin-create")}</button>
            </ActionForm>
        }
        .into_any(),
    }
}

#[component]
fn ServiceFields(
    values: ServiceInput,
    zone: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let l = use_locale();
    let message = move |field: &'static str| move || field_error(&error.get(), field);
    let invalid = move |field: &'static str| move || field_error(&error.get(), field).is_some();
    let kind = values.kind.clone();
    let mode = values.delivery_mode.clone();
    let currency = values.currency.clone();
    view! {
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("kind")>
                <label for="service-kind">{l.t("catalog-admin-kind")}</label>
                <select id="service-kind" name="service[kind]" data-testid="service-kind">
                    {ServiceKind::ALL.iter().map(|k| view! { <option value=k.code() selected=k.code() == kind>{l.t(&format!("catalog-admin-kind-{}", k.code()))}</option> }).collect_view()}
                </select>
                <p class="hint">{l.t("catalog-admin-kind-hint")}</p>
                <p class="field-error">{message("kind")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("delivery_mode")>
                <label for="service-mode">{l.t("catalog-admin-mode")}</label>
                <select id="service-mode" name="service[delivery_mode]" data-testid="service-mode">
                    {DeliveryMode::ALL.iter().map(|m| view! { <option value=m.code() selected=m.code() == mode>{l.t(&format!("catalog-admin-mode-{}", m.code()))}</option> }).collect_view()}
                </select>
                <p class="field-error">{message("delivery_mode")}</p>
            </div>
        </div>
        <div class="field" class:field-invalid=invalid("title")>
            <label for="service-title">{l.t("catalog-admin-field-title")}</label>
            <input id="service-title" name="service[title]" value=values.title required data-testid="service-title-input"/>
            <p class="field-error">{message("title")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("category")>
            <label for="service-category">{l.t("catalog-admin-category")}</label>
            <input id="service-category" name="service[category]" value=values.category required placeholder=l.t("catalog-admin-category-example") data-testid="service-category"/>
            <p class="field-error">{message("category")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("description")>
            <label for="service-description">{l.t("catalog-admin-description")}</label>
            <textarea id="service-description" name="service[description]" rows="6" required data-testid="service-description">{crate::components::textarea_text(values.description)}</textarea>
            <p class="field-error">{message("description")}</p>
        </div>
        <p class="hint">{zone}</p>
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("starts_at")>
                <label for="service-starts">{l.t("catalog-admin-starts")}</label>
                <input id="service-starts" type="datetime-local" name="service[starts_at]" value=values.starts_at data-testid="service-starts"/>
                <p class="field-error">{message("starts_at")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("ends_at")>
                <label for="service-ends">{l.t("catalog-admin-ends")}</label>
                <input id="service-ends" type="datetime-local" name="service[ends_at]" value=values.ends_at data-testid="service-ends"/>
                <p class="field-error">{message("ends_at")}</p>
            </div>
        </div>
        <div class="field" class:field-invalid=invalid("cancellation_deadline")>
            <label for="service-deadline">{l.t("catalog-admin-deadline")} " " <span class="optional">{l.t("catalog-admin-deadline-hint")}</span></label>
            <input id="service-deadline" type="datetime-local" name="service[cancellation_deadline]" value=values.cancellation_deadline data-testid="service-deadline"/>
            <p class="field-error">{message("cancellation_deadline")}</p>
        </div>
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("capacity")>
                <label for="service-capacity">{l.t("catalog-admin-capacity")} " " <span class="optional">{l.t("catalog-admin-capacity-hint")}</span></label>
                <input id="service-capacity" name="service[capacity]" inputmode="numeric" value=values.capacity data-testid="service-capacity"/>
                <p class="field-error">{message("capacity")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("price")>
                <label for="service-price">{l.t("catalog-admin-price")}</label>
                <input id="service-price" name="service[price]" inputmode="decimal" value=values.price required placeholder="1250.00" data-testid="service-price-input"/>
                <p class="field-error">{message("price")}</p>
            </div>
        </div>
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("currency")>
                <label for="service-currency">{l.t("catalog-admin-currency")}</label>
                <select id="service-currency" name="service[currency]" data-testid="service-currency">
                    {money::CURRENCIES.iter().map(|c| view! { <option value=*c selected=*c == currency>{*c}</option> }).collect_view()}
                </select>
                <p class="field-error">{message("currency")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("vat_rate")>
                <label for="service-vat">{l.t("catalog-admin-vat")}</label>
                <input id="service-vat" name="service[vat_rate]" inputmode="decimal" value=values.vat_rate required data-testid="service-vat"/>
                <p class="field-error">{message("vat_rate")}</p>
            </div>
        </div>
    }
}
