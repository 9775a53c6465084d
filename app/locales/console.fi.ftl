# Operaattorin konsoli (katso console.en.ftl).

## Konsolin yhteiset
user-status-active = Aktiivinen
user-status-invited = Kutsuttu
user-status-deactivated = Poistettu käytöstä

## Hakemusjono
queue-title = Hakemukset — Coursegate-ylläpito
queue-heading = Hakemukset
queue-all = Kaikki
queue-search-placeholder = Nimi, Y-tunnus tai sähköposti
queue-search-label = Hae hakemuksia
queue-search = Hae
queue-filter-label = Suodata tilan mukaan
queue-empty = Ei hakuehtoja vastaavia hakemuksia.
queue-col-organization = Organisaatio
queue-col-country = Maa
queue-col-registration = Y-tunnus
queue-col-contact = Yhteyshenkilö
queue-col-status = Tila
queue-col-submitted = Lähetetty
queue-col-reviewer = Käsittelijä
queue-duplicate = Mahdollinen kaksoishakemus
queue-pages = Sivut
queue-first-page = ← Ensimmäinen sivu
queue-next-page = Seuraava sivu →
queue-error-cursor = Sivutustieto on virheellinen.
queue-error-status = Tuntematon tila ”{ $status }”.
queue-error-search-long = Hakusanassa saa olla enintään { $max } merkkiä.

## Hakemus käsittelykonsolissa
review-title = Hakemus — Coursegate-ylläpito
review-back = ← Hakemukset
review-eyebrow = Hakemus
review-purged-name = Henkilötiedot poistettu
review-submitted = Lähetetty { $when }
review-reviewer = Käsittelijä: { $who }
review-take-over = Ota käsittely itsellesi käyttäjältä { $who }
review-claim = Ota käsittelyyn
review-claimed-by = Käsittelijä:
review-waiting = Odottaa hakijan vastausta
review-editable-fields = Muokattavat kentät: { $fields }
review-account = Asiakastili
review-account-admin = Asiakkaan pääkäyttäjä
review-account-state = Tila
review-account-invited = Kutsuttu — salasanaa ei ole vielä asetettu
review-link-valid = Linkin voimassaolo päättyy
review-resend = Lähetä uusi kutsulinkki
review-details = Tiedot
review-purged = Säilytysajan päätyttyä henkilötiedot poistettiin { $when }. Tila ja päivämäärät säilyvät raportteja varten.
review-terms = Hyväksytyt käyttöehdot
review-terms-version = Versio { $version }, { $when }
review-terms-unknown = Ei tallennettu (lähetetty ennen kuin ehtojen versioita kirjattiin)
review-timeline = Aikajana
review-decide = Päätös
review-approve-heading = Hyväksy ja luo asiakastili
review-approve-email = Asiakkaan pääkäyttäjän sähköposti
review-approve-email-hint = Jätä tyhjäksi, niin käytetään osoitetta { $email }.
review-approve = Hyväksy
review-request-heading = Pyydä hakijalta lisätietoja
review-request-fields = Kentät, joita hakija saa muuttaa
review-request-message = Viesti hakijalle
review-request-send = Lähetä pyyntö
review-reject = Hylkää
review-reject-reason = Perustelu (näkyy hakijalle)
review-label-message = Viesti
review-label-reason = Perustelu
review-duplicate-registration = Sama Y-tunnus samassa maassa
review-duplicate-name = Sama organisaation nimi
review-duplicate-email = Sama yhteyssähköposti kuin toisessa avoimessa hakemuksessa
review-duplicate-user = Yhteyssähköposti kuuluu jo käyttäjälle
review-duplicate-organization = Samanniminen asiakasorganisaatio on jo olemassa
review-duplicate-role-admin = järjestelmän ylläpitäjä
review-duplicate-role-customer = asiakkaan pääkäyttäjä
review-error-not-found = Hakemusta ei löydy tällä tunnisteella.
review-error-no-user = Käyttäjää ei löydy tällä tunnisteella.
review-error-already-submitted = Hakemus on jo lähetetty.
review-error-already-in_review = Hakemus on jo käsittelyssä.
review-error-already-info_requested = Hakemukseen on jo pyydetty lisätietoja.
review-error-already-resubmitted = Hakemus on jo lähetetty uudelleen.
review-error-already-approved = Hakemus on jo hyväksytty.
review-error-already-rejected = Hakemus on jo hylätty.
review-error-already-withdrawn = Hakemus on jo peruttu.
review-error-claimed-other = Hakemus on käyttäjän { $who } käsittelyssä. Ota käsittely itsellesi ennen päätöstä.
review-error-claim-first = Ota hakemus käsittelyyn ennen päätöstä.
review-error-waiting-applicant = Hakemus odottaa hakijan vastausta.
review-error-already-claimed = Hakemus on jo käyttäjän { $who } käsittelyssä. Ota käsittely itsellesi jatkaaksesi.
review-error-already-claimed-someone = Hakemus on jo toisen ylläpitäjän käsittelyssä. Ota käsittely itsellesi jatkaaksesi.
review-error-no-fields = Valitse vähintään yksi kenttä, jonka hakijan pitää korjata tai täydentää.
review-error-unknown-field = ”{ $field }” ei ole hakemuksen kenttä.
review-error-email-taken = Sähköpostiosoitteella { $email } on jo käyttäjä. Anna asiakkaan pääkäyttäjälle toinen osoite.
review-error-not-invited = Henkilö on jo asettanut salasanan tai hänen tilinsä on poistettu käytöstä; kutsua ei ole lähetettävissä.
review-mail-resend-subject = Uusi kirjautumislinkkisi Coursegateen
review-mail-resend-body =
    Hei,

    Tässä on uusi kertakäyttöinen linkki Coursegate-salasanasi asettamiseen. Aiemmat linkit eivät enää toimi.

    Käyttäjätunnuksesi: { $email }

    { $link }

    Linkki on voimassa { $until } asti.

    — Coursegate

