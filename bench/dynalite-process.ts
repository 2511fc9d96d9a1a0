/**
 * The embedded store (runtime/embedded-dynamo.ts, in memory) alone in its own process, for
 * `npm run bench -- --dynamo-process`: what the system gains when dynalite does not share the
 * API's and the worker's main thread. Answers `{ type: 'ready' }` over IPC once it listens.
 */
import { startEmbeddedDynamo } from '../runtime/embedded-dynamo';

const port = Number(process.env.BENCH_DYNALITE_PORT);
const dynamo = await startEmbeddedDynamo({ port });
process.on('message', async (message: { type: string }) => {
  if (message.type === 'stop') {
    await dynamo.stop();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
