/**
 * One form per staff step of the settlement case. Each builds the body of its route, typed from
 * the OpenAPI document (StepBody), so a changed field fails `npm run typecheck`. The forms check
 * nothing themselves: the API validates, the workflow decides, and their answers are shown.
 */
import { Button, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import type { paths } from '../api/schema';
import { hasHousehold, type CaseView, type Person } from '../api/case';
import type { FieldErrors } from '../components/form';
import { answerLabels, deadlineTitle, relationLabels } from '../labels';
import { isoWeekOf, todayUtc, addDaysUtc } from '../format';
import { CheckField, RadioField, SelectField, TextField } from './fields';

type StepPath = Extract<keyof paths, `/v1/cases/{caseId}/${string}`>;
export type StepBody<P extends StepPath> = paths[P] extends { post: { requestBody: { content: { 'application/json': infer B } } } } ? B : never;

export type StepFormProps = {
  /** The prefix of the form's field ids. */
  form: string;
  /** The id of the heading that names the form (its accessible name). */
  labelledBy: string;
  view: CaseView;
  errors: FieldErrors;
  submit: (body: unknown) => void;
  button: ReactNode;
};

/** The <form> of a step: named by its heading, the API's validation only (noValidate). */
function StepFormShell({ p, onSubmit, children }: { p: StepFormProps; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      aria-labelledby={p.labelledBy}
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      {p.button}
    </form>
  );
}

type Topic = NonNullable<StepBody<'/v1/cases/{caseId}/interview'>['topicsCovered']>[number];
const topicLabels: Record<Topic, string> = {
  decision_content: 'Innholdet i vedtaket',
  residence_card_and_travel_document: 'Oppholdskort og reisebevis',
  child_benefit: 'Barnetrygd',
  settlement_with_public_help: 'Bosetting med offentlig hjelp',
  consequences_of_refusing_offer: 'Konsekvenser ved ikke å ta imot tilbud om bosetting',
  agreed_self_settlement: 'Avtalt selvbosetting',
  settlement_on_own_initiative: 'Bosetting på eget initiativ',
  rights_and_duties: 'Rettigheter og plikter før og etter bosetting',
  education_and_work_documentation: 'Dokumentasjon på utdanning og arbeidserfaring',
  housing_forms: 'Boformer',
  practical_moving_information: 'Praktisk informasjon om kommende flytting',
  tasks_before_moving: 'Oppgaver før flytting til bosettingskommunen',
};

type Declinable = NonNullable<StepBody<'/v1/cases/{caseId}/interview'>['declinedInformation']>[number];
const declinableLabels: Record<Declinable, string> = {
  familyRelationsDescribed: 'Familierelasjoner',
  pets: 'Kjæledyr',
  car: 'Bil',
  drivingLicence: 'Førerkort',
  fromSpecialUnit: 'Særskilt enhet',
  specialNeeds: 'Særlige behov',
  highestEducation: 'Høyeste utdanning',
  lastOccupation: 'Siste yrke',
  languageSkills: 'Språkferdigheter',
  settlementWishes: 'Ønsker for bosettingen',
};

type Format = StepBody<'/v1/cases/{caseId}/interview'>['participants'][number]['format'];
const formatLabels: Record<Format, string> = { joint: 'Felles samtale', own: 'Egen samtale', extended_unaccompanied_minor: 'Utvidet samtale (enslig mindreårig)' };

function persons(view: CaseView): Person[] {
  return hasHousehold(view) ? view.permit.persons : [];
}

function personName(p: Person): string {
  return `${p.givenName} ${p.familyName} (${relationLabels[p.relation] ?? p.relation})`;
}

function ageOn(dateOfBirth: string, day: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

type YesNo = 'yes' | 'no' | 'unknown';
type NeedArea = 'hearingSight' | 'cognitiveFunction' | 'physicalFunction' | 'helpReceivedToday';
const needAreaLabels: Record<NeedArea, { label: string; description: string }> = {
  hearingSight: { label: 'Hørsel og syn', description: 'Behov knyttet til hørsel eller syn i hverdagen' },
  cognitiveFunction: { label: 'Kognitiv funksjon', description: 'F.eks. å kommunisere på eget språk, hukommelse' },
  physicalFunction: { label: 'Fysisk funksjon', description: 'Mobilitet og hjelpemidler' },
  helpReceivedToday: { label: 'Hjelp i dag', description: 'Hjelp personen får i hverdagen i dag' },
};
const needAreas = Object.keys(needAreaLabels) as NeedArea[];
type Needs = Record<NeedArea, { hasNeed: YesNo; description: string }>;
const unknownNeeds = (): Needs => Object.fromEntries(needAreas.map((a) => [a, { hasNeed: 'unknown', description: '' }])) as Needs;

/**
 * R-REG-2, R-REG-3: every household fact answered (unknown is an answer of its own, never "no"),
 * and each person's special needs in the four areas — recorded for one person, never a diagnosis
 * (R-REG-4). R-REG-7: wishes only with the resident told they may not be honoured.
 */
export function SettlementInfoForm(p: StepFormProps) {
  type Body = StepBody<'/v1/cases/{caseId}/settlement-info'>;
  const { form, errors, view } = p;
  const members = persons(view);
  const [relations, setRelations] = useState<YesNo>('unknown');
  const [relationsText, setRelationsText] = useState('');
  const [pets, setPets] = useState<YesNo>('unknown');
  const [petsDetails, setPetsDetails] = useState('');
  const [car, setCar] = useState<YesNo>('unknown');
  const [licence, setLicence] = useState<YesNo>('unknown');
  const [licenceDetails, setLicenceDetails] = useState('');
  const [specialUnit, setSpecialUnit] = useState<YesNo>('unknown');
  const [unit, setUnit] = useState<'facilitated_department' | 'special_housing_and_care' | 'special_nursing_and_care'>('facilitated_department');
  const [needs, setNeeds] = useState<Record<string, Needs>>(() => Object.fromEntries(members.map((m) => [m.dufNumber, unknownNeeds()])));
  const [wishes, setWishes] = useState('');
  const [informed, setInformed] = useState(false);
  const props = { form, errors };
  const setNeed = (duf: string, area: NeedArea, change: Partial<Needs[NeedArea]>) =>
    setNeeds((all) => ({ ...all, [duf]: { ...(all[duf] ?? unknownNeeds()), [area]: { ...(all[duf] ?? unknownNeeds())[area], ...change } } }));
  return (
    <StepFormShell
      p={p}
      onSubmit={() => {
        const body: Body = {
          familyRelationsDescribed: relations,
          ...(relationsText.trim() ? { familyRelations: relationsText.trim() } : {}),
          pets: { answer: pets, ...(petsDetails.trim() ? { details: petsDetails.trim() } : {}) },
          car: { answer: car },
          drivingLicence: { answer: licence, ...(licenceDetails.trim() ? { details: licenceDetails.trim() } : {}) },
          fromSpecialUnit: specialUnit === 'yes' ? { answer: specialUnit, unit } : { answer: specialUnit },
          persons: members.map((m) => {
            const own = needs[m.dufNumber] ?? unknownNeeds();
            return {
              dufNumber: m.dufNumber,
              specialNeeds: Object.fromEntries(
                needAreas.map((a) => [a, { hasNeed: own[a].hasNeed, ...(own[a].description.trim() ? { description: own[a].description.trim() } : {}) }]),
              ) as NonNullable<NonNullable<Body['persons']>[number]['specialNeeds']>,
            };
          }),
          ...(wishes.trim() ? { settlementWishes: { text: wishes.trim(), informedWishesMayNotBeHonoured: informed as true } } : {}),
        };
        p.submit(body);
      }}
    >
      <Fieldset>
        <Fieldset.Legend>Husstanden</Fieldset.Legend>
        <RadioField {...props} path="familyRelationsDescribed" label="Er familierelasjonene beskrevet?" description="«Nei» passer bare for en husstand på én person" value={relations} onChange={(v) => setRelations(v as YesNo)} options={answerLabels} />
        <TextField {...props} path="familyRelations" label="Familierelasjoner" description="Hvordan medlemmene er i familie med hverandre" multiline value={relationsText} onChange={setRelationsText} />
        <RadioField {...props} path="pets.answer" label="Har husstanden kjæledyr i Norge?" value={pets} onChange={(v) => setPets(v as YesNo)} options={answerLabels} />
        {pets === 'yes' && <TextField {...props} path="pets.details" label="Kjæledyr: hvilke" value={petsDetails} onChange={setPetsDetails} />}
        <RadioField {...props} path="car.answer" label="Har husstanden bil i Norge?" value={car} onChange={(v) => setCar(v as YesNo)} options={answerLabels} />
        <RadioField {...props} path="drivingLicence.answer" label="Har noen førerkort?" value={licence} onChange={(v) => setLicence(v as YesNo)} options={answerLabels} />
        <TextField {...props} path="drivingLicence.details" label="Førerkort: hvem og hvilken klasse" value={licenceDetails} onChange={setLicenceDetails} />
        <RadioField {...props} path="fromSpecialUnit.answer" label="Kommer noen fra en særskilt enhet?" value={specialUnit} onChange={(v) => setSpecialUnit(v as YesNo)} options={answerLabels} />
        {specialUnit === 'yes' && (
          <SelectField
            {...props}
            path="fromSpecialUnit.unit"
            label="Hvilken enhet"
            value={unit}
            onChange={(v) => setUnit(v as typeof unit)}
            options={{ facilitated_department: 'Tilrettelagt avdeling', special_housing_and_care: 'Særskilt bo- og omsorgsløsning', special_nursing_and_care: 'Særskilt pleie- og omsorgsløsning' }}
          />
        )}
      </Fieldset>
      {members.map((m, i) => (
        <Fieldset key={m.dufNumber}>
          <Fieldset.Legend>Særlige behov: {personName(m)}</Fieldset.Legend>
          <Fieldset.Description>Beskriv hva personen trenger hjelp til i hverdagen, aldri diagnoser eller medisiner (R-REG-4).</Fieldset.Description>
          <div>
            <Button type="button" variant="secondary" data-size="sm" onClick={() => needAreas.forEach((a) => setNeed(m.dufNumber, a, { hasNeed: 'no' }))}>
              Svar «Nei» på alle fire for {m.givenName}
            </Button>
          </div>
          {needAreas.map((a) => {
            const need = (needs[m.dufNumber] ?? unknownNeeds())[a];
            return (
              <div key={a} className="stack">
                <RadioField
                  {...props}
                  path={`persons.${i}.specialNeeds.${a}.hasNeed`}
                  label={`${needAreaLabels[a].label} (${m.givenName})`}
                  description={needAreaLabels[a].description}
                  value={need.hasNeed}
                  onChange={(v) => setNeed(m.dufNumber, a, { hasNeed: v as YesNo })}
                  options={answerLabels}
                />
                {need.hasNeed === 'yes' && (
                  <TextField
                    {...props}
                    path={`persons.${i}.specialNeeds.${a}.description`}
                    label={`Beskrivelse: ${needAreaLabels[a].label.toLowerCase()} (${m.givenName})`}
                    multiline
                    value={need.description}
                    onChange={(v) => setNeed(m.dufNumber, a, { description: v })}
                  />
                )}
              </div>
            );
          })}
        </Fieldset>
      ))}
      <Fieldset>
        <Fieldset.Legend>Ønsker for bosettingen (valgfritt)</Fieldset.Legend>
        <TextField {...props} path="settlementWishes.text" label="Ønsker" multiline value={wishes} onChange={setWishes} />
        <CheckField {...props} path="settlementWishes.informedWishesMayNotBeHonoured" label="Beboeren er fortalt at ønsker ikke alltid kan oppfylles (R-REG-7)" checked={informed} onChange={setInformed} />
      </Fieldset>
    </StepFormShell>
  );
}

/** R-INT-2..5: who took part and how, children over 12 offered their own conversation, topics, what was declined. */
export function InterviewForm(p: StepFormProps) {
  type Body = StepBody<'/v1/cases/{caseId}/interview'>;
  const { form, errors, view } = p;
  const members = persons(view);
  const [heldOn, setHeldOn] = useState(todayUtc());
  const [formats, setFormats] = useState<Record<string, Format | ''>>(() =>
    Object.fromEntries(members.map((m) => [m.dufNumber, m.unaccompaniedMinor ? 'extended_unaccompanied_minor' : ageOn(m.dateOfBirth, todayUtc()) >= 18 ? 'joint' : ''])),
  );
  const [offered, setOffered] = useState<string[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [declined, setDeclined] = useState<Declinable[]>([]);
  const props = { form, errors };
  const participationOptions = { '': 'Deltok ikke', ...formatLabels };
  const taking = members.filter((m) => (formats[m.dufNumber] ?? '') !== '');
  // An error names the participant by its place in the list sent, not in the household.
  const participantPath = (duf: string) => {
    const k = taking.findIndex((m) => m.dufNumber === duf);
    return k < 0 ? `participants.none.${duf}` : `participants.${k}.format`;
  };
  return (
    <StepFormShell
      p={p}
      onSubmit={() => {
        const body: Body = {
          heldOn,
          participants: taking.map((m) => ({ dufNumber: m.dufNumber, format: formats[m.dufNumber] as Format })),
          childrenOfferedOwnInterview: offered,
          topicsCovered: topics,
          declinedInformation: declined,
        };
        p.submit(body);
      }}
    >
      <TextField {...props} path="heldOn" label="Dato for samtalen" type="date" value={heldOn} onChange={setHeldOn} />
      <Fieldset id={`${form}-participants`} aria-invalid={errors.participants ? true : undefined}>
        <Fieldset.Legend>Hvem deltok</Fieldset.Legend>
        <Fieldset.Description>Alle voksne skal delta; barn over 12 år skal tilbys egen samtale (R-INT-3).</Fieldset.Description>
        {members.map((m) => (
          <SelectField
            key={m.dufNumber}
            {...props}
            path={participantPath(m.dufNumber)}
            label={`Deltakelse: ${personName(m)}`}
            value={formats[m.dufNumber] ?? ''}
            onChange={(v) => setFormats((f) => ({ ...f, [m.dufNumber]: v as Format | '' }))}
            options={participationOptions}
          />
        ))}
        {errors.participants && <ValidationMessage>{errors.participants}</ValidationMessage>}
      </Fieldset>
      {members
        .filter((m) => {
          const age = ageOn(m.dateOfBirth, heldOn);
          return age >= 12 && age < 18;
        })
        .map((m) => (
          <CheckField
            key={m.dufNumber}
            {...props}
            path="childrenOfferedOwnInterview"
            label={`${m.givenName} ${m.familyName} er tilbudt egen samtale`}
            checked={offered.includes(m.dufNumber)}
            onChange={(on) => setOffered((o) => (on ? [...o, m.dufNumber] : o.filter((d) => d !== m.dufNumber)))}
          />
        ))}
      <Fieldset>
        <Fieldset.Legend>Temaer som er gjennomgått (R-INT-4)</Fieldset.Legend>
        <CheckField {...props} path="topicsCovered.all" label="Alle temaene" checked={topics.length === Object.keys(topicLabels).length} onChange={(on) => setTopics(on ? (Object.keys(topicLabels) as Topic[]) : [])} />
        {(Object.keys(topicLabels) as Topic[]).map((t) => (
          <CheckField key={t} {...props} path={`topicsCovered.${t}`} label={topicLabels[t]} checked={topics.includes(t)} onChange={(on) => setTopics((ts) => (on ? [...ts, t] : ts.filter((x) => x !== t)))} />
        ))}
        {errors.topicsCovered && <ValidationMessage>{errors.topicsCovered}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>Opplysninger beboeren ikke ville gi (R-INT-5)</Fieldset.Legend>
        <Fieldset.Description>Bare hvilke opplysninger, aldri hvorfor.</Fieldset.Description>
        {(Object.keys(declinableLabels) as Declinable[]).map((d) => (
          <CheckField key={d} {...props} path={`declinedInformation.${d}`} label={`Ville ikke oppgi: ${declinableLabels[d].toLowerCase()}`} checked={declined.includes(d)} onChange={(on) => setDeclined((ds) => (on ? [...ds, d] : ds.filter((x) => x !== d)))} />
        ))}
      </Fieldset>
    </StepFormShell>
  );
}

/** R-HOST-1 */
export function CompetenceMappingForm(p: StepFormProps) {
  const [status, setStatus] = useState<'done' | 'not_applicable'>('done');
  const [doneOn, setDoneOn] = useState(todayUtc());
  const [reason, setReason] = useState('');
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit((status === 'done' ? { status, doneOn } : { status, reason }) satisfies StepBody<'/v1/cases/{caseId}/competence-mapping'>)}>
      <RadioField {...props} path="status" label="Kompetansekartlegging" value={status} onChange={(v) => setStatus(v as typeof status)} options={{ done: 'Gjennomført', not_applicable: 'Ikke aktuell' }} />
      {status === 'done' ? (
        <TextField {...props} path="doneOn" label="Gjennomført dato" type="date" value={doneOn} onChange={setDoneOn} />
      ) : (
        <TextField {...props} path="reason" label="Hvorfor ikke aktuell" description="F.eks. ingen voksne med individuell beskyttelse" multiline value={reason} onChange={setReason} />
      )}
    </StepFormShell>
  );
}

/** R-DIST-2, R-DIST-7: accept with the expected settlement week, or decline with a reason. */
export function OfferResponseForm(p: StepFormProps) {
  const [decision, setDecision] = useState<'accept' | 'decline'>('accept');
  const [week, setWeek] = useState(isoWeekOf(addDaysUtc(todayUtc(), 28)));
  const [reason, setReason] = useState('');
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit((decision === 'accept' ? { decision, expectedSettlementWeek: week } : { decision, reason }) satisfies StepBody<'/v1/cases/{caseId}/offer-response'>)}>
      <RadioField {...props} path="decision" label="Svar på tilbudet" value={decision} onChange={(v) => setDecision(v as typeof decision)} options={{ accept: 'Vi tar imot husstanden', decline: 'Vi takker nei' }} />
      {decision === 'accept' ? (
        <TextField {...props} path="expectedSettlementWeek" label="Forventet bosettingsuke" description="Uken husstanden ventes å flytte inn, f.eks. 2027-W06" type="week" value={week} onChange={setWeek} />
      ) : (
        <TextField {...props} path="reason" label="Begrunnelse" description="Hvorfor kommunen ikke kan ta imot husstanden" multiline value={reason} onChange={setReason} />
      )}
    </StepFormShell>
  );
}

