# Asiakkaan työtila (katso workspace.en.ftl).

## Suhteelliset ajat ("3 päivää sitten"), tarkka aika vihjeenä
when-just-now = juuri nyt
when-yesterday = eilen
when-tomorrow = huomenna
when-minutes-ago = { $n ->
    [one] minuutti sitten
   *[other] { $n } minuuttia sitten
}
when-in-minutes = { $n ->
    [one] minuutin päästä
   *[other] { $n } minuutin päästä
}
when-hours-ago = { $n ->
    [one] tunti sitten
   *[other] { $n } tuntia sitten
}
when-in-hours = { $n ->
    [one] tunnin päästä
   *[other] { $n } tunnin päästä
}
when-days-ago = { $n ->
    [one] päivä sitten
   *[other] { $n } päivää sitten
}
when-in-days = { $n ->
    [one] päivän päästä
   *[other] { $n } päivän päästä
}
when-months-ago = { $n ->
    [one] kuukausi sitten
   *[other] { $n } kuukautta sitten
}
when-in-months = { $n ->
    [one] kuukauden päästä
   *[other] { $n } kuukauden päästä
}
when-years-ago = { $n ->
    [one] vuosi sitten
   *[other] { $n } vuotta sitten
}
when-in-years = { $n ->
    [one] vuoden päästä
   *[other] { $n } vuoden päästä
}

## Virheet, joita mikä tahansa sivu voi näyttää
error-unauthorized = Kirjaudu sisään jatkaaksesi.
error-invalid-credentials = Sähköpostiosoite tai salasana on väärin.
error-validation = Korjaa merkityt kentät.
error-rate-limited = { $seconds ->
    [one] Liian monta yritystä. Yritä uudelleen sekunnin kuluttua.
   *[other] Liian monta yritystä. Yritä uudelleen { $seconds } sekunnin kuluttua.
}
error-unreachable = Palvelimeen ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.
error-internal = Jotain meni vikaan meidän päässämme. Yritä myöhemmin uudelleen.

## Yleiskatsaus (/org)
dashboard-title = Yleiskatsaus — Coursegate
dashboard-eyebrow = Asiakasorganisaatio
dashboard-active = Aktiivinen asiakas
dashboard-suspended = Jäädytetty
dashboard-customer-since = Asiakkaana { $date } alkaen
dashboard-browse-catalog = Selaa palveluvalikoimaa
dashboard-key-figures = Tunnusluvut
dashboard-open-orders = Avoimet tilaukset
dashboard-upcoming-courses = Tulevat kurssit
dashboard-spent-this-month = Kulut tässä kuussa
dashboard-this-month-on = Tässä kuussa: { $account }
dashboard-spend = Kulut
dashboard-spend-chart = Kulut kuukausittain, sis. ALV
dashboard-spend-chart-in = Kulut kuukausittain ({ $currency }), sis. ALV
dashboard-spend-empty = Ei kuluja viimeisen kahdentoista kuukauden ajalta.
dashboard-spend-empty-in = Ei kuluja valuutassa { $currency } viimeisen kahdentoista kuukauden ajalta.
dashboard-all-expenses = Kaikki kulut
dashboard-seats = Paikat
dashboard-seats-chart = Maksetut ja käytetyt paikat palveluittain
dashboard-seats-paid = Maksetut paikat
dashboard-seats-used = Käytetyt paikat
dashboard-seats-empty = Paikkoja ei ole vielä ostettu eikä käytetty.
dashboard-utilization-link = Käyttöaste palveluittain
dashboard-recent-activity = Viimeisimmät tapahtumat
dashboard-activity-empty = Mitään ei ole vielä tapahtunut.
dashboard-your-account = Tilisi
dashboard-signed-in-as = Kirjautuneena
dashboard-role = Rooli
dashboard-role-text = Asiakkaan pääkäyttäjä — organisaation ainoa yhteyshenkilö
dashboard-address-link = Osoite ja yhteystiedot
dashboard-not-found = Organisaatiotasi ei löytynyt.