## Tilien hallinta: virheet ja viestit
accounts-error-no-organization = Asiakasorganisaatiota ei löydy tällä tunnisteella.
accounts-error-no-admin = Järjestelmän ylläpitäjää ei löydy tällä tunnisteella.
accounts-error-reason-required = Kerro jäädytyksen syy; asiakkaan pääkäyttäjä saa sen tiedoksi.
accounts-error-reason-long = Syy saa olla enintään { $max } merkkiä.
accounts-error-already-suspended = Organisaatio on jo jäädytetty.
accounts-error-already-active = Organisaatio on jo aktiivinen.
accounts-error-email-deactivated = Sähköpostiosoite { $email } kuuluu jo käytöstä poistetulle tilille; yhdellä osoitteella voi olla vain yksi tili. Anna toinen osoite.
accounts-error-email-admin = Sähköpostiosoite { $email } kuuluu jo järjestelmän ylläpitäjälle; yhdellä osoitteella voi olla vain yksi tili. Anna toinen osoite.
accounts-error-email-customer = Sähköpostiosoite { $email } kuuluu jo asiakkaan pääkäyttäjälle; yhdellä osoitteella voi olla vain yksi tili. Anna toinen osoite.
accounts-error-handover-pending = Pääkäyttäjyyden siirto osoitteeseen { $email } on jo kesken. Peru se ennen kuin kutsut jonkun muun.
accounts-error-no-handover = Organisaatiolla ei ole keskeneräistä pääkäyttäjyyden siirtoa.
accounts-error-invitation-gone = Kutsu on peruttu tai korvattu uudella. Pyydä järjestelmän ylläpitäjältä uusi kutsu.
accounts-error-deactivate-self = Et voi poistaa omaa tiliäsi käytöstä. Pyydä sitä toiselta järjestelmän ylläpitäjältä.
accounts-error-already-deactivated = Ylläpitäjä on jo poistettu käytöstä.
accounts-error-last-admin = Vähintään yhden järjestelmän ylläpitäjän on oltava aktiivinen.
accounts-error-not-deactivated = Ylläpitäjää ei ole poistettu käytöstä.
accounts-mail-suspended-subject = Organisaatiosi Coursegate-tili on jäädytetty
accounts-mail-suspended-body =
    Hei,

    Organisaation { $org } Coursegate-tili on jäädytetty, eikä kukaan organisaatiosta voi kirjautua ennen kuin tili otetaan uudelleen käyttöön.

    Syy:
    { $reason }

    Jos sinulla on kysyttävää, ota yhteyttä lomakkeellamme osoitteessa { $link }.

    — Coursegate
accounts-mail-reactivated-subject = Organisaatiosi Coursegate-tili on taas käytössä
accounts-mail-reactivated-body =
    Hei,

    Organisaation { $org } Coursegate-tili on taas käytössä. Voit kirjautua osoitteessa { $link }.

    — Coursegate
