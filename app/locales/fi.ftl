# Suomi. Jokainen en.ftl:n avain tarvitaan myös tänne (testit tarkistavat).

## Kehys: ylä- ja alatunniste, navigointi
skip-link = Siirry sisältöön
meta-description = Coursegate: koulutuspalvelut organisaatioille.
nav-main = Päävalikko
nav-language = Kieli
nav-apply = Hae asiakkaaksi
nav-sign-in = Kirjaudu
nav-profile = Profiili
nav-sign-out = Kirjaudu ulos
nav-dashboard = Etusivu
nav-applications = Hakemukset
nav-organizations = Organisaatiot
nav-catalog = Palveluvalikoima
nav-course-applications = Kurssihakemukset
nav-reports = Raportit
nav-outbox = Lähtevät viestit
nav-audit = Tapahtumaloki
nav-support = Tuki
nav-administrators = Ylläpitäjät
nav-orders = Tilaukset
nav-courses = Kurssit
nav-expenses = Kulut
nav-utilization = Käyttöaste
nav-attendees = Osallistujat
nav-billing = Laskutustilit
footer-tagline = Coursegate — koulutuspalvelut organisaatioille
footer-about = Tietoa sivustosta
footer-privacy = Tietosuojaseloste
footer-terms = Käyttöehdot
footer-contact = Yhteystiedot
loading = Ladataan…
gate-not-available = Ei käytettävissä
gate-other-role = Tämä sivu kuuluu toiselle käyttäjäroolille. Kirjaudu ulos ja kirjaudu sisään oikealla tunnuksella.
gate-sign-in-title = Kirjaudu sisään
gate-sign-in-body = Sinun täytyy kirjautua nähdäksesi tämän sivun.
error-title = Jokin meni vikaan
error-front-page = Siirry etusivulle

## Etusivu
home-title = Kurssit, koulutus ja valmennus koko organisaatiollesi
home-lead = Coursegatessa organisaatiot ostavat meiltä koulutuspalveluja: hae kerran, ja hyväksynnän jälkeen organisaatiosi saa oman näkymän hankinnoille, kurssihakemuksille, osallistujille ja laskutukselle.
home-cta-apply = Hae asiakastiliä
home-question = Kysyttävää hakemisesta?
home-contact = Ota yhteyttä
home-steps = Näin se toimii
home-step-apply = Hae
home-step-apply-text = Kerro, keitä olette ja mitä tarvitsette. Se vie viisi minuuttia.
home-step-review = Käsittelemme
home-step-review-text = Seuraa käsittelyä omalla yksityisellä linkilläsi ja vastaa mahdollisiin kysymyksiin.
home-step-start = Aloita
home-step-start-text = Hyväksynnän jälkeen asiakkaanne pääkäyttäjä asettaa salasanan ja kirjautuu sisään.

## 404
not-found-title = Sivua ei löydy — Coursegate
not-found-heading = Sivua ei löydy
not-found-lead = Tässä osoitteessa ei ole mitään. Linkissä voi olla kirjoitusvirhe, tai sivu on voinut siirtyä.

## Lomakkeet
form-optional = (valinnainen)
form-choose = Valitse…
error-summary-title = Korjaa seuraavat kohdat

