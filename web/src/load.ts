import { useCallback, useEffect, useState } from 'react';
import { asProblem, type Problem } from './api/client';

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Runs an API call when `deps` change; `reload` runs it again (after a step, for instance). */
export function useLoad<T>(call: () => Promise<Result<T>>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; problem?: Problem; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(call, deps);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    run()
      .then(({ data, error, response }) => {
        if (live) setState({ data, problem: error === undefined ? undefined : asProblem(error, response.status), loading: false });
      })
      .catch((error: unknown) => live && setState({ problem: asProblem(error), loading: false }));
    return () => {
      live = false;
    };
  }, [run, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
