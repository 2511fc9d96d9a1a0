/** Moving and departures: R-MOVE-5 leaving Norway after an agreement. */
import { yesNoUnknown } from '../../domain/settlement-info.schema';
import { strictObject } from '../../domain/schema';
import { defineMessage } from './define';
import { caseReference, date, formatDate, municipality, municipalityName, paragraphs, yesNoUnknownText } from './fields';

export const departureAbroad = defineMessage({
  type: 'departure-abroad',
  rules: ['R-MOVE-5'],
  // R-MOVE-5: IMDi the same day, also when the resident means to return before the agreed week.
  recipients: ['imdi'],
  sender: 'reception_centre',
  letter: false,
  description: 'A resident with an agreed settlement left Norway; IMDi is told the same day.',
  schema: strictObject({ departedOn: date, agreedMunicipality: municipality, intendsToReturn: yesNoUnknown }),
  render: (data, { caseId }) => ({
    subject: `Utreist av Norge ${formatDate(data.departedOn)} – avtalt bosetting i ${data.agreedMunicipality.name} kommune`,
    body: paragraphs(
      `Beboeren forlot Norge ${formatDate(data.departedOn)}. Det er avtalt bosetting i ${municipalityName(data.agreedMunicipality)}.`,
      `Har beboeren sagt at hen vil komme tilbake før avtalt bosettingsuke? ${yesNoUnknownText[data.intendsToReturn]}.`,
      caseReference(caseId),
    ),
  }),
});

export const movingMessages = [departureAbroad] as const;