## Viimeisimmät tapahtumat
activity-application-approved = Hakemus hyväksytty — tili luotu
activity-application-submitted = Hakemus lähetetty
activity-attendee-created = Osallistuja lisätty
activity-attendee-updated = Osallistujan tietoja muutettu
activity-attendee-deleted = Osallistuja poistettu
activity-attendee-erased = Osallistujan tiedot poistettu pysyvästi
activity-attendee-imported = Osallistujat tuotu
activity-billing-account-created = Laskutustili lisätty
activity-billing-account-updated = Laskutustiliä muutettu
activity-billing-account-archived = Laskutustili arkistoitu
activity-billing-account-restored = Laskutustili palautettu
activity-billing-account-made-default = Oletuslaskutustili vaihdettu
activity-course-application-submitted = Kurssihakemus lähetetty
activity-course-application-withdrawn = Kurssihakemus peruttu
activity-course-application-attendees-changed = Kurssihakemuksen osallistujia muutettu
activity-course-application-attendance = Läsnäolo merkitty
activity-course-application-accepted = Kurssihakemus hyväksytty
activity-course-application-waitlisted = Kurssihakemus jonossa
activity-course-application-rejected = Kurssihakemus hylätty
activity-order-created = Tilaus tehty
activity-order-cancelled = Tilaus peruttu
activity-organization-details-updated = Organisaation tietoja muutettu
activity-organization-time-zone-updated = Aikavyöhyke vaihdettu
activity-organization-suspended = Organisaatio jäädytetty
activity-organization-reactivated = Organisaatio aktivoitu uudelleen
activity-organization-handover-started = Pääkäyttäjän vaihto aloitettu
activity-organization-handover-completed = Pääkäyttäjä vaihdettu
activity-organization-handover-cancelled = Pääkäyttäjän vaihto peruttu
activity-support-open = Tukipyyntö avattu
activity-support-reply = Viesti lähetetty tukeen
activity-support-answer = Tuki vastasi
activity-user-password-set = Salasana asetettu
activity-user-password-changed = Salasana vaihdettu
activity-user-password-reset-requested = Salasanan palautusta pyydetty
activity-user-signed-out-everywhere = Kirjauduttu ulos kaikista istunnoista
activity-user-invited = Pääkäyttäjä kutsuttu
activity-user-invitation-resent = Kutsu lähetetty uudelleen
chart-category = Luokka

## Sivutetut luettelot
pager-label = Sivut
pager-first = Ensimmäinen sivu
pager-next = Seuraava sivu

## Palveluvalikoima (/org/catalog)
catalog-title = Palveluvalikoima — Coursegate
catalog-service-title = Palvelu — Coursegate
catalog-your-orders = Tilauksesi
catalog-lead = Kurssit ja palvelut, joita voit ostaa. Hinnat ovat paikkaa tai yksikköä kohden ilman arvonlisäveroa; ALV-kanta näkyy jokaisen hinnan yhteydessä.
catalog-search = Haku
catalog-search-placeholder = Nimi, aihe tai luokka
catalog-category = Luokka
catalog-all = Kaikki
catalog-delivery = Toteutustapa
catalog-any = Mikä tahansa
catalog-starts-from = Alkaa aikaisintaan
catalog-starts-by = Alkaa viimeistään
catalog-price-from = Hinta alkaen
catalog-price-to = Hinta enintään
catalog-filter = Suodata
catalog-clear = Tyhjennä
catalog-empty = Valikoima on nyt tyhjä. Uudet kurssit ja palvelut näkyvät täällä heti, kun ne julkaistaan.
catalog-no-match = Mikään ei vastaa näitä suodattimia. Tyhjennä ne nähdäksesi koko valikoiman.
catalog-no-seat-limit = Ei paikkarajoitusta
catalog-fully-booked = Täynnä
catalog-seats-left = { $count ->
    [one] 1 paikka jäljellä
   *[other] { $count } paikkaa jäljellä
}
catalog-any-time = Milloin tahansa
catalog-price-plus-vat = { $price } + ALV { $rate }
catalog-order-confirmed = Tilaus vahvistettu.
catalog-see-orders = Näytä tilauksesi
catalog-when = Ajankohta
catalog-price = Hinta
catalog-per-seat = / paikka
catalog-per-unit = / yksikkö
catalog-availability = Saatavuus
catalog-cancellation = Peruutus
catalog-free-cancellation-until = Maksuton peruutus { $date } asti
catalog-cancel-before-delivery = Peruttavissa milloin tahansa ennen toteutusta
catalog-your-organization = Organisaatiosi
catalog-bought-used = { $bought } ostettu, { $used } hyväksyttyjen osallistujien käytössä
catalog-closed = Tätä ei voi enää ostaa.
catalog-apply-heading = Hae nimetyille osallistujille
catalog-apply-text = Lähetä kurssihakemus niille, jotka osallistuvat; ostamasi paikat käytetään ensin.
catalog-apply-button = Hae tälle kurssille
catalog-total = { $net } + ALV { $vat } = { $total }
catalog-buy-seats = Osta paikkoja
catalog-buy = Osta
catalog-loading-accounts = Ladataan laskutustilejä…
catalog-add-account-first = Lisää ensin laskutustili:
catalog-place-order = Tee tilaus
service-kind-course = Kurssi
service-kind-service = Palvelu
delivery-in-person = Lähiopetus
delivery-online = Verkossa
delivery-hybrid = Hybridi

