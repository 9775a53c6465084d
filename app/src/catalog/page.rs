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
use crate::i18n::use_locale;
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
    let l = use_locale();
    let query = use_query_map();
    let filter = Memo::new(move |_| filter_from_query(&query.read()));
    let after = move || query.read().get("after").unwrap_or_default();
    let list = Resource::new(
        move || (filter.get(), after()),
        |(filter, after)| list_catalog(filter, after),
    );

    view! {
        <Title text=l.t("catalog-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("dashboard-eyebrow")}</p>
                    <h1>{l.t("nav-catalog")}</h1>
                </div>
                <A href="/org/orders" attr:class="button">{l.t("catalog-your-orders")}</A>
            </div>
            <p class="lead">{l.t("catalog-lead")}</p>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
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
    let l = use_locale();
    view! {
        <Form method="GET" action="/org/catalog" attr:class="filters" attr:role="search" attr:data-testid="catalog-filters">
            <div class="field grow">
                <label for="catalog-q">{l.t("catalog-search")}</label>
                <input id="catalog-q" type="search" name="q" value=filter.q placeholder=l.t("catalog-search-placeholder") data-testid="catalog-search"/>
                <p class="field-error">{message("q")}</p>
            </div>
            <div class="field">
                <label for="catalog-category">{l.t("catalog-category")}</label>
                <select id="catalog-category" name="category" data-testid="catalog-category">
                    <option value="">{l.t("catalog-all")}</option>
                    {categories.into_iter().map(|c| {
                        let selected = c == selected_category;
                        view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="catalog-mode">{l.t("catalog-delivery")}</label>
                <select id="catalog-mode" name="mode" data-testid="catalog-mode">
                    <option value="">{l.t("catalog-any")}</option>
                    {DeliveryMode::ALL.iter().map(|m| {
                        let selected = m.code() == selected_mode;
                        view! { <option value=m.code() selected=selected>{m.label_in(l)}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error">{message("mode")}</p>
            </div>
            <div class="field">
                <label for="catalog-from">{l.t("catalog-starts-from")}</label>
                <input id="catalog-from" type="date" name="from" value=filter.from data-testid="catalog-from"/>
                <p class="field-error">{message("from")}</p>
            </div>
            <div class="field">
                <label for="catalog-to">{l.t("catalog-starts-by")}</label>
                <input id="catalog-to" type="date" name="to" value=filter.to data-testid="catalog-to"/>
                <p class="field-error">{message("to")}</p>
            </div>
            <div class="field narrow-field">
                <label for="catalog-min">{l.t("catalog-price-from")}</label>
                <input id="catalog-min" name="min_price" inputmode="decimal" value=filter.min_price data-testid="catalog-min"/>
                <p class="field-error">{message("min_price")}</p>
            </div>
            <div class="field narrow-field">
                <label for="catalog-max">{l.t("catalog-price-to")}</label>
                <input id="catalog-max" name="max_price" inputmode="decimal" value=filter.max_price data-testid="catalog-max"/>
                <p class="field-error">{message("max_price")}</p>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button primary" data-testid="catalog-apply">{l.t("catalog-filter")}</button>
                <A href="/org/catalog" attr:class="button">{l.t("catalog-clear")}</A>
            </div>
        </Form>
    }
}

#[component]
fn CatalogResults(data: ServiceList, filter: CatalogFilter, paged: bool) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        let text = if filter == CatalogFilter::default() {
            l.t("catalog-empty")
        } else {
            l.t("catalog-no-match")
        };
        return view! { <p class="empty" data-testid="catalog-empty">{text}</p> }.into_any();
    }
    let next = data.next.clone();
    view! {
        <ul class="service-grid" data-testid="catalog-list">
            {data.rows.into_iter().map(|service| view! { <ServiceCard service/> }).collect_view()}
        </ul>
        <nav class="pager" aria-label=l.t("pager-label")>
            {paged.then(|| view! { <A href=catalog_href(&filter, "") attr:class="button small">{l.t("pager-first")}</A> })}
            {next.map(|n| view! { <A href=catalog_href(&filter, &n) attr:class="button small" attr:data-testid="catalog-next">{l.t("pager-next")}</A> })}
        </nav>
    }
    .into_any()
}

#[component]
fn ServiceCard(service: Service) -> impl IntoView {
    let l = use_locale();
    let href = format!("/org/catalog/{}", service.service_id);
    let seats = seats_text(&service);
    let title = service.title.clone();
    view! {
        <li class="service-card" data-testid="catalog-item">
            <div class="service-card-head">
                <span class="badge">{service.kind_label_in(l)}</span>
                <span class="muted">{service.category.clone()}</span>
            </div>
            <h2><A href=href>{title}</A></h2>
            <p class="muted">{service.when_in(l)} " · " {service.mode_label_in(l)}</p>
            <p class="price" data-testid="catalog-price">{service.price_label_in(l)}</p>
            <p class="muted">{seats}</p>
        </li>
    }
}

fn seats_text(service: &Service) -> String {
    let l = use_locale();
    match service.seats_left() {
        None => l.t("catalog-no-seat-limit"),
        Some(0) => l.t("catalog-fully-booked"),
        Some(n) => l.t_args("catalog-seats-left", &[("count", n.into())]),
    }
}

#[component]
pub fn ServicePage() -> impl IntoView {
    let params = use_params_map();
    let l = use_locale();
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
        <Title text=l.t("catalog-service-title")/>
        <section class="page wide">
            <p><A href="/org/catalog">"← " {l.t("nav-catalog")}</A></p>
            {move || matches!(purchase.value().get(), Some(Ok(_))).then(|| view! {
                // The toast announces it; the banner stays for the link.
                <div class="banner banner-success" data-testid="purchase-done">
                    {l.t("catalog-order-confirmed")} " " <A href="/org/orders">{l.t("catalog-see-orders")}</A>
                </div>
            })}
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(detail) => view! { <ServiceView detail purchase accounts/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div> }.into_any(),
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
    let l = use_locale();
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
                <p class="eyebrow">{service.kind_label_in(l)} " · " {service.category.clone()}</p>
                <h1 data-testid="service-title">{service.title.clone()}</h1>
            </div>
        </div>
        <div class="workspace-grid">
            <div>
                <dl class="facts">
                    <dt>{l.t("catalog-when")}</dt><dd data-testid="service-when">{service.when_in(l)}</dd>
                    <dt>{l.t("catalog-delivery")}</dt><dd>{service.mode_label_in(l)}</dd>
                    <dt>{l.t("catalog-price")}</dt><dd data-testid="service-price">{service.price_label_in(l)} " " {if is_course { l.t("catalog-per-seat") } else { l.t("catalog-per-unit") }}</dd>
                    <dt>{l.t("catalog-availability")}</dt><dd data-testid="service-seats">{seats_text(&service)}</dd>
                    <dt>{l.t("catalog-cancellation")}</dt>
                    <dd>{match deadline {
                        Some(d) => l.t_args("catalog-free-cancellation-until", &[("date", d.into())]),
                        None => l.t("catalog-cancel-before-delivery"),
                    }}</dd>
                    <dt>{l.t("catalog-your-organization")}</dt>
                    <dd data-testid="service-mine">{l.t_args("catalog-bought-used", &[("bought", detail.seats_bought.into()), ("used", detail.seats_used.into())])}</dd>
                </dl>
                <div class="prose pre-line">{service.description.clone()}</div>
            </div>
            <div>
                {if service.open {
                    view! { <PurchaseCard service=service.clone() purchase accounts/> }.into_any()
                } else {
                    view! { <div class="card"><p class="muted" data-testid="service-closed">{l.t("catalog-closed")}</p></div> }.into_any()
                }}
                {(is_course && service.open).then(|| view! {
                    <div class="card">
                        <h2>{l.t("catalog-apply-heading")}</h2>
                        <p class="muted">{l.t("catalog-apply-text")}</p>
                        <A href=apply_href attr:class="button" attr:data-testid="service-apply">{l.t("catalog-apply-button")}</A>
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
    let l = use_locale();
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
        l.t_args(
            "catalog-total",
            &[
                ("net", money::format_in(l, net, &currency).into()),
                (
                    "vat",
                    money::format_in(l, money::vat(net, rate), &currency).into(),
                ),
                (
                    "total",
                    money::format_in(l, net + money::vat(net, rate), &currency).into(),
                ),
            ],
        )
    };
    let service_id = service.service_id.clone();
    view! {
        <div class="card">
            <h2>{if service.kind == "course" { l.t("catalog-buy-seats") } else { l.t("catalog-buy") }}</h2>
            {move || match result() {
                Some(Err(e)) => general_error(&Some(e)).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="purchase-error">{m}</div> }),
                _ => None,
            }}
            <Transition fallback=move || view! { <p class="muted">{l.t("catalog-loading-accounts")}</p> }>
                {move || {
                    let service_id = service_id.clone();
                    let total = total.clone();
                    Suspend::new(async move {
                    match accounts.await {
                        Ok(list) if list.is_empty() => view! {
                            <p data-testid="purchase-no-account">{l.t("catalog-add-account-first")} " " <A href="/org/billing">{l.t("nav-billing")}</A></p>
                        }.into_any(),
                        Ok(list) => view! {
                            <ActionForm action=purchase attr:class="form" attr:data-testid="purchase-form">
                                <input type="hidden" name="service_id" value=service_id/>
                                <input type="hidden" name="key" prop:value=move || key.get()/>
                                <div class="field" class:field-invalid=move || field_error(&error.get(), "billing_account_id").is_some()>
                                    <label for="purchase-account">{l.t("orders-billing-account")}</label>
                                    <select id="purchase-account" name="billing_account_id" data-testid="purchase-account">
                                        {list.into_iter().map(|a| view! {
                                            <option value=a.billing_account_id.clone() selected=a.is_default>{a.name.clone()}</option>
                                        }).collect_view()}
                                    </select>
                                    <p class="field-error">{move || field_error(&error.get(), "billing_account_id")}</p>
                                </div>
                                <div class="field" class:field-invalid=move || field_error(&error.get(), "quantity").is_some()>
                                    <label for="purchase-quantity">{l.t("orders-quantity")}</label>
                                    <input id="purchase-quantity" name="quantity" type="number" min="1" max="500" value="1"
                                        data-testid="purchase-quantity"
                                        on:input=move |ev| quantity.set(event_target_value(&ev).parse().unwrap_or(0))/>
                                    <p class="field-error">{move || field_error(&error.get(), "quantity")}</p>
                                </div>
                                <p class="muted" data-testid="purchase-total">{total.clone()}</p>
                                <button type="submit" class="button primary" data-testid="purchase-submit"
                                    disabled=move || purchase.pending().get()>{l.t("catalog-place-order")}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert">{e.message(l)}</div> }.into_any(),
                    }
                })}}
            </Transition>
        </div>
    }
}