/** R-DIST-1, R-DIST-3: IMDi offers the case to one municipality. */
export function OfferForm(p: StepFormProps) {
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ municipalityNumber: number.trim(), municipalityName: name.trim() } satisfies StepBody<'/v1/cases/{caseId}/offers'>)}>
      <TextField {...props} path="municipalityNumber" label="Kommunenummer" description="Fire siffer, f.eks. 3405" value={number} onChange={setNumber} />
      <TextField {...props} path="municipalityName" label="Kommunenavn" value={name} onChange={setName} />
    </StepFormShell>
  );
}

/** R-MOVE-7: agreed self-settlement. */
export function SelfSettlementForm(p: StepFormProps) {
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [week, setWeek] = useState(isoWeekOf(addDaysUtc(todayUtc(), 28)));
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ municipalityNumber: number.trim(), municipalityName: name.trim(), expectedSettlementWeek: week } satisfies StepBody<'/v1/cases/{caseId}/self-settlement'>)}>
      <TextField {...props} path="municipalityNumber" label="Kommunenummer" value={number} onChange={setNumber} />
      <TextField {...props} path="municipalityName" label="Kommunenavn" value={name} onChange={setName} />
      <TextField {...props} path="expectedSettlementWeek" label="Forventet bosettingsuke" type="week" value={week} onChange={setWeek} />
    </StepFormShell>
  );
}

