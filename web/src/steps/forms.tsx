/**
 * One form per staff step of the settlement case. Each builds the body of its route, typed from
 * the OpenAPI document (StepBody), so a changed field fails `npm run typecheck`. The forms check
 * nothing themselves: the API validates, the workflow decides, and their answers are shown.
 */
import { useState, type ReactNode } from 'react';
import type { paths } from '../api/schema';
import { hasHousehold, type CaseView } from '../api/case';
import type { FieldErrors } from '../components/form';
import { answerLabels, relationLabels } from '../labels';
import { isoWeekOf, todayUtc, addDaysUtc } from '../format';
import { CheckField, RadioField, SelectField, TextField } from './fields';

type StepPath = Extract<keyof paths, `/v1/cases/{caseId}/${string}`>;
export type StepBody<P extends StepPath> = paths[P] extends { post: { requestBody: { content: { 'application/json': infer B } } } } ? B : never;

export type StepFormProps = { form: string; view: CaseView; errors: FieldErrors; submit: (body: unknown) => void; button: ReactNode };

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

type Format = StepBody<'/v1/cases/{caseId}/interview'>['participants'][number]['format'];
const formatLabels: Record<Format, string> = { joint: 'Felles samtale', own: 'Egen samtale', extended_unaccompanied_minor: 'Utvidet samtale (enslig mindreårig)' };

function persons(view: CaseView) {
  return hasHousehold(view) ? view.permit.persons : [];
}

function ageOn(dateOfBirth: string, day: string): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = day.split('-').map(Number) as [number, number, number];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** R-REG-2: every household fact answered (unknown is an answer of its own, never "no"). */
export function SettlementInfoForm({ form, errors, submit, button }: StepFormProps) {
  type Body = StepBody<'/v1/cases/{caseId}/settlement-info'>;
  type YesNo = 'yes' | 'no' | 'unknown';
  const [relations, setRelations] = useState<YesNo>('unknown');
  const [relationsText, setRelationsText] = useState('');
  const [pets, setPets] = useState<YesNo>('unknown');
  const [car, setCar] = useState<YesNo>('unknown');
  const [licence, setLicence] = useState<YesNo>('unknown');
  const [licenceDetails, setLicenceDetails] = useState('');
  const [specialUnit, setSpecialUnit] = useState<YesNo>('unknown');
  const props = { form, errors };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: Body = {
          familyRelationsDescribed: relations,
          ...(relationsText.trim() ? { familyRelations: relationsText.trim() } : {}),
          pets: { answer: pets },
          car: { answer: car },
          drivingLicence: { answer: licence, ...(licenceDetails.trim() ? { details: licenceDetails.trim() } : {}) },
          fromSpecialUnit: { answer: specialUnit },
        };
        submit(body);
      }}
    >
      <RadioField {...props} path="familyRelationsDescribed" label="Er familierelasjonene beskrevet?" value={relations} onChange={(v) => setRelations(v as YesNo)} options={answerLabels} />
      <TextField {...props} path="familyRelations" label="Familierelasjoner" description="Hvordan medlemmene er i familie med hverandre" multiline value={relationsText} onChange={setRelationsText} />
      <RadioField {...props} path="pets.answer" label="Har husstanden kjæledyr i Norge?" value={pets} onChange={(v) => setPets(v as YesNo)} options={answerLabels} />
      <RadioField {...props} path="car.answer" label="Har husstanden bil i Norge?" value={car} onChange={(v) => setCar(v as YesNo)} options={answerLabels} />
      <RadioField {...props} path="drivingLicence.answer" label="Har noen førerkort?" value={licence} onChange={(v) => setLicence(v as YesNo)} options={answerLabels} />
      <TextField {...props} path="drivingLicence.details" label="Førerkort: hvem og hvilken klasse" value={licenceDetails} onChange={setLicenceDetails} />
      <RadioField {...props} path="fromSpecialUnit.answer" label="Kommer noen fra en særskilt enhet?" value={specialUnit} onChange={(v) => setSpecialUnit(v as YesNo)} options={answerLabels} />
      {button}
    </form>
  );
}

