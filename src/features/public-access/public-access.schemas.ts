// The HTTP contract of public access (shared by server and web app). Public schemas list every field that
// may leave for the public: the response serialiser strips anything else.
import { z } from 'zod';
import { accessStatusIds, legalBasisIds } from '../../domain/offentleglova.rules.js';
import { isoDate, pageQuery, searchText, uuid } from '../../shared/schemas.js';
import {
  accessDecisionIds,
  accessRequestChannelIds,
  accessRequestStatusIds,
  appealOutcomeIds,
  journalDirectionIds,
  journalDocumentTypeIds,
} from './public-access.tables.js';

const optionalText = (max: number) =>
  searchText(max)
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined));

export const journalQuery = z.object({
  q: optionalText(200),
  steeringGroupId: uuid.optional(),
  procurementId: uuid.optional(),
  documentType: z.enum(journalDocumentTypeIds).optional(),
  accessStatus: z.enum(accessStatusIds).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type JournalQuery = z.infer<typeof journalQuery>;

export const publicJournalEntrySchema = z.object({
  id: uuid,
  caseNumber: z.string(),
  caseTitle: z.string(),
  documentNumber: z.number().int(),
  journalNumber: z.string(),
  journalSequence: z.string(),
  journalDate: z.string(),
  documentDate: z.string(),
  direction: z.enum(journalDirectionIds),
  senderRecipient: z.string().nullable(),
  publicTitle: z.string(),
  documentType: z.enum(journalDocumentTypeIds),
  accessStatus: z.enum(accessStatusIds),
  legalBasisTexts: z.array(z.string()),
  exemptionEndsOn: z.string().nullable(),
  exemptionLifted: z.boolean(),
  steeringGroup: z.object({ id: uuid, code: z.string(), name: z.string() }),
  procurement: z.object({ id: uuid, name: z.string() }).nullable(),
  meetingId: uuid.nullable(),
  file: z
    .object({
      kind: z.enum(['original', 'variant']),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      url: z.string(),
    })
    .nullable(),
});
export type PublicJournalEntry = z.infer<typeof publicJournalEntrySchema>;

export const secretariatJournalEntrySchema = publicJournalEntrySchema.extend({
  title: z.string(),
  senderRecipientFull: z.string().nullable(),
  shieldedWords: z.array(z.string()),
  documentId: uuid.nullable(),
  storedAccessStatus: z.enum(accessStatusIds),
  legalBasis: z.enum(legalBasisIds).nullable(),
  caseId: uuid.nullable(),
  registeredBy: z.string(),
  updatedAt: z.string(),
});
export type SecretariatJournalEntry = z.infer<typeof secretariatJournalEntrySchema>;

export const journalPageSchema = <T extends z.ZodTypeAny>(entry: T) =>
  z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    entries: z.array(entry),
  });

const accessFields = {
  accessStatus: z.enum(accessStatusIds).default('public'),
  legalBasis: z.enum(legalBasisIds).nullable().default(null),
  shieldedWords: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
};

export const newJournalEntrySchema = z.object({
  steeringGroupId: uuid,
  procurementId: uuid.nullable().default(null),
  title: z.string().trim().min(3, 'Tittel må ha minst 3 tegn').max(300),
  documentType: z.enum(journalDocumentTypeIds).default('letter'),
  direction: z.enum(journalDirectionIds),
  senderRecipient: z.string().trim().max(300).nullable().default(null),
  documentDate: isoDate,
  ...accessFields,
});
export type NewJournalEntry = z.infer<typeof newJournalEntrySchema>;

export const journalCorrectionSchema = z
  .object({
    title: z.string().trim().min(3).max(300),
    documentType: z.enum(journalDocumentTypeIds),
    direction: z.enum(journalDirectionIds),
    senderRecipient: z.string().trim().max(300).nullable(),
    documentDate: isoDate,
    shieldedWords: accessFields.shieldedWords,
    accessStatus: z.enum(accessStatusIds),
    legalBasis: z.enum(legalBasisIds).nullable(),
  })
  .partial()
  .strict();
