import { Link } from '@digdir/designsystemet-react';
import type { MouseEvent } from 'react';
import { fetchWithAuth } from '../api/client';
import { useSession } from '../session';

/**
 * A letter's PDF. With the development sign-in the cookie goes along with a plain link; with OIDC
 * the token lives in memory only, so the PDF is fetched with it and opened from memory.
 */
export function LetterLink({ href }: { href: string }) {
  const { signIn } = useSession();
  async function open(event: MouseEvent) {
    if (signIn.kind !== 'oidc') return;
    event.preventDefault();
    const response = await fetchWithAuth(href);
    if (response.ok) window.open(URL.createObjectURL(await response.blob()), '_blank', 'noopener');
  }
  return (
    <Link href={href} onClick={(e) => void open(e)}>
      Brev (PDF)
    </Link>
  );
}