/** R-INT-2..5: who took part and how, children over 12 offered their own conversation, topics, what was declined. */
export function InterviewForm({ form, view, errors, submit, button }: StepFormProps) {
  type Body = StepBody<'/v1/cases/{caseId}/interview'>;
  const members = persons(view);
  const [heldOn, setHeldOn] = useState(todayUtc());
  const [formats, setFormats] = useState<Record<string, Format | ''>>(() =>
    Object.fromEntries(members.map((p) => [p.dufNumber, ageOn(p.dateOfBirth, todayUtc()) >= 18 ? 'joint' : p.unaccompaniedMinor ? 'extended_unaccompanied_minor' : ''])),
  );
  const [offered, setOffered] = useState<string[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const props = { form, errors };
  const participationOptions = { '': 'Deltok ikke', ...formatLabels };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: Body = {
          heldOn,
          participants: Object.entries(formats)
            .filter(([, f]) => f !== '')
            .map(([dufNumber, format]) => ({ dufNumber, format: format as Format })),
          childrenOfferedOwnInterview: offered,
          topicsCovered: topics,
          declinedInformation: [],
        };
        submit(body);
      }}
    >
      <TextField {...props} path="heldOn" label="Dato for samtalen" type="date" value={heldOn} onChange={setHeldOn} />
      {members.map((p, i) => (
        <SelectField
          key={p.dufNumber}
          {...props}
          path={`participants.${i}.format`}
          label={`Deltakelse: ${p.givenName} ${p.familyName} (${label(relationLabels, p.relation)})`}
          value={formats[p.dufNumber] ?? ''}
          onChange={(v) => setFormats((f) => ({ ...f, [p.dufNumber]: v as Format | '' }))}
          options={participationOptions}
        />
      ))}
      {errors.participants && <p className="ds-validation-message">{errors.participants}</p>}
      {members
        .filter((p) => {
          const age = ageOn(p.dateOfBirth, heldOn);
          return age >= 12 && age < 18;
        })
        .map((p) => (
          <CheckField
            key={p.dufNumber}
            {...props}
            path="childrenOfferedOwnInterview"
            label={`${p.givenName} ${p.familyName} er tilbudt egen samtale`}
            checked={offered.includes(p.dufNumber)}
            onChange={(on) => setOffered((o) => (on ? [...o, p.dufNumber] : o.filter((d) => d !== p.dufNumber)))}
          />
        ))}
      <fieldset className="ds-fieldset">
        <legend className="ds-label">Temaer som er gjennomgått</legend>
        <CheckField {...props} path="topicsCovered.all" label="Alle temaene" checked={topics.length === Object.keys(topicLabels).length} onChange={(on) => setTopics(on ? (Object.keys(topicLabels) as Topic[]) : [])} />
        {(Object.keys(topicLabels) as Topic[]).map((t) => (
          <CheckField key={t} {...props} path={`topicsCovered.${t}`} label={topicLabels[t]} checked={topics.includes(t)} onChange={(on) => setTopics((ts) => (on ? [...ts, t] : ts.filter((x) => x !== t)))} />
        ))}
      </fieldset>
      {button}
    </form>
  );
}

function label(map: Record<string, string>, code: string) {
  return map[code] ?? code;
}

/** R-HOST-1 */
export function CompetenceMappingForm({ form, errors, submit, button }: StepFormProps) {
  const [status, setStatus] = useState<'done' | 'not_applicable'>('done');
  const [doneOn, setDoneOn] = useState(todayUtc());
  const [reason, setReason] = useState('');
  const props = { form, errors };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: StepBody<'/v1/cases/{caseId}/competence-mapping'> = status === 'done' ? { status, doneOn } : { status, reason };
        submit(body);
      }}
    >
      <RadioField {...props} path="status" label="Kompetansekartlegging" value={status} onChange={(v) => setStatus(v as typeof status)} options={{ done: 'Gjennomført', not_applicable: 'Ikke aktuell' }} />
      {status === 'done' ? (
        <TextField {...props} path="doneOn" label="Gjennomført dato" type="date" value={doneOn} onChange={setDoneOn} />
      ) : (
        <TextField {...props} path="reason" label="Hvorfor ikke aktuell" multiline value={reason} onChange={setReason} />
      )}
      {button}
    </form>
  );
}