## Hakulomake
apply-title = Hae asiakkaaksi — Coursegate
apply-heading = Hae asiakkaaksi
apply-lead = Kerro meille organisaatiostasi. Henkilökuntamme käsittelee jokaisen hakemuksen; saat yksityisen linkin, jolla voit seurata käsittelyä ja vastata kysymyksiin.
apply-legend-organization = Organisaatio
apply-legend-address = Osoite
apply-legend-contact = Yhteyshenkilö
apply-legend-plans = Suunnitelmanne
apply-hint-registration = Kuten kaupparekisterissä, esim. 1234567-8
apply-hint-email = Tästä tulee käyttäjätunnus, jos hakemus hyväksytään
apply-hint-phone = Kansainvälisessä muodossa, esim. +358 40 123 4567
apply-hint-website = https://…
apply-hint-intended-use = Mitä kursseja tai palveluja, kuinka monelle ja suunnilleen milloin
apply-accept-terms = Hyväksyn käyttöehdot sekä näiden tietojen käsittelyn hakemuksen arviointia varten tietosuojaselosteen mukaisesti.
apply-terms-read = Lue
apply-terms-link = käyttöehdot (versio { $version })
apply-terms-and = ja
apply-privacy-link = tietosuojaseloste
apply-terms-new-tab = . Molemmat avautuvat uuteen välilehteen, joten tähän kirjoittamasi tiedot säilyvät.
apply-accept-terms-required = Hyväksy käyttöehdot lähettääksesi hakemuksen.
apply-submit = Lähetä hakemus
apply-sending = Lähetetään…

field-legal_name = Virallinen nimi
field-registration_id = Y-tunnus tai rekisterinumero
field-country = Maa
field-street_address = Katuosoite
field-postal_code = Postinumero
field-city = Postitoimipaikka
field-website = Verkkosivusto
field-contact_name = Yhteyshenkilö
field-contact_email = Yhteyshenkilön sähköposti
field-phone = Puhelin
field-org_type = Organisaation tyyppi
field-org_size = Organisaation koko
field-intended_use = Käyttötarkoitus

org-type-company = Yritys
org-type-public_sector = Julkinen sektori
org-type-nonprofit = Voittoa tavoittelematon
org-type-education = Oppilaitos
org-type-other = Muu
org-size-1-9 = 1–9 henkeä
org-size-10-49 = 10–49 henkeä
org-size-50-249 = 50–249 henkeä
org-size-250-999 = 250–999 henkeä
org-size-1000 = 1 000 henkeä tai enemmän

## Hakijan näkemät tarkistusviestit
validate-required = { $label } on pakollinen.
validate-min = Kentässä ”{ $label }” on oltava vähintään { $min } merkkiä.
validate-max = Kentässä ”{ $label }” saa olla enintään { $max } merkkiä.
validate-chars = Kentässä ”{ $label }” on merkkejä, jotka eivät ole sallittuja.
validate-letters-or-digits = Kentässä ”{ $label }” on oltava kirjaimia tai numeroita.
validate-letters = Kentässä ”{ $label }” on oltava kirjaimia.
validate-choose = Valitse { $label } luettelosta.
validate-email = Anna sähköpostiosoite, esimerkiksi nimi@example.com.
validate-registration-chars = Y-tunnuksessa saa olla vain kirjaimia, numeroita, välilyöntejä sekä merkkejä - / .
validate-postal-chars = Postinumerossa saa olla vain kirjaimia, numeroita, välilyöntejä ja yhdysmerkkejä.
validate-phone-chars = Puhelinnumerossa saa olla vain numeroita, välilyöntejä sekä merkkejä + - ( ) ja pisteitä.
validate-phone-digits = Puhelinnumerossa on oltava 6–15 numeroa.
validate-country = Valitse maa luettelosta.
validate-website-scheme = Verkkosivuston osoitteen on alettava https:// tai http://
validate-website-domain = Verkkosivuston osoitteessa on oltava verkkotunnus, esimerkiksi https://example.com.