## Tilaukset (/org/orders)
orders-title = Tilaukset — Coursegate
orders-empty = Ei vielä tilauksia. Löydä kurssi tai palvelu valikoimasta:
orders-empty-link = Selaa palveluvalikoimaa
orders-ordered = Tilattu
orders-service = Palvelu
orders-quantity = Määrä
orders-billing-account = Laskutustili
orders-total = Yhteensä sis. ALV
orders-status = Tila
orders-newest = Uusimmat
orders-older = Vanhemmat
orders-net-and-vat = { $net } veroton + { $vat } ALV
orders-cancelled = Peruttu
orders-confirmed = Vahvistettu
orders-cancel = Peru
catalog-no-such-service = Valikoimassa ei ole palvelua tällä tunnisteella.
catalog-search-too-long = Hakusanassa saa olla enintään 200 merkkiä.
catalog-lowest-price = Alin hinta
catalog-highest-price = Ylin hinta
orders-choose-own-account = Valitse jokin organisaatiosi laskutustileistä.
orders-choose-account = Valitse laskutustili.
orders-already-started = Kurssi on jo alkanut, eikä sitä voi enää ostaa.
orders-not-found = Tilausta ei löydy tällä tunnisteella.
orders-already-cancelled = Tämä tilaus on jo peruttu.
orders-deadline-passed = Tämän palvelun peruutusaika on päättynyt. Ota yhteyttä tukeen, jos tarvitset apua.
orders-seats-in-use = { $used ->
    [one] Yksi ostamistasi paikoista on hyväksytyn kurssihakemuksen käytössä; peru se ensin.
   *[other] { $used } ostamaasi paikkaa on hyväksyttyjen kurssihakemusten käytössä; peru ne ensin.
}
form-key-malformed = Lomakkeen tunniste puuttuu tai on virheellinen. Lataa sivu uudelleen ja yritä uudestaan.
validate-date = Anna päivämäärä muodossa 2027-01-31.

## Tilauksia koskevat viestit pääkäyttäjälle
mail-order-confirmation-subject = Tilausvahvistus: { $service }
mail-order-confirmation-body =
    Kiitos tilauksestasi.

    { $quantity } × { $unit }: { $service }
    Ajankohta: { $when }
    Laskutustili: { $account }
    Veroton hinta: { $net }
    ALV { $rate }: { $vat }
    Yhteensä: { $total }

    { $cancel }

    Tilauksesi näet osoitteessa { $link }

    — Coursegate
mail-order-unit-seat = paikka
mail-order-unit-unit = yksikkö
mail-order-cancel-until = Voit perua tilauksen { $date } asti.
mail-order-cancel-any-time = Voit perua tilauksen tilaussivultasi.
mail-order-cancelled-subject = Tilaus peruttu: { $service }
mail-order-cancelled-body =
    Tilauksesi { $quantity } × { $service } on peruttu, ja { $amount } hyvitetään laskutustilille { $account }.

    — Coursegate

## Kurssihakemukset (/org/courses)
courses-title = Kurssihakemukset — Coursegate
courses-new-title = Hae kurssille — Coursegate
courses-detail-title = Kurssihakemus — Coursegate
courses-eyebrow = Kurssihakemus
courses-apply = Hae kurssille
courses-empty = Täällä ei ole kurssihakemuksia. Valitse kurssi valikoimasta ja hae sille osallistujien kanssa.
courses-course = Kurssi
courses-organization = Organisaatio
courses-places = Paikat
courses-applied = Haettu
courses-decided = Päätetty
courses-new-lead = Nimeä osallistujat. Organisaatiosi kurssille ostamat paikat käytetään ensin; niiden yli menevistä paikoista veloitetaan kurssimaksu, kun hakemus hyväksytään.
courses-none-open = Yksikään kurssi ei ole nyt haettavana.
courses-find-placeholder = Hae osallistujia nimellä tai sähköpostilla
courses-find-label = Hae osallistujia
courses-find = Hae
courses-fee-account = Kurssimaksujen laskutustili
courses-note = Viesti palveluntarjoajalle
courses-note-short = Viesti
courses-send = Lähetä hakemus
courses-no-attendees = Osallistujia ei löytynyt. Lisää ensin henkilöitä Osallistujat-sivulla:
courses-fee = Kurssimaksu
courses-fee-before-vat = { $amount } ilman ALV:tä
courses-no-fee = Ei maksua
courses-seats-split = { $bought } ostetuista paikoista, { $charged } kurssimaksuna veloitettuna
courses-operator-message = Palveluntarjoajan viesti
courses-withdraw-refund = Peruminen vapauttaa paikat ja hyvittää kurssimaksun.
courses-withdraw-no-refund = Maksuton peruutusaika on päättynyt: peruminen vapauttaa paikat, mutta kurssimaksua ei hyvitetä.
courses-withdraw-note = Peruminen kertoo palveluntarjoajalle, ettet enää tarvitse näitä paikkoja.
courses-change-attendees = Vaihda osallistujia
courses-accepted-swap = { $count ->
    [one] Hyväksytty 1 paikalle: voit vaihtaa henkilön, määrä pysyy samana.
   *[other] Hyväksytty { $count } paikalle: voit vaihtaa henkilöitä, määrä pysyy samana.
}
courses-save-attendees = Tallenna osallistujat
courses-withdraw = Peru hakemus
courses-withdraw-button = Peru hakemus
courses-status-submitted = Lähetetty
courses-status-waitlisted = Jonossa
courses-status-accepted = Hyväksytty
courses-status-rejected = Hylätty
courses-status-cancelled = Peruttu
courses-status-unknown = Tuntematon
courses-not-found = Kurssihakemusta ei löydy tällä tunnisteella.
courses-choose-attendee = Valitse vähintään yksi osallistuja.
courses-too-many-attendees = Hakemuksessa voi olla enintään { $max } osallistujaa.
courses-attendee-twice = Kukin osallistuja voi olla hakemuksessa vain kerran.
courses-attendee-not-ours = Valitse osallistujat organisaatiosi luettelosta.
courses-attendee-elsewhere = { $name } on jo toisessa tämän kurssin hakemuksessa.
courses-choose-course = Valitse kurssi.
courses-no-such-course = Valikoimassa ei ole kurssia tällä tunnisteella.
courses-not-a-course = Hakemukset koskevat kursseja; osta tämä palvelu valikoimasta.
courses-closed = Kurssi on jo alkanut; haku on päättynyt.
courses-closed-status = Tämän hakemuksen tila on ”{ $status }”; sen osallistujia ei voi enää vaihtaa.
courses-started-no-change = Kurssi on alkanut; osallistujia ei voi enää vaihtaa.
courses-name-exactly = { $places ->
    [one] Hakemus hyväksyttiin 1 paikalle; nimeä täsmälleen 1 osallistuja tai peru hakemus ja hae uudelleen eri määrälle.
   *[other] Hakemus hyväksyttiin { $places } paikalle; nimeä täsmälleen { $places } osallistujaa tai peru hakemus ja hae uudelleen eri määrälle.
}
courses-already-status = Tämän hakemuksen tila on jo ”{ $status }”.
courses-started-no-withdraw = Kurssi on alkanut; hakemusta ei voi enää perua.

