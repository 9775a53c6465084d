//! `/org/orders`: the organization's order history, with cancellation while
//! the service's rules allow it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::{list_orders, CancelOrder, Order, OrderList};
use crate::components::{error_of, general_error, href_with_query};
use crate::money;
use crate::toast::toast_on_success;
use crate::when::When;

#[component]
pub fn OrdersPage() -> impl IntoView {
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
        <Title text="Orders — Coursegate"/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">"Customer organization"</p>
                    <h1>"Orders"</h1>
                </div>
                <A href="/org/catalog" attr:class="button primary">"Browse the catalog"</A>
            </div>
            {move || cancel_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="order-error">{m}</div> })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(data) => view! { <OrderTable data paged=!after().is_empty() cancel/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn OrderTable(data: OrderList, paged: bool, cancel: ServerAction<CancelOrder>) -> impl IntoView {
    if data.rows.is_empty() {
        return view! {
            <p class="empty" data-testid="orders-empty">"No orders yet. Find a course or service in the " <A href="/org/catalog">"catalog"</A> "."</p>
        }
        .into_any();
    }
    let next = data.next.clone();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="orders-table">
                <thead>
                    <tr>
                        <th scope="col">"Ordered"</th>
                        <th scope="col">"Service"</th>
                        <th scope="col">"Quantity"</th>
                        <th scope="col">"Billing account"</th>
                        <th scope="col" class="num">"Total incl. VAT"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|order| view! { <OrderRow order cancel/> }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label="Pages">
            {paged.then(|| view! { <A href="/org/orders" attr:class="button small">"Newest"</A> })}
            {next.map(|n| view! { <A href=href_with_query("/org/orders", &[("after", &n)]) attr:class="button small" attr:data-testid="orders-next">"Older"</A> })}
        </nav>
    }
    .into_any()
}

#[component]
fn OrderRow(order: Order, cancel: ServerAction<CancelOrder>) -> impl IntoView {
    let total = money::format(order.net_minor + order.vat_minor, &order.currency);
    let detail = format!(
        "{} net + {} VAT",
        money::format(order.net_minor, &order.currency),
        money::format(order.vat_minor, &order.currency)
    );
    let status = if order.status == "cancelled" {
        view! { <span class="badge badge-rejected">"Cancelled"</span> <span class="muted">{order.cancelled.clone()}</span> }.into_any()
    } else if order.cancellable {
        let id = order.order_id.clone();
        view! {
            <span class="badge badge-approved">"Confirmed"</span>
            <ActionForm action=cancel attr:class="inline">
                <input type="hidden" name="id" value=id/>
                <button type="submit" class="button small" data-testid="order-cancel">"Cancel"</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! { <span class="badge badge-approved">"Confirmed"</span> }.into_any()
    };
    view! {
        <tr data-testid="order-row" data-id=order.order_id.clone()>
            <td data-label="Ordered"><When stamp=order.ordered.clone()/></td>
            <td data-label="Service">
                <A href=format!("/org/catalog/{}", order.service_id)>{order.service_title.clone()}</A>
                {order.starts.clone().map(|s| view! { <div class="muted">{s}</div> })}
            </td>
            <td data-label="Quantity">{order.quantity}</td>
            <td data-label="Billing account">{order.billing_account_name.clone()}</td>
            <td data-label="Total incl. VAT" class="num" title=detail>{total}</td>
            <td data-label="Status"><div class="row-actions">{status}</div></td>
        </tr>
    }
}
