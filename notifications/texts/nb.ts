/**
 * Norwegian bokmål: every text a person reads in a message or a letter, as ICU MessageFormat.
 * `{x, date, long}` is a date ("14. mars 2026"); `{adressees, plural, one {du} other {dere}}`
 * addresses one adult or several; `{x, select, yes {…} other {}}` is a sentence only when it applies.
 * Values are computed per message type in notifications/catalog/; a paragraph that formats to
 * nothing is left out. Another language is a copy of this file with the same keys.
 */
import type { Sender } from '../catalog/define';
import type { MessageTexts, SenderTexts } from './types';

const du = '{addressees, plural, one {du} other {dere}}';
const Du = '{addressees, plural, one {Du} other {Dere}}';
const deg = '{addressees, plural, one {deg} other {dere}}';

const messages = {
  // ─── Before and at the settlement interview ────────────────────────────────────────────
  'new-case': {
    name: 'melding om ny bosettingssak',
    subject: 'Ny bosettingssak – bosettingssamtale senest {interviewDueDate, date, long}',
    body: [
      'En husstand på mottaket har fått oppholdstillatelse som gir rett til bosetting med offentlig hjelp. Det er opprettet en bosettingssak.',
      '{concerning}',
      'Bosettingssamtalen skal holdes senest {interviewDueDate, date, long}, det vil si innen 14 dager etter at saken ble opprettet. Registrer samtalen i Bosetting når den er gjennomført.',
      'Denne meldingen går til bosettingsansvarlig og til mottakets felles adresse.',
    ],
  },
  'interview-reminder': {
    name: 'påminnelse om bosettingssamtale',
    subject: 'Påminnelse: bosettingssamtale senest {interviewDueDate, date, long}',
    body: [
      'Bosettingssamtalen er ennå ikke registrert. Fristen er {interviewDueDate, date, long}.',
      'Alle voksne i husstanden skal delta. Barn over 12 år skal få tilbud om en egen samtale.',
    ],
  },
  'interview-overdue': {
    name: 'melding om passert frist for bosettingssamtale',
    subject: 'Fristen er passert: bosettingssamtalen skulle vært holdt senest {interviewDueDate, date, long}',
    body: [
      'Fristen for bosettingssamtalen var {interviewDueDate, date, long}. Samtalen er ikke registrert, og saken er markert som forsinket.',
      'Samtalen må holdes snarest, slik at IMDi kan begynne arbeidet med å finne en bosettingskommune.',
    ],
  },
  'internal-note': {
    name: 'intern bosettingsmerknad',
    subject: 'Intern bosettingsmerknad',
    body: [
      'Mottaket har lagt inn en intern bosettingsmerknad etter bosettingssamtalen. Merknaden er skrevet av {writtenBy}.',
      '{note}',
      '{risk, select, yes {Risiko for seg selv eller andre:\n{riskLines}} other {}}',
      'Merknaden er bare for IMDi og skal ikke sendes videre til kommunen.',
    ],
  },

  // ─── The host municipality ──────────────────────────────────────────────────────────────
  'mapping-reminder': {
    name: 'påminnelse om kompetansekartlegging',
    subject: 'Påminnelse: kompetansekartlegging senest {mappingDueDate, date, long}',
    body: [
      'Voksne med individuell beskyttelse skal kompetansekartlegges innen 14 dager etter vedtaksdatoen. Kartleggingen er ennå ikke registrert for {count, plural, one {denne beboeren} other {disse beboerne}}:',
      '{adults}',
      'Fristen er {mappingDueDate, date, long}.',
    ],
  },
  'mapping-overdue': {
    name: 'melding om manglende kompetansekartlegging',
    subject: 'Kompetansekartleggingen er ikke gjennomført (frist {mappingDueDate, date, long})',
    body: [
      'Vertskommunen, {hostMunicipality}, har ikke gjennomført kompetansekartleggingen innen fristen {mappingDueDate, date, long}, heller ikke etter påminnelse fra mottaket.',
      'Mottaket ber IMDi følge opp vertskommunen.',
    ],
  },

  // ─── Residents of special care units (R-REG-6) ──────────────────────────────────────────
  'function-report-due': {
    name: 'påminnelse om oppdatert funksjonsrapport',
    subject: 'Påminnelse: oppdatert funksjonsrapport til IMDi senest {dueDate, date, long}',
    body: [
      'Beboeren bor i et av UDIs særskilte botilbud og venter på bosetting. IMDi skal ha en oppdatert funksjonsrapport minst hver sjette måned. Neste frist er {dueDate, date, long}.',
      'Er ingenting endret siden forrige rapport, registrerer dere «ingen endring» i Bosetting.',
    ],
  },
  'function-report-overdue': {
    name: 'melding om manglende funksjonsrapport',
    subject: 'Fristen er passert: oppdatert funksjonsrapport (frist {dueDate, date, long})',
    body: [
      'Det er ikke registrert en oppdatert funksjonsrapport, eller «ingen endring», innen fristen {dueDate, date, long}. Beboeren bor i et av UDIs særskilte botilbud og venter på bosetting.',
      'Mottaket må sende rapporten til IMDi snarest, slik at kommunen får riktige opplysninger om behovet for tilrettelegging.',
    ],
  },

  // ─── Finding a municipality ─────────────────────────────────────────────────────────────
  'distribution-offer': {
    name: 'forespørsel om bosetting',
    subject: 'Forespørsel om bosetting av {count, plural, one {én person} other {# personer}} – svar innen {respondBy, date, long}',
    body: [
      'IMDi ber kommunen om å bosette denne husstanden. Profilen er anonymisert: navn, identitetsnumre og mottak oppgis først når kommunen har sagt ja.',
      'Tillatelse: {permit}. Prioritet: {priority}.',
      '{members}',
      '{household}',
      '{declined, select, none {} other {Husstanden har valgt å ikke oppgi opplysninger om {declined}.}}',
      'Svar IMDi innen {respondBy, date, long} om kommunen kan bosette husstanden.',
    ],
  },
  'distribution-accepted': {
    name: 'melding om avtalt bosetting',
    subject: 'Bosetting avtalt i {municipalityName} kommune, {week}',
    body: [
      '{municipality} har sagt ja til å bosette husstanden. Forventet bosetting er {week}.',
      'Mottaket avtaler flyttedato med kommunen og forbereder flyttingen.',
    ],
  },
  'settlement-decision': {
    name: 'vedtak om bosetting',
    subject: 'Vedtak om bosetting i {municipalityName} kommune',
    body: [
      '{concerning}',
      `IMDi har bestemt at ${du} skal bosettes i {municipalityName} kommune.`,
      `{week, select, none {} other {Forventet tidspunkt for bosetting er {week}. Mottaket avtaler flyttedato med ${deg}.}}`,
      `${Du} får bare ett tilbud om bosetting. Valget av kommune kan ikke påklages.`,
      `Hvis ${du} takker nei, kan ${du} miste plassen i mottaket, introduksjonsprogrammet og introduksjonsstønaden, økonomisk stønad fra kommunen, dekning av reiseutgifter og kommunal bolig. ${Du} beholder retten til gratis opplæring i norsk{children, plural, =0 {} one {, og barnet beholder retten til skolegang} other {, og barna beholder retten til skolegang}}.`,
    ],
  },

  // ─── Unaccompanied minors ───────────────────────────────────────────────────────────────
  'em-plans-due': {
    name: 'melding om frist for kartleggingsplan og tiltaksplan',
    subject: 'Kartleggingsplan og tiltaksplan (IKTP) sendes senest {plansDueDate, date, long}',
    body: [
      '{municipality} skal bosette den enslige mindreårige. Forventet bosetting er {week}.',
      'Kartleggingsplanen og tiltaksplanen (IKTP) skal være gjennomgått og signert av den mindreårige og representanten eller vergen, og sendt til kommunen senest {plansDueDate, date, long}. Det er minst to uker før forventet bosettingsuke.',
    ],
  },
  'em-plans-overdue': {
    name: 'melding om passert frist for kartleggingsplan og tiltaksplan',
    subject: 'Fristen er passert: kartleggingsplan og IKTP (frist {plansDueDate, date, long})',
    body: [
      'Det er ikke registrert at kartleggingsplanen og tiltaksplanen for den enslige mindreårige er sendt til {municipality}. Fristen var {plansDueDate, date, long}. Forventet bosetting er {week}.',
      'Planene må sendes snarest, slik at kommunen kan forberede bosettingen.',
    ],
  },
  'em-moving-notice': {
    name: 'melding om flytting av enslig mindreårig',
    subject: 'Melding om flytting: {minorName}',
    body: [
      '{minorName}, født {minorDateOfBirth, date, long}, er enslig mindreårig og skal bosettes i {municipality}.',
      '{movingDate, select, none {Forventet flytting er {week}. Endelig dato kommer når den er avtalt.} other {Planlagt flyttedato er {movingDay, date, long}.}}',
    ],
  },

  // ─── In the settling municipality ───────────────────────────────────────────────────────
  'school-assignment': {
    name: 'melding om nye elever',
    subject: 'Nye elever: familie bosettes i {municipalityName} kommune {week}',
    body: [
      '{municipality} skal bosette en familie med {count, plural, one {et barn} other {barn}} i skolepliktig alder. Forventet bosetting er {week}.',
      '{children}',
      '{count, plural, one {Barnet} other {Barna}} skal begynne på skolen senest tre måneder etter bosettingen.',
    ],
  },
  'kindergarten-assignment': {
    name: 'melding om behov for barnehageplass',
    subject: 'Barnehageplass: familie bosettes i {municipalityName} kommune {week}',
    body: [
      '{municipality} skal bosette en familie med {count, plural, one {et barn} other {barn}} i barnehagealder. Forventet bosetting er {week}.',
      '{children}',
      '{count, plural, one {Barnet} other {Barna}} skal ha barnehageplass eller et annet tilbud om barnepass senest tre måneder etter bosettingen, eller innen introduksjonsprogrammet starter hvis det er tidligere.',
    ],
  },
  'health-settlement': {
    name: 'melding om nybosatte flyktninger til helsetjenesten',
    subject: 'Melding om nybosatte flyktninger',
    body: [
      '{count, plural, one {Denne personen} other {Disse personene}} er bosatt i kommunen:',
      '{persons}',
      '{count, plural, one {Personen} other {De}} har bodd på {receptionCentre}. Helsejournal kan bes oversendt fra mottaket.',
    ],
  },
  'nav-settlement': {
    name: 'melding om bosetting til NAV',
    subject: 'Melding om bosetting i {municipalityName} kommune {settlementDate, date, long}',
    body: [
      '{count, plural, one {Denne personen} other {Disse personene}} ble bosatt i {municipality} {settlementDate, date, long}:',
      '{persons}',
      '{mappingForm, select, yes {Flyktningtjenesten sender kartleggingsskjema til NAV separat.} other {Det sendes ikke kartleggingsskjema for denne husstanden.}}',
    ],
  },

  // ─── Refusal ────────────────────────────────────────────────────────────────────────────
  'refusal-reported': {
    name: 'melding om bosettingsnekt',
    subject: 'Bosettingsnekt: tilbud om bosetting i {municipalityName} kommune',
    body: [
      'Husstanden takket {refusedOn, date, long} nei til tilbudet om bosetting i {municipality}.',
      '{concerning}',
      'IMDi bør nå anmode kommunen om å holde tilbudet åpent, og sende husstanden brev med frist for å flytte til kommunen.',
    ],
  },
  'keep-offer-request': {
    name: 'anmodning om å holde bosettingstilbudet åpent',
    subject: 'Anmodning om å holde bosettingstilbudet åpent',
    body: [
      'Husstanden har takket nei til tilbudet om bosetting i kommunen. IMDi ber kommunen opprettholde bosettingstilbudet til husstanden har flyttet, eller til namsmannen har gjennomført utkastelsen fra mottaket.',
      'Fristen for å flytte er {moveByDate, date, long}.',
    ],
  },
  'refusal-deadline-letter': {
    name: 'brev om frist for å flytte',
    subject: 'Frist for å flytte til bosettingskommunen',
    body: [
      '{concerning}',
      `${Du} har takket nei til tilbudet om bosetting i {municipalityName} kommune. Kommunen holder tilbudet åpent.`,
      `${Du} må flytte til kommunen senest {moveByDate, date, long}.`,
      `Hvis ${du} ikke flytter, mister ${du} retten til å bo i mottaket. ${Du} kan også miste introduksjonsprogrammet og introduksjonsstønaden, økonomisk stønad fra kommunen, dekning av reiseutgifter og kommunal bolig. ${Du} beholder retten til gratis opplæring i norsk{children, plural, =0 {} one {, og barnet beholder retten til skolegang} other {, og barna beholder retten til skolegang}}.`,
    ],
  },
  'refusal-step-1-letter': {
    name: 'brev om konsekvenser av bosettingsnekt',
    subject: 'Konsekvenser av flyttenekt – varsel om stopp i basis',
    body: [
      '{concerning}',
      'Du har takket nei til tilbudet om bosetting. IMDi har satt en frist for når du må flytte til bosettingskommunen: senest {moveByDate, date, long}.',
      'Hvis du ikke har flyttet innen fristen, har du ikke lenger rett til plass i mottaket, og basisbeløpet til livsopphold stanses fra {allowanceStopsOn, date, long}. Stansen gjelder alle voksne i familien, ikke barn under 18 år.',
      'Da vil UDI sende deg varsel om utkastelse fra mottaket og samtidig begjære tvangsfravikelse hos namsmannen.',
      'Du mister også introduksjonsprogrammet og introduksjonsstønaden, økonomisk stønad fra kommunen, dekning av reiseutgifter og kommunal bolig. Du beholder retten til gratis opplæring i norsk og samfunnskunnskap.',
      'Flytter du til bosettingskommunen innen fristen, skjer ikke dette.',
    ],
  },
  'refusal-deadline-passed': {
    name: 'melding om at fristen for å flytte er passert',
    subject: 'Ikke flyttet innen fristen {moveByDate, date, long}',
    body: [
      'Husstanden har ikke flyttet til bosettingskommunen innen fristen {moveByDate, date, long}. Brev om konsekvensene (trinn 1) ble sendt {step1SentOn, date, long}.',
      'Mottaket ber UDI sende varsel om utkastelse. IMDi bør anmode kommunen om å holde tilbudet åpent.',
    ],
  },
  'eviction-notice': {
    name: 'varsel om utkastelse',
    subject: 'Varsel om utkastelse fra mottaket',
    body: [
      '{concerning}',
      `UDI sendte ${deg} {step1SentOn, date, long} et brev om konsekvensene av å takke nei til bosetting. ${Du} har ikke flyttet til bosettingskommunen innen fristen.`,
      `Fristen er ute, og ${du} har ikke lenger rett til plass i mottaket. Basisbeløpet til livsopphold er stanset fra {evictionDate, date, long}. Stansen gjelder de voksne, ikke barn under 18 år.`,
      'UDI sender samtidig begjæring om tvangsfravikelse til namsmannen. Namsmannen har ansvaret for å gjennomføre utkastelsen.',
      `${Du} kan fortsatt flytte til bosettingskommunen. Da avsluttes denne saken.`,
    ],
  },
  'bailiff-request': {
    name: 'begjæring om tvangsfravikelse',
    subject: 'Begjæring om tvangsfravikelse fra asylmottak',
    body: [
      'UDI begjærer tvangsfravikelse av {count, plural, one {denne personen} other {disse personene}} fra asylmottaket:',
      '{persons}',
      'Mottak: {receptionCentre}.',
      'Varsel om utkastelse ble sendt {evictionNoticeSentOn, date, long}. Retten til plass i mottaket falt bort {evictionDate, date, long}. Varselet følger vedlagt. {count, plural, one {Beboeren} other {Beboerne}} har takket nei til bosetting og har ikke forlatt mottaket.',
    ],
  },
  'minor-companion-eviction': {
    name: 'melding før utkastelse av følgeperson',
    subject: 'Før utkastelse av følgeperson: {minorName}',
    body: [
      'Følgepersonen til {minorName}, født {minorDateOfBirth, date, long}, har takket nei til bosetting. Følgepersonen kan bli kastet ut av mottaket fra {plannedEvictionDate, date, long}.',
      'Den mindreårige beholder retten til plass i mottak og får plass i et mottak for enslige mindreårige. Er den mindreårige under 15 år, gir Bufetat plass i et omsorgssenter.',
    ],
  },

  // ─── Moving ─────────────────────────────────────────────────────────────────────────────
  'departure-abroad': {
    name: 'melding om utreise',
    subject: 'Utreist av Norge {departedOn, date, long} – avtalt bosetting i {municipalityName} kommune',
    body: [
      'Beboeren reiste ut av Norge {departedOn, date, long}. Det er avtalt bosetting i {municipality}.',
      '{intendsToReturn, select, yes {Beboeren har sagt at vedkommende vil komme tilbake før den avtalte bosettingsuken.} no {Beboeren har sagt at vedkommende ikke vil komme tilbake før den avtalte bosettingsuken.} other {Det er ikke kjent om beboeren vil komme tilbake før den avtalte bosettingsuken.}}',
    ],
  },

  // ─── About the notifications themselves, and the arrival journey ────────────────────────
  'delivery-failed': {
    name: 'melding om varsel som ikke ble levert',
    subject: 'Ikke levert: {failedName} til {failedRecipient}',
    body: [
      'Bosetting har ikke fått levert {failedName} til {failedRecipient}, etter {attempts, plural, one {ett forsøk} other {# forsøk}}.',
      'Teknisk feilmelding fra siste forsøk: {lastError}',
      'Send meldingen manuelt. Teksten finnes i sakens varsellogg i Bosetting.',
    ],
  },
  'arrival-task-reminder': {
    name: 'påminnelse om frist etter bosetting',
    subject: 'Påminnelse: {deadline} – {personName}',
    body: [
      'Fristen for «{deadline}» for {personName} (DUF-nr. {dufNumber}) er {dueDate, date, long}.',
      '{openTasks, select, none {} other {Dette gjenstår:\n{openTasks}}}',
      '{interpreter, select, none {} other {Bruk kvalifisert tolk på {interpreter} i samtalene, aldri barn eller andre i familien.}}',
    ],
  },
  'arrival-task-overdue': {
    name: 'melding om passert frist etter bosetting',
    subject: 'Fristen er passert: {deadline} – {personName}',
    body: [
      'Fristen for «{deadline}» for {personName} (DUF-nr. {dufNumber}) var {dueDate, date, long}.',
      '{openTasks, select, none {} other {Dette gjenstår:\n{openTasks}}}',
      '{interpreter, select, none {} other {Bruk kvalifisert tolk på {interpreter} i samtalene, aldri barn eller andre i familien.}}',
    ],
  },
} satisfies Record<string, MessageTexts>; // every type has its texts: checked where the catalogue lists the languages

