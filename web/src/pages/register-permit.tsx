/** Registrer vedtak (UDI): a granted permit with its household becomes a settlement case (POST /v1/permits). */
import { Button, Checkbox, Fieldset, Heading, Link, Paragraph, Select, Textfield, Alert } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { api, asProblem } from '../api/client';
import { fieldId, FormProblem, useProblem } from '../components/form';
import { todayUtc } from '../format';
import { permitTypeLabels, relationLabels, sexLabels } from '../labels';

type PersonForm = {
  dufNumber: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: string;
  citizenship: string;
  languages: string;
  relation: string;
  unaccompaniedMinor: boolean;
};

const emptyPerson = (relation: string): PersonForm => ({ dufNumber: '', givenName: '', familyName: '', dateOfBirth: '', sex: 'female', citizenship: '', languages: '', relation, unaccompaniedMinor: false });

const PREFIX = 'vedtak';

export function RegisterPermitPage() {
  const [permitId, setPermitId] = useState('');
  const [permitType, setPermitType] = useState('protection');
  const [permitDate, setPermitDate] = useState(todayUtc());
  const [centreId, setCentreId] = useState('mottak-lillehammer');
  const [centreName, setCentreName] = useState('Lillehammer asylmottak');
  const [hostNumber, setHostNumber] = useState('3405');
  const [hostName, setHostName] = useState('Lillehammer');
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [persons, setPersons] = useState<PersonForm[]>([emptyPerson('main')]);
  const [created, setCreated] = useState<{ caseId: string; created: boolean }>();
  const [busy, setBusy] = useState(false);
  const { problem, errors, setProblem, clear } = useProblem();

  const paths = new Set([
    'permitId',
    'permitType',
    'permitDate',
    'receptionCentre.id',
    'receptionCentre.name',
    'hostMunicipality.municipalityNumber',
    'hostMunicipality.name',
    ...persons.flatMap((_, i) => ['dufNumber', 'givenName', 'familyName', 'dateOfBirth', 'sex', 'citizenship', 'languages', 'relation', 'registrationNumber', 'unaccompaniedMinor'].map((f) => `persons.${i}.${f}`)),
  ]);
  const err = (path: string) => errors[path];
  const id = (path: string) => fieldId(PREFIX, path);

  function update(i: number, change: Partial<PersonForm>) {
    setPersons((ps) => ps.map((p, j) => (j === i ? { ...p, ...change } : p)));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setCreated(undefined);
    setBusy(true);
    const body = {
      permitId: permitId.trim(),
      permitType,
      permitDate,
      receptionCentre: { id: centreId.trim(), name: centreName.trim() },
      hostMunicipality: { municipalityNumber: hostNumber.trim(), name: hostName.trim() },
      persons: persons.map((p) => ({
        dufNumber: p.dufNumber.trim(),
        givenName: p.givenName.trim(),
        familyName: p.familyName.trim(),
        dateOfBirth: p.dateOfBirth,
        sex: p.sex,
        citizenship: p.citizenship.trim().toUpperCase(),
        languages: p.languages
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
        relation: p.relation,
        registrationNumber: registrationNumber.trim(),
        unaccompaniedMinor: p.unaccompaniedMinor,
      })),
    };
    try {
      const { data, error, response } = await api.POST('/v1/permits', { body: body as never });
      if (data) setCreated(data);
      else setProblem(asProblem(error, response.status));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading level={1} data-size="lg">
        Registrer vedtak
      </Heading>
      <Paragraph>En innvilget tillatelse som gir rett til bosetting med offentlig hjelp blir en bosettingssak.</Paragraph>
      {created && (
        <Alert data-color="success" role="status">
          <Heading level={2} data-size="xs">
            {created.created ? 'Saken er opprettet' : 'Vedtaket har allerede en sak'}
          </Heading>
          <Paragraph>
            <Link asChild>
              <RouterLink to={`/saker/${encodeURIComponent(created.caseId)}`}>Åpne sak {created.caseId}</RouterLink>
            </Link>
          </Paragraph>
        </Alert>
      )}
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <FormProblem problem={problem} errors={errors} prefix={PREFIX} known={(p) => paths.has(p)} />
        <Fieldset>
          <Fieldset.Legend>Vedtaket</Fieldset.Legend>
          <div className="row">
            <Textfield id={id('permitId')} label="Vedtaksnummer" value={permitId} onChange={(e) => setPermitId(e.target.value)} error={err('permitId')} required />
            <div>
              <label className="ds-label" htmlFor={id('permitType')}>
                Type tillatelse
              </label>
              <Select id={id('permitType')} value={permitType} onChange={(e) => setPermitType(e.target.value)}>
                {Object.entries(permitTypeLabels).map(([code, text]) => (
                  <Select.Option key={code} value={code}>
                    {text}
                  </Select.Option>
                ))}
              </Select>
            </div>
            <Textfield id={id('permitDate')} label="Vedtaksdato" type="date" value={permitDate} onChange={(e) => setPermitDate(e.target.value)} error={err('permitDate')} required />
          </div>
          <div className="row">
            <Textfield id={id('receptionCentre.id')} label="Mottak (id)" value={centreId} onChange={(e) => setCentreId(e.target.value)} error={err('receptionCentre.id')} />
            <Textfield id={id('receptionCentre.name')} label="Mottakets navn" value={centreName} onChange={(e) => setCentreName(e.target.value)} error={err('receptionCentre.name')} />
            <Textfield
              id={id('hostMunicipality.municipalityNumber')}
              label="Vertskommune (nummer)"
              value={hostNumber}
              onChange={(e) => setHostNumber(e.target.value)}
              error={err('hostMunicipality.municipalityNumber')}
            />
            <Textfield id={id('hostMunicipality.name')} label="Vertskommunens navn" value={hostName} onChange={(e) => setHostName(e.target.value)} error={err('hostMunicipality.name')} />
          </div>
          <Textfield
            id={id('persons.0.registrationNumber')}
            label="Registreringsnummer (Reg.nr)"
            description="Felles for alle som bosettes sammen (R-HH-1)"
            value={registrationNumber}
            onChange={(e) => setRegistrationNumber(e.target.value)}
            error={err('persons.0.registrationNumber')}
          />
        </Fieldset>
        {persons.map((p, i) => (
          <Fieldset key={i}>
            <Fieldset.Legend>
              Person {i + 1}
              {i === 0 ? ' (hovedperson)' : ''}
            </Fieldset.Legend>
            <div className="row">
              <Textfield id={id(`persons.${i}.givenName`)} label="Fornavn" value={p.givenName} onChange={(e) => update(i, { givenName: e.target.value })} error={err(`persons.${i}.givenName`)} />
              <Textfield id={id(`persons.${i}.familyName`)} label="Etternavn" value={p.familyName} onChange={(e) => update(i, { familyName: e.target.value })} error={err(`persons.${i}.familyName`)} />
              <Textfield
                id={id(`persons.${i}.dufNumber`)}
                label="DUF-nummer"
                description="12 siffer"
                inputMode="numeric"
                value={p.dufNumber}
                onChange={(e) => update(i, { dufNumber: e.target.value })}
                error={err(`persons.${i}.dufNumber`)}
              />
              <Textfield id={id(`persons.${i}.dateOfBirth`)} label="Fødselsdato" type="date" value={p.dateOfBirth} onChange={(e) => update(i, { dateOfBirth: e.target.value })} error={err(`persons.${i}.dateOfBirth`)} />
            </div>
            <div className="row">
              <div>
                <label className="ds-label" htmlFor={id(`persons.${i}.relation`)}>
                  Relasjon til hovedpersonen
                </label>
                <Select id={id(`persons.${i}.relation`)} value={p.relation} onChange={(e) => update(i, { relation: e.target.value })}>
                  {Object.entries(relationLabels).map(([code, text]) => (
                    <Select.Option key={code} value={code}>
                      {text}
                    </Select.Option>
                  ))}
                </Select>
              </div>
              <div>
                <label className="ds-label" htmlFor={id(`persons.${i}.sex`)}>
                  Kjønn
                </label>
                <Select id={id(`persons.${i}.sex`)} value={p.sex} onChange={(e) => update(i, { sex: e.target.value })}>
                  {Object.entries(sexLabels).map(([code, text]) => (
                    <Select.Option key={code} value={code}>
                      {text}
                    </Select.Option>
                  ))}
                </Select>
              </div>
              <Textfield
                id={id(`persons.${i}.citizenship`)}
                label="Statsborgerskap"
                description="Landkode med tre bokstaver, f.eks. SYR"
                value={p.citizenship}
                onChange={(e) => update(i, { citizenship: e.target.value })}
                error={err(`persons.${i}.citizenship`)}
              />
              <Textfield
                id={id(`persons.${i}.languages`)}
                label="Språk"
                description="Skill med komma, f.eks. arabisk, engelsk"
                value={p.languages}
                onChange={(e) => update(i, { languages: e.target.value })}
                error={err(`persons.${i}.languages`)}
              />
            </div>
            <Checkbox
              id={id(`persons.${i}.unaccompaniedMinor`)}
              label="Enslig mindreårig"
              checked={p.unaccompaniedMinor}
              onChange={(e) => update(i, { unaccompaniedMinor: e.target.checked })}
              error={err(`persons.${i}.unaccompaniedMinor`)}
            />
            {i > 0 && (
              <div>
                <Button variant="tertiary" type="button" onClick={() => setPersons((ps) => ps.filter((_, j) => j !== i))}>
                  Fjern person {i + 1}
                </Button>
              </div>
            )}
          </Fieldset>
        ))}
        <div className="row">
          <Button variant="secondary" type="button" onClick={() => setPersons((ps) => [...ps, emptyPerson('child')])}>
            Legg til person
          </Button>
          <Button type="submit" disabled={busy}>
            Registrer vedtak
          </Button>
        </div>
      </form>
    </>
  );
}