accounts-mail-handover-subject = Sinut on kutsuttu organisaation { $org } pääkäyttäjäksi Coursegateen
accounts-mail-handover-body =
    Hei,

    Sinut on kutsuttu organisaation { $org } pääkäyttäjäksi Coursegateen. Pääkäyttäjä hoitaa organisaation ostot, osallistujat ja laskutuksen.

    Käyttäjätunnuksesi: { $email }

    Aseta salasanasi tällä kertakäyttöisellä linkillä (voimassa { $until } asti):
    { $link }

    Kun asetat salasanan, sinusta tulee pääkäyttäjä nykyisen pääkäyttäjän tilalle ja hänen käyttöoikeutensa päättyy.

    — Coursegate
accounts-mail-handover-withdrawn-subject = Coursegate-kutsusi on peruttu
accounts-mail-handover-withdrawn-body =
    Hei,

    Kutsu organisaation { $org } pääkäyttäjäksi Coursegateen on peruttu; sen linkki ei enää toimi.

    — Coursegate
accounts-mail-handed-over-subject = Et ole enää organisaation { $org } pääkäyttäjä
accounts-mail-handed-over-body =
    Hei,

    { $email } on järjestelmän ylläpitäjän järjestämänä siirtynyt organisaation { $org } pääkäyttäjäksi Coursegatessa. Tilisi on suljettu ja sinut on kirjattu ulos.

    — Coursegate
accounts-mail-admin-invite-subject = Sinut on kutsuttu Coursegaten ylläpitäjäksi
accounts-mail-admin-invite-body =
    Hei,

    { $inviter } kutsui sinut Coursegaten järjestelmän ylläpitäjäksi.

    Käyttäjätunnuksesi: { $email }

    Aseta salasanasi tällä kertakäyttöisellä linkillä (voimassa { $until } asti):
    { $link }

    — Coursegate

## Listojen sivutus
pager-newest = Uusimmat
pager-older = Vanhemmat →

## Asiakasorganisaatiot
accounts-orgs-title = Organisaatiot — Coursegate-ylläpito
accounts-orgs-heading = Asiakasorganisaatiot
accounts-orgs-search-placeholder = Organisaation nimi
accounts-orgs-search-label = Hae nimellä
accounts-orgs-any-status = Kaikki tilat
accounts-orgs-no-match = Yksikään organisaatio ei vastaa hakua.
accounts-orgs-none = Asiakasorganisaatioita ei vielä ole. Hakemuksen hyväksyminen luo sellaisen.
accounts-orgs-col-since = Asiakkaana alkaen
accounts-orgs-invited = kutsuttu
accounts-orgs-handover-pending = pääkäyttäjän vaihto kesken
accounts-orgs-error-status = Tilan on oltava active, suspended tai tyhjä.
accounts-org-status-active = Aktiivinen
accounts-org-status-suspended = Jäädytetty
accounts-col-email = Sähköposti
accounts-col-status = Tila
accounts-col-added = Lisätty
accounts-col-actions = Toiminnot
accounts-link-valid = Linkki voimassa { $when } asti
accounts-send-new-link = Lähetä uusi linkki

## Yksi asiakasorganisaatio
accounts-org-title = Organisaatio — Coursegate-ylläpito
accounts-org-back = ← Asiakasorganisaatiot
accounts-org-customer-since = asiakkaana { $when } alkaen
accounts-org-application = Hakemus
accounts-org-standing = Tilin tila
accounts-org-suspended = Jäädytetty. Kukaan organisaatiosta ei voi kirjautua.
accounts-org-suspended-since = Jäädytetty { $when } alkaen. Kukaan organisaatiosta ei voi kirjautua.
accounts-org-reason = Syy:
accounts-org-reactivate = Ota uudelleen käyttöön
accounts-org-current-admin = Nykyinen pääkäyttäjä
accounts-org-no-admin = Kukaan ei ole pääkäyttäjänä.
accounts-org-taking-over = Seuraava pääkäyttäjä (kutsuttu)
accounts-org-handover-hint = Nykyinen pääkäyttäjä säilyttää käyttöoikeutensa, kunnes kutsuttu henkilö asettaa salasanan; silloin nykyisen pääkäyttäjän tili poistetaan käytöstä ja hänet kirjataan ulos.
accounts-org-cancel-handover = Peru pääkäyttäjän vaihto
accounts-org-no-password = ei ole vielä asettanut salasanaa
accounts-org-active = Aktiivinen: organisaation pääkäyttäjä voi kirjautua.
accounts-org-suspend-reason = Jäädytyksen syy
accounts-org-suspend-hint = Syy lähetetään sähköpostilla pääkäyttäjälle. Jäädytys kirjaa kaikki organisaation käyttäjät heti ulos.
accounts-org-suspend = Jäädytä
accounts-org-handover-heading = Siirrä pääkäyttäjyys toiselle
accounts-org-handover-email = Uuden pääkäyttäjän sähköposti
accounts-org-handover-email-hint = Hän saa linkin salasanan asettamiseen. Kun hän asettaa sen, hänestä tulee pääkäyttäjä ja nykyisen pääkäyttäjän käyttöoikeus päättyy.
accounts-org-invite = Kutsu