export type JournalCorrection = z.infer<typeof journalCorrectionSchema>;

export const exportQuery = z.object({ format: z.enum(['csv', 'einnsyn']).default('csv') });

// ---- public variants

const redactionBasis = z.enum(['offl13fvl13nr1', 'offl13fvl13nr2', 'offl23first', 'offl23third']);

export const redactSchema = z.object({
  words: z
    .array(
      z.object({
        text: z.string().trim().min(2, 'Ord å sladde må ha minst 2 tegn').max(200),
        legalBasis: redactionBasis,
      }),
    )
    .max(100)
    .default([]),
  areas: z
    .array(
      z.object({
        page: z.number().int().min(1),
        x: z.number().min(0),
        y: z.number().min(0),
        width: z.number().positive(),
        height: z.number().positive(),
        legalBasis: redactionBasis,
      }),
    )
    .max(200)
    .default([]),
});
export type RedactInput = z.infer<typeof redactSchema>;

export const uploadVariantSchema = z.object({
  fileName: z.string().min(1).max(300),
  contentType: z.string().trim().min(3).max(200),
  contentBase64: z.string().min(1).max(15_000_000),
  legalBases: z.array(redactionBasis).min(1, 'Oppgi hjemmelen for det som er tatt ut').max(4),
});
export type UploadVariantInput = z.infer<typeof uploadVariantSchema>;

export const variantSchema = z.object({
  id: uuid,
  documentId: uuid,
  sourceVersion: z.number().int(),
  method: z.enum(['redacted', 'uploaded']),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  legalBases: z.array(z.enum(legalBasisIds)),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Per word: how many places were removed (redaction only). */
  matches: z.record(z.string(), z.number().int()).optional(),
});

// ---- access requests

const email = z.string().trim().max(200).email('Ugyldig e-postadresse');

export const publicAccessRequestSchema = z.object({
  journalEntryIds: z.array(uuid).max(50).default([]),
  message: z.string().trim().max(4000).default(''),
  name: z.string().trim().max(200).nullable().default(null),
  email,
});
export type PublicAccessRequestInput = z.infer<typeof publicAccessRequestSchema>;

export const publicAccessReceiptSchema = z.object({
  reference: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  deemedRefusedAfter: z.string(),
  documents: z.number().int(),
});

export const registerAccessRequestSchema = z.object({
  channel: z.enum(accessRequestChannelIds),
  receivedOn: isoDate,
  journalEntryIds: z.array(uuid).max(50).default([]),
  message: z.string().trim().max(4000).default(''),
  name: z.string().trim().max(200).nullable().default(null),
  email: email.nullable().default(null),
  address: z.string().trim().max(500).nullable().default(null),
});
export type RegisterAccessRequestInput = z.infer<typeof registerAccessRequestSchema>;

export const answerSchema = z.object({
  items: z
    .array(
      z.object({
        itemId: uuid,
        decision: z.enum(accessDecisionIds),
        legalBasis: z.enum(legalBasisIds).nullable().default(null),
        section12: z.enum(['a', 'b', 'c']).nullable().default(null),
        merinnsynAssessment: z.string().trim().max(2000).nullable().default(null),
      }),
    )
    .min(1),
});
export type AnswerInput = z.infer<typeof answerSchema>;

export const accessRequestItemSchema = z.object({
  id: uuid,
  journalEntryId: uuid.nullable(),
  description: z.string(),
  journalNumber: z.string().nullable(),
  publicTitle: z.string().nullable(),
  title: z.string().nullable(),
  documentId: uuid.nullable(),
  accessStatus: z.enum(accessStatusIds).nullable(),
  legalBasis: z.enum(legalBasisIds).nullable(),
  hasVariant: z.boolean(),
  decision: z.enum(accessDecisionIds).nullable(),
  decisionLegalBasis: z.enum(legalBasisIds).nullable(),
  section12: z.enum(['a', 'b', 'c']).nullable(),
  merinnsynAssessment: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedOn: z.string().nullable(),
});

