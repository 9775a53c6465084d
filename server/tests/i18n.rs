//! Languages: the public pages in Finnish by `Accept-Language` and by the
//! switcher's cookie, English by default, the switcher's redirect kept on
//! this site, validation messages in the request's language, and mails in
//! the language recorded with the application.

mod common;

use common::{link_token, random_key, TestApp};
use reqwest::{Client, StatusCode};

async fn page(
    app: &TestApp,
    client: &Client,
    path: &str,
    lang: Option<&str>,
) -> (StatusCode, String) {
    let mut request = client.get(format!("{}{path}", app.base));
    if let Some(lang) = lang {
        request = request.header("accept-language", lang);
    }
    let res = request.send().await.expect("get");
    (res.status(), res.text().await.expect("body"))
}

/// Each public page with a Finnish phrase only its Finnish version has.
const PAGES: &[(&str, &str)] = &[
    ("/", "Kurssit, koulutus ja valmennus koko organisaatiollesi"),
    ("/apply", "Virallinen nimi"),
    ("/sign-in", "Unohditko salasanasi?"),
    ("/sign-in/code", "Kaksivaiheinen kirjautuminen"),
    ("/forgot-password", "Lähetä linkki"),
    ("/contact", "Tiliä ei tarvita"),
    ("/privacy", "Kuinka kauan säilytämme tietoja"),
    ("/terms", "Asiallinen käyttö"),
    ("/no-such-page", "Sivua ei löydy"),
];