const travelModeLabels = { public_transport: 'Kollektivtransport', own_car: 'Egen bil', other_approved: 'Annet, godkjent av UDI' };

/** R-MOVE-1, R-MOVE-2 */
export function MovingDateForm(p: StepFormProps) {
  const [movingDate, setMovingDate] = useState(addDaysUtc(todayUtc(), 14));
  const [mode, setMode] = useState<keyof typeof travelModeLabels>('public_transport');
  const [hours, setHours] = useState('3');
  const [reference, setReference] = useState('');
  const [persons, setPersons] = useState('');
  const [fare, setFare] = useState('');
  const [declaration, setDeclaration] = useState(false);
  const [greenCard, setGreenCard] = useState(false);
  const props = { form: p.form, errors: p.errors };
  const number = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(',', '.')));
  return (
    <StepFormShell
      p={p}
      onSubmit={() =>
        p.submit({
          movingDate,
          travel: {
            mode,
            journeyHours: number(hours) as number,
            ...(mode === 'other_approved' && reference.trim() ? { udiApprovalReference: reference.trim() } : {}),
            ...(mode === 'own_car'
              ? { personsInCar: number(persons), publicTransportFarePerPerson: number(fare), selfDeclarationSigned: declaration, greenCardValid: greenCard }
              : {}),
          },
        } satisfies StepBody<'/v1/cases/{caseId}/moving-date'>)
      }
    >
      <TextField {...props} path="movingDate" label="Flyttedato" type="date" value={movingDate} onChange={setMovingDate} />
      <SelectField {...props} path="travel.mode" label="Reisemåte" description="Kollektivtransport, med mindre UDI har godkjent noe annet (R-MOVE-2)" value={mode} onChange={(v) => setMode(v as typeof mode)} options={travelModeLabels} />
      <TextField {...props} path="travel.journeyHours" label="Reisetid (timer)" type="number" value={hours} onChange={setHours} />
      {mode === 'other_approved' && <TextField {...props} path="travel.udiApprovalReference" label="Referanse til UDIs godkjenning" value={reference} onChange={setReference} />}
      {mode === 'own_car' && (
        <>
          <TextField {...props} path="travel.personsInCar" label="Personer i bilen" type="number" value={persons} onChange={setPersons} />
          <TextField {...props} path="travel.publicTransportFarePerPerson" label="Billettpris med kollektivtransport per person (kr)" type="number" value={fare} onChange={setFare} />
          <CheckField {...props} path="travel.selfDeclarationSigned" label="Egenerklæringen er signert" checked={declaration} onChange={setDeclaration} />
          <CheckField {...props} path="travel.greenCardValid" label="Bilen har gyldig grønt kort" checked={greenCard} onChange={setGreenCard} />
        </>
      )}
    </StepFormShell>
  );
}

