//! Forms with JavaScript off: the browser posts the form itself to the
//! server function. A failed post must come back as the form's page, in
//! place, with the error's 4xx status, the messages tied to their fields,
//! an error summary linking to them, and what was typed (HTML-escaped,
//! never a password). A successful one redirects, naming the action so the
//! next page confirms it.

mod common;

use common::{application_form, random_key, TestApp, PASSWORD};
use reqwest::{Client, StatusCode};

/// What a browser sends with a plain form submission.
const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

struct Answer {
    status: StatusCode,
    location: Option<String>,
    retry_after: Option<String>,
    body: String,
}

/// Posts `form` to `/api/{endpoint}` the way a browser submits a form on
/// `page`.
async fn browser_post(
    app: &TestApp,
    client: &Client,
    endpoint: &str,
    page: &str,
    form: &[(String, String)],
) -> Answer {
    let res = client
        .post(format!("{}/api/{endpoint}", app.base))
        .header("accept", BROWSER_ACCEPT)
        .header("origin", &app.base)
        .header("referer", format!("{}{page}", app.base))
        .form(form)
        .send()
        .await
        .expect("post");
    let header = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (status, location, retry_after) = (res.status(), header("location"), header("retry-after"));
    let body = res.text().await.expect("body");
    Answer {
        status,
        location,
        retry_after,
        body,
    }
}

fn pairs(form: &[(&str, &str)]) -> Vec<(String, String)> {
    form.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The opening tag of the element with `id`.
fn tag_with_id<'a>(html: &'a str, id: &str) -> &'a str {
    let needle = format!("id=\"{id}\"");
    let at = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no element with id {id} in {html}"));
    let start = html[..at].rfind('<').expect("tag start");
    let end = at + html[at..].find('>').expect("tag end");
    &html[start..=end]
}

/// The text inside the element with `id`, up to its first closing tag.
fn content_of<'a>(html: &'a str, id: &str) -> &'a str {
    let tag = tag_with_id(html, id);
    let start = html.find(tag).expect("tag") + tag.len();
    let end = start + html[start..].find("</").expect("closing tag");
    &html[start..end]
}

async fn get(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let res = client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .expect("get");
    (res.status(), res.text().await.expect("body"))
}

#[tokio::test]
async fn a_failed_application_post_comes_back_as_the_form_with_422_and_what_was_typed() {
    let app = TestApp::spawn().await;
    let form = application_form(
        &random_key(),
        &[
            ("legal_name", "Smith & \"Sons\" Oy"),
            ("phone", "12<b>34"),
            (
                "intended_use",
                "Training </textarea><script>alert(1)</script> for 40 people.",
            ),
        ],
    );

    let answer = browser_post(&app, &app.client(), "applications/submit", "/apply", &form).await;

    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    assert_eq!(answer.location, None, "a failed post is not redirected");
    let html = &answer.body;
    assert!(html.contains("data-testid=\"apply-form\""), "{html}");
    // The message, under its field and tied to it.
    let message = "Phone may contain only digits, spaces, + - ( ) and dots.";
    assert!(tag_with_id(html, "f-phone-error").contains("field-error"));
    assert!(
        content_of(html, "f-phone-error").contains(message),
        "{html}"
    );
    let phone = tag_with_id(html, "f-phone");
    assert!(
        phone.contains("aria-describedby=\"f-phone-hint f-phone-error\""),
        "{phone}"
    );
    assert!(phone.contains("aria-invalid=\"true\""), "{phone}");
    // The summary links to the field.
    let summary_at = html
        .find("data-testid=\"error-summary\"")
        .expect("error summary");
    let link_at = summary_at
        + html[summary_at..]
            .find("<a href=\"#f-phone\">")
            .expect("link to the field");
    assert!(
        html[link_at..]
            .split("</a>")
            .next()
            .unwrap_or_default()
            .contains(message),
        "{html}"
    );
    // What was typed, escaped.
    assert!(phone.contains("value=\"12&lt;b&gt;34\""), "{phone}");
    assert!(
        tag_with_id(html, "f-legal_name").contains("value=\"Smith &amp; &quot;Sons&quot; Oy\""),
        "{html}"
    );
    assert!(html.contains(
        "Training &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; for 40 people.</textarea>"
    ), "{html}");
    assert!(!html.contains("<script>alert(1)"));
    assert!(!html.contains("<b>34"));
    assert!(html.contains("<option value=\"FI\" selected"), "{html}");
    assert!(
        tag_with_id(html, "f-accept_terms").contains("checked"),
        "the ticked box stays ticked"
    );
    // Nothing stored, and the page is plain HTML (it is not at its own
    // address, so it must not hydrate).
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM application").await, 0);
    let (_, fresh) = get(&app, &app.client(), "/apply").await;
    assert!(
        fresh.contains("/pkg/coursegate.js"),
        "a normal page hydrates"
    );
    assert!(!html.contains("/pkg/coursegate.js"), "{html}");
}

