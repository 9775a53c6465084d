//! Human dates in lists: "3 days ago", the exact time in the viewer's zone
//! on hover, the instant itself for machines (`<time datetime title>`).
//!
//! The relative text depends on "now". To hydrate without a mismatch, the
//! server's clock at render time travels with the page and is the "now" of
//! the first render on both sides; from 30 seconds after hydration the
//! browser's clock takes over, and the texts refresh twice a minute.

use leptos::prelude::*;

use crate::format::{self, Stamp};

/// The "now" relative dates are measured from; provided once at the root.
#[derive(Clone, Copy)]
pub struct Now(RwSignal<i64>);

impl Now {
    pub fn provide() {
        let start = SharedValue::new(server_now).into_inner();
        let now = RwSignal::new(start);
        // Effects run in the browser only, after hydration.
        Effect::new(move |_| follow_the_browser_clock(now));
        provide_context(Now(now));
    }
}

#[cfg(feature = "ssr")]
fn server_now() -> i64 {
    crate::server::now_ms()
}

/// Only reached when the browser renders without a server render to
/// hydrate, which this app does not do; the clock then starts at once.
#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn server_now() -> i64 {
    browser_now()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn server_now() -> i64 {
    0
}

#[cfg(feature = "hydrate")]
fn browser_now() -> i64 {
    js_sys::Date::now() as i64
}

/// The first tick waits too: parts of the page still hydrating (inside
/// `Suspense`) then render against the server's "now", as on the server.
#[cfg(feature = "hydrate")]
fn follow_the_browser_clock(now: RwSignal<i64>) {
    leptos::task::spawn_local(async move {
        loop {
            gloo_timers::future::sleep(std::time::Duration::from_secs(30)).await;
            if now.try_set(browser_now()).is_some() {
                // The signal is gone with the app.
                break;
            }
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn follow_the_browser_clock(_now: RwSignal<i64>) {}

/// An instant as "3 days ago" ("3 päivää sitten"), with the exact local
/// time as its title; both in the page's language (the server formats the
/// exact time in the request's locale).
#[component]
pub fn When(#[prop(into)] stamp: Stamp) -> impl IntoView {
    let locale = crate::i18n::use_locale();
    let now = use_context::<Now>();
    let at = stamp.at;
    let exact = stamp.local.clone();
    let text = move || match now {
        Some(Now(now)) => format::relative_in(locale, at, now.get()),
        None => stamp.local.clone(),
    };
    view! {
        <time datetime=format::iso(at) title=exact data-testid="when">{text}</time>
    }
}
