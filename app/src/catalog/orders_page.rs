//! `/org/orders`: the organization's order history, with cancellation while
//! the service's rules allow it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::{list_orders, CancelOrder, Order, OrderList};
use crate::components::{error_of, general_error, href_with_query};
use crate::i18n::use_locale;
use crate::money;
use crate::toast::toast_on_success;
use crate::when::When;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let after = move || query.read().get("after").unwrap_or_default();
    let cancel = ServerAction::<CancelOrder>::new();
    toast_on_success(cancel);
    let list = Resource::new(
        move || (after(), cancel.version().get()),
        |(after, _)| list_orders(after),
    );
    let cancel_error = move || general_error(&error_of(cancel.value()));
    view! {
        <Title text=l.t("orders-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("dashboard-eyebrow")}</p>
                    <h1>{l.t("nav-orders")}</h1>
                </div>
                <A href="/org/catalog" attr:class="button primary">{l.t("dashboard-browse-catalog")}</A>
            </div>
            {move || cancel_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="order-error">{m}</div> })}
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(data) => view! { <OrderTable data paged=!after().is_empty() cancel/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OrderTable(data: OrderList, paged: bool, cancel: ServerAction<CancelOrder>) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        return view! {
            <p class="empty" data-testid="orders-empty">{l.t("orders-empty")} " " <A href="/org/catalog">{l.t("orders-empty-link")}</A></p>
        }
        .into_any();
    }
    let next = data.next.clone();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="orders-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("orders-ordered")}</th>
                        <th scope="col">{l.t("orders-service")}</th>
                        <th scope="col">{l.t("orders-quantity")}</th>
                        <th scope="col">{l.t("orders-billing-account")}</th>
                        <th scope="col" class="num">{l.t("orders-total")}</th>
                        <th scope="col">{l.t("orders-status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|order| view! { <OrderRow order cancel/> }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=l.t("pager-label")>
            {paged.then(|| view! { <A href="/org/orders" attr:class="button small">{l.t("orders-newest")}</A> })}
            {next.map(|n| view! { <A href=href_with_query("/org/orders", &[("after", &n)]) attr:class="button small" attr:data-testid="orders-next">{l.t("orders-older")}</A> })}
        </nav>
    }
    .into_any()
}

#[component]
fn OrderRow(order: Order, cancel: ServerAction<CancelOrder>) -> impl IntoView {
    let l = use_locale();
    let total = money::format_in(l, order.net_minor + order.vat_minor, &order.currency);
    let detail = l.t_args(
        "orders-net-and-vat",
        &[
            (
                "net",
                money::format_in(l, order.net_minor, &order.currency).into(),
            ),
            (
                "vat",
                money::format_in(l, order.vat_minor, &order.currency).into(),
            ),
        ],
    );
    let status = if order.status == "cancelled" {
        view! { <span class="badge badge-rejected">{l.t("orders-cancelled")}</span> <span class="muted">{order.cancelled.clone()}</span> }.into_any()
    } else if order.cancellable {
        let id = order.order_id.clone();
        view! {
            <span class="badge badge-approved">{l.t("orders-confirmed")}</span>
            <ActionForm action=cancel attr:class="inline">
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="button small" data-testid="order-cancel">{l.t("orders-cancel")}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! { <span class="badge badge-approved">{l.t("orders-confirmed")}</span> }.into_any()
    };
    view! {
        <tr data-testid="order-row" data-id=order.order_id.clone()>
            <td data-label=l.t("orders-ordered")><When stamp=order.ordered.clone()/></td>
            <td data-label=l.t("orders-service")>
                <A href=format!("/org/catalog/{}", order.service_id)>{order.service_title.clone()}</A>
                {order.starts.clone().map(|s| view! { <div class="muted">{s}</div> })}
            </td>
            <td data-label=l.t("orders-quantity")>{order.quantity}</td>
            <td data-label=l.t("orders-billing-account")>{order.billing_account_name.clone()}</td>
            <td data-label=l.t("orders-total") class="num" title=detail>{total}</td>
            <td data-label=l.t("orders-status")><div class="row-actions">{status}</div></td>
        </tr>
    }
}