## Kurssihakemuksia koskevat viestit
mail-course-accepted-subject = Kurssihakemus hyväksytty: { $service }
mail-course-accepted-body =
    Hakemuksenne kurssille { $service } ({ $when }) on hyväksytty. Tervetuloa!{ $fee }{ $message }

    Hakemuksen näet osoitteessa { $link }

    — Coursegate
mail-course-waitlisted-subject = Kurssihakemus jonossa: { $service }
mail-course-waitlisted-body =
    Hakemuksenne kurssille { $service } ({ $when }) on jonossa. Kirjoitamme heti, kun paikka vapautuu.{ $message }

    Hakemuksen näet osoitteessa { $link }

    — Coursegate
mail-course-rejected-subject = Kurssihakemusta ei hyväksytty: { $service }
mail-course-rejected-body =
    Hakemustanne kurssille { $service } ({ $when }) ei hyväksytty.{ $message }

    Hakemuksen näet osoitteessa { $link }

    — Coursegate
mail-course-fee = { $count ->
    [one] { " " }Ostamienne paikkojen lisäksi 1 paikasta veloitetaan kurssimaksu { $price } (ilman ALV:tä) laskutustililtä { $account }.
   *[other] { " " }Ostamienne paikkojen lisäksi { $count } paikasta veloitetaan kurssimaksu { $price } kultakin (ilman ALV:tä) laskutustililtä { $account }.
}
mail-course-operator-message = { " " }Palveluntarjoajan viesti: { $reason }

## Osallistujat (/org/attendees)
attendees-title = Osallistujat — Coursegate
attendees-search-placeholder = Nimi tai sähköposti
attendees-search-label = Hae osallistujia
attendees-erased-banner = Osallistujan henkilötiedot poistettiin. Hänen kurssihakemuksissaan näkyy nyt ”Poistettu osallistuja”.
attendees-empty = Ei vielä osallistujia. Lisää henkilöitä lomakkeella tai tuo CSV-tiedosto.
attendees-no-match = Haulla ei löytynyt osallistujia.
attendees-total = { $count ->
    [one] 1 osallistuja
   *[other] { $count } osallistujaa
}
attendees-name = Nimi
attendees-job-title = Tehtävänimike
attendees-actions = Toiminnot
attendees-edit = Muokkaa
attendees-personal-data = Henkilötiedot
attendees-personal-data-of = Henkilötiedot: { $name }
attendees-delete = Poista
attendees-delete-confirm = Poista pysyvästi
attendees-add-heading = Lisää osallistuja
attendees-add = Lisää osallistuja
attendees-edit-heading = Muokkaa: { $name }
attendees-import-heading = Tuo CSV-tiedostosta
attendees-import-text = Liitä CSV-tiedosto, jonka otsikkorivillä ovat sarakkeet name, email ja job_title (valinnainen). Jos jollakin rivillä on ongelma, mitään ei tuoda ja kaikki ongelmat luetellaan.
attendees-imported = { $count ->
    [one] Tuotiin 1 osallistuja.
   *[other] Tuotiin { $count } osallistujaa.
}
attendees-import-problems = { $count ->
    [one] Mitään ei tuotu: 1 ongelma.
   *[other] Mitään ei tuotu: { $count } ongelmaa.
}
attendees-csv-text = CSV-teksti
attendees-import = Tuo
attendees-export-heading = Vie CSV-tiedostoon
attendees-export-text = Kaikki osallistujat yhdessä UTF-8-tiedostossa otsikkorivin kanssa, valmiina taulukkolaskentaan.
attendees-prepare-export = Valmistele vienti
attendees-download = Lataa attendees.csv
attendees-preview = Esikatselu
attendees-not-found = Osallistujaa ei löydy tällä tunnisteella.
attendees-email-taken = Toisella osallistujalla on jo tämä sähköpostiosoite.
attendees-on-application = Osallistuja on nimetty kurssihakemukseen, eikä häntä voi poistaa.
form-save-changes = Tallenna muutokset
form-save = Tallenna
form-cancel = Peruuta