## Tilasivu
status-title = Hakemuksen tila — Coursegate
status-heading = Hakemuksen tila
status-eyebrow = Hakemus
status-submitted = Lähetetty { $when }
status-private-link = Tallenna tämä sivu kirjanmerkkeihin: sen osoite on yksityinen linkkisi. Kuka tahansa, jolla linkki on, voi nähdä ja muuttaa hakemusta. Lähetimme linkin myös sähköpostiisi.
status-rejected-heading = Hakemusta ei hyväksytty
status-approved-heading = Tervetuloa asiakkaaksi
status-approved-text = Asiakastilinne on luotu. Lähetimme yhteyshenkilölle linkin, jolla hän voi asettaa salasanan ja kirjautua sisään.
status-info-heading = Käsittelijä pyytää lisätietoja
status-your-answer = Vastauksesi
status-send-answer = Lähetä vastaus
status-timeline = Aikajana
status-withdraw-heading = Peru hakemus
status-withdraw-text = Peruminen on lopullinen. Voit hakea myöhemmin uudelleen.
status-withdraw-confirm = Kyllä, peru tämä hakemus
status-withdraw = Peru hakemus
state-submitted = Lähetetty
state-in_review = Käsittelyssä
state-info_requested = Lisätietoja pyydetty
state-resubmitted = Lähetetty uudelleen
state-approved = Hyväksytty
state-rejected = Hylätty
state-withdrawn = Peruttu
event-submitted = Hakemus lähetetty
event-claimed = Käsittely aloitettu
event-info_requested = Lisätietoja pyydetty
event-resubmitted = Vastaus lähetetty
event-approved = Hyväksytty — tili luotu
event-rejected = Hylätty
event-withdrawn = Hakija perui hakemuksen
event-updated = Päivitetty

## Sähköpostit hakijoille
mail-received-subject = Olemme vastaanottaneet hakemuksesi Coursegateen
mail-received-body =
    Hei { $name },

    Kiitos hakemuksesta organisaation { $org } puolesta. Henkilökuntamme käsittelee hakemuksen.

    Voit seurata hakemuksen tilaa, vastata käsittelijän kysymyksiin tai perua hakemuksen täällä:
    { $link }

    Pidä linkki omana tietonasi: kuka tahansa, jolla se on, voi nähdä ja muuttaa hakemusta.

    — Coursegate
mail-answer-subject = Vastauksesi on perillä Coursegatessa
mail-answer-body =
    Hei { $name },

    Kiitos: vastauksesi koskien organisaatiota { $org } on nyt käsittelijällä. Voit seurata hakemusta ensimmäisen viestimme yksityisellä linkillä.

    — Coursegate
mail-withdrawn-subject = Coursegate-hakemuksesi on peruttu
mail-withdrawn-body =
    Hei { $name },

    Organisaation { $org } hakemus on peruttu pyyntösi mukaisesti. Voit hakea uudelleen milloin tahansa.

    — Coursegate
mail-notify-body =
    Hei { $name },

    { $text }

    Ensimmäisen viestimme yksityisestä linkistä näet hakemuksen koko historian.

    — Coursegate
mail-in-review-subject = Coursegate-hakemuksesi on käsittelyssä
mail-in-review-text = Käsittelijä on aloittanut organisaation { $org } hakemuksen käsittelyn.
mail-info-subject = Coursegaten käsittelijällä on kysymys
mail-info-text =
    Organisaation { $org } hakemuksen käsittelijä kysyy:

    { $message }

    Voit päivittää nämä kentät: { $fields }.
    Vastaa avaamalla ensimmäisen viestimme yksityinen linkki.
mail-rejected-subject = Coursegate-hakemustasi ei hyväksytty
mail-rejected-text =
    Valitettavasti organisaation { $org } hakemusta ei hyväksytty.

    Käsittelijän perustelu:
    { $reason }
mail-approved-subject = Coursegate-hakemuksesi on hyväksytty
mail-approved-text = Hyviä uutisia: organisaation { $org } hakemus on hyväksytty. Asiakkaan pääkäyttäjä ({ $email }) sai linkin salasanan asettamiseen.
mail-invitation-subject = Coursegate-tilisi on valmis
mail-invitation-body =
    Hei,

    { $org } on nyt Coursegaten asiakas, ja sinä olet sen pääkäyttäjä.

    Käyttäjätunnuksesi: { $email }

    Aseta salasanasi tällä kertakäyttöisellä linkillä (voimassa { $until } asti):
    { $link }

    Emme koskaan lähetä salasanoja sähköpostitse. Jos linkki on vanhentunut, pyydä meiltä uusi.

    — Coursegate

