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
use crate::money;
use crate::toast::toast_on_success;
use crate::validate::{DeliveryMode, ServiceKind};

const STATUSES: [(&str, &str); 4] = [
    ("", "All"),
    ("published", "Published"),
    ("draft", "Drafts"),
    ("archived", "Archived"),
];

#[component]
pub fn AdminCatalogPage() -> impl IntoView {
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
        <Title text="Catalog editor — Coursegate"/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">"Admin console"</p>
                    <h1>"Service catalog"</h1>
                </div>
                <A href="/admin/catalog/new" attr:class="button primary" attr:data-testid="catalog-new">"New service"</A>
            </div>
            <nav class="tabs" aria-label="Status">
                {STATUSES.iter().map(|(code, label)| {
                    let href = href_with_query("/admin/catalog", &[("status", code)]);
                    let current = move || status() == *code;
                    view! { <a href=href class="tab" class:active=current aria-current=move || current().then_some("page")>{*label}</a> }
                }).collect_view()}
            </nav>
            {move || status_error().map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
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
    if data.rows.is_empty() {
        return view! { <p class="empty" data-testid="admin-catalog-empty">"No services here yet. Create one with “New service”; it starts as a draft."</p> }.into_any();
    }
    let next = data.next.clone();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="admin-catalog-table">
                <thead>
                    <tr>
                        <th scope="col">"Service"</th>
                        <th scope="col">"When"</th>
                        <th scope="col">"Seats"</th>
                        <th scope="col" class="num">"Price"</th>
                        <th scope="col">"Orders · applications"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|row| view! { <ServiceRow row set_status/> }).collect_view()}
                </tbody>
            </table>
        </div>
        {next.map(|n| view! {
            <nav class="pager" aria-label="Pages">
                <A href=href_with_query("/admin/catalog", &[("status", &status), ("after", &n)]) attr:class="button small">"Next page"</A>
            </nav>
        })}
    }
    .into_any()
}

#[component]
fn ServiceRow(row: AdminServiceRow, set_status: ServerAction<SetServiceStatus>) -> impl IntoView {
    let s = row.service;
    let id = s.service_id.clone();
    let seats = match s.capacity {
        Some(c) => format!("{} / {c}", s.seats_sold),
        None => format!("{} / unlimited", s.seats_sold),
    };
    let action = |label: &'static str, to: &'static str, id: String| {
        view! {
            <ActionForm action=set_status attr:class="inline">
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="status" value=to/>
                <button type="submit" class="button small" data-testid=format!("service-{to}")>{label}</button>
            </ActionForm>
        }
    };
    let controls = match s.status.as_str() {
        "draft" => view! { {action("Publish", "published", id.clone())} {action("Archive", "archived", id.clone())} }.into_any(),
        "published" => view! { {action("Unpublish", "draft", id.clone())} {action("Archive", "archived", id.clone())} }.into_any(),
        _ => action("Restore as draft", "draft", id.clone()).into_any(),
    };
    let badge = match s.status.as_str() {
        "published" => "badge badge-approved",
        "draft" => "badge badge-in_review",
        _ => "badge badge-withdrawn",
    };
    let title = s.title.clone();
    let summary = format!("{} · {} · {}", s.kind_label(), s.category, s.mode_label());
    view! {
        <tr data-testid="admin-service-row" data-id=id.clone()>
            <td data-label="Service">
                <A href=format!("/admin/catalog/{id}")>{title}</A>
                <div class="muted">{summary}</div>
            </td>
            <td data-label="When">{s.when()}</td>
            <td data-label="Seats">{seats}</td>
            <td data-label="Price" class="num">{money::format(s.price_minor, &s.currency)}</td>
            <td data-label="Orders · applications">{format!("{} · {}", row.orders, row.applications)}</td>
            <td data-label="Status">
                <div class="row-actions">
                    <span class=badge data-testid="service-status">{s.status.clone()}</span>
                    {controls}
                </div>
            </td>
        </tr>
    }
}

