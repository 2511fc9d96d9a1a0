/** `npm run -s example-permit`: prints an example family's permit, granted today, for trying the API with curl. */
import { calendarOn } from '../test/fixtures/calendar';
import { familyPermitBody } from '../test/fixtures/permits';

process.stdout.write(`${JSON.stringify(familyPermitBody(calendarOn(new Date().toISOString().slice(0, 10))), null, 2)}\n`);
