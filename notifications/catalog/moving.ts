/** Moving and departures: R-MOVE-5 leaving Norway after an agreement. Texts: notifications/texts/. */
import { yesNoUnknown } from '../../domain/settlement-info.schema';
import { strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { day } from '../texts/format';
import { date, municipality, municipalityText } from './fields';

export const departureAbroad = defineMessage({
  type: 'departure-abroad',
  rules: ['R-MOVE-5'],
  // R-MOVE-5: IMDi the same day, also when the resident means to return before the agreed week.
  recipients: ['imdi'],
  sender: 'reception_centre',
  letter: false,
  description: 'A resident with an agreed settlement left Norway; IMDi is told the same day.',
  schema: strictObject({ departedOn: date, agreedMunicipality: municipality, intendsToReturn: yesNoUnknown }),
  values: (data, { say }) => ({
    departedOn: day(data.departedOn),
    municipalityName: data.agreedMunicipality.name,
    municipality: municipalityText(say, data.agreedMunicipality),
    intendsToReturn: data.intendsToReturn,
  }),
});

export const movingMessages = [departureAbroad] as const;