const departureReasonLabels = {
  agreed_settlement: 'Avtalt bosetting',
  left_with_address: 'Flyttet, med adresse',
  left_without_address: 'Flyttet, uten kjent adresse',
  left_norway: 'Forlatt Norge',
};

/** R-MOVE-4..6 */
export function DepartureForm(p: StepFormProps) {
  const [date, setDate] = useState(todayUtc());
  const [reason, setReason] = useState<keyof typeof departureReasonLabels>('agreed_settlement');
  const [street, setStreet] = useState('');
  const [postcode, setPostcode] = useState('');
  const [town, setTown] = useState('');
  const [county, setCounty] = useState('');
  const [returns, setReturns] = useState(false);
  const needsAddress = reason === 'agreed_settlement' || reason === 'left_with_address';
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell
      p={p}
      onSubmit={() =>
        p.submit({
          date,
          reason,
          ...(needsAddress ? { address: { street, postcode, town, county } } : {}),
          ...(reason === 'left_norway' ? { intendsToReturn: returns } : {}),
        } satisfies StepBody<'/v1/cases/{caseId}/departure'>)
      }
    >
      <TextField {...props} path="date" label="Utflyttingsdato" type="date" value={date} onChange={setDate} />
      <SelectField {...props} path="reason" label="Årsak" value={reason} onChange={(v) => setReason(v as typeof reason)} options={departureReasonLabels} />
      {needsAddress && (
        <>
          <TextField {...props} path="address.street" label="Gateadresse" value={street} onChange={setStreet} />
          <TextField {...props} path="address.postcode" label="Postnummer" value={postcode} onChange={setPostcode} />
          <TextField {...props} path="address.town" label="Poststed" value={town} onChange={setTown} />
          <TextField {...props} path="address.county" label="Fylke" value={county} onChange={setCounty} />
        </>
      )}
      {reason === 'left_norway' && <CheckField {...props} path="intendsToReturn" label="Beboeren sier de kommer tilbake før avtalt uke" checked={returns} onChange={setReturns} />}
    </StepFormShell>
  );
}

