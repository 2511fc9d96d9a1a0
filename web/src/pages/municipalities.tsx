/**
 * Kommuner: every municipality's decided number of persons for a year (vedtak, R-DIST-2), used and
 * free places (GET /v1/municipalities). IMDi records a decision (PUT) and offers a case ready for
 * distribution to a municipality (POST /v1/cases/{caseId}/offers, R-DIST-1, R-DIST-3).
 */
import { Alert, Button, Fieldset, Heading, Paragraph, Select, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api, asProblem } from '../api/client';
import { fieldId, FormProblem, useProblem } from '../components/form';
import { ProblemAlert } from '../components/problem';
import { formatNumber, todayUtc } from '../format';
import { useLoad } from '../load';
import { useMe } from '../session';
import { newIdempotencyKey } from '../steps/case-steps';

export function MunicipalitiesPage() {
  const me = useMe();
  const thisYear = Number(todayUtc().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, problem, loading, reload } = useLoad(() => api.GET('/v1/municipalities', { params: { query: { year } } }), [year]);
  const items = data?.items ?? [];
  return (
    <>
      <Heading level={1} data-size="lg">
        Kommuner
      </Heading>
      <div className="row">
        <div>
          <label className="ds-label" htmlFor="year">
            År
          </label>
          <Select id="year" value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
            {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
              <Select.Option key={y} value={String(y)}>
                {y}
              </Select.Option>
            ))}
          </Select>
        </div>
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {loading && <Spinner aria-label="Laster kommuner …" />}
      {!loading && items.length === 0 && <Paragraph>Ingen kommune har vedtatt antall for {year} ennå.</Paragraph>}
      {items.length > 0 && (
        <Table zebra>
          <caption>Vedtatt antall personer å bosette i {year}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Kommune</Table.HeaderCell>
              <Table.HeaderCell>Nummer</Table.HeaderCell>
              <Table.HeaderCell>Vedtatt</Table.HeaderCell>
              <Table.HeaderCell>Brukt</Table.HeaderCell>
              <Table.HeaderCell>Ledig</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((m) => (
              <Table.Row key={m.municipalityNumber}>
                <Table.Cell>{m.name}</Table.Cell>
                <Table.Cell>{m.municipalityNumber}</Table.Cell>
                <Table.Cell>{formatNumber(m.decided)}</Table.Cell>
                <Table.Cell>{formatNumber(m.used)}</Table.Cell>
                <Table.Cell>{formatNumber(m.free)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {me.role === 'imdi' && <DecidedNumberForm year={year} onSaved={reload} />}
      {me.role === 'imdi' && <OfferForm municipalities={items.map((m) => ({ number: m.municipalityNumber, name: m.name }))} />}
    </>
  );
}

function DecidedNumberForm({ year, onSaved }: { year: number; onSaved: () => void }) {
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [decided, setDecided] = useState('');
  const [saved, setSaved] = useState<string>();
  const { problem, errors, setProblem, clear } = useProblem();
  const prefix = 'vedtatt';
  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setSaved(undefined);
    const { data, error, response } = await api.PUT('/v1/municipalities/{municipalityNumber}/{year}', {
      params: { path: { municipalityNumber: number.trim(), year } },
      body: { name: name.trim(), decided: Number(decided) },
    });
    if (data) {
      setSaved(`${data.name}: ${data.decided} personer i ${data.year}.${data.warning ? ` ${data.warning}` : ''}`);
      onSaved();
    } else setProblem(asProblem(error, response.status));
  }
  const err = (p: string) => errors[p] ?? errors[`param.${p}`];
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <Fieldset>
        <Fieldset.Legend>Registrer kommunens vedtak for {year}</Fieldset.Legend>
        <FormProblem problem={problem} errors={errors} prefix={prefix} known={(p) => ['name', 'decided', 'param.municipalityNumber'].includes(p)} />
        <div className="row">
          <Textfield id={fieldId(prefix, 'param.municipalityNumber')} label="Kommunenummer" value={number} onChange={(e) => setNumber(e.target.value)} error={err('municipalityNumber')} />
          <Textfield id={fieldId(prefix, 'name')} label="Kommunenavn" value={name} onChange={(e) => setName(e.target.value)} error={err('name')} />
          <Textfield id={fieldId(prefix, 'decided')} label="Vedtatt antall personer" type="number" min={0} value={decided} onChange={(e) => setDecided(e.target.value)} error={err('decided')} />
          <Button type="submit">Lagre vedtak</Button>
        </div>
      </Fieldset>
      {saved && (
        <Alert data-color="success" role="status">
          Lagret. {saved}
        </Alert>
      )}
    </form>
  );
}

/** IMDi offers a case ready for distribution to one municipality (the workflow decides whether it may). */
function OfferForm({ municipalities }: { municipalities: { number: string; name: string }[] }) {
  const ready = useLoad(() => api.GET('/v1/cases', { params: { query: { stage: 'preparing', limit: 100 } } }), []);
  const [caseId, setCaseId] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [done, setDone] = useState<string>();
  const { problem, errors, setProblem, clear } = useProblem();
  const cases = ready.data?.items ?? [];
  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setDone(undefined);
    const chosen = municipalities.find((m) => m.number === municipality);
    const { data, error, response } = await api.POST('/v1/cases/{caseId}/offers', {
      params: { path: { caseId }, header: { 'idempotency-key': newIdempotencyKey() } },
      body: { municipalityNumber: municipality, municipalityName: chosen?.name ?? '' },
    });
    if (data) {
      setDone(`Sak ${caseId} er tilbudt ${chosen?.name ?? municipality}.`);
      ready.reload();
    } else setProblem(asProblem(error, response.status));
  }
  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <Fieldset>
        <Fieldset.Legend>Tilby en sak til en kommune</Fieldset.Legend>
        <Fieldset.Description>Saker som er klare for utsending (fase «Klargjøring»). IMDi tilbyr én kommune om gangen.</Fieldset.Description>
        <FormProblem problem={problem} errors={errors} prefix="tilbud" known={() => false} />
        <div className="row">
          <div>
            <label className="ds-label" htmlFor="offer-case">
              Sak
            </label>
            <Select id="offer-case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <Select.Option value="">Velg sak</Select.Option>
              {cases.map((c) => (
                <Select.Option key={c.caseId} value={c.caseId}>
                  {c.caseId} ({c.householdSize} personer)
                </Select.Option>
              ))}
            </Select>
          </div>
          <div>
            <label className="ds-label" htmlFor="offer-municipality">
              Kommune
            </label>
            <Select id="offer-municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
              <Select.Option value="">Velg kommune</Select.Option>
              {municipalities.map((m) => (
                <Select.Option key={m.number} value={m.number}>
                  {m.name} ({m.number})
                </Select.Option>
              ))}
            </Select>
          </div>
          <Button type="submit" disabled={!caseId || !municipality}>
            Tilby saken
          </Button>
        </div>
      </Fieldset>
      {done && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
    </form>
  );
}