## Kirjautuminen, salasana ja yhteydenotto
sign-in-title = Kirjaudu — Coursegate
sign-in-password-set = Salasanasi on asetettu. Kirjaudu sähköpostiosoitteellasi ja uudella salasanalla.
label-email = Sähköposti
label-password = Salasana
set-password-title = Aseta salasana — Coursegate
set-password-heading = Aseta salasana
set-password-checking = Tarkistetaan linkkiä…
set-password-signing-in-as = Kirjaudut tunnuksella
set-password-link-works = Linkki toimii kerran, { $until } asti.
set-password-new = Uusi salasana
set-password-hint = Vähintään 8 merkkiä, eikä yleisimpien salasanojen joukosta. Muutama toisiinsa liittymätön sana tekee vahvan salasanan.
set-password-repeat = Toista salasana
set-password-submit = Aseta salasana
forgot-page-title = Unohtunut salasana — Coursegate
forgot-title = Unohditko salasanasi?
forgot-sent = Jos osoitteella on tili, linkki uuden salasanan valitsemiseen on matkalla. Se toimii kerran, tunnin ajan.
forgot-lead = Anna sähköpostiosoite, jolla kirjaudut, niin lähetämme linkin uuden salasanan valitsemiseen.
forgot-submit = Lähetä linkki
forgot-back = Takaisin kirjautumiseen
contact-title = Ota yhteyttä — Coursegate
contact-lead = Kysyttävää hakemisesta? Kirjoita meille, vastaamme sähköpostilla. Tiliä ei tarvita.
contact-name = Nimesi
contact-message = Viesti
contact-send = Lähetä
contact-sent = Kiitos. Vastaamme antamaasi sähköpostiosoitteeseen.