## Työtilan lomakkeiden tarkistusviestit
validate-formula = Kenttä ”{ $label }” ei saa alkaa merkillä = + - tai @.
validate-amount = Kentän ”{ $label }” on oltava summa, esimerkiksi 1250 tai 1250,50, enintään kahdella desimaalilla.
validate-too-large = Kentän ”{ $label }” arvo on liian suuri.
validate-date-time = Kentän ”{ $label }” on oltava päivämäärä ja kellonaika, esimerkiksi 2027-01-31T09:00.
validate-whole-number = Kentän ”{ $label }” on oltava kokonaisluku väliltä { $min }–{ $max }.
validate-vat-id = Anna ALV-tunniste maatunnuksineen, esimerkiksi FI12345678.
validate-e-invoice = Anna verkkolaskuosoite: sähköpostiosoite tai operaattoritunnus, esimerkiksi 003712345678.
validate-common-password = Tämä salasana on yksi yleisimmistä ja helppo arvata. Valitse toinen.
validate-label-message = Viesti
validate-label-reason = Perustelu

## Laskutustilit (/org/billing)
billing-title = Laskutustilit — Coursegate
billing-show-active = Näytä käytössä olevat tilit
billing-show-archived = Näytä arkistoidut tilit
billing-lead = Ostot laskutetaan laskutustililtä. Oletustili valitaan puolestasi tilatessa; tili, jota et enää käytä, arkistoidaan, jotta aiemmista laskuista näkyy yhä, minne ne menivät.
billing-no-archived = Ei arkistoituja laskutustilejä.
billing-empty = Ei vielä laskutustilejä. Lisää ensimmäinen lomakkeella; siitä tulee oletustili.
billing-account = Tili
billing-name = Tilin nimi
billing-address = Laskutusosoite
billing-vat-id = ALV-tunniste
billing-reference = Viite
billing-reference-label = Viite tai kustannuspaikka
billing-e-invoice = Verkkolaskuosoite
billing-e-invoice-hint = Sähköpostiosoite PDF-laskuille tai verkkolaskuoperaattorin tunnus.
billing-archived = Arkistoitu
billing-restore = Palauta
billing-make-default = Aseta oletukseksi
billing-archive = Arkistoi
billing-default = Oletus
billing-add-heading = Lisää laskutustili
billing-add = Lisää tili
billing-edit-heading = Muokkaa tiliä ”{ $name }”
billing-not-found = Laskutustiliä ei löydy tällä tunnisteella.
billing-archived-no-change = Tämä laskutustili on arkistoitu, eikä sitä voi enää muuttaa.
billing-archived-no-default = Arkistoitu laskutustili ei voi olla oletustili.
billing-already-archived = Tämä laskutustili on jo arkistoitu.
billing-default-no-archive = Oletuslaskutustiliä ei voi arkistoida. Aseta ensin jokin toinen tili oletukseksi.
billing-not-archived = Tämä laskutustili ei ole arkistoitu.

## Kulut (/org/expenses)
expenses-title = Kulut — Coursegate
expenses-lead = Kaikki laskutustileillenne veloitetut ostot ja kurssimaksut; hyvitykset näkyvät negatiivisina riveinä. Kuukaudet ovat organisaatiosi aikavyöhykkeen mukaisia.
expenses-all-accounts = Kaikki tilit
expenses-from-month = Alkaen kuukaudesta
expenses-to-month = Päättyen kuukauteen
expenses-all-services = Kaikki palvelut
expenses-kind = Laji
expenses-all-kinds = Kaikki lajit
expenses-totals = Yhteensä
expenses-overall = { $count ->
    [one] { $net } veroton + { $vat } ALV, 1 rivi
   *[other] { $net } veroton + { $vat } ALV, { $count } riviä
}
expenses-month = Kuukausi
expenses-lines = Rivejä
expenses-net = Veroton
expenses-vat = ALV
expenses-gross = Verollinen
expenses-vat-rate = ALV { $rate }
expenses-prepare-csv = Valmistele CSV näistä riveistä
expenses-download = Lataa expenses.csv
expenses-empty = Ei vielä kuluja. Ostot ja kurssimaksut näkyvät täällä heti, kun ne veloitetaan.
expenses-no-match = Mikään rivi ei vastaa näitä suodattimia.
expenses-date = Päivämäärä
expenses-description = Kuvaus
expenses-kind-purchases = Ostot
expenses-kind-course-fees = Kurssimaksut
expenses-kind-refunds = Hyvitykset
expenses-source-order = Osto
expenses-source-order-refund = Oston hyvitys
expenses-source-course-fee = Kurssimaksu
expenses-source-course-fee-refund = Kurssimaksun hyvitys
expenses-source-other = Muu
expenses-desc-order = { $service }, { $count } kpl
expenses-desc-order-refund = Hyvitys, peruttu tilaus: { $service }
expenses-desc-course-fee = { $count ->
    [one] Kurssimaksu, 1 paikka: { $service }
   *[other] Kurssimaksu, { $count } paikkaa: { $service }
}
expenses-desc-course-fee-refund = Hyvitys, peruttu hakemus: { $service }
expenses-choose-service = Valitse palvelu luettelosta.
expenses-choose-kind = Valitse ostot, kurssimaksut tai hyvitykset.
expenses-enter-month = Anna kuukausi muodossa 2026-12.
expenses-months-reversed = Viimeinen kuukausi on ennen ensimmäistä.
expenses-export-too-many = Yli { $max } riviä vastaa hakua; valitse lyhyempi aikaväli ja vie osissa.