/** R-MOVE-3: all of the household, or the members who came. */
export function ArrivalForm(p: StepFormProps) {
  const members = persons(p.view);
  const [arrivedOn, setArrivedOn] = useState(todayUtc());
  const [all, setAll] = useState(true);
  const [who, setWho] = useState<string[]>([]);
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit((all ? { arrivedOn, allMembersArrived: true } : { arrivedOn, allMembersArrived: false, members: who }) satisfies StepBody<'/v1/cases/{caseId}/arrival'>)}>
      <TextField {...props} path="arrivedOn" label="Ankomstdato" type="date" value={arrivedOn} onChange={setArrivedOn} />
      <CheckField {...props} path="allMembersArrived" label="Hele husstanden har kommet" checked={all} onChange={setAll} />
      {!all && (
        <Fieldset id={`${p.form}-members`} aria-invalid={p.errors.members ? true : undefined}>
          <Fieldset.Legend>Hvem kom</Fieldset.Legend>
          {members.map((m) => (
            <CheckField key={m.dufNumber} {...props} path={`members.${m.dufNumber}`} label={personName(m)} checked={who.includes(m.dufNumber)} onChange={(on) => setWho((w) => (on ? [...w, m.dufNumber] : w.filter((d) => d !== m.dufNumber)))} />
          ))}
          {p.errors.members && <ValidationMessage>{p.errors.members}</ValidationMessage>}
        </Fieldset>
      )}
    </StepFormShell>
  );
}