/** Who sends: the letterhead, the signature and the contact point. Check contact details before going live. */
const senders = {
  imdi: {
    name: 'Integrerings- og mangfoldsdirektoratet (IMDi)',
    short: 'IMDi',
    address: ['Postboks 3 Sentrum', '0101 Oslo'],
    phone: '24 16 88 00',
    web: 'www.imdi.no',
  },
  udi: {
    name: 'Utlendingsdirektoratet (UDI)',
    short: 'UDI',
    address: ['Postboks 2098 Vika', '0125 Oslo'],
    phone: '23 35 15 00',
    web: 'www.udi.no',
  },
  reception_centre: { name: 'Asylmottaket', short: 'mottaket' },
  municipality: { name: 'Flyktningtjenesten i kommunen', short: 'flyktningtjenesten' },
  system: { name: 'Bosetting', short: 'Bosetting' },
} satisfies Record<Sender, SenderTexts>;

const common = {
  week: 'uke {week} i {year}',
  /** Between agencies the municipality number identifies it; residents read the name only. */
  municipality: '{name} kommune ({number})',
  member: '{name}, DUF-nr. {dufNumber}',
  memberBorn: '{name}, født {dateOfBirth, date, long}, DUF-nr. {dufNumber}',
  /** R-HH-2: who a letter or message concerns. */
  concerning: 'Gjelder:\n{members}',
  caseReference: 'Saksreferanse: {reference}',
  child: '{name}, født {dateOfBirth, date, long}, språk: {languages}',
  healthPerson: '{name}, født {dateOfBirth, date, long}, statsborgerskap: {citizenship}',
  navPerson: '{name}, født {dateOfBirth, date, long}, DUF-nr. {dufNumber}{nationalIdentityNumber, select, none {} other {, fødselsnummer {nationalIdentityNumber}}}',
  riskPerson: 'DUF-nr. {dufNumber}: {description}',
  riskMeasures: 'Tiltak: {measures}',
  profileMember:
    'Person {index}: {relation}, {sex, select, female {{adult, select, yes {kvinne} other {jente}}} male {{adult, select, yes {mann} other {gutt}}} other {kjønn ikke oppgitt}}, {age} år, statsborgerskap: {citizenship}, språk: {languages}{minor, select, yes {, enslig mindreårig} other {}}',
  profileCompanion: '  Følgeperson: {relation}',
  profileNeed: '  {area}: {description}',
  profileDialysis: '  Trenger dialyse flere ganger i uken',
  profileLar: '  I legemiddelassistert rehabilitering (LAR). Behandling og utlevering må være på plass før bosetting.',
  profileEducation: '  Utdanning: {level}{field, select, none {} other {, {field}}}',
  profileOccupation: '  Siste yrke i hjemlandet: {occupation}',
  profileLanguageSkills: '  Engelsk: {english}{other, select, none {} other {; {other}}}',
  profileLanguageSkill: '{language}: {level}',
  profileCare: '  Anbefalt bo- og omsorgsløsning: {care} – {justification}',
  profileSelfReliance: '  Grad av selvhjulpenhet: {level} – {justification}',
  profileMinorEducation: '  Skole og utdanning: {education}',
  profileMinorNeeds: '  Særlige behov: {needs}',
  profileMinorFamily: '  Har familie i Norge: {answer, select, yes {ja} other {nei}}',
  householdRelations: 'Familierelasjoner: {relations}',
  householdAnswer: '{label}: {answer}{details, select, none {} other { ({details})}}',
  householdSpecialUnit: 'Kommer fra særskilt tilrettelagt enhet: {answer}',
  unknownCountry: 'ukjent land (kode {code})',
  bailiffCentre: '{name}, {address}',
  recipient: '{kind} ({id})',
unknownMessage: 'en melding av typen {type}',
};