## Organisaation tiedot (/org/details)
org-details-heading = Organisaation tiedot

## Profiili (/profile)
profile-title = Profiilisi — Coursegate
profile-heading = Profiilisi
profile-password-changed = Salasanasi on vaihdettu. Kaikki muut istunnot on kirjattu ulos.
profile-sessions-ended = Kaikki muut istunnot on kirjattu ulos. Tämä selain pysyy kirjautuneena.
profile-change-password = Vaihda salasana
profile-current-password = Nykyinen salasana
profile-repeat-password = Toista uusi salasana
profile-two-step = Kaksivaiheinen kirjautuminen
profile-two-step-required = Palveluntarjoaja edellyttää järjestelmänvalvojilta kaksivaiheista kirjautumista. Ota se käyttöön, jotta voit käyttää hallintakonsolia.
profile-two-step-text = Kysy salasanan jälkeen koodi todennussovelluksesta.
profile-two-step-manage = Hallinnoi kaksivaiheista kirjautumista
profile-sessions = Istunnot
profile-sessions-text = Jäikö kirjautuminen päälle tietokoneelle, jota et enää käytä? Päätä kaikki istunnot tätä lukuun ottamatta.
profile-sign-out-everywhere = Kirjaudu ulos kaikkialta muualta
profile-enter-current = Anna nykyinen salasanasi.
profile-current-wrong = Nykyinen salasana ei ole oikein.
profile-passwords-differ = Salasanat eivät täsmää.

## Salasanan palautusviesti
mail-password-reset-subject = Coursegate-salasanasi palauttaminen
mail-password-reset-body =
    Joku pyysi Coursegate-tilisi salasanan palauttamista.

    Valitse uusi salasana tästä (linkki toimii kerran, { $hours ->
        [one] tunnin
       *[other] { $hours } tunnin
    } ajan):
    { $link }

    Jos et pyytänyt tätä, voit jättää viestin huomiotta; salasanasi pysyy ennallaan.

    — Coursegate

## Kaksivaiheinen kirjautuminen (/profile/two-step)
two-step-title = Kaksivaiheinen kirjautuminen — Coursegate
two-step-lead = Salasanan jälkeen Coursegate kysyy puhelimesi todennussovelluksen näyttämän 6-numeroisen koodin, joten pelkällä varastetulla salasanalla ei pääse sisään.
two-step-off-banner = Kaksivaiheinen kirjautuminen on pois päältä. Kirjaudut pelkällä salasanalla.
two-step-your-codes = Varakoodisi
two-step-codes-text = Säilytä nämä turvallisessa paikassa, erillään puhelimestasi. Kukin koodi kirjaa sinut sisään kerran, jos puhelin katoaa. Koodit näytetään vain siihen asti, kun vahvistat tallentaneesi ne.
two-step-codes-saved = Olen tallentanut ne
two-step-on = Käytössä
two-step-off = Ei käytössä
two-step-codes-left = Varakoodeja jäljellä:
two-step-new-codes = Uudet varakoodit
two-step-current-code = Sovelluksen nykyinen koodi
two-step-make-codes = Luo uudet varakoodit
two-step-switch-off = Poista käytöstä
two-step-or-password = …tai salasanasi
two-step-switch-off-button = Poista kaksivaiheinen kirjautuminen käytöstä
two-step-add-app = Lisää Coursegate todennussovellukseesi
two-step-type-key = Lisää sovellukseen uusi tili ja kirjoita tämä avain (tai avaa alla oleva linkki puhelimessa):
two-step-enter-code = Anna sitten sovelluksen näyttämä koodi, niin tarkistamme, että se toimii.
two-step-code = Sovelluksen koodi
two-step-switch-on = Ota käyttöön
two-step-set-up = Ota kaksivaiheinen kirjautuminen käyttöön
two-step-back = Takaisin profiiliin
two-step-not-on = Kaksivaiheinen kirjautuminen ei ole käytössä tililläsi.
two-step-code-wrong = Koodi ei ole oikein.
two-step-code-used = Tämä koodi on jo käytetty. Odota sovellukseen seuraava koodi.
two-step-recovery-wrong = Varakoodi ei ole oikein tai se on jo käytetty.
two-step-already-on-move = Kaksivaiheinen kirjautuminen on jo käytössä. Poista se ensin käytöstä, jos haluat siirtää sen toiseen sovellukseen.
two-step-already-on = Kaksivaiheinen kirjautuminen on jo käytössä.
two-step-setup-expired = Käyttöönotto vanheni. Aloita alusta saadaksesi uuden avaimen.
two-step-enter-six = Anna todennussovelluksesi näyttämä 6-numeroinen koodi.
two-step-code-or-password = Anna todennussovelluksen koodi tai salasanasi.
two-step-password-wrong = Salasana ei ole oikein.
org-details-title = Organisaation tiedot — Coursegate
org-correct-fields = Korjaa alla merkityt kentät.
org-save-details = Tallenna tiedot
org-time-zone = Aikavyöhyke
org-time-zone-text = Kurssien ajat, tilausten ajankohdat ja kulujen kuukaudet näytetään tällä aikavyöhykkeellä.
org-operators-zone = Palveluntarjoajan aikavyöhyke ({ $zone })
org-save-time-zone = Tallenna aikavyöhyke
org-choose-time-zone = Valitse aikavyöhyke luettelosta, esimerkiksi Europe/Helsinki.