/** R-INT-6, R-REG-3: a note to IMDi. */
export function InternalNoteForm(p: StepFormProps) {
  const [text, setText] = useState('');
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ text } satisfies StepBody<'/v1/cases/{caseId}/internal-notes'>)}>
      <TextField form={p.form} errors={p.errors} path="text" label="Merknad til IMDi" description="Bare IMDi leser merknaden" multiline value={text} onChange={setText} />
    </StepFormShell>
  );
}

/** R-REG-6 */
export function FunctionReportForm(p: StepFormProps) {
  const [recordedOn, setRecordedOn] = useState(todayUtc());
  const [outcome, setOutcome] = useState<'updated_report_sent' | 'no_change'>('updated_report_sent');
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ recordedOn, outcome } satisfies StepBody<'/v1/cases/{caseId}/function-reports'>)}>
      <TextField {...props} path="recordedOn" label="Dato" type="date" value={recordedOn} onChange={setRecordedOn} />
      <RadioField {...props} path="outcome" label="Funksjonsrapport" value={outcome} onChange={(v) => setOutcome(v as typeof outcome)} options={{ updated_report_sent: 'Oppdatert rapport sendt til IMDi', no_change: 'Ingen endring' }} />
    </StepFormShell>
  );
}

/** R-EM-1 */
export function MinorPlansForm(p: StepFormProps) {
  const [sentOn, setSentOn] = useState(todayUtc());
  const [minor, setMinor] = useState(false);
  const [representative, setRepresentative] = useState(false);
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ sentOn, signedByMinor: minor, signedByRepresentative: representative })}>
      <TextField {...props} path="sentOn" label="Sendt kommunen dato" type="date" value={sentOn} onChange={setSentOn} />
      <CheckField {...props} path="signedByMinor" label="Signert av den enslige mindreårige" checked={minor} onChange={setMinor} />
      <CheckField {...props} path="signedByRepresentative" label="Signert av representant eller verge" checked={representative} onChange={setRepresentative} />
    </StepFormShell>
  );
}

