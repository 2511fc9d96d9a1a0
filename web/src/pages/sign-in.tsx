/**
 * Sign-in. Embedded mode: the development sign-in — pick a role and an organisation, the same
 * choices as `npm run token` — shown only while the API uses its embedded signing secret.
 * With OIDC configured: a button that starts the authorization-code flow with PKCE.
 */
import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { roleDescriptions, roleLabels } from '../labels';
import { useSession } from '../session';

const roleOrder = ['udi', 'mottak', 'imdi', 'kommune', 'supervisor'] as const;
const defaultOrg: Record<string, string> = { mottak: 'mottak-lillehammer', kommune: '3405' };

export function SignInPage() {
  const { signIn } = useSession();
  return (
    <main id="innhold">
      <Heading level={1} data-size="lg">
        Bosetting
      </Heading>
      {signIn.kind === 'dev' && <DevSignIn />}
      {signIn.kind === 'oidc' && <OidcSignIn />}
      {signIn.kind === 'none' && <Alert data-color="danger">{signIn.reason}</Alert>}
    </main>
  );
}

function OidcSignIn() {
  const { oidcSignIn } = useSession();
  return (
    <div className="stack">
      <Paragraph>Logg inn med virksomhetens innlogging (ID-porten eller Entra ID).</Paragraph>
      <div>
        <Button onClick={() => void oidcSignIn()}>Logg inn</Button>
      </div>
    </div>
  );
}

function DevSignIn() {
  const { refresh } = useSession();
  const [role, setRole] = useState<string>('mottak');
  const [org, setOrg] = useState(defaultOrg.mottak!);
  const [sub, setSub] = useState('');
  const [error, setError] = useState<{ field?: string; message: string }>();
  const needsOrg = role === 'mottak' || role === 'kommune';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const response = await fetch('/auth/dev/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, org: needsOrg ? org : undefined, sub: sub || undefined }),
    });
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { path: string; message: string }[] };
      setError({ field: problem.errors?.[0]?.path, message: problem.errors?.[0]?.message ?? problem.detail ?? 'Innloggingen mislyktes.' });
      return;
    }
    await refresh();
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <Alert data-color="warning">
        <Heading level={2} data-size="xs">
          Utviklingsinnlogging
        </Heading>
        <Paragraph>
          Denne innloggingen finnes bare når tjenesten kjører lokalt med innebygd signeringsnøkkel. Velg rolle og organisasjon, som med{' '}
          <code>npm run token</code>.
        </Paragraph>
      </Alert>
      <Fieldset>
        <Fieldset.Legend>Rolle</Fieldset.Legend>
        {roleOrder.map((r) => (
          <Radio
            key={r}
            name="role"
            value={r}
            label={roleLabels[r]}
            description={roleDescriptions[r]}
            checked={role === r}
            onChange={() => {
              setRole(r);
              setOrg(defaultOrg[r] ?? '');
            }}
          />
        ))}
      </Fieldset>
      {needsOrg && (
        <Textfield
          label={role === 'mottak' ? 'Mottak (id)' : 'Kommunenummer'}
          description={role === 'mottak' ? 'Mottakets id, f.eks. mottak-lillehammer' : 'Fire sifre, f.eks. 3405 for Lillehammer'}
          value={org}
          onChange={(e) => setOrg(e.target.value)}
          error={error?.field === 'org' ? error.message : undefined}
          required
        />
      )}
      <Textfield label="Brukernavn (valgfritt)" description="Navnet som står på stegene du tar" value={sub} onChange={(e) => setSub(e.target.value)} />
      {error && error.field !== 'org' && <Alert data-color="danger">{error.message}</Alert>}
      <div>
        <Button type="submit">Logg inn</Button>
      </div>
    </form>
  );
}