## Osallistujan henkilötiedot (/org/attendees/:id)
attendees-personal-title = Osallistujan henkilötiedot — Coursegate
attendees-personal-heading = Osallistujan henkilötiedot
attendees-attended = Osallistui
attendees-did-not-attend = Ei osallistunut
attendees-not-marked = Ei merkitty
attendees-download-json = Lataa JSON-tiedostona
attendees-record = Tiedot
attendees-added = Lisätty
attendees-last-changed = Viimeksi muutettu
attendees-no-courses = Ei nimettynä yhteenkään kurssihakemukseen.
attendees-starts = Alkaa
attendees-attendance = Läsnäolo
attendees-history = Historia
attendees-history-entry = { $action } ({ $by })
attendees-erase = Poista henkilötiedot
attendees-erase-text = Poistaminen hävittää nimen, sähköpostiosoitteen ja tehtävänimikkeen pysyvästi ja poistaa henkilön osallistujaluettelosta. Kurssihakemukset, läsnäolotiedot ja kulurivit säilyvät, ja niissä näkyy nimen sijaan ”Poistettu osallistuja”. Lataa tiedot ensin, jos henkilö pyysi niistä kopiota.
attendees-erase-confirm = Poista henkilön { $name } tiedot. Tätä ei voi perua.
attendees-erase-tick = Vahvista valintaruudulla, että henkilötiedot poistetaan pysyvästi.

## Ilmoitukset onnistuneista toiminnoista
toast-dismiss = Sulje
toast-applications-submit = Hakemus lähetetty.
toast-applications-respond = Vastaus lähetetty käsittelijälle.
toast-applications-withdraw = Hakemus peruttu.
toast-admin-applications-claim = Käsittelet nyt tätä hakemusta.
toast-admin-applications-request-info = Lisätietopyyntö lähetetty.
toast-admin-applications-approve = Hakemus hyväksytty; kutsu on matkalla.
toast-admin-applications-reject = Hakemus hylätty.
toast-admin-invitations-resend = Uusi linkki lähetettiin; vanha ei enää toimi.
toast-admin-organizations-suspend = Organisaatio jäädytetty.
toast-admin-organizations-reactivate = Organisaatio aktivoitu uudelleen.
toast-admin-organizations-handover = Kutsu pääkäyttäjäksi lähetetty.
toast-admin-organizations-handover-cancel = Pääkäyttäjän vaihto peruttu.
toast-admin-admins-invite = Järjestelmänvalvoja kutsuttu.
toast-admin-admins-deactivate = Järjestelmänvalvoja poistettu käytöstä.
toast-admin-admins-reactivate = Järjestelmänvalvoja otettu uudelleen käyttöön.
toast-admin-outbox-retry = Viesti lähetetään uudelleen.
toast-admin-catalog-create = Luonnos tallennettu.
toast-admin-catalog-update = Palvelu tallennettu.
toast-admin-catalog-set-status = Palvelun tila muutettu.
toast-admin-courses-decide = Päätös tallennettu; organisaatiolle on lähetetty viesti.
toast-admin-courses-attendance = Läsnäolo tallennettu.
toast-admin-support-reply = Vastaus lähetetty.
toast-org-details-update = Organisaation tiedot tallennettu.
toast-org-time-zone-update = Aikavyöhyke tallennettu.
toast-org-billing-create = Laskutustili lisätty.
toast-org-billing-update = Laskutustili tallennettu.
toast-org-billing-set-default = Oletuslaskutustili vaihdettu.
toast-org-billing-archive = Laskutustili arkistoitu.
toast-org-billing-restore = Laskutustili palautettu.
toast-org-attendees-create = Osallistuja lisätty.
toast-org-attendees-update = Osallistuja tallennettu.
toast-org-attendees-delete = Osallistuja poistettu.
toast-org-orders-create = Ostos tehty.
toast-org-orders-cancel = Tilaus peruttu.
toast-org-courses-create = Kurssihakemus lähetetty.
toast-org-courses-attendees = Osallistujat vaihdettu.
toast-org-courses-withdraw = Kurssihakemus peruttu.
toast-support-open = Tukipyyntö lähetetty.
toast-support-reply = Viesti lähetetty.
toast-support-contact = Viesti lähetetty. Vastaamme sähköpostitse.
dashboard-attendance-not-marked = Ei vielä merkitty
dashboard-attendance = { $attended }/{ $marked } ({ $percent } %)

