// Checks a release package against OCDS 1.1.5's required fields and the closed code lists we use, written
// from the published schema (release-package-schema.json, release-schema.json, codelists/*.csv).
export const ocdsCodelists = {
  releaseTag: [
    'planning',
    'planningUpdate',
    'tender',
    'tenderAmendment',
    'tenderUpdate',
    'tenderCancellation',
    'award',
    'awardUpdate',
    'awardCancellation',
    'contract',
    'contractUpdate',
    'contractAmendment',
    'implementation',
    'implementationUpdate',
    'contractTermination',
    'compiled',
  ],
  initiationType: ['tender'],
  partyRole: [
    'buyer',
    'procuringEntity',
    'supplier',
    'tenderer',
    'funder',
    'enquirer',
    'payer',
    'payee',
    'reviewBody',
    'interestedParty',
  ],
  tenderStatus: ['planning', 'planned', 'active', 'cancelled', 'unsuccessful', 'complete', 'withdrawn'],
  awardStatus: ['pending', 'active', 'cancelled', 'unsuccessful'],
  milestoneType: [
    'preProcurement',
    'approval',
    'engagement',
    'assessment',
    'delivery',
    'reporting',
    'financing',
  ],
  milestoneStatus: ['scheduled', 'met', 'notMet', 'partiallyMet'],
  itemClassificationScheme: ['CPV', 'CPVS', 'GSIN', 'UNSPSC', 'CPC', 'OKDP', 'OKPD'],
} as const;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem found, as "path: message"; an empty list means the package passes. */
export function checkReleasePackage(pkg: unknown): string[] {
  const problems: string[] = [];
  const need = (obj: Json, field: string, path: string) => {
    if (obj[field] === undefined || obj[field] === null || obj[field] === '')
      problems.push(`${path}.${field}: påkrevd`);
  };
  const inList = (value: unknown, list: readonly string[], path: string) => {
    if (typeof value !== 'string' || !list.includes(value))
      problems.push(`${path}: «${String(value)}» er ikke i kodelisten`);
  };
  const dateTime = (value: unknown, path: string) => {
    if (value !== undefined && (typeof value !== 'string' || !DATE_TIME.test(value)))
      problems.push(`${path}: ikke date-time`);
  };
  const amount = (value: unknown, path: string) => {
    if (value === undefined) return;
    if (
      !isObject(value) ||
      typeof value.amount !== 'number' ||
      typeof value.currency !== 'string' ||
      !/^[A-Z]{3}$/.test(value.currency)
    )
      problems.push(`${path}: Value må ha amount (tall) og currency (ISO 4217)`);
  };
  if (!isObject(pkg)) return ['pakken er ikke et objekt'];
  for (const field of ['uri', 'publisher', 'publishedDate', 'releases', 'version'])
    need(pkg, field, 'package');
  if (pkg.version !== undefined && pkg.version !== '1.1') problems.push('package.version: må være "1.1"');
  dateTime(pkg.publishedDate, 'package.publishedDate');
  if (isObject(pkg.publisher)) need(pkg.publisher, 'name', 'package.publisher');
  if (!Array.isArray(pkg.releases)) return [...problems, 'package.releases: må være en liste'];
  const ids = new Set<string>();
  pkg.releases.forEach((release: unknown, index) => {
    const path = `releases[${index}]`;
    if (!isObject(release)) return problems.push(`${path}: ikke et objekt`);
    for (const field of ['ocid', 'id', 'date', 'tag', 'initiationType']) need(release, field, path);
    if (typeof release.id === 'string') {
      if (release.id.includes('#')) problems.push(`${path}.id: kan ikke inneholde #`);
      if (ids.has(release.id)) problems.push(`${path}.id: ikke unik i pakken`);
      ids.add(release.id);
    }
    dateTime(release.date, `${path}.date`);
    if (
      typeof release.date === 'string' &&
      typeof pkg.publishedDate === 'string' &&
      release.date > pkg.publishedDate
    )
      problems.push(`${path}.date: senere enn publishedDate`);
    if (!Array.isArray(release.tag) || release.tag.length === 0)
      problems.push(`${path}.tag: må være en ikke-tom liste`);
    else release.tag.forEach((tag, i) => inList(tag, ocdsCodelists.releaseTag, `${path}.tag[${i}]`));
    inList(release.initiationType, ocdsCodelists.initiationType, `${path}.initiationType`);
    const partyIds = new Set<string>();
    (Array.isArray(release.parties) ? release.parties : []).forEach((party: unknown, i) => {
      if (!isObject(party)) return;
      need(party, 'id', `${path}.parties[${i}]`);
      partyIds.add(String(party.id));
      (Array.isArray(party.roles) ? party.roles : []).forEach((role, r) =>
        inList(role, ocdsCodelists.partyRole, `${path}.parties[${i}].roles[${r}]`),
      );
    });
    const reference = (value: unknown, where: string) => {
      if (value === undefined) return;
      if (!isObject(value)) return problems.push(`${where}: ikke et objekt`);
      need(value, 'id', where);
      if (!partyIds.has(String(value.id))) problems.push(`${where}.id: viser ikke til en part i parties`);
    };
    reference(release.buyer, `${path}.buyer`);
    if (isObject(release.planning) && isObject(release.planning.budget))
      amount(release.planning.budget.amount, `${path}.planning.budget.amount`);
    const milestones = (list: unknown, where: string) =>
      (Array.isArray(list) ? list : []).forEach((m: unknown, i) => {
        if (!isObject(m)) return;
        need(m, 'id', `${where}[${i}]`);
        if (m.type !== undefined) inList(m.type, ocdsCodelists.milestoneType, `${where}[${i}].type`);
        if (m.status !== undefined) inList(m.status, ocdsCodelists.milestoneStatus, `${where}[${i}].status`);
        dateTime(m.dueDate, `${where}[${i}].dueDate`);
        dateTime(m.dateMet, `${where}[${i}].dateMet`);
      });
    if (isObject(release.planning)) milestones(release.planning.milestones, `${path}.planning.milestones`);
    if (isObject(release.tender)) {
      const tender = release.tender;
      need(tender, 'id', `${path}.tender`);
      if (tender.status !== undefined)
        inList(tender.status, ocdsCodelists.tenderStatus, `${path}.tender.status`);
      reference(tender.procuringEntity, `${path}.tender.procuringEntity`);
      amount(tender.value, `${path}.tender.value`);
      milestones(tender.milestones, `${path}.tender.milestones`);
      (Array.isArray(tender.items) ? tender.items : []).forEach((item: unknown, i) => {
        if (!isObject(item)) return;
        need(item, 'id', `${path}.tender.items[${i}]`);
        if (isObject(item.classification)) {
          need(item.classification, 'id', `${path}.tender.items[${i}].classification`);
          inList(
            item.classification.scheme,
            ocdsCodelists.itemClassificationScheme,
            `${path}.tender.items[${i}].classification.scheme`,
          );
        }
      });
    }
    (Array.isArray(release.awards) ? release.awards : []).forEach((award: unknown, i) => {
      if (!isObject(award)) return;
      need(award, 'id', `${path}.awards[${i}]`);
      if (award.status !== undefined)
        inList(award.status, ocdsCodelists.awardStatus, `${path}.awards[${i}].status`);
      dateTime(award.date, `${path}.awards[${i}].date`);
      amount(award.value, `${path}.awards[${i}].value`);
    });
  });
  return problems;
}