## Järjestelmän ylläpitäjät
accounts-admins-title = Järjestelmän ylläpitäjät — Coursegate-ylläpito
accounts-admins-heading = Järjestelmän ylläpitäjät
accounts-admins-lead = Coursegaten ylläpitäjät. Käytöstä poistettu ylläpitäjä kirjataan heti ulos; vähintään yksi ylläpitäjä on aina aktiivinen.
accounts-admins-invite-heading = Kutsu ylläpitäjä
accounts-admins-invite-hint = Hän saa kertakäyttöisen linkin salasanan asettamiseen.
accounts-admins-invite = Lähetä kutsu
accounts-admins-reactivate = Ota uudelleen käyttöön
accounts-admins-deactivate = Poista käytöstä
accounts-admins-you = Sinä

## Lähtevät viestit
outbox-title = Lähtevät viestit — Coursegate-ylläpito
outbox-heading = Lähtevät viestit
outbox-lead-delivering = Kaikki palvelun lähettämät sähköpostit toimitustiloineen, uusimmat ensin.
outbox-lead-local = Kaikki palvelun lähettämät sähköpostit, uusimmat ensin. SMTP-palvelinta ei ole määritetty, joten viestit jäävät tänne ja ne luetaan täältä.
outbox-empty = Viestejä ei vielä ole.
outbox-to = Vastaanottaja:
outbox-state-queued = Jonossa
outbox-state-sending = Lähetetään
outbox-state-sent = Lähetetty
outbox-state-failed = Epäonnistui
outbox-attempts = { $count ->
    [one] 1 yritys
   *[other] { $count } yritystä
}
outbox-sent = lähetetty { $when }
outbox-last-error = viimeisin virhe: { $error }
outbox-retry = Yritä nyt uudelleen
outbox-show = Näytä viesti
outbox-error-not-found = Viestiä ei löydy tällä tunnisteella.
outbox-error-not-failed = Vain epäonnistuneen viestin voi lähettää uudelleen; tämän viestin tila on { $state }.

## Tapahtumaloki
audit-title = Tapahtumaloki — Coursegate-ylläpito
audit-heading = Tapahtumaloki
audit-filter-who = Kuka
audit-filter-who-hint = Sähköposti tai nimi
audit-filter-action = Toiminto alkaa
audit-filter-action-hint = esim. organization.
audit-filter-organization = Organisaatio
audit-filter-organization-hint = Nimi tai tunniste
audit-filter-from = Alkaen (UTC)
audit-filter-to = Asti (UTC)
audit-filter = Suodata
audit-clear = Tyhjennä
audit-empty = Ei hakuehtoja vastaavia merkintöjä.
audit-col-when = Milloin
audit-col-who = Kuka
audit-col-action = Toiminto
audit-col-organization = Organisaatio
audit-col-detail = Lisätiedot
audit-correct-filters = Korjaa yllä olevat suodattimet.
audit-error-date = Anna päivämäärä muodossa VVVV-KK-PP.
audit-error-month = Kuukautta ei ole olemassa.
audit-error-day = Kuukaudessa ei ole tällaista päivää.
audit-error-filter-long = Suodattimessa saa olla enintään { $max } merkkiä.
audit-error-dates-order = Loppupäivä on ennen alkupäivää.