/** R-REF-2 */
export function RefusalForm(p: StepFormProps) {
  const [refusedOn, setRefusedOn] = useState(todayUtc());
  const [moveDeadline, setMoveDeadline] = useState(addDaysUtc(todayUtc(), 14));
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ refusedOn, moveDeadline } satisfies StepBody<'/v1/cases/{caseId}/refusal'>)}>
      <TextField {...props} path="refusedOn" label="Dato for nekten" type="date" value={refusedOn} onChange={setRefusedOn} />
      <TextField {...props} path="moveDeadline" label="Frist for å flytte (fra IMDis brev)" type="date" value={moveDeadline} onChange={setMoveDeadline} />
    </StepFormShell>
  );
}

/** R-REF-6 */
export function RefusalEndForm(p: StepFormProps) {
  const [outcome, setOutcome] = useState<'evicted' | 'left'>('left');
  const [on, setOn] = useState(todayUtc());
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ outcome, on } satisfies StepBody<'/v1/cases/{caseId}/refusal-end'>)}>
      <RadioField {...props} path="outcome" label="Utfall" value={outcome} onChange={(v) => setOutcome(v as typeof outcome)} options={{ left: 'Flyttet ut', evicted: 'Kastet ut' }} />
      <TextField {...props} path="on" label="Dato" type="date" value={on} onChange={setOn} />
    </StepFormShell>
  );
}

