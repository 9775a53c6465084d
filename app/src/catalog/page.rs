//! `/org/catalog`: browse, search and filter what the operator sells, and
//! `/org/catalog/:id`: one service, with the purchase form.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{
    get_service, list_catalog, CatalogFilter, Purchase, Service, ServiceDetail, ServiceList,
};
use crate::billing::list_billing_accounts;
use crate::components::{field_error, general_error, href_with_query, random_key, successes};
use crate::money;
use crate::toast::toast_on_success;
use crate::validate::DeliveryMode;

fn filter_from_query(query: &leptos_router::params::ParamsMap) -> CatalogFilter {
    let get = |key: &str| query.get(key).unwrap_or_default();
    CatalogFilter {
        q: get("q"),
        category: get("category"),
        mode: get("mode"),
        from: get("from"),
        to: get("to"),
        min_price: get("min_price"),
        max_price: get("max_price"),
    }
}

fn catalog_href(filter: &CatalogFilter, after: &str) -> String {
    href_with_query(
        "/org/catalog",
        &[
            ("q", &filter.q),
            ("category", &filter.category),
            ("mode", &filter.mode),
            ("from", &filter.from),
            ("to", &filter.to),
            ("min_price", &filter.min_price),
            ("max_price", &filter.max_price),
            ("after", after),
        ],
    )
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| filter_from_query(&query.read()));
    let after = move || query.read().get("after").unwrap_or_default();
    let list = Resource::new(
        move || (filter.get(), after()),
        |(filter, after)| list_catalog(filter, after),
    );

    view! {
        <Title text="Catalog — Coursegate"/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">"Customer organization"</p>
                    <h1>"Catalog"</h1>
                </div>
                <A href="/org/orders" attr:class="button">"Your orders"</A>
            </div>
            <p class="lead">"Courses and services you can buy. Prices are per seat or unit, before VAT; the VAT rate is shown with each price."</p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    let filter = filter.get_untracked();
                    match list.await {
                        Ok(data) => view! {
                            <FilterForm filter=filter.clone() categories=data.categories.clone() error=None/>
                            <CatalogResults data filter paged=!after().is_empty()/>
                        }.into_any(),
                        Err(e) => {
                            let error = Some(e.clone());
                            view! {
                                <FilterForm filter categories=Vec::new() error=error.clone()/>
                                {general_error(&error).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div> })}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn FilterForm(
    filter: CatalogFilter,
    categories: Vec<String>,
    error: Option<crate::error::AppError>,
) -> impl IntoView {
    let message = move |field: &str| field_error(&error, field);
    let selected_category = filter.category.clone();
    let selected_mode = filter.mode.clone();
    view! {
        <Form method="GET" action="/org/catalog" attr:class="filters" attr:role="search" attr:data-testid="catalog-filters">
            <div class="field grow">
                <label for="catalog-q">"Search"</label>
                <input id="catalog-q" type="search" name="q" value=filter.q placeholder="Title, topic or category" data-testid="catalog-search"/>
                <p class="field-error">{message("q")}</p>
            </div>
            <div class="field">
                <label for="catalog-category">"Category"</label>
                <select id="catalog-category" name="category" data-testid="catalog-category">
                    <option value="">"All"</option>
                    {categories.into_iter().map(|c| {
                        let selected = c == selected_category;
                        view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="catalog-mode">"Delivery"</label>
                <select id="catalog-mode" name="mode" data-testid="catalog-mode">
                    <option value="">"Any"</option>
                    {DeliveryMode::ALL.iter().map(|m| {
                        let selected = m.code() == selected_mode;
                        view! { <option value=m.code() selected=selected>{m.label()}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error">{message("mode")}</p>
            </div>
            <div class="field">
                <label for="catalog-from">"Starts from"</label>
                <input id="catalog-from" type="date" name="from" value=filter.from data-testid="catalog-from"/>
                <p class="field-error">{message("from")}</p>
            </div>
            <div class="field">
                <label for="catalog-to">"Starts by"</label>
                <input id="catalog-to" type="date" name="to" value=filter.to data-testid="catalog-to"/>
                <p class="field-error">{message("to")}</p>
            </div>
            <div class="field narrow-field">
                <label for="catalog-min">"Price from"</label>
                <input id="catalog-min" name="min_price" inputmode="decimal" value=filter.min_price data-testid="catalog-min"/>
                <p class="field-error">{message("min_price")}</p>
            </div>
            <div class="field narrow-field">
                <label for="catalog-max">"Price to"</label>
                <input id="catalog-max" name="max_price" inputmode="decimal" value=filter.max_price data-testid="catalog-max"/>
                <p class="field-error">{message("max_price")}</p>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button primary" data-testid="catalog-apply">"Filter"</button>
                <A href="/org/catalog" attr:class="button">"Clear"</A>
            </div>
        </Form>
    }
}

#[component]
fn CatalogResults(data: ServiceList, filter: CatalogFilter, paged: bool) -> impl IntoView {
    if data.rows.is_empty() {
        let text = if filter == CatalogFilter::default() {
            "The catalog is empty right now. New courses and services appear here as soon as they are published."
        } else {
            "Nothing matches these filters. Clear them to see the whole catalog."
        };
        return view! { <p class="empty" data-testid="catalog-empty">{text}</p> }.into_any();
    }
    let next = data.next.clone();
    view! {
        <ul class="service-grid" data-testid="catalog-list">
            {data.rows.into_iter().map(|service| view! { <ServiceCard service/> }).collect_view()}
        </ul>
        <nav class="pager" aria-label="Pages">
            {paged.then(|| view! { <A href=catalog_href(&filter, "") attr:class="button small">"First page"</A> })}
            {next.map(|n| view! { <A href=catalog_href(&filter, &n) attr:class="button small" attr:data-testid="catalog-next">"Next page"</A> })}
        </nav>
    }
    .into_any()
}

#[component]
fn ServiceCard(service: Service) -> impl IntoView {
    let href = format!("/org/catalog/{}", service.service_id);
    let seats = seats_text(&service);
    let title = service.title.clone();
    view! {
        <li class="service-card" data-testid="catalog-item">
            <div class="service-card-head">
                <span class="badge">{service.kind_label()}</span>
                <span class="muted">{service.category.clone()}</span>
            </div>
            <h2><A href=href>{title}</A></h2>
            <p class="muted">{service.when()} " · " {service.mode_label()}</p>
            <p class="price" data-testid="catalog-price">{service.price_label()}</p>
            <p class="muted">{seats}</p>
        </li>
    }
}

fn seats_text(service: &Service) -> String {
    match service.seats_left() {
        None => "No seat limit".into(),
        Some(0) => "Fully booked".into(),
        Some(1) => "1 seat left".into(),
        Some(n) => format!("{n} seats left"),
    }
}

#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let purchase = ServerAction::<Purchase>::new();
    toast_on_success(purchase);
    let bought = successes(purchase.value());
    let detail = Resource::new(move || (id(), bought.get()), |(id, _)| get_service(id));
    // Made here, not inside the purchase card: a resource created inside a
    // Suspend's body is matched to the server's data by creation order
    // during hydration, which breaks when the card renders in a later pass.
    let accounts = Resource::new(|| (), |_| list_billing_accounts(false));
    view! {
        <Title text="Service — Coursegate"/>
        <section class="page wide">
            <p><A href="/org/catalog">"← Catalog"</A></p>
            {move || matches!(purchase.value().get(), Some(Ok(_))).then(|| view! {
                // The toast announces it; the banner stays for the link.
                <div class="banner banner-success" data-testid="purchase-done">
                    "Order confirmed. " <A href="/org/orders">"See your orders"</A>
                </div>
            })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(detail) => view! { <ServiceView detail purchase accounts/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ServiceView(
    detail: ServiceDetail,
    purchase: ServerAction<Purchase>,
    accounts: Resource<Result<Vec<crate::billing::BillingAccount>, crate::error::AppError>>,
) -> impl IntoView {
    let service = detail.service.clone();
    let is_course = service.kind == "course";
    let apply_href = format!("/org/courses/new?service={}", service.service_id);
    let deadline = service
        .cancellation_deadline
        .clone()
        .or(service.starts.clone());
    view! {
        <Title text=format!("{} — Coursegate", service.title)/>
        <div class="page-head">
            <div>
                <p class="eyebrow">{service.kind_label()} " · " {service.category.clone()}</p>
                <h1 data-testid="service-title">{service.title.clone()}</h1>
            </div>
        </div>
        <div class="workspace-grid">
            <div>
                <dl class="facts">
                    <dt>"When"</dt><dd data-testid="service-when">{service.when()}</dd>
                    <dt>"Delivery"</dt><dd>{service.mode_label()}</dd>
                    <dt>"Price"</dt><dd data-testid="service-price">{service.price_label()} {if is_course { " per seat" } else { " per unit" }}</dd>
                    <dt>"Availability"</dt><dd data-testid="service-seats">{seats_text(&service)}</dd>
                    <dt>"Cancellation"</dt>
                    <dd>{match deadline {
                        Some(d) => format!("Free cancellation until {d}"),
                        None => "Cancel any time before delivery".into(),
                    }}</dd>
                    <dt>"Your organization"</dt>
                    <dd data-testid="service-mine">{format!("{} bought, {} used by accepted attendees", detail.seats_bought, detail.seats_used)}</dd>
                </dl>
                <div class="prose pre-line">{service.description.clone()}</div>
            </div>
            <div>
                {if service.open {
                    view! { <PurchaseCard service=service.clone() purchase accounts/> }.into_any()
                } else {
                    view! { <div class="card"><p class="muted" data-testid="service-closed">"This can no longer be bought."</p></div> }.into_any()
                }}
                {(is_course && service.open).then(|| view! {
                    <div class="card">
                        <h2>"Apply with named attendees"</h2>
                        <p class="muted">"Send a course application for the people who will attend; seats you bought are used first."</p>
                        <A href=apply_href attr:class="button" attr:data-testid="service-apply">"Apply for this course"</A>
                    </div>
                })}
            </div>
        </div>
    }
}

#[component]
fn PurchaseCard(
    service: Service,
    purchase: ServerAction<Purchase>,
    accounts: Resource<Result<Vec<crate::billing::BillingAccount>, crate::error::AppError>>,
) -> impl IntoView {
    // The same key in the server's render and the hydrated form; a fresh one
    // after each completed order.
    let key = RwSignal::new(SharedValue::new(random_key).into_inner());
    let since = purchase.version().get_untracked();
    let result = move || {
        (purchase.version().get() > since)
            .then(|| purchase.value().get())
            .flatten()
    };
    Effect::new(move |_| {
        if matches!(purchase.value().get(), Some(Ok(_))) {
            key.set(random_key());
        }
    });
    let error = Signal::derive(move || result().and_then(Result::err));
    let price = service.price_minor;
    let currency = service.currency.clone();
    let rate = service.vat_rate_bp;
    let quantity = RwSignal::new(1i64);
    let total = move || {
        let net = quantity.get() * price;
        format!(
            "{} + VAT {} = {}",
            money::format(net, &currency),
            money::format(money::vat(net, rate), &currency),
            money::format(net + money::vat(net, rate), &currency)
        )
    };
    let service_id = service.service_id.clone();
    view! {
        <div class="card">
            <h2>{if service.kind == "course" { "Buy seats" } else { "Buy" }}</h2>
            {move || match result() {
                Some(Err(e)) => general_error(&Some(e)).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="purchase-error">{m}</div> }),
                _ => None,
            }}
            <Transition fallback=|| view! { <p class="muted">"Loading billing accounts…"</p> }>
                {move || {
                    let service_id = service_id.clone();
                    let total = total.clone();
                    Suspend::new(async move {
                    match accounts.await {
                        Ok(list) if list.is_empty() => view! {
                            <p data-testid="purchase-no-account">"Add a billing account first: " <A href="/org/billing">"Billing accounts"</A></p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ActionForm action=purchase attr:class="form" attr:data-testid="purchase-form">
                                <input type="hidden" name="service_id" value=service_id/>
                                <input type="hidden" name="key" prop:value=move || key.get()/>
                                <div class="field" class:field-invalid=move || field_error(&error.get(), "billing_account_id").is_some()>
                                    <label for="purchase-account">"Billing account"</label>
                                    <select id="purchase-account" name="billing_account_id" data-testid="purchase-account">
                                        {list.into_iter().map(|a| view! {
                                            <option value=a.billing_account_id.clone() selected=a.is_default>{a.name.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                    <p class="field-error">{move || field_error(&error.get(), "billing_account_id")}</p>
                                </div>
                                <div class="field" class:field-invalid=move || field_error(&error.get(), "quantity").is_some()>
                                    <label for="purchase-quantity">"Quantity"</label>
                                    <input id="purchase-quantity" name="quantity" type="number" min="1" max="500" value="1"
                                        data-testid="purchase-quantity"
                                        on:input=move |ev| quantity.set(event_target_value(&ev).parse().unwrap_or(0))/>
                                    <p class="field-error">{move || field_error(&error.get(), "quantity")}</p>
                                </div>
                                <p class="muted" data-testid="purchase-total">{total.clone()}</p>
                                <button type="submit" class="button primary" data-testid="purchase-submit"
                                    disabled=move || purchase.pending().get()>"Place order"</button>
                            </ActionForm>
                        }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert">{e.to_string()}</div> }.into_any(),
                    }
                })}}
            </Transition>
        </div>
    }
}