## Tuki (asiakkaan pyynnöt ja ylläpidon saapuneet)
support-title = Tuki — Coursegate
support-eyebrow = Asiakasorganisaatio
support-heading = Tuki
support-empty = Tukipyyntöjä ei vielä ole.
support-your-reply = Vastauksesi
support-send-reply = Lähetä vastaus
support-new-request = Uusi tukipyyntö
support-subject = Aihe
support-message = Viesti
support-send-request = Lähetä pyyntö
support-new-message = Uusi viesti
support-new-reply = Uusi vastaus
support-public = Julkinen
support-status-open = Avoin
support-status-answered = Vastattu
support-operator = Coursegaten tuki
support-contact-subject = Kysymys hakemisesta
support-inbox-title = Tukipyynnöt — Coursegate
support-inbox-eyebrow = Ylläpitokonsoli
support-inbox-heading = Tukipyynnöt
support-nothing = Täällä ei ole mitään.
support-next-page = Seuraava sivu
support-from-public = Julkinen yhteydenottolomake: { $name } <{ $email }>
support-answer = Vastaus (lähetetään lähettäjälle sähköpostilla)
support-send-answer = Lähetä vastaus
support-choose = Valitse keskustelu luettavaksi.
support-error-not-found = Tukipyyntöä ei löydy tällä tunnisteella.
support-error-subject-line = Aiheen on oltava yhdellä rivillä.
support-error-status = Tuntematon tila.
support-mail-public-body =
    Hei { $name },

    kiitos kysymyksestäsi. Vastauksemme:

    { $message }

    Asiakastiliä voit hakea osoitteessa { $link }

    Coursegaten tuki
support-mail-reply-body =
    Hei,

    tukipyyntöösi ”{ $subject }” on tullut uusi vastaus:

    { $message }

    Lue keskustelu ja vastaa osoitteessa { $link }

    Coursegaten tuki

## Palvelun raportit
reports-title = Raportit — Coursegate
reports-eyebrow = Järjestelmän ylläpito
reports-heading = Palvelun raportit
reports-applications = Hakemukset
reports-gross-in = Brutto { $currency }
reports-revenue-chart = Myynti palveluittain ({ $currency }, sis. ALV)
reports-revenue-none-in = Ei vielä myyntiä valuutassa { $currency }.
reports-seats-sold = Myydyt paikat
reports-capacity = Paikkoja
reports-per-week = Hakemukset viikoittain
reports-per-week-total = { $count ->
    [one] 1 hakemus
   *[other] { $count } hakemusta
} viimeisten { $weeks } viikon aikana; viikko alkaa maanantaista.
reports-per-week-none = Ei hakemuksia viimeisten kahdentoista viikon aikana.
reports-decision = Käsittelyaika
reports-decided = Päätetty
reports-decided-count = { $count ->
    [one] 1 hakemus (hyväksytty tai hylätty)
   *[other] { $count } hakemusta (hyväksytty tai hylätty)
}
reports-median = Mediaani
reports-average = Keskiarvo
reports-decision-hint = Lähettämisestä päätökseen, kaikista päätetyistä hakemuksista.
reports-revenue = Myynti palveluittain
reports-revenue-hint = Kaikkien kulurivien summa hyvitykset vähennettyinä.
reports-revenue-none = Ei vielä myyntiä.
reports-col-service = Palvelu
reports-col-lines = Rivejä
reports-col-net = Netto
reports-col-gross = Brutto
reports-col-starts = Alkaa
reports-col-status = Tila
reports-utilization = Käyttöaste palveluittain
reports-utilization-chart = Myydyt ja tarjolla olevat paikat palveluittain
reports-utilization-none = Ei vielä palveluita, joilla on paikkarajoitus.
reports-seats-of = { $sold }/{ $capacity } ({ $percent } %)
reports-seats-unlimited = { $sold } (ei rajoitusta)
reports-duration-days = { $days } vrk { $hours } h
reports-duration-hours = { $hours } h { $minutes } min
reports-duration-minutes = { $minutes } min
reports-duration-short = alle minuutti