/** What the letter's frame says around the text. */
const letter = {
  date: 'Dato: {date, date, long}',
  reference: 'Vår referanse: {reference}',
  careOf: 'c/o {name}',
  addressMissing: 'Adresse ikke registrert – fylles inn før utsending',
  contact: `Har ${du} spørsmål, kan ${du} kontakte {sender}{phone, select, none {} other { på telefon {phone}}}{web, select, none {} other { eller se {web}}}. Oppgi referansen {reference}.`,
  signOff: 'Med vennlig hilsen',
  electronicallyApproved: 'Dokumentet er elektronisk godkjent og har derfor ingen håndskrevet signatur.',
  page: 'Side {page} av {pages}',
  senderAddress: 'Postadresse: {address}',
  senderPhone: 'Telefon: {phone}',
  senderWeb: 'Nettsted: {web}',
};

const terms = {
  yesNoUnknown: { yes: 'ja', no: 'nei', unknown: 'ukjent' },
  relation: { main: 'hovedperson', spouse: 'ektefelle', partner: 'samboer eller partner', child: 'barn', sibling: 'søsken', parent: 'forelder', other: 'annen relasjon' },
  need: {
    hearingSight: 'Hørsel og syn',
    cognitiveFunction: 'Kognitiv funksjon',
    physicalFunction: 'Fysisk funksjon, mobilitet og hjelpemidler',
    helpReceivedToday: 'Hjelpebehov i dag',
  },
  education: { none: 'ingen', primary: 'grunnskole', secondary: 'videregående skole', vocational: 'fagutdanning', bachelor: 'bachelorgrad', master_or_higher: 'mastergrad eller høyere' },
  care: {
    with_family: 'hos familie',
    with_companion: 'sammen med følgeperson',
    host_family: 'vertsfamilie',
    foster_home: 'fosterhjem',
    institution_24h_staff: 'institusjon med døgnbemanning',
    shared_housing_24h_staff: 'bofellesskap med døgnbemanning',
    shared_housing_partial_staff: 'bofellesskap med delvis bemanning',
    bedsit_with_follow_up: 'hybel med oppfølging',
  },
  languageLevel: { none: 'ingen', basic: 'grunnleggende', intermediate: 'middels', fluent: 'flytende', native: 'morsmål' },
  selfReliance: { low: 'lav', moderate: 'middels', high: 'høy' },
  priority: { unaccompanied_minor: 'enslig mindreårig', family_with_children: 'barnefamilie i mottak', resettlement: 'overføringsflyktning', none: 'ingen særskilt prioritet' },
  permit: {
    protection: 'beskyttelse (utlendingsloven § 28)',
    humanitarian: 'sterke menneskelige hensyn (utlendingsloven § 38)',
    humanitarian_id_doubt: 'sterke menneskelige hensyn med tvil om identitet (utlendingsloven § 38 femte ledd)',
    collective_protection: 'midlertidig kollektiv beskyttelse (utlendingsloven § 34)',
    resettlement: 'overføringsflyktning',
    family_reunification: 'familiegjenforening',
  },
  householdAnswer: { pets: 'Husdyr', car: 'Bil', drivingLicence: 'Førerkort' },
  declined: {
    familyRelationsDescribed: 'familierelasjoner',
    pets: 'husdyr',
    car: 'bil',
    drivingLicence: 'førerkort',
    fromSpecialUnit: 'opphold i særskilt tilrettelagt enhet',
    specialNeeds: 'særlige behov',
    highestEducation: 'høyeste utdanning',
    lastOccupation: 'siste yrke',
    languageSkills: 'språkferdigheter',
    settlementWishes: 'ønsker for bosettingen',
  },
  /** The ICAO codes for what is not a country (ISO/IEC 7501-1). */
  country: { XXA: 'statsløs', XXB: 'flyktning etter flyktningkonvensjonen', XXC: 'annen flyktning', XXX: 'ukjent', XKX: 'Kosovo', RKS: 'Kosovo' },
  recipientKind: {
    reception_centre: 'mottaket',
    reception_centre_leader: 'mottaksleder',
    udi: 'UDI',
    udi_regional_office: 'UDIs regionkontor',
    imdi: 'IMDi',
    municipality: 'kommunen',
    host_municipality: 'vertskommunen',
    school: 'skolen',
    kindergarten: 'barnehagen',
    health: 'helsetjenesten i kommunen',
    nav: 'NAV',
    housing: 'boligtjenesten',
    guardian: 'representanten eller vergen',
    child_welfare: 'barnevernet',
    bufetat: 'Bufetat',
    county_governor: 'statsforvalteren',
    bailiff: 'namsmannen',
    resident: 'beboeren',
  },
  /** The arrival journey's deadlines and tasks (domain/arrival.ts ids), R-ARR-1..9, R-GRANT-*. */
  arrivalDeadline: {
    'first-day': 'Første dag',
    'first-days': 'De første dagene',
    'first-weeks': 'De første ukene',
    'school-start': 'Skolestart',
    'kindergarten-place': 'Barnehageplass eller annet tilbud om barnepass',
    'team-meeting': 'Første møte med det tverrfaglige teamet',
    'extra-grant': 'Søknad om ekstratilskudd',
    'plan-evaluation': 'Evaluering av individuell plan ({n}. evaluering)',
  },
  arrivalTask: {
    'pick-up': 'Hentet ved ankomst og fulgt til boligen',
    'first-day-food': 'Mat den første dagen',
    'money-until-stipend': 'Penger, eller en måte å kjøpe mat og nødvendigheter på, til introduksjonsstønaden er utbetalt',
    'urgent-health': 'Akutte helsebehov undersøkt, med innleggelse eller henvisning ved behov',
    lease: 'Leiekontrakt gjennomgått med tolk og signert av flyktningen som leietaker',
    'contents-insurance': 'Innboforsikring tegnet',
    'housing-guidance': 'Botrening: brannslukker, røykvarsler, renhold og oppvarming om vinteren',
    'population-register': 'Flytting meldt til Folkeregisteret (innen 8 dager)',
    'housing-allowance': 'Søknad om bostøtte (Husbanken)',
    'programme-application': 'Søknad om introduksjonsprogram',
    'kindergarten-application': 'Søknad om barnehageplass',
    'health-examination': 'Helseundersøkelse',
    gp: 'Fastlege tildelt',
    dentist: 'Tannlege: nødvendig behandling startet',
    'local-volunteering': 'Introdusert for frivilligheten lokalt (lag og foreninger, frivilligsentral, flyktningguide)',
    'nir-registration': 'Registrert i NIR (nødvendig for riktig tilskudd)',
    'programme-start-in-nir': 'Oppstart i introduksjonsprogrammet registrert i NIR',
    'integration-grant-year-1': 'Søknad om integreringstilskudd for år 1',
    'school-start': 'Begynt på skolen',
    'kindergarten-place': 'Barnehageplass eller annet tilbud om barnepass på plass',
    'team-meeting': 'Første møte med det tverrfaglige teamet',
    'extra-grant': 'Søknad om ekstratilskudd',
    'plan-evaluation': 'Individuell plan evaluert ({n}. evaluering)',
  },
};

export type Common = typeof common;
export type Letter = typeof letter;
export type Terms = typeof terms;

export const nb = { locale: 'nb', messages, senders, common, letter, terms };