#[tokio::test]
async fn the_form_posted_again_from_the_answer_page_succeeds_and_redirects_to_the_status_page() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let key = random_key();
    let bad = application_form(&key, &[("phone", "nope")]);
    let answer = browser_post(&app, &client, "applications/submit", "/apply", &bad).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);

    let good = application_form(&key, &[]);
    let answer = browser_post(&app, &client, "applications/submit", "/apply", &good).await;

    assert!(answer.status.is_redirection(), "{}", answer.body);
    let location = answer.location.expect("location");
    assert!(location.starts_with("/status/"), "{location}");
    assert!(
        location.ends_with("?done=applications%2Fsubmit"),
        "{location}"
    );
    let (status, page) = get(&app, &client, &location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"toast\""), "{page}");
    assert!(page.contains("Application sent."), "{page}");
}

#[tokio::test]
async fn a_failed_sign_in_comes_back_with_401_the_email_and_never_the_password() {
    let app = TestApp::spawn().await;
    app.admin("root@example.com").await;
    let typed_password = "not the password at all";

    let answer = browser_post(
        &app,
        &app.client(),
        "auth/sign_in",
        "/sign-in",
        &pairs(&[("email", "root@example.com"), ("password", typed_password)]),
    )
    .await;

    assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{}", answer.body);
    let html = &answer.body;
    assert!(html.contains("Email or password is incorrect."), "{html}");
    assert!(
        tag_with_id(html, "sign-in-email").contains("value=\"root@example.com\""),
        "{html}"
    );
    assert!(!html.contains(typed_password));
    assert!(
        !tag_with_id(html, "sign-in-password").contains("value="),
        "{html}"
    );

    // A malformed email is a field error: 422, summary and field tied.
    let answer = browser_post(
        &app,
        &app.client(),
        "auth/sign_in",
        "/sign-in",
        &pairs(&[("email", "not-an-email\"<i>"), ("password", typed_password)]),
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    let html = &answer.body;
    assert!(html.contains("<a href=\"#sign-in-email\">"), "{html}");
    let email = tag_with_id(html, "sign-in-email");
    assert!(
        email.contains("aria-describedby=\"sign-in-email-error\""),
        "{email}"
    );
    assert!(
        email.contains("value=\"not-an-email&quot;&lt;i&gt;\""),
        "{email}"
    );
    assert!(!html.contains(typed_password));

    // And the right password still signs in with a redirect.
    let answer = browser_post(
        &app,
        &app.client(),
        "auth/sign_in",
        "/sign-in",
        &pairs(&[("email", "root@example.com"), ("password", PASSWORD)]),
    )
    .await;
    assert!(answer.status.is_redirection(), "{}", answer.body);
    assert_eq!(answer.location.as_deref(), Some("/admin/applications"));
}

#[tokio::test]
async fn too_many_sign_ins_come_back_with_429_retry_after_and_the_email() {
    let app = TestApp::spawn_with(|s| s.rate_sign_in_per_minute = 1).await;
    let form = pairs(&[
        ("email", "someone@example.com"),
        ("password", "wrong password"),
    ]);
    let first = browser_post(&app, &app.client(), "auth/sign_in", "/sign-in", &form).await;
    assert_eq!(first.status, StatusCode::UNAUTHORIZED);

    let second = browser_post(&app, &app.client(), "auth/sign_in", "/sign-in", &form).await;

    assert_eq!(
        second.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        second.body
    );
    let wait: u64 = second
        .retry_after
        .as_deref()
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!(wait >= 1);
    assert!(
        second.body.contains(&format!(
            "Too many attempts. Please try again in {wait} seconds."
        )),
        "{}",
        second.body
    );
    assert!(tag_with_id(&second.body, "sign-in-email").contains("value=\"someone@example.com\""));
}

#[tokio::test]
async fn a_failed_answer_on_the_status_page_keeps_the_answer_and_the_fields() {
    let app = TestApp::spawn().await;
    let admin = app.admin("root@example.com").await;
    let token = app
        .submit_ok(&[
            ("legal_name", "Answering Oy"),
            (
                "intended_use",
                "Plans </textarea><b>bold</b> for 40 people.",
            ),
        ])
        .await;
    let id = app.application_id("Answering Oy").await;
    for (endpoint, form) in [
        ("admin/applications/claim", vec![("id", id.as_str())]),
        (
            "admin/applications/request_info",
            vec![
                ("id", id.as_str()),
                ("fields", "phone,intended_use"),
                ("message", "Which phone?"),
            ],
        ),
    ] {
        let (status, body) = app.call(&admin, endpoint, &form).await;
        assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
    }
    let page = format!("/status/{token}");
    let answer_text = "Our \"new\" number is <coming> & soon.";

    let answer = browser_post(
        &app,
        &app.client(),
        "applications/respond",
        &page,
        &pairs(&[
            ("token", &token),
            ("answer", answer_text),
            ("application[phone]", "call us maybe"),
        ]),
    )
    .await;

    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    let html = &answer.body;
    assert!(html.contains("data-testid=\"respond-form\""), "{html}");
    assert!(
        html.contains("Which phone?"),
        "the page shows the request again"
    );
    let link_at = html.find("<a href=\"#f-phone\">").expect("summary link");
    assert!(
        html[link_at..]
            .split("</a>")
            .next()
            .unwrap_or_default()
            .contains("Phone may contain only digits"),
        "{html}"
    );
    assert!(
        tag_with_id(html, "f-phone").contains("value=\"call us maybe\""),
        "{html}"
    );
    assert!(
        html.contains("Our \"new\" number is &lt;coming&gt; &amp; soon.</textarea>"),
        "{html}"
    );
    // A stored value with markup, shown again in a textarea, stays text.
    assert!(
        html.contains("Plans &lt;/textarea&gt;&lt;b&gt;bold&lt;/b&gt; for 40 people.</textarea>"),
        "{html}"
    );
    assert!(!html.contains("<b>bold"));
    let status: String = app
        .scalar_text(
            "SELECT status FROM application WHERE application_id = $1",
            &id,
        )
        .await;
    assert_eq!(status, "info_requested");

    // Withdrawing works too, and the status page then confirms it.
    let answer = browser_post(
        &app,
        &app.client(),
        "applications/withdraw",
        &page,
        &pairs(&[("token", &token)]),
    )
    .await;
    assert!(answer.status.is_redirection(), "{}", answer.body);
    let location = answer.location.expect("location");
    assert!(
        location.ends_with(&format!("{page}?done=applications%2Fwithdraw")),
        "{location}"
    );
    let (_, after) = get(&app, &app.client(), &page).await;
    assert!(after.contains("Withdrawn"), "{after}");
    let (_, confirmed) = get(
        &app,
        &app.client(),
        &format!("{page}?done=applications%2Fwithdraw"),
    )
    .await;
    assert!(confirmed.contains("Application withdrawn."), "{confirmed}");
}

#[tokio::test]
async fn calls_from_scripts_still_get_json_errors() {
    let app = TestApp::spawn().await;
    let (status, body) = app.submit(&[("phone", "nope")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["Validation"].is_array(), "{body}");
}