export const appealSchema = z.object({
  id: uuid,
  receivedOn: z.string(),
  reason: z.string(),
  appealBody: z.string(),
  forwardedOn: z.string().nullable(),
  outcome: z.enum(appealOutcomeIds),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
});

export const accessRequestSchema = z.object({
  id: uuid,
  reference: z.string(),
  channel: z.enum(accessRequestChannelIds),
  requesterName: z.string().nullable(),
  requesterEmail: z.string().nullable(),
  requesterAddress: z.string().nullable(),
  message: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  deemedRefusedAfter: z.string(),
  status: z.enum(accessRequestStatusIds),
  urgency: z.enum(['answered', 'onTime', 'dueSoon', 'dueToday', 'overdue', 'deemedRefused']),
  workingDaysElapsed: z.number().int(),
  deemedRefusedOn: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answerText: z.string().nullable(),
  appealDeadline: z.string().nullable(),
  items: z.array(accessRequestItemSchema),
  appeals: z.array(appealSchema),
});
export type AccessRequestDto = z.infer<typeof accessRequestSchema>;

export const accessRequestListQuery = z.object({
  status: z.enum(['open', ...accessRequestStatusIds, 'all']).default('open'),
  ...pageQuery,
});

export const newAppealSchema = z.object({
  receivedOn: isoDate,
  reason: z.string().trim().min(3, 'Skriv hva klagen gjelder').max(4000),
});
export const appealOutcomeSchema = z.object({
  outcome: z.enum(['upheld', 'partlyReversed', 'reversed']),
  note: z.string().trim().max(4000).nullable().default(null),
});

export const statisticsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const monthStatisticsSchema = z.object({
  month: z.string(),
  requests: z.number().int(),
  answeredWithin1: z.number().int(),
  answeredWithin3: z.number().int(),
  answeredWithin5: z.number().int(),
  answeredLater: z.number().int(),
  unanswered: z.number().int(),
  deemedRefused: z.number().int(),
  granted: z.number().int(),
  partly: z.number().int(),
  refused: z.number().int(),
  appeals: z.number().int(),
  appealsUpheld: z.number().int(),
  appealsReversed: z.number().int(),
  appealsPending: z.number().int(),
});

// ---- public decisions and meetings

export const publicDecisionSchema = z.object({
  decisionNumber: z.string(),
  decidedOn: z.string().nullable(),
  title: z.string(),
  status: z.string(),
  gate: z.string(),
  steeringGroup: z.object({ id: uuid, code: z.string(), name: z.string() }),
  /** Null for a group's own vedtak (the approval of its meeting plan). */
  procurement: z.object({ id: uuid, name: z.string() }).nullable(),
  journalEntryId: uuid.nullable(),
  journalNumber: z.string().nullable(),
  accessStatus: z.enum(accessStatusIds),
  legalBasisTexts: z.array(z.string()),
});

export const publicMeetingSchema = z.object({
  id: uuid,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  steeringGroup: z.object({ id: uuid, code: z.string(), name: z.string() }),
  agendaPublished: z.boolean(),
  agenda: z.array(z.object({ position: z.number().int(), title: z.string() })),
  minutes: z
    .object({
      version: z.number().int(),
      approvedAt: z.string().nullable(),
      journalEntryId: uuid.nullable(),
      accessStatus: z.enum(accessStatusIds),
      legalBasisTexts: z.array(z.string()),
      /** Empty when the protokoll is exempt (its entry's legal basis is shown instead). */
      items: z.array(z.object({ title: z.string(), summary: z.string(), decision: z.string() })),
    })
    .nullable(),
  documents: z.array(
    z.object({
      journalEntryId: uuid,
      publicTitle: z.string(),
      accessStatus: z.enum(accessStatusIds),
      url: z.string().nullable(),
    }),
  ),
});
