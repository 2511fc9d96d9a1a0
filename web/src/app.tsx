import { Badge, Button, Paragraph, SkipLink, Spinner } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { NavLink, Navigate, Route, Routes, useLocation } from 'react-router';
import { mayOpen, pages, type PageName } from './access';
import { roleLabels } from './labels';
import { useInboxCount } from './pages/inbox';
import { InboxPage } from './pages/inbox';
import { CasePage } from './pages/case';
import { CasesPage } from './pages/cases';
import { RegisterPermitPage } from './pages/register-permit';
import { ArrivalPage } from './pages/arrival';
import { MunicipalitiesPage } from './pages/municipalities';
import { StatisticsPage } from './pages/statistics';
import { OffersPage } from './pages/offers';
import { SignInPage } from './pages/sign-in';
import { useSession } from './session';

const titles: Record<string, string> = Object.fromEntries(Object.values(pages).map((p) => [p.path, p.label]));

/** Each page names itself in the document title, so a screen reader user hears where they are. */
function useDocumentTitle() {
  const { pathname } = useLocation();
  useEffect(() => {
    const base = titles[pathname] ?? (pathname.startsWith('/saker/') ? 'Sak' : undefined);
    document.title = base ? `${base} – Bosetting` : 'Bosetting';
  }, [pathname]);
}

export function App() {
  const { me, loading, signIn } = useSession();
  useDocumentTitle();
  if (loading) {
    return (
      <main>
        <Spinner aria-label="Laster …" />
      </main>
    );
  }
  if (!me) return <SignInPage />;
  return <SignedIn signInKind={signIn.kind} />;
}

function SignedIn({ signInKind }: { signInKind: string }) {
  const { me, signOut } = useSession();
  const count = useInboxCount();
  if (!me) return null;
  const menu = (Object.keys(pages) as PageName[]).filter((name) => mayOpen(me.role, name));
  return (
    <>
      <SkipLink href="#innhold">Hopp til hovedinnhold</SkipLink>
      {signInKind === 'dev' && <div className="dev-banner">Utviklingsinnlogging – ikke for bruk med ekte personopplysninger</div>}
      <header className="app-header">
        <span className="brand">Bosetting</span>
        <nav className="app-nav" aria-label="Hovedmeny">
          <ul>
            {menu.map((name) => (
              <li key={name}>
                <NavLink to={pages[name].path} end={pages[name].path === '/'}>
                  {pages[name].label}
                  {name === 'inbox' && (
                    // A slot of its own size: the count arrives after the menu is drawn, and must not
                    // move the links to its right under a pointer that is about to click one.
                    <span className="nav-count">
                      {count !== undefined && (
                        <>
                          <Badge count={count} maxCount={99} data-color="accent" aria-hidden="true" />
                          <span className="sr-only">({count} oppgaver)</span>
                        </>
                      )}
                    </span>
                  )}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <Paragraph data-size="sm">
            {me.id} · {roleLabels[me.role]}
            {me.organisation ? ` (${me.organisation})` : ''}
          </Paragraph>
          <Button variant="secondary" data-size="sm" onClick={() => void signOut()}>
            Logg ut
          </Button>
        </div>
      </header>
      <main id="innhold" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<InboxPage />} />
          <Route path="/saker" element={<CasesPage />} />
          <Route path="/saker/:caseId" element={<CasePage />} />
          <Route path="/vedtak" element={<RegisterPermitPage />} />
          <Route path="/kommuner" element={<MunicipalitiesPage />} />
          <Route path="/ankomst" element={<ArrivalPage />} />
          <Route path="/tilbud" element={<OffersPage />} />
          <Route path="/statistikk" element={<StatisticsPage />} />
          <Route path="/auth/callback" element={<Navigate to="/" replace />} />
          <Route path="*" element={<Paragraph>Fant ikke siden.</Paragraph>} />
        </Routes>
      </main>
    </>
  );
}