#[tokio::test]
async fn public_pages_render_in_finnish_for_accept_language_fi() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for (path, phrase) in PAGES {
        let (status, body) = page(&app, &client, path, Some("fi-FI,fi;q=0.9,en;q=0.8")).await;
        assert!(
            status == StatusCode::OK || *path == "/no-such-page",
            "{path}: {status}"
        );
        assert!(body.contains(r#"<html lang="fi""#), "{path}: no lang=fi");
        assert!(body.contains(phrase), "{path}: {phrase:?} missing");
        // The shell is Finnish too.
        assert!(
            body.contains("Tietosuojaseloste"),
            "{path}: footer not Finnish"
        );
    }
}

#[tokio::test]
async fn english_stays_the_default_and_wins_by_q_value() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for lang in [None, Some("en"), Some("sv, de"), Some("fi;q=0.3, en;q=0.9")] {
        let (_, body) = page(&app, &client, "/", lang).await;
        assert!(body.contains(r#"<html lang="en""#), "{lang:?}");
        assert!(body.contains("Courses, training and coaching"), "{lang:?}");
    }
}

#[tokio::test]
async fn the_switcher_sets_a_cookie_that_beats_accept_language() {
    let app = TestApp::spawn().await;
    let client = app.client();
    // English page links to the Finnish switch, coming back to this page.
    let (_, body) = page(&app, &client, "/apply", None).await;
    assert!(
        body.contains(r#"href="/lang/fi?next=/apply""#),
        "switcher link missing"
    );

    let res = client
        .get(format!("{}/lang/fi?next=/apply", app.base))
        .send()
        .await
        .expect("switch");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/apply");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("lang=fi;") && cookie.contains("Path=/"),
        "{cookie}"
    );

    // The cookie now decides, even against the browser's English.
    for (path, phrase) in PAGES {
        let (_, body) = page(&app, &client, path, Some("en")).await;
        assert!(body.contains(r#"<html lang="fi""#), "{path}");
        assert!(
            body.contains(phrase),
            "{path}: {phrase:?} missing with the cookie"
        );
    }
    // And back to English.
    let res = client
        .get(format!("{}/lang/en?next=/", app.base))
        .send()
        .await
        .expect("switch back");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, body) = page(&app, &client, "/", Some("fi")).await;
    assert!(body.contains(r#"<html lang="en""#));
}

#[tokio::test]
async fn the_switcher_never_redirects_off_site() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for next in [
        "//evil.example/",
        "https://evil.example/",
        "/%5Cevil.example",
        "%2F%2Fevil.example",
        "/%09/evil.example",
        "evil.example",
    ] {
        let res = client
            .get(format!("{}/lang/fi?next={next}", app.base))
            .send()
            .await
            .expect("switch");
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{next}");
        assert_eq!(res.headers()["location"], "/", "{next}");
    }
    let res = client
        .get(format!("{}/lang/xx?next=/", app.base))
        .send()
        .await
        .expect("unknown language");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn validation_messages_follow_the_request_language() {
    let app = TestApp::spawn().await;
    let key = random_key();
    let form = common::application_form(&key, &[("legal_name", ""), ("phone", "12")]);
    let res = app
        .client()
        .post(format!("{}/api/applications/submit", app.base))
        .header("accept-language", "fi")
        .form(&form)
        .send()
        .await
        .expect("submit");
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("Virallinen nimi on pakollinen."), "{body}");
    assert!(body.contains("Puhelin"), "{body}");
    assert!(!body.contains("is required"), "{body}");
}

#[tokio::test]
async fn mails_go_out_in_the_language_the_applicant_used() {
    let app = TestApp::spawn().await;
    let key = random_key();
    let email = "liisa@example.fi";
    let form = common::application_form(
        &key,
        &[
            ("contact_email", email),
            ("legal_name", "Oppiva Oy"),
            ("contact_name", "Liisa Virtanen"),
        ],
    );
    let res = app
        .client()
        .post(format!("{}/api/applications/submit", app.base))
        .header("accept-language", "fi")
        .form(&form)
        .send()
        .await
        .expect("submit");
    assert_eq!(res.status(), StatusCode::OK);
    let received = app.last_mail(email, "application_received").await;
    assert!(received.starts_with("Hei Liisa Virtanen,"), "{received}");
    assert!(received.contains("/status/"), "{received}");
    let locale = app
        .scalar_text(
            "SELECT locale FROM application WHERE contact_email = $1",
            email,
        )
        .await;
    assert_eq!(locale, "fi");

    // The reviewer works in English; the applicant still hears Finnish.
    let admin = app.admin("reviewer@coursegate.example").await;
    let id = app.application_id("Oppiva Oy").await;
    let (status, body) = app
        .call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/request_info",
            &[
                ("id", &id),
                ("fields", "phone"),
                ("message", "Montako osallistujaa?"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "request_info: {body}");
    let info = app.last_mail(email, "application_info_requested").await;
    assert!(info.contains("Montako osallistujaa?"), "{info}");
    assert!(
        info.contains("Voit päivittää nämä kentät: Puhelin."),
        "{info}"
    );

    // A second Finnish application, approved: the invitation is Finnish.
    let email = "mikko@example.fi";
    let form = common::application_form(
        &random_key(),
        &[
            ("contact_email", email),
            ("legal_name", "Toinen Oy"),
            ("contact_name", "Mikko"),
        ],
    );
    let res = app
        .client()
        .post(format!("{}/api/applications/submit", app.base))
        .header("accept-language", "fi")
        .form(&form)
        .send()
        .await
        .expect("submit");
    assert_eq!(res.status(), StatusCode::OK);
    let id = app.application_id("Toinen Oy").await;
    let (status, body) = app
        .call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .call(&admin, "admin/applications/approve", &[("id", &id)])
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let invitation = app.last_mail(email, "invitation").await;
    assert!(invitation.contains("Aseta salasanasi"), "{invitation}");
    assert!(
        invitation.contains(" klo "),
        "Finnish date expected: {invitation}"
    );
    assert!(!link_token(&invitation, "/set-password/").is_empty());

    // An English applicant is rejected in English.
    app.submit_ok(&[
        ("legal_name", "English Ltd"),
        ("contact_email", "en@example.com"),
    ])
    .await;
    let id = app.application_id("English Ltd").await;
    app.call(&admin, "admin/applications/claim", &[("id", &id)])
        .await;
    let (status, body) = app
        .call(
            &admin,
            "admin/applications/reject",
            &[("id", &id), ("reason", "Out of scope.")],
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rejected = app
        .last_mail("en@example.com", "application_rejected")
        .await;
    assert!(rejected.contains("was not approved"), "{rejected}");
}

#[tokio::test]
async fn the_status_page_speaks_finnish_with_finnish_dates() {
    let app = TestApp::spawn().await;
    let token = app.submit_ok(&[]).await;
    let (status, body) = page(&app, &app.client(), &format!("/status/{token}"), Some("fi")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#"<html lang="fi""#));
    assert!(body.contains("Aikajana"), "timeline heading");
    assert!(body.contains("Hakemus lähetetty"), "timeline entry");
    assert!(body.contains(" klo "), "Finnish date");
    assert!(body.contains("Peru hakemus"));
}