/** R-DIST-2, R-DIST-7: accept with the expected settlement week, or decline with a reason. */
export function OfferResponseForm({ form, errors, submit, button }: StepFormProps) {
  const [decision, setDecision] = useState<'accept' | 'decline'>('accept');
  const [week, setWeek] = useState(isoWeekOf(addDaysUtc(todayUtc(), 28)));
  const [reason, setReason] = useState('');
  const props = { form, errors };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: StepBody<'/v1/cases/{caseId}/offer-response'> = decision === 'accept' ? { decision, expectedSettlementWeek: week } : { decision, reason };
        submit(body);
      }}
    >
      <RadioField {...props} path="decision" label="Svar på tilbudet" value={decision} onChange={(v) => setDecision(v as typeof decision)} options={{ accept: 'Vi tar imot husstanden', decline: 'Vi takker nei' }} />
      {decision === 'accept' ? (
        <TextField {...props} path="expectedSettlementWeek" label="Forventet bosettingsuke" description="Uke, f.eks. 2027-W06" type="week" value={week} onChange={setWeek} />
      ) : (
        <TextField {...props} path="reason" label="Begrunnelse" multiline value={reason} onChange={setReason} />
      )}
      {button}
    </form>
  );
}

/** R-DIST-1, R-DIST-3: IMDi offers the case to one municipality. */
export function OfferForm({ form, errors, submit, button }: StepFormProps) {
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const props = { form, errors };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: StepBody<'/v1/cases/{caseId}/offers'> = { municipalityNumber: number.trim(), municipalityName: name.trim() };
        submit(body);
      }}
    >
      <TextField {...props} path="municipalityNumber" label="Kommunenummer" value={number} onChange={setNumber} />
      <TextField {...props} path="municipalityName" label="Kommunenavn" value={name} onChange={setName} />
      {button}
    </form>
  );
}

const travelModeLabels = { public_transport: 'Kollektivtransport', own_car: 'Egen bil', other_approved: 'Annet, godkjent av UDI' };

/** R-MOVE-1, R-MOVE-2 */
export function MovingDateForm({ form, errors, submit, button }: StepFormProps) {
  const [movingDate, setMovingDate] = useState(addDaysUtc(todayUtc(), 14));
  const [mode, setMode] = useState<keyof typeof travelModeLabels>('public_transport');
  const [hours, setHours] = useState('3');
  const [reference, setReference] = useState('');
  const props = { form, errors };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: StepBody<'/v1/cases/{caseId}/moving-date'> = {
          movingDate,
          travel: { mode, journeyHours: Number(hours), ...(mode === 'other_approved' && reference.trim() ? { udiApprovalReference: reference.trim() } : {}) },
        };
        submit(body);
      }}
    >
      <TextField {...props} path="movingDate" label="Flyttedato" type="date" value={movingDate} onChange={setMovingDate} />
      <SelectField {...props} path="travel.mode" label="Reisemåte" value={mode} onChange={(v) => setMode(v as typeof mode)} options={travelModeLabels} />
      <TextField {...props} path="travel.journeyHours" label="Reisetid (timer)" type="number" value={hours} onChange={setHours} />
      {mode === 'other_approved' && <TextField {...props} path="travel.udiApprovalReference" label="Referanse til UDIs godkjenning" value={reference} onChange={setReference} />}
      {button}
    </form>
  );
}

const departureReasonLabels = {
  agreed_settlement: 'Avtalt bosetting',
  left_with_address: 'Flyttet, med adresse',
  left_without_address: 'Flyttet, uten kjent adresse',
  left_norway: 'Forlatt Norge',
};

