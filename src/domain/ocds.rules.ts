// The portfolio as Open Contracting Data Standard 1.1.5 releases (issue 5 §6). Pure: the feature
// open-data loads the facts, this maps them. Gate approvals become tender milestones of type `approval`.

export interface OcdsParty {
  id: string;
  name: string;
  orgNumber: string | null;
  roles: string[];
}

export interface OcdsGateFact {
  gate: string;
  title: string;
  plannedOn: string | null;
  passedOn: string | null;
}

export interface OcdsProcurementFact {
  id: string;
  name: string;
  description: string | null;
  status: 'planned' | 'ongoing' | 'announced' | 'awarded' | 'completed' | 'cancelled';
  contractValueNok: string | null;
  categoryCode: string;
  categoryName: string;
  projectStart: string | null;
  announcementDate: string | null;
  updatedAt: string;
  gates: OcdsGateFact[];
  classifications: Array<{ scheme: 'CPV' | 'UNSPSC'; code: string }>;
  buyer: OcdsParty;
  interestedParties: OcdsParty[];
  /** Documents the public may read (public ones and public variants); exempt documents are never listed. */
  documents?: OcdsDocumentFact[];
}

export interface OcdsDocumentFact {
  id: string;
  title: string;
  url: string;
  format: string;
  datePublished: string;
}

export const tenderStatusByProcurementStatus: Record<OcdsProcurementFact['status'], string> = {
  planned: 'planned',
  ongoing: 'planning',
  announced: 'active',
  awarded: 'complete',
  completed: 'complete',
  cancelled: 'cancelled',
};

const toDateTime = (value: string) =>
  value.length === 10 ? `${value}T00:00:00Z` : new Date(value).toISOString();

/** CPV and UNSPSC prefixes (a division, a segment) as the eight-digit codes of their level. */
export function padClassification(code: string): string {
  const digits = code.replace(/\D/g, '').slice(0, 8);
  return digits.padEnd(8, '0');
}

const amount = (nok: string | null) => (nok === null ? undefined : { amount: Number(nok), currency: 'NOK' });

function party(p: OcdsParty) {
  return {
    id: p.id,
    name: p.name,
    ...(p.orgNumber ? { identifier: { scheme: 'NO-BRC', id: p.orgNumber, legalName: p.name } } : {}),
    roles: p.roles,
  };
}

export function toRelease(fact: OcdsProcurementFact, ocidPrefix: string) {
  const ocid = `${ocidPrefix}-${fact.id}`;
  const awardGate = fact.gates.find((gate) => gate.gate === 'award' && gate.passedOn !== null);
  const isTender = fact.status !== 'planned' && fact.announcementDate !== null;
  const tag = awardGate ? ['award'] : isTender ? ['tender'] : ['planning'];
  const items = fact.classifications.map((classification, index) => ({
    id: String(index + 1),
    description: fact.categoryName,
    classification: {
      scheme: classification.scheme,
      id: padClassification(classification.code),
      description: fact.categoryName,
    },
  }));
  const milestones = fact.gates.map((gate) => ({
    id: `${fact.id}-${gate.gate}`,
    title: gate.title,
    type: 'approval',
    ...(gate.plannedOn ? { dueDate: toDateTime(gate.plannedOn) } : {}),
    ...(gate.passedOn ? { dateMet: toDateTime(gate.passedOn) } : {}),
    status: gate.passedOn ? 'met' : 'scheduled',
  }));
  const parties = [fact.buyer, ...fact.interestedParties].map(party);
  return {
    ocid,
    id: `${ocid}-${fact.updatedAt.slice(0, 19).replace(/[-:T]/g, '')}`,
    date: toDateTime(fact.updatedAt),
    tag,
    initiationType: 'tender',
    language: 'nb',
    parties,
    buyer: { id: fact.buyer.id, name: fact.buyer.name },
    planning: {
      rationale: fact.description ?? undefined,
      budget: fact.contractValueNok
        ? { description: 'Estimert kontraktsverdi', amount: amount(fact.contractValueNok) }
        : undefined,
      ...(fact.projectStart
        ? {
            milestones: [
              {
                id: `${fact.id}-start`,
                title: 'Prosjektoppstart',
                type: 'preProcurement',
                dueDate: toDateTime(fact.projectStart),
                status: 'met',
              },
            ],
          }
        : {}),
    },
    tender: {
      id: fact.id,
      title: fact.name,
      ...(fact.description ? { description: fact.description } : {}),
      status: tenderStatusByProcurementStatus[fact.status],
      procuringEntity: { id: fact.buyer.id, name: fact.buyer.name },
      ...(fact.contractValueNok ? { value: amount(fact.contractValueNok) } : {}),
      ...(fact.announcementDate ? { tenderPeriod: { startDate: toDateTime(fact.announcementDate) } } : {}),
      ...(items.length > 0 ? { items } : {}),
      milestones,
      ...(fact.documents && fact.documents.length > 0
        ? {
            documents: fact.documents.map((d) => ({
              id: d.id,
              title: d.title,
              url: d.url,
              format: d.format,
              datePublished: toDateTime(d.datePublished),
              language: 'nb',
            })),
          }
        : {}),
    },
    ...(awardGate
      ? {
          awards: [
            {
              id: `${fact.id}-award`,
              title: `Tildeling: ${fact.name}`,
              status: 'active',
              date: toDateTime(awardGate.passedOn!),
              ...(fact.contractValueNok ? { value: amount(fact.contractValueNok) } : {}),
            },
          ],
        }
      : {}),
  };
}

export type OcdsRelease = ReturnType<typeof toRelease>;

/** The package around the releases; `publishedDate` must not be earlier than any release's date. */
export function toReleasePackage(
  releases: OcdsRelease[],
  options: { uri: string; publishedDate: string; publisherName: string; publisherUri?: string },
) {
  return {
    uri: options.uri,
    version: '1.1',
    publishedDate: options.publishedDate,
    publisher: {
      name: options.publisherName,
      ...(options.publisherUri ? { uri: options.publisherUri } : {}),
    },
    license: 'https://data.norge.no/nlod/no/2.0',
    publicationPolicy: 'Dokumentene er offentlige etter offentleglova; unntatte opplysninger er ikke med.',
    releases: releases.map((release) => JSON.parse(JSON.stringify(release)) as OcdsRelease),
  };
}