## Tilaukset ja palvelueditori: hylkäykset
orders-fully-booked = Valitettavasti tämä on täynnä: paikkoja ei ole jäljellä.
orders-only-seats-left = { $left ->
    [one] Jäljellä on vain 1 paikka; pyysit { $asked }.
   *[other] Jäljellä on vain { $left } paikkaa; pyysit { $asked }.
}
catalog-start = Alkaa
catalog-end = Päättyy
catalog-cancellation-deadline = Peruutuksen määräaika
catalog-course-needs-start = Kurssilla on oltava alkamisaika.
catalog-course-needs-end = Kurssilla on oltava päättymisaika.
catalog-course-needs-capacity = Kurssilla on oltava kapasiteetti (paikkojen määrä).
catalog-end-after-start = Päättymisajan on oltava alkamisajan jälkeen.
catalog-start-with-end = Anna alkamisaika, kun päättymisaika on annettu.
catalog-deadline-before-start = Peruutuksen määräajan on oltava ennen alkamisaikaa.
catalog-kind-locked = Palvelulla on jo tilauksia tai hakemuksia; sen lajia ei voi muuttaa.
catalog-choose-status = Valitse luonnos, julkaistu tai arkistoitu.
courses-choose-status = Valitse lähetetty, jonossa, hyväksytty, hylätty tai peruttu.
courses-choose-decision = Valitse hyväksy, jonoon tai hylkää.
courses-cannot-decide = Hakemuksen tila on ”{ $status }”; sen tilaksi ei voi nyt muuttaa ”{ $next }”.
courses-started-no-accept = Kurssi on alkanut; hakemusta ei voi enää hyväksyä.
courses-needs-seats = { $count ->
    [one] Hakemus tarvitsee 1 paikan organisaation ostamien lisäksi; siirrä se jonoon tai kasvata kapasiteettia.
   *[other] Hakemus tarvitsee { $count } paikkaa organisaation ostamien lisäksi; siirrä se jonoon tai kasvata kapasiteettia.
}
courses-attendance-accepted-only = Läsnäolo merkitään vain hyväksyttyihin hakemuksiin.
courses-attendee-not-on = Osallistuja ei ole tässä hakemuksessa.
validate-label-title = Nimi
validate-label-description = Kuvaus
validate-label-capacity = Kapasiteetti
validate-label-currency = Valuutta
validate-label-kind = Laji
validate-label-delivery-mode = Toteutustapa
validate-vat-rate = ALV-kannan on oltava prosenttiluku, esimerkiksi 25,5 tai 0.
validate-vat-rate-max = ALV-kanta saa olla enintään 100 %.
validate-currency = Valitse valuutta luettelosta ({ $list }).
validate-label-subject = Aihe
validate-label-answer = Vastauksesi
validate-label-vat-rate = ALV-kanta

## Osallistujien tuonti CSV-tiedostosta
attendees-csv-place = rivi { $line }, { $what }
attendees-csv-column-n = sarake { $n }
attendees-csv-column-twice = Sarake on otsikkorivillä kahdesti.
attendees-csv-unknown-column = Tuntematon sarake { $column }; otsikkorivin sarakkeet ovat { $columns }.
attendees-csv-column-missing = Otsikkoriviltä puuttuu tämä sarake; se on pakollinen.
attendees-csv-header-unreadable = Otsikkoriviä ei voi lukea: { $error }
attendees-csv-empty = Tiedosto on tyhjä.
attendees-csv-row-unreadable = Riviä ei voi lukea: { $error }
attendees-csv-too-many = Tuo enintään { $max } riviä kerrallaan.
attendees-csv-column-count = Rivillä on { $row } saraketta; otsikkorivillä { $header }.
attendees-csv-same-email = Sama sähköpostiosoite on jo rivillä { $line }.
attendees-csv-email-exists = Osallistuja tällä sähköpostiosoitteella on jo olemassa.
attendees-csv-no-rows = Tiedostossa on otsikkorivi mutta ei yhtään riviä.
attendees-csv-raced = Osallistujia lisättiin tuonnin aikana. Mitään ei tuotu; yritä uudelleen.

## Pyynnöt, joita palvelin ei voinut lukea
error-unreadable = Pyyntöä ei voitu lukea: { $detail }
error-missing-arg = Pyynnöstä puuttuu `{ $arg }`.