/** A task the case raised (a message to deliver by hand) is done. */
export function CloseTaskForm(p: StepFormProps) {
  const tasks = (hasHousehold(p.view) ? (p.view.deadlines ?? []) : []).filter((d) => d.id.startsWith('delivery#') && ['open', 'reminded', 'overdue'].includes(d.status));
  const [taskId, setTaskId] = useState(tasks[0]?.id ?? '');
  const [note, setNote] = useState('');
  const props = { form: p.form, errors: p.errors };
  return (
    <StepFormShell p={p} onSubmit={() => p.submit({ taskId, note } satisfies StepBody<'/v1/cases/{caseId}/tasks-done'>)}>
      <SelectField {...props} path="taskId" label="Oppgave" value={taskId} onChange={setTaskId} options={Object.fromEntries(tasks.map((t) => [t.id, deadlineTitle(t)]))} />
      <TextField {...props} path="note" label="Hva ble gjort" multiline value={note} onChange={setNote} />
    </StepFormShell>
  );
}

/** One date: R-HOST-2 Norwegian training, R-ELIG-2 first renewal. */
function dateForm<P extends StepPath>(field: string, fieldLabel: string) {
  return function DateForm(p: StepFormProps) {
    const [day, setDay] = useState(todayUtc());
    return (
      <StepFormShell p={p} onSubmit={() => p.submit({ [field]: day } as StepBody<P>)}>
        <TextField form={p.form} errors={p.errors} path={field} label={fieldLabel} type="date" value={day} onChange={setDay} />
      </StepFormShell>
    );
  };
}

export const NorwegianTrainingForm = dateForm<'/v1/cases/{caseId}/norwegian-training'>('offeredOn', 'Norskopplæring tilbudt dato');
export const FirstRenewalForm = dateForm<'/v1/cases/{caseId}/first-renewal'>('renewalDate', 'Dato for første fornyelse');

/** The forms by step name (GET /v1/cases/{caseId}/steps `step`): title, submit button, form. */
export const stepForms: Record<string, { title: string; button: string; Form: (props: StepFormProps) => ReactNode }> = {
  registerFirstRenewal: { title: 'Registrer første fornyelse', button: 'Registrer fornyelsen', Form: FirstRenewalForm },
  recordSettlementInfo: { title: 'Registrer bosettingsrelevant informasjon', button: 'Lagre opplysningene', Form: SettlementInfoForm },
  completeInterview: { title: 'Registrer bosettingssamtale', button: 'Registrer samtalen', Form: InterviewForm },
  addInternalNote: { title: 'Skriv intern merknad til IMDi', button: 'Send merknaden', Form: InternalNoteForm },
  recordCompetenceMapping: { title: 'Registrer kompetansekartlegging', button: 'Registrer kartleggingen', Form: CompetenceMappingForm },
  recordNorwegianTraining: { title: 'Registrer tilbud om norskopplæring', button: 'Registrer norskopplæringen', Form: NorwegianTrainingForm },
  recordFunctionReport: { title: 'Registrer funksjonsrapport', button: 'Registrer rapporten', Form: FunctionReportForm },
  offerToMunicipality: { title: 'Tilby saken til en kommune', button: 'Send tilbudet', Form: OfferForm },
  respondToOffer: { title: 'Svar på tilbudet', button: 'Send svaret', Form: OfferResponseForm },
  agreeSelfSettlement: { title: 'Avtal selvbosetting', button: 'Avtal selvbosettingen', Form: SelfSettlementForm },
  recordUnaccompaniedMinorPlans: { title: 'Send kartleggingsplan og tiltaksplan', button: 'Registrer at planene er sendt', Form: MinorPlansForm },
  agreeMovingDate: { title: 'Avtal flyttedato og reise', button: 'Avtal flyttedatoen', Form: MovingDateForm },
  registerRefusal: { title: 'Registrer bosettingsnekt', button: 'Registrer nekten', Form: RefusalForm },
  endRefusal: { title: 'Avslutt bosettingsnekt', button: 'Avslutt nekten', Form: RefusalEndForm },
  registerDeparture: { title: 'Registrer utflytting', button: 'Registrer utflyttingen', Form: DepartureForm },
  confirmArrival: { title: 'Bekreft ankomst', button: 'Bekreft ankomsten', Form: ArrivalForm },
  closeTask: { title: 'Lukk en oppgave', button: 'Lukk oppgaven', Form: CloseTaskForm },
};