## Tietosuojaseloste ja käyttöehdot
privacy-title = Tietosuojaseloste — Coursegate
privacy-heading = Tietosuojaseloste
privacy-lead = Mitä henkilötietoja Coursegate säilyttää, miksi ja kuinka kauan, kuka niitä näkee ja miten saat niistä kopion tai pyydät niiden poistamista.
privacy-who-heading = Rekisterinpitäjä
privacy-who-text = { "Tämän Coursegate-palvelun ylläpitäjä päättää, mihin alla kuvattuja henkilötietoja käytetään. Kysymykset ja pyynnöt lähetetään ylläpitäjälle " }
privacy-contact-form = yhteydenottolomakkeella
privacy-who-support = { "; kirjautunut asiakkaan pääkäyttäjä voi käyttää myös Tukea." }
privacy-what-heading = Mitä säilytämme ja miksi
privacy-applications = Hakemukset
privacy-applications-text = Organisaation tiedot ja sen yhteyshenkilön nimi, sähköposti ja puhelinnumero, käyttötarkoitus, käsittelijän kysymykset ja hakijan vastaukset sekä se, mikä versio näistä ehdoista hyväksyttiin ja milloin. Käytämme niitä hakemuksen käsittelyyn ja, jos hakemus hyväksytään, asiakastilin perustamiseen.
privacy-admins = Asiakkaiden pääkäyttäjät
privacy-admins-text = Sähköpostiosoite, salasanan yksisuuntainen tiiviste (ei koskaan itse salasanaa), kirjautumisistunnot ja organisaation yhteystiedot. Käytämme niitä pääkäyttäjän kirjautumiseen ja organisaation tavoittamiseen.
privacy-attendees = Osallistujat
privacy-attendees-text = Nimi, sähköposti ja tehtävänimike sellaisina kuin organisaation pääkäyttäjä ne syötti, henkilön nimeävät kurssihakemukset sekä tieto osallistumisesta. Käytämme niitä organisaation ostamien kurssien järjestämiseen.
privacy-billing = Laskutus ja tilaukset
privacy-billing-text = Laskutustilit, tilaukset, kurssimaksut ja hyvitykset, jotka säilytetään kirjanpitoaineistona.
privacy-support = Tuki
privacy-support-text = Tuen tai yhteydenottolomakkeen kautta lähetetyt viestit lähettäjän nimen ja sähköpostin kanssa, jotta voimme vastata niihin.
privacy-mail = Sähköpostit ja tapahtumaloki
privacy-mail-text = Kopio jokaisesta palvelun lähettämästä sähköpostista sekä tieto siitä, kuka päätti tai muutti mitä ja milloin, jotta henkilökunta voi tarkistaa tapahtumat.
privacy-cookies = Evästeet
privacy-cookies-text = Yksi istuntoeväste, joka asetetaan kirjauduttaessa ja jota kirjautuminen tarvitsee, sekä kielivalintaeväste, jos valitset kielen itse. Ei analytiikka- tai mainosevästeitä.
privacy-how-long-heading = Kuinka kauan säilytämme tietoja
privacy-approved = Hyväksytyt hakemukset ja asiakastilit: niin kauan kuin organisaatio on asiakkaamme.
privacy-attendees-kept = Osallistujat: kunnes pääkäyttäjä muuttaa, poistaa tai hävittää tiedot.
privacy-accounting = Kirjanpitoaineisto (tilaukset, maksut, hyvitykset): niin kauan kuin kirjanpitolaki edellyttää; kun osallistujan tiedot hävitetään, aineisto säilyy mutta ei enää nimeä henkilöä.
privacy-no-limit = Tukikeskustelut, yhteydenottolomakkeen viestit, kopiot muista lähetetyistä sähköposteista ja tapahtumaloki: näille ei vielä ole automaattista säilytysaikaa. Pyydä yhteydenottolomakkeella poistamaan sinua koskevat tiedot.
privacy-who-sees-heading = Kuka tiedot näkee
privacy-sees-operator = Ylläpitäjän järjestelmänvalvojat hakemusten käsittelyä, kurssien järjestämistä ja tukeen vastaamista varten.
privacy-sees-admin = Organisaation pääkäyttäjä näkee vain oman organisaationsa tiedot, ei koskaan toisen organisaation.
privacy-sees-applicant = Hakija näkee oman hakemuksensa yksityisen tilalinkin kautta.
privacy-sees-mail = Sähköposti kulkee vastaanottajalle ylläpitäjän sähköpostipalvelun kautta. Emme myy henkilötietoja emmekä luovuta niitä mainontaan.
privacy-rights-heading = Oikeutesi: kopio, oikaisu ja poistaminen
privacy-rights-attendees = Osallistujat: käänny organisaatiosi pääkäyttäjän puoleen. Osallistujat-sivulla hän voi ladata kaikki sinusta säilyttämämme tiedot JSON-tiedostona, oikaista ne tai poistaa ne.
privacy-rights-applicants = Hakijat: voit perua hakemuksen yksityisen tilalinkin kautta milloin tahansa ennen päätöstä; tiedot poistetaan silloin edellä kuvatulla tavalla. Kopiota tai aikaisempaa poistamista voit pyytää yhteydenottolomakkeella.
privacy-rights-others = Pääkäyttäjät ja muut: kirjoita meille Tuen tai yhteydenottolomakkeen kautta. Vastaamme kuukauden kuluessa.
privacy-accepting = { "Coursegaten käyttö tarkoittaa myös " }
privacy-terms-link = käyttöehtojen hyväksymistä
terms-title = Käyttöehdot — Coursegate
terms-heading = Käyttöehdot
terms-lead = Säännöt Coursegaten ylläpitäjän ja sen kautta hakevien ja ostavien organisaatioiden välillä.
terms-applying = Hakeminen
terms-applying-text = Hakijalla on oltava oikeus toimia organisaation puolesta, ja hänen on annettava oikeat tiedot. Ylläpitäjä käsittelee jokaisen hakemuksen ja voi esittää kysymyksiä tai hylätä hakemuksen perustellen. Hakija voi perua hakemuksen ennen päätöstä.
terms-account = Asiakastili
terms-account-text = Hyväksytyllä organisaatiolla on yksi pääkäyttäjä, joka toimii sen puolesta ja pitää salasanan omana tietonaan. Ylläpitäjä voi organisaation pyynnöstä siirtää roolin toiselle henkilölle ja voi keskeyttää sellaisen organisaation tilin, joka rikkoo näitä ehtoja tai jättää maksut maksamatta; pääkäyttäjälle kerrotaan syy.
terms-purchases = Ostot ja kurssihakemukset
terms-purchases-text = Tilaukset ja kurssimaksut veloitetaan kulloinkin valitulta laskutustililtä ilmoitetulla hinnalla ja arvonlisäverolla. Tilauksen tai hakemuksen voi perua hyvitystä vastaan palvelun peruutusmääräaikaan asti (tai sen alkuun, jos määräaikaa ei ole); sen jälkeen kurssimaksua ei palauteta. Ylläpitäjä vahvistaa hyväksytyt paikat.
terms-attendees = Osallistujien tiedot
terms-attendees-text = { "Organisaatio syöttää osallistujansa, ja sillä on oltava oikeus luovuttaa heidän tietonsa ylläpitäjälle kurssien järjestämistä varten. Organisaation on kerrottava osallistujille, miten tietoja käytetään; " }
terms-privacy-link = tietosuojaselosteen
terms-attendees-share = { " voi jakaa heille. Pääkäyttäjä voi milloin tahansa viedä osallistujan tiedot tai poistaa ne." }
terms-fair-use = Asiallinen käyttö
terms-fair-use-text = Älä yritä päästä muiden organisaatioiden tietoihin, kuormittaa palvelua liikaa tai lähettää sen kautta lainvastaista sisältöä.
terms-changes = Muutokset
terms-changes-text = Ehtojen uusi versio saa uuden päivämäärän, joka näkyy sivun yläosassa ja hakulomakkeen hyväksyntäruudun vieressä. Jokaiseen hakemukseen tallennetaan versio, jonka hakija hyväksyi.
privacy-version = Versio { $version }
privacy-retention = Hylätyt ja perutut hakemukset: kun päätöksestä tai perumisesta on kulunut { $retention }, poistetaan yhteystiedot, organisaation tiedot, viestit, hakemuksesta lähetetyt sähköpostit ja sen yksityinen tilalinkki. Tilastointia varten jäljelle jäävät tila, päivämäärät, maa sekä organisaation tyyppi ja koko.
privacy-links = Salasanan asettamiseen tarkoitetut kutsulinkit lakkaavat toimimasta { $invitation } tunnin kuluttua ja salasanan palautuslinkit tunnin kuluttua, molemmat myös ensimmäisen käytön jälkeen. Kirjautunut istunto päättyy { $idle } minuutin käyttämättömyyden jälkeen (operaattorin henkilökunnalla { $admin_idle } minuutin), ja joka tapauksessa { $absolute } tunnin kuluttua.
privacy-days = { $n ->
    [one] 1 päivä
   *[other] { $n } päivää
}

sign-in-code-title = Syötä koodi — Coursegate
sign-in-code-heading = Kaksivaiheinen kirjautuminen
sign-in-code-lead = Syötä 6-numeroinen koodi, jonka todennussovelluksesi näyttää Coursegatelle. Puhelin kadonnut? Syötä sen sijaan jokin varakoodeistasi; kukin toimii kerran.
sign-in-code-label = Koodi
sign-in-code-again = Aloita alusta
