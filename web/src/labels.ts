/**
 * Bokmål for the API's codes (stages, roles, enum values, deadline rules). The API speaks English
 * field names and codes; a person reads only these. Free texts the API writes for people (the
 * timeline, refusal reasons) are shown as the API gives them.
 */
export const roleLabels: Record<string, string> = {
  udi: 'UDI',
  mottak: 'Mottak',
  imdi: 'IMDi',
  kommune: 'Kommune',
  supervisor: 'Tilsyn (leder)',
};

export const roleDescriptions: Record<string, string> = {
  udi: 'Registrerer vedtak om oppholdstillatelse',
  mottak: 'Bosettingsarbeid i asylmottaket',
  imdi: 'Saksbehandler i IMDi: finner kommune',
  kommune: 'Flyktningtjenesten i kommunen',
  supervisor: 'Leser alle saker og statistikk, endrer ingenting',
};

export const stageLabels: Record<string, string> = {
  waiting_for_renewal: 'Venter på første fornyelse',
  interview: 'Bosettingssamtale',
  preparing: 'Klargjøring',
  distribution: 'Utsendt til kommune',
  agreed: 'Avtalt bosetting',
  moving: 'Flytting avtalt',
  refusal: 'Bosettingsnekt',
  settled: 'Bosatt',
  closed: 'Avsluttet',
  refused: 'Ikke i målgruppen',
};

export const permitTypeLabels: Record<string, string> = {
  protection: 'Beskyttelse (§ 28)',
  humanitarian: 'Sterke menneskelige hensyn (§ 38)',
  humanitarian_id_doubt: 'Begrenset tillatelse, tvil om identitet (§ 38 femte ledd)',
  collective_protection: 'Kollektiv beskyttelse (§ 34)',
  resettlement: 'Overføringsflyktning',
  family_reunification: 'Familiegjenforening',
};

export const priorityGroupLabels: Record<string, string> = {
  unaccompanied_minor: 'Enslig mindreårig',
  family_with_children: 'Barnefamilie',
  resettlement: 'Overføringsflyktning',
  none: 'Ingen prioritet',
};

export const goalStatusLabels: Record<string, string> = {
  on_track: 'I rute',
  at_risk: 'Fare for å ikke nå målet',
  late: 'Forsinket',
  met: 'Nådd',
  missed: 'Ikke nådd',
};

export const relationLabels: Record<string, string> = {
  main: 'Hovedperson',
  spouse: 'Ektefelle',
  partner: 'Samboer',
  child: 'Barn',
  sibling: 'Søsken',
  parent: 'Forelder',
  other: 'Annen',
};

export const sexLabels: Record<string, string> = { female: 'Kvinne', male: 'Mann', unknown: 'Ukjent' };

export const answerLabels: Record<string, string> = { yes: 'Ja', no: 'Nei', unknown: 'Ukjent' };

export const deadlineStatusLabels: Record<string, string> = {
  open: 'Åpen',
  reminded: 'Påminnet',
  overdue: 'Forfalt',
  met: 'Oppfylt',
  not_applicable: 'Ikke aktuell',
};

/** Deadlines by their rule: what must be done. */
export const deadlineTitles: Record<string, string> = {
  'R-INT-2': 'Bosettingssamtale gjennomført',
  'R-HOST-1': 'Kompetansekartlegging gjennomført',
  'R-HOST-2': 'Norskopplæring tilbudt',
  'R-EM-1': 'Kartleggingsplan og tiltaksplan sendt kommunen',
  'R-REF-3': 'Flyttet etter første brev om bosettingsnekt',
  'R-REF-4': 'Flyttet etter første brev om bosettingsnekt',
  'R-REG-6': 'Funksjonsbeskrivelse oppdatert',
  'R-MOVE-4': 'Utflytting registrert',
  'R-MOVE-5': 'IMDi varslet om utreise',
  'R-GOAL-1': 'Bosatt innen målet',
  'R-ARR-1': 'Første dag',
  'R-ARR-2': 'De første dagene: flytting meldt til folkeregisteret',
  'R-ARR-3': 'De første ukene',
  'R-ARR-4': 'Skolestart for barn i skolealder',
  'R-ARR-5': 'Barnehageplass eller annet tilbud',
  'R-ARR-8': 'Første møte i det tverrfaglige teamet; plan evaluert',
  'R-GRANT-3': 'Ekstratilskudd søkt',
};

export function deadlineTitle(d: { rule: string; title: string; id?: string }): string {
  return deadlineTitles[d.rule] ?? d.title;
}

export function label(map: Record<string, string>, code: string | undefined | null): string {
  if (code === undefined || code === null) return '–';
  return map[code] ?? code;
}

/** The arrival journey's tasks by id (domain/arrival.ts, seed 000 «Første dag / De første dagene / De første ukene»). */
export const arrivalTaskTitles: Record<string, string> = {
  'pick-up': 'Hentet ved ankomst og fulgt til boligen',
  'first-day-food': 'Mat servert første dag',
  'money-until-stipend': 'Penger eller mulighet til å kjøpe mat og nødvendigheter til introduksjonsstønaden kommer',
  'urgent-health': 'Akutte helsebehov sjekket; innleggelse eller henvisning ved behov',
  lease: 'Leiekontrakt gjennomgått med tolk og signert av flyktningen som leietaker',
  'contents-insurance': 'Innboforsikring tegnet',
  'housing-guidance': 'Boveiledning: brannslukker, røykvarsler, renhold, oppvarming om vinteren',
  'population-register': 'Flytting meldt til folkeregisteret (innen 8 dager)',
  'housing-allowance': 'Bostøtte (Husbanken) søkt',
  'programme-application': 'Introduksjonsprogram søkt',
  'kindergarten-application': 'Barnehageplass søkt',
  'health-examination': 'Helseundersøkelse',
  gp: 'Fastlege tildelt',
  dentist: 'Tannlege: nødvendig behandling startet',
  'local-volunteering': 'Introdusert for lokalt frivillig arbeid (lag, frivilligsentral, flyktningguide)',
  'nir-registration': 'Registrert i NIR (nødvendig for riktige tilskudd)',
  'programme-start-in-nir': 'Oppstart i introduksjonsprogrammet registrert i NIR',
  'integration-grant-year-1': 'Integreringstilskudd for år 1 søkt',
  'school-start': 'Startet på skolen',
  'kindergarten-place': 'Barnehageplass eller annet tilbud på plass',
  'team-meeting': 'Første møte med det tverrfaglige teamet',
  'extra-grant': 'Ekstratilskudd søkt',
};

export function arrivalTaskTitle(task: { taskId?: string; id?: string; title: string }): string {
  const id = task.taskId ?? task.id ?? '';
  if (id.startsWith('plan-evaluation-')) return `Individuell plan evaluert (${id.slice('plan-evaluation-'.length)}. evaluering)`;
  return arrivalTaskTitles[id] ?? task.title;
}