#[component]
pub fn AdminServiceEditPage() -> impl IntoView {
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
        <Title text="Edit service — Coursegate"/>
        <section class="page narrow">
            <p><A href="/admin/catalog">"← Service catalog"</A></p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(None) => view! { <h1>"New service"</h1> <ServiceForm edit=None create update/> }.into_any(),
                        Ok(Some(edit)) => view! {
                            <h1>{edit.input.title.clone()}</h1>
                            <p class="muted" data-testid="service-edit-status">{format!("Status: {} · {} seats taken", edit.status, edit.seats_sold)}</p>
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
    let zone = edit
        .as_ref()
        .map(|e| e.time_zone.clone())
        .unwrap_or_else(|| "the operator's time zone".into());
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
                <button type="submit" class="button primary" data-testid="service-save" disabled=move || update.pending().get()>"Save changes"</button>
            </ActionForm>
        }
        .into_any(),
        None => view! {
            {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
            <ActionForm action=create attr:class="form" attr:data-testid="service-form">
                {fields}
                <button type="submit" class="button primary" data-testid="service-save" disabled=move || create.pending().get()>"Create draft"</button>
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
    let message = move |field: &'static str| move || field_error(&error.get(), field);
    let invalid = move |field: &'static str| move || field_error(&error.get(), field).is_some();
    let kind = values.kind.clone();
    let mode = values.delivery_mode.clone();
    let currency = values.currency.clone();
    view! {
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("kind")>
                <label for="service-kind">"Kind"</label>
                <select id="service-kind" name="service[kind]" data-testid="service-kind">
                    {ServiceKind::ALL.iter().map(|k| view! { <option value=k.code() selected=k.code() == kind>{k.label()}</option> }).collect_view()}
                </select>
                <p class="hint">"A course has dates, seats and applications with named attendees; a service is bought by the unit."</p>
                <p class="field-error">{message("kind")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("delivery_mode")>
                <label for="service-mode">"Delivery mode"</label>
                <select id="service-mode" name="service[delivery_mode]" data-testid="service-mode">
                    {DeliveryMode::ALL.iter().map(|m| view! { <option value=m.code() selected=m.code() == mode>{m.label()}</option> }).collect_view()}
                </select>
                <p class="field-error">{message("delivery_mode")}</p>
            </div>
        </div>
        <div class="field" class:field-invalid=invalid("title")>
            <label for="service-title">"Title"</label>
            <input id="service-title" name="service[title]" value=values.title required data-testid="service-title-input"/>
            <p class="field-error">{message("title")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("category")>
            <label for="service-category">"Category"</label>
            <input id="service-category" name="service[category]" value=values.category required placeholder="Leadership" data-testid="service-category"/>
            <p class="field-error">{message("category")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("description")>
            <label for="service-description">"Description"</label>
            <textarea id="service-description" name="service[description]" rows="6" required data-testid="service-description">{crate::components::textarea_text(values.description)}</textarea>
            <p class="field-error">{message("description")}</p>
        </div>
        <p class="hint">{format!("Dates and times are in {zone}.")}</p>
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("starts_at")>
                <label for="service-starts">"Starts"</label>
                <input id="service-starts" type="datetime-local" name="service[starts_at]" value=values.starts_at data-testid="service-starts"/>
                <p class="field-error">{message("starts_at")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("ends_at")>
                <label for="service-ends">"Ends"</label>
                <input id="service-ends" type="datetime-local" name="service[ends_at]" value=values.ends_at data-testid="service-ends"/>
                <p class="field-error">{message("ends_at")}</p>
            </div>
        </div>
        <div class="field" class:field-invalid=invalid("cancellation_deadline")>
            <label for="service-deadline">"Free cancellation until " <span class="optional">"(optional; the start when empty)"</span></label>
            <input id="service-deadline" type="datetime-local" name="service[cancellation_deadline]" value=values.cancellation_deadline data-testid="service-deadline"/>
            <p class="field-error">{message("cancellation_deadline")}</p>
        </div>
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("capacity")>
                <label for="service-capacity">"Capacity " <span class="optional">"(seats; empty for no limit)"</span></label>
                <input id="service-capacity" name="service[capacity]" inputmode="numeric" value=values.capacity data-testid="service-capacity"/>
                <p class="field-error">{message("capacity")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("price")>
                <label for="service-price">"Price per seat or unit, before VAT"</label>
                <input id="service-price" name="service[price]" inputmode="decimal" value=values.price required placeholder="1250.00" data-testid="service-price-input"/>
                <p class="field-error">{message("price")}</p>
            </div>
        </div>
        <div class="field-row">
            <div class="field" class:field-invalid=invalid("currency")>
                <label for="service-currency">"Currency"</label>
                <select id="service-currency" name="service[currency]" data-testid="service-currency">
                    {money::CURRENCIES.iter().map(|c| view! { <option value=*c selected=*c == currency>{*c}</option> }).collect_view()}
                </select>
                <p class="field-error">{message("currency")}</p>
            </div>
            <div class="field" class:field-invalid=invalid("vat_rate")>
                <label for="service-vat">"VAT rate (%)"</label>
                <input id="service-vat" name="service[vat_rate]" inputmode="decimal" value=values.vat_rate required data-testid="service-vat"/>
                <p class="field-error">{message("vat_rate")}</p>
            </div>
        </div>
    }
}