## Palveluvalikoiman muokkaus
catalog-admin-title = Palveluvalikoiman muokkaus — Coursegate
catalog-admin-heading = Palveluvalikoima
catalog-admin-new = Uusi palvelu
catalog-admin-tab-published = Julkaistut
catalog-admin-tab-draft = Luonnokset
catalog-admin-tab-archived = Arkistoidut
catalog-admin-status-published = julkaistu
catalog-admin-status-draft = luonnos
catalog-admin-status-archived = arkistoitu
catalog-admin-kind-course = Kurssi
catalog-admin-kind-service = Palvelu
catalog-admin-mode-in_person = Lähiopetus
catalog-admin-mode-online = Verkossa
catalog-admin-mode-hybrid = Hybridi
catalog-admin-empty = Palveluita ei vielä ole. Luo palvelu valinnalla ”Uusi palvelu”; se tallentuu ensin luonnokseksi.
catalog-admin-col-service = Palvelu
catalog-admin-col-when = Ajankohta
catalog-admin-col-seats = Paikat
catalog-admin-col-price = Hinta
catalog-admin-col-orders = Tilaukset · hakemukset
catalog-admin-col-status = Tila
catalog-admin-unlimited = rajoittamaton
catalog-admin-any-time = Milloin tahansa
catalog-admin-publish = Julkaise
catalog-admin-unpublish = Peru julkaisu
catalog-admin-archive = Arkistoi
catalog-admin-restore = Palauta luonnokseksi
catalog-admin-edit-title = Muokkaa palvelua — Coursegate
catalog-admin-back = ← Palveluvalikoima
catalog-admin-edit-status = Tila: { $status } · { $count ->
    [one] 1 paikka varattu
   *[other] { $count } paikkaa varattu
}
catalog-admin-zone-operator = Päivämäärät ja kellonajat ovat operaattorin aikavyöhykkeen mukaisia.
catalog-admin-save = Tallenna muutokset
catalog-admin-create = Luo luonnos
catalog-admin-kind = Tyyppi
catalog-admin-kind-hint = Kurssilla on päivämäärät, paikat ja hakemukset nimetyille osallistujille; palvelu ostetaan yksikköinä.
catalog-admin-mode = Toteutustapa
catalog-admin-field-title = Nimi
catalog-admin-category = Luokka
catalog-admin-category-example = Johtaminen
catalog-admin-description = Kuvaus
catalog-admin-zone = Päivämäärät ja kellonajat ovat aikavyöhykkeen { $zone } mukaisia.
catalog-admin-starts = Alkaa
catalog-admin-ends = Päättyy
catalog-admin-deadline = Maksuton peruutus viimeistään
catalog-admin-deadline-hint = (valinnainen; jos tyhjä, alkamisaika)
catalog-admin-capacity = Paikkoja
catalog-admin-capacity-hint = (jos tyhjä, ei rajoitusta)
catalog-admin-price = Hinta paikalta tai yksiköltä, ALV 0 %
catalog-admin-currency = Valuutta
catalog-admin-vat = ALV-kanta (%)

## Kurssihakemukset ylläpitokonsolissa
courses-admin-title = Kurssihakemukset — Coursegate
courses-admin-heading = Kurssihakemukset
courses-admin-status = Tila
courses-admin-to-decide = Päätettävät
courses-admin-status-submitted = Lähetetyt
courses-admin-status-waitlisted = Jonossa
courses-admin-status-accepted = Hyväksytyt
courses-admin-status-rejected = Hylätyt
courses-admin-status-cancelled = Perutut
courses-admin-one-title = Kurssihakemus — Coursegate
courses-admin-back = ← Kurssihakemukset
courses-admin-attendees = Osallistujat
courses-admin-name = Nimi
courses-admin-attended = Osallistui
courses-admin-absent = Poissa
courses-admin-decide-hint = Hyväksyttäessä käytetään ensin paikat, jotka organisaatio on ostanut tälle kurssille; muille osallistujille varataan vapaita paikkoja, jotka laskutetaan kurssimaksuna.
courses-admin-message = Viesti organisaatiolle
courses-admin-message-hint = (pakollinen hylättäessä)
courses-admin-decision = Päätös
courses-admin-accept = Hyväksy
courses-admin-waitlist = Jonoon
courses-admin-record = Tallenna päätös

## Käyttöaste (organisaation sivu)
utilization-title = Käyttöaste — Coursegate
utilization-heading = Käyttöaste
utilization-lead = Ostamasi paikat ja kuinka monta niistä hyväksytyt kurssihakemuksesi käyttävät; niiden yli menevät paikat laskutetaan kurssimaksuina.
utilization-empty = Mitään ei ole vielä ostettu tai haettu.
utilization-empty-catalog = Löydä kurssi tai palvelu valikoimasta.
utilization-seats-paid = Maksetut paikat
utilization-seats-used = Käytetyt paikat
utilization-chart = Maksetut ja käytetyt paikat palveluittain
utilization-chart-empty = Paikkoja ei ole vielä ostettu tai käytetty.
utilization-col-bought = Ostetut paikat
utilization-col-charged = Laskutettu kurssimaksuina
utilization-col-accepted = Hyväksytyt osallistujat
utilization-col-attendance = Läsnäolo
utilization-not-marked = Ei vielä merkitty
utilization-starts = Alkaa { $when }
reports-week-of = { $day }.{ $month }.{ $year }
