//! The document shell, the header, the routes and the public home page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::{path, SsrMode};

use crate::accounts::{AdminsPage, OrganizationPage};
use crate::admin::{AuditPage, OrganizationsPage, OutboxPage};
use crate::applications::{ApplyPage, StatusPage};
use crate::attendees::{AttendeePersonalDataPage, AttendeesPage};
use crate::auth::{
    me, AuthRefresh, Identity, Role, SetPasswordPage, SignInCodePage, SignInPage, SignOut,
};
use crate::billing::BillingPage;
use crate::catalog::{
    AdminCatalogPage, AdminServiceEditPage, CatalogPage, OrdersPage, ServicePage,
};
use crate::courses::{
    AdminCourseApplicationPage, AdminCourseApplicationsPage, CourseApplicationPage,
    CourseApplicationsPage, NewCourseApplicationPage,
};
use crate::dashboard::{DashboardPage, UtilizationPage};
use crate::error::AppError;
use crate::expenses::ExpensesPage;
use crate::org::OrgDetailsPage;
use crate::privacy::{PrivacyPage, TermsPage};
use crate::profile::{ForgotPasswordPage, ProfilePage, TwoStepPage};
use crate::reports::ReportsPage;
use crate::review::{ApplicationDetailPage, QueuePage};
use crate::support::{AdminSupportPage, ContactPage, SupportPage};
use crate::toast::{ToastRegion, Toasts};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    // A page answering a failed plain form post stays plain HTML (see
    // `form_post`); every other page hydrates.
    let hydrate = !crate::form_post::answering_failed_post();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                {hydrate.then(|| view! { <HydrationScripts options/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// A fresh nonce per page; only scripts carrying it may run, which is what
/// the hydration script needs and what injected markup cannot have.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    use http::header::{HeaderValue, CONTENT_SECURITY_POLICY};
    provide_nonce();
    let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        &*nonce
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

pub type MeResource = Resource<Result<Option<Identity>, AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let refresh = AuthRefresh(RwSignal::new(0));
    provide_context(refresh);
    let sign_out = ServerAction::<SignOut>::new();
    let who: MeResource = Resource::new(
        move || (refresh.0.get(), sign_out.version().get()),
        |_| me(),
    );
    provide_context(who);
    Toasts::provide();
    crate::when::Now::provide();

    view! {
        <Stylesheet id="leptos" href="/pkg/coursegate.css"/>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Meta name="description" content="Coursegate: education services for organizations."/>
        <Title text="Coursegate"/>
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Header who sign_out/>
            <main id="main">
                // Every page renders completely on the server before it is sent
                // (no out-of-order streaming), so pages work without JavaScript
                // and arrive in one write.
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route ssr=SsrMode::Async path=path!("") view=HomePage/>
                    <Route ssr=SsrMode::Async path=path!("/apply") view=ApplyPage/>
                    <Route ssr=SsrMode::Async path=path!("/status/:token") view=StatusPage/>
                    <Route ssr=SsrMode::Async path=path!("/sign-in") view=SignInPage/>
                    <Route ssr=SsrMode::Async path=path!("/sign-in/code") view=SignInCodePage/>
                    <Route ssr=SsrMode::Async path=path!("/set-password/:token") view=SetPasswordPage/>
                    <Route ssr=SsrMode::Async path=path!("/forgot-password") view=ForgotPasswordPage/>
                    <Route ssr=SsrMode::Async path=path!("/profile") view=|| view! { <Gate role=Role::SystemAdmin any_role=true><ProfilePage/></Gate> }/>
                    // Not inside a Gate: the page's resources made inside the Gate's
                    // Suspend body sometimes left the server render waiting for
                    // ever; the page's server functions refuse anyone but a system
                    // administrator, and the page shows that refusal.
                    <Route ssr=SsrMode::Async path=path!("/profile/two-step") view=TwoStepPage/>
                    <Route ssr=SsrMode::Async path=path!("/admin") view=|| view! { <Redirect path="/admin/applications"/> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/applications") view=|| view! { <Gate role=Role::SystemAdmin><QueuePage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/applications/:id") view=|| view! { <Gate role=Role::SystemAdmin><ApplicationDetailPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/organizations") view=|| view! { <Gate role=Role::SystemAdmin><OrganizationsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/organizations/:id") view=|| view! { <Gate role=Role::SystemAdmin><OrganizationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/admins") view=|| view! { <Gate role=Role::SystemAdmin><AdminsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/outbox") view=|| view! { <Gate role=Role::SystemAdmin><OutboxPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/reports") view=|| view! { <Gate role=Role::SystemAdmin><ReportsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/audit") view=|| view! { <Gate role=Role::SystemAdmin><AuditPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org") view=|| view! { <Gate role=Role::CustomerAdmin><DashboardPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/attendees") view=|| view! { <Gate role=Role::CustomerAdmin><AttendeesPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/attendees/:id") view=|| view! { <Gate role=Role::CustomerAdmin><AttendeePersonalDataPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/details") view=|| view! { <Gate role=Role::CustomerAdmin><OrgDetailsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/billing") view=|| view! { <Gate role=Role::CustomerAdmin><BillingPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/catalog") view=|| view! { <Gate role=Role::CustomerAdmin><CatalogPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/catalog/:id") view=|| view! { <Gate role=Role::CustomerAdmin><ServicePage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/orders") view=|| view! { <Gate role=Role::CustomerAdmin><OrdersPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/courses") view=|| view! { <Gate role=Role::CustomerAdmin><CourseApplicationsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/courses/new") view=|| view! { <Gate role=Role::CustomerAdmin><NewCourseApplicationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/courses/:id") view=|| view! { <Gate role=Role::CustomerAdmin><CourseApplicationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/courses") view=|| view! { <Gate role=Role::SystemAdmin><AdminCourseApplicationsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/courses/:id") view=|| view! { <Gate role=Role::SystemAdmin><AdminCourseApplicationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/expenses") view=|| view! { <Gate role=Role::CustomerAdmin><ExpensesPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/utilization") view=|| view! { <Gate role=Role::CustomerAdmin><UtilizationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/catalog") view=|| view! { <Gate role=Role::SystemAdmin><AdminCatalogPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/catalog/:id") view=|| view! { <Gate role=Role::SystemAdmin><AdminServiceEditPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/support") view=|| view! { <Gate role=Role::CustomerAdmin><SupportPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/support") view=|| view! { <Gate role=Role::SystemAdmin><AdminSupportPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/contact") view=ContactPage/>
                    <Route ssr=SsrMode::Async path=path!("/privacy") view=PrivacyPage/>
                    <Route ssr=SsrMode::Async path=path!("/terms") view=TermsPage/>
                </Routes>
            </main>
            <ToastRegion/>
            <footer class="site-footer">
                <span>"Coursegate — education services for organizations"</span>
                <nav class="footer-links" aria-label="About this site">
                    <A href="/privacy" attr:data-testid="footer-privacy">"Privacy notice"</A>
                    <A href="/terms" attr:data-testid="footer-terms">"Terms of service"</A>
                    <A href="/contact">"Contact"</A>
                </nav>
            </footer>
        </Router>
    }
}

#[component]
fn Header(who: MeResource, sign_out: ServerAction<SignOut>) -> impl IntoView {
    let links = move || {
        let me = who.get().and_then(Result::ok).flatten();
        match me {
            Some(me) => {
                let nav = match me.role {
                    Role::SystemAdmin => view! {
                        <A href="/admin/applications">"Applications"</A>
                        <A href="/admin/organizations">"Organizations"</A>
                        <A href="/admin/catalog">"Catalog"</A>
                        <A href="/admin/courses">"Course applications"</A>
                        <A href="/admin/reports">"Reports"</A>
                        <A href="/admin/outbox">"Outbox"</A>
                        <A href="/admin/audit">"Audit trail"</A>
                        <A href="/admin/support">"Support"</A>
                        <A href="/admin/admins">"Administrators"</A>
                    }
                    .into_any(),
                    Role::CustomerAdmin => view! {
                        <A href="/org" exact=true>"Dashboard"</A>
                        <A href="/org/catalog">"Catalog"</A>
                        <A href="/org/orders">"Orders"</A>
                        <A href="/org/courses">"Courses"</A>
                        <A href="/org/expenses">"Expenses"</A>
                        <A href="/org/utilization">"Utilization"</A>
                        <A href="/org/attendees">"Attendees"</A>
                        <A href="/org/billing">"Billing accounts"</A>
                        <A href="/support">"Support"</A>
                    }
                    .into_any(),
                };
                view! {
                    <nav class="nav" aria-label="Main">{nav}</nav>
                    <div class="who">
                        <span class="who-email" data-testid="who">{me.email.clone()}</span>
                        <A href="/profile" attr:class="button small" attr:data-testid="profile-link">"Profile"</A>
                        <ActionForm action=sign_out attr:class="inline">
                            <button type="submit" class="button small" data-testid="sign-out">"Sign out"</button>
                        </ActionForm>
                    </div>
                }
                .into_any()
            }
            None => view! {
                <nav class="nav" aria-label="Main">
                    <A href="/apply">"Apply"</A>
                </nav>
                <div class="who"><A href="/sign-in" attr:class="button small">"Sign in"</A></div>
            }
            .into_any(),
        }
    };
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"C"</span>
                "Coursegate"
            </A>
            <Transition fallback=|| ()>{links}</Transition>
        </header>
    }
}

/// Shows its children only to the given role; anyone else gets a clear
/// message (with `any_role`, every signed-in person passes). The server
/// functions behind the pages check again.
#[component]
fn Gate(role: Role, #[prop(optional)] any_role: bool, children: ChildrenFn) -> impl IntoView {
    let who = expect_context::<MeResource>();
    let children = StoredValue::new(children);
    view! {
        <Suspense fallback=|| view! { <p class="page muted">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match who.await {
                    // Built untracked: a Suspend re-runs when anything read in its
                    // body changes, and a page that read its own data while being
                    // built would be rebuilt, fetch again, and never finish rendering.
                    Ok(Some(me)) if any_role || me.role == role => untrack(|| children.with_value(|c| c())).into_any(),
                    Ok(Some(_)) => view! {
                        <section class="page narrow">
                            <h1>"Not available"</h1>
                            <p data-testid="forbidden">"This page belongs to another role. Sign out and sign in with the right account."</p>
                        </section>
                    }.into_any(),
                    Ok(None) => view! {
                        <section class="page narrow">
                            <h1>"Please sign in"</h1>
                            <p>"You need to sign in to see this page."</p>
                            <a class="button primary" href="/sign-in" data-testid="gate-sign-in">"Sign in"</a>
                        </section>
                    }.into_any(),
                    Err(e) => view! {
                        <section class="page narrow error-page">
                            <h1>"Something went wrong"</h1>
                            <div class="banner banner-error" role="alert">{e.to_string()}</div>
                            <div class="error-actions">
                                <a class="button" href="/">"Go to the front page"</a>
                            </div>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HomePage() -> impl IntoView {
    view! {
        <section class="hero">
            <div class="hero-text">
                <h1>"Courses, training and coaching for your whole organization"</h1>
                <p class="lead">
                    "Coursegate is where organizations buy education services from us: apply once, and after our review your organization gets its own dashboard for purchases, course applications, attendees and billing."
                </p>
                <div class="hero-actions">
                    <A href="/apply" attr:class="button primary large" attr:data-testid="cta-apply">"Apply for a customer account"</A>
                    <A href="/sign-in" attr:class="button large">"Sign in"</A>
                </div>
                <p class="muted">"A question about applying? " <A href="/contact" attr:data-testid="home-contact">"Contact us"</A> "."</p>
            </div>
            <ol class="steps" aria-label="How it works">
                <li><strong>"Apply"</strong><span>"Tell us who you are and what you need. It takes five minutes."</span></li>
                <li><strong>"We review"</strong><span>"Follow the review through your private link and answer any questions."</span></li>
                <li><strong>"Get started"</strong><span>"Once approved, your Customer admin sets a password and signs in."</span></li>
            </ol>
        </section>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="page narrow error-page" data-testid="not-found">
            <Title text="Not found — Coursegate"/>
            <p class="error-code" aria-hidden="true">"404"</p>
            <h1>"Page not found"</h1>
            <p class="lead">"There is nothing at this address. The link may be mistyped, or the page may have moved."</p>
            <div class="error-actions">
                <A href="/" attr:class="button primary">"Go to the front page"</A>
                <A href="/contact" attr:class="button">"Contact us"</A>
            </div>
        </section>
    }
}