/** R-MOVE-4..6 */
export function DepartureForm({ form, errors, submit, button }: StepFormProps) {
  const [date, setDate] = useState(todayUtc());
  const [reason, setReason] = useState<keyof typeof departureReasonLabels>('agreed_settlement');
  const [street, setStreet] = useState('');
  const [postcode, setPostcode] = useState('');
  const [town, setTown] = useState('');
  const [county, setCounty] = useState('');
  const needsAddress = reason === 'agreed_settlement' || reason === 'left_with_address';
  const props = { form, errors };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: StepBody<'/v1/cases/{caseId}/departure'> = { date, reason, ...(needsAddress ? { address: { street, postcode, town, county } } : {}) };
        submit(body);
      }}
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
      {button}
    </form>
  );
}

/** R-MOVE-3 */
export function ArrivalForm({ form, errors, submit, button }: StepFormProps) {
  const [arrivedOn, setArrivedOn] = useState(todayUtc());
  const [all, setAll] = useState(true);
  const props = { form, errors };
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: StepBody<'/v1/cases/{caseId}/arrival'> = { arrivedOn, allMembersArrived: all };
        submit(body);
      }}
    >
      <TextField {...props} path="arrivedOn" label="Ankomstdato" type="date" value={arrivedOn} onChange={setArrivedOn} />
      <CheckField {...props} path="allMembersArrived" label="Hele husstanden har kommet" checked={all} onChange={setAll} />
      {button}
    </form>
  );
}

/** R-INT-6, R-REG-3: a note to IMDi. */
export function InternalNoteForm({ form, errors, submit, button }: StepFormProps) {
  const [text, setText] = useState('');
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const body: StepBody<'/v1/cases/{caseId}/internal-notes'> = { text };
        submit(body);
      }}
    >
      <TextField form={form} errors={errors} path="text" label="Merknad til IMDi" multiline value={text} onChange={setText} />
      {button}
    </form>
  );
}

/** One date: R-HOST-2 Norwegian training, R-ELIG-2 first renewal. */
function dateForm<P extends StepPath>(field: string, fieldLabel: string) {
  return function DateForm({ form, errors, submit, button }: StepFormProps) {
    const [day, setDay] = useState(todayUtc());
    return (
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit({ [field]: day } as StepBody<P>);
        }}
      >
        <TextField form={form} errors={errors} path={field} label={fieldLabel} type="date" value={day} onChange={setDay} />
        {button}
      </form>
    );
  };
}

export const NorwegianTrainingForm = dateForm<'/v1/cases/{caseId}/norwegian-training'>('offeredOn', 'Norskopplæring tilbudt dato');
export const FirstRenewalForm = dateForm<'/v1/cases/{caseId}/first-renewal'>('renewalDate', 'Dato for første fornyelse');

/** The forms by workflow step name (GET /v1/cases/{caseId}/steps `name`). */
export const stepForms: Record<string, { title: string; Form: (props: StepFormProps) => ReactNode }> = {
  recordSettlementInfo: { title: 'Registrer bosettingsrelevant informasjon', Form: SettlementInfoForm },
  completeInterview: { title: 'Registrer bosettingssamtale', Form: InterviewForm },
  recordCompetenceMapping: { title: 'Registrer kompetansekartlegging', Form: CompetenceMappingForm },
  recordNorwegianTraining: { title: 'Registrer tilbud om norskopplæring', Form: NorwegianTrainingForm },
  registerFirstRenewal: { title: 'Registrer første fornyelse', Form: FirstRenewalForm },
  addInternalNote: { title: 'Skriv intern merknad til IMDi', Form: InternalNoteForm },
  offerToMunicipality: { title: 'Tilby saken til en kommune', Form: OfferForm },
  respondToOffer: { title: 'Svar på tilbudet', Form: OfferResponseForm },
  agreeMovingDate: { title: 'Avtal flyttedato og reise', Form: MovingDateForm },
  registerDeparture: { title: 'Registrer utflytting', Form: DepartureForm },
  confirmArrival: { title: 'Bekreft ankomst', Form: ArrivalForm },
};
