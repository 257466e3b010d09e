// The journal for publishing: CSV, and JSON in eInnsyn's shape (Saksmappe → Journalpost with Skjerming,
// Korrespondansepart and Dokumentbeskrivelse; Moetemappe → Moetesak). Built from the public projection
// only, so the export holds exactly what the public pages show: the «Sensitiv» fields repeat the public
// value, and the full titles stay in the portal.
import type { PublicJournalEntry } from './public-access.schemas.js';

const csvColumns: Array<[string, (e: PublicJournalEntry) => string]> = [
  ['Journalpostnummer', (e) => e.journalNumber],
  ['Løpenummer', (e) => e.journalSequence],
  ['Saksnummer', (e) => e.caseNumber],
  ['Sak', (e) => e.caseTitle],
  ['Journaldato', (e) => e.journalDate],
  ['Dokumentdato', (e) => e.documentDate],
  ['Retning', (e) => directionLabels[e.direction]],
  ['Avsender/mottaker', (e) => e.senderRecipient ?? ''],
  ['Tittel', (e) => e.publicTitle],
  ['Dokumenttype', (e) => e.documentType],
  ['Status', (e) => statusLabels[e.accessStatus]],
  ['Hjemmel', (e) => e.legalBasisTexts.join('; ')],
  ['Styringsgruppe', (e) => e.steeringGroup.name],
  ['Anskaffelse', (e) => e.procurement?.name ?? ''],
  ['Dokument', (e) => e.file?.url ?? ''],
];

const directionLabels = { incoming: 'Inngående', outgoing: 'Utgående', internal: 'Internt' } as const;
const statusLabels = {
  public: 'Offentlig',
  partlyExempt: 'Delvis unntatt offentlighet',
  exempt: 'Unntatt offentlighet',
} as const;

const csvCell = (value: string) => (/[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function journalCsv(entries: PublicJournalEntry[]): string {
  const lines = [csvColumns.map(([label]) => label).join(';')];
  for (const entry of entries) lines.push(csvColumns.map(([, get]) => csvCell(get(entry))).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const journalposttype = (e: PublicJournalEntry) =>
  e.documentType === 'minutes'
    ? 'moeteprotokoll'
    : e.documentType === 'caseDocument'
      ? 'saksframlegg'
      : e.direction === 'incoming'
        ? 'inngaaende_dokument'
        : e.direction === 'outgoing'
          ? 'utgaaende_dokument'
          : 'organinternt_dokument_uten_oppfoelging';

const restriction = (e: PublicJournalEntry) =>
  e.legalBasisTexts.some((t) => t.includes('§ 13')) ? '13' : '23';

export interface PublicMeetingForExport {
  id: string;
  title: string;
  startsAt: string;
  location: string | null;
  steeringGroup: { code: string; name: string };
  agenda: Array<{ position: number; title: string }>;
}

export function einnsynExport(
  entries: PublicJournalEntry[],
  meetings: PublicMeetingForExport[],
  options: { publicUrl: string; generatedAt: string },
) {
  const cases = new Map<string, PublicJournalEntry[]>();
  for (const entry of entries) cases.set(entry.caseNumber, [...(cases.get(entry.caseNumber) ?? []), entry]);
  return {
    generatedAt: options.generatedAt,
    saksmappe: [...cases.entries()].map(([caseNumber, caseEntries]) => {
      const [saksaar, sakssekvensnummer] = caseNumber.split('/').map(Number) as [number, number];
      const first = caseEntries[0]!;
      return {
        entity: 'Saksmappe',
        systemId: `saksmappe-${caseNumber}`,
        saksaar,
        sakssekvensnummer,
        saksnummer: caseNumber,
        offentligTittel: first.caseTitle,
        offentligTittelSensitiv: first.caseTitle,
        saksdato: caseEntries.map((e) => e.journalDate).sort()[0],
        administrativEnhet: first.steeringGroup.code,
        journalpost: caseEntries.map((e) => ({
          entity: 'Journalpost',
          systemId: e.id,
          journalaar: Number(e.journalSequence.split('/')[0]),
          journalsekvensnummer: Number(e.journalSequence.split('/')[1]),
          journalpostnummer: e.documentNumber,
          journalposttype: journalposttype(e),
          journaldato: e.journalDate,
          dokumentetsDato: e.documentDate,
          offentligTittel: e.publicTitle,
          offentligTittelSensitiv: e.publicTitle,
          ...(e.accessStatus !== 'public'
            ? {
                skjerming: {
                  entity: 'Skjerming',
                  tilgangsrestriksjon: restriction(e),
                  skjermingshjemmel: e.legalBasisTexts.join('; '),
                },
              }
            : {}),
          korrespondansepart: e.senderRecipient
            ? [
                {
                  entity: 'Korrespondansepart',
                  korrespondanseparttype:
                    e.direction === 'incoming'
                      ? 'avsender'
                      : e.direction === 'outgoing'
                        ? 'mottaker'
                        : 'internMottaker',
                  korrespondansepartNavn: e.senderRecipient,
                  korrespondansepartNavnSensitiv: e.senderRecipient,
                },
              ]
            : [],
          dokumentbeskrivelse: [
            {
              entity: 'Dokumentbeskrivelse',
              tittel: e.publicTitle,
              tittelSensitiv: e.publicTitle,
              dokumentnummer: 1,
              tilknyttetRegistreringSom: 'hoveddokument',
              ...(e.file
                ? {
                    dokumentobjekt: [
                      {
                        entity: 'Dokumentobjekt',
                        referanseDokumentfil: `${options.publicUrl}${e.file.url}`,
                        format: e.file.contentType,
                      },
                    ],
                  }
                : {}),
            },
          ],
        })),
      };
    }),
    moetemappe: meetings.map((meeting, index) => ({
      entity: 'Moetemappe',
      systemId: meeting.id,
      moetenummer: `${meeting.steeringGroup.code}-${meeting.startsAt.slice(0, 10)}-${index + 1}`,
      utvalg: meeting.steeringGroup.name,
      moetedato: meeting.startsAt,
      ...(meeting.location ? { moetested: meeting.location } : {}),
      offentligTittel: meeting.title,
      offentligTittelSensitiv: meeting.title,
      moetesak: meeting.agenda.map((item) => ({
        entity: 'Moetesak',
        systemId: `${meeting.id}-${item.position}`,
        moetesakstype: 'moete',
        moetesaksaar: Number(meeting.startsAt.slice(0, 4)),
        moetesakssekvensnummer: item.position,
        utvalg: meeting.steeringGroup.name,
        offentligTittel: item.title,
        offentligTittelSensitiv: item.title,
      })),
    })),
  };
}
