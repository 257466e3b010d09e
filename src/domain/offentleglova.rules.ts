import { addYears } from '../shared/calendar-date.js';
// Public access (offentleglova) for the documents of the governance model (seed 001 §9, 2022 report §8.3),
// kept in the shape of Noark 5 metadata (M500–M505, M025). Pure, no I/O.

export const accessStatusIds = ['public', 'partlyExempt', 'exempt'] as const;
export type AccessStatus = (typeof accessStatusIds)[number];

export const accessStatusLabels: Record<AccessStatus, string> = {
  public: 'Offentlig',
  partlyExempt: 'Delvis unntatt offentlighet',
  exempt: 'Unntatt offentlighet',
};

/** The fixed list of legal bases; offl14 is listed only so that it can be refused with the reason. */
export const legalBasisIds = [
  'offl13fvl13nr1',
  'offl13fvl13nr2',
  'offl23first',
  'offl23third',
  'offl14',
] as const;
export type LegalBasis = (typeof legalBasisIds)[number];

interface LegalBasisRule {
  /** M500 tilgangsrestriksjon (the paragraph, as journals write it). */
  restriction: string;
  /** M501 skjermingshjemmel. */
  text: string;
  label: string;
  /** §13 and §23 first paragraph exempt only the information, not the whole document. */
  informationOnly: boolean;
  /** M504 skjermingsvarighet in years, when the law fixes one (fvl. § 13 c: 60 years). */
  durationYears: number | null;
  /** The exemption ends at an event rather than after a number of years. */
  endsAt: 'award' | null;
}

export const legalBases: Record<Exclude<LegalBasis, 'offl14'>, LegalBasisRule> = {
  offl13fvl13nr1: {
    restriction: '13',
    text: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 1',
    label: 'Taushetsplikt: noens personlige forhold',
    informationOnly: true,
    durationYears: 60,
    endsAt: null,
  },
  offl13fvl13nr2: {
    restriction: '13',
    text: 'Offl. § 13 jf. fvl. § 13 første ledd nr. 2',
    label: 'Taushetsplikt: forretningshemmeligheter',
    informationOnly: true,
    durationYears: 60,
    endsAt: null,
  },
  offl23first: {
    restriction: '23',
    text: 'Offl. § 23 første ledd',
    label: 'Det offentliges forhandlingsposisjon',
    informationOnly: true,
    durationYears: null,
    endsAt: null,
  },
  offl23third: {
    restriction: '23',
    text: 'Offl. § 23 tredje ledd',
    label: 'Tilbud og protokoll frem til valg av leverandør',
    informationOnly: false,
    durationYears: null,
    endsAt: 'award',
  },
};

/** Seed 001 §9: the steering groups are not internal bodies of Sykehusinnkjøp HF. */
export const section14Refusal =
  'Offl. § 14 kan ikke brukes: styringsgruppene anses ikke som et internt organ i Sykehusinnkjøp HF (gjennomføringsplanen kap. 9). Dokumenter i saksbehandlingen er derfor i utgangspunktet offentlige; bruk § 13, § 23 første ledd eller § 23 tredje ledd.';

export interface AccessInput {
  accessStatus: AccessStatus;
  legalBasis: LegalBasis | null;
  /** Words of the title to shield in the public title (M025), e.g. a supplier's or a person's name. */
  shieldedWords: string[];
}

export interface AccessProblem {
  path: string;
  message: string;
}

/** The reasons an access classification is not allowed; empty when it is. */
export function checkAccess(input: AccessInput): AccessProblem[] {
  const problems: AccessProblem[] = [];
  if (input.legalBasis === 'offl14') return [{ path: 'legalBasis', message: section14Refusal }];
  if (input.accessStatus === 'public') {
    if (input.legalBasis !== null)
      problems.push({ path: 'legalBasis', message: 'Et offentlig dokument skal ikke ha unntakshjemmel.' });
    if (input.shieldedWords.length > 0)
      problems.push({
        path: 'shieldedWords',
        message: 'Et offentlig dokument har ingen skjermede ord i tittelen.',
      });
    return problems;
  }
  if (input.legalBasis === null) {
    return [
      {
        path: 'legalBasis',
        message:
          'Unntak fra offentlighet må ha hjemmel (offl. § 13, § 23 første ledd eller § 23 tredje ledd).',
      },
    ];
  }
  const rule = legalBases[input.legalBasis];
  if (rule.informationOnly && input.accessStatus === 'exempt') {
    problems.push({
      path: 'accessStatus',
      message: `${rule.text} gir bare grunnlag for å unnta selve opplysningene, ikke hele dokumentet: velg «delvis unntatt».`,
    });
  }
  return problems;
}

/** M025 offentligTittel: the title with each shielded word replaced by asterisks (as Noark journals do). */
export function publicTitle(title: string, shieldedWords: string[]): string {
  let result = title;
  for (const word of shieldedWords
    .map((w) => w.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
    result = result.replace(pattern, '*****');
  }
  return result;
}

export interface NoarkAccessMetadata {
  /** M500 tilgangsrestriksjon */
  tilgangsrestriksjon: string | null;
  /** M501 skjermingshjemmel */
  skjermingshjemmel: string | null;
  /** M502 skjermingMetadata: which metadata fields are shielded */
  skjermingMetadata: string[];
  /** M503 skjermingDokument: Hele / Delvis */
  skjermingDokument: 'Hele' | 'Delvis' | null;
  /** M504 skjermingsvarighet in years */
  skjermingsvarighet: number | null;
  /** M505 skjermingOpphoererDato */
  skjermingOpphoererDato: string | null;
  /** M025 offentligTittel */
  offentligTittel: string;
}

export interface EffectiveAccess {
  /** Status after lifting what has lapsed (the §23 third paragraph exemption ends at the award decision). */
  accessStatus: AccessStatus;
  /** True when the stored exemption has lapsed and the document is now public. */
  lifted: boolean;
  noark: NoarkAccessMetadata;
}

/**
 * The access status in force on a day, with the Noark 5 metadata. `awardDecidedOn` is the date of the award
 * decision of the document's procurement, if any; `classifiedOn` the date the exemption was set.
 */
export function effectiveAccess(
  stored: AccessInput & { title: string; classifiedOn: string },
  context: { today: string; awardDecidedOn: string | null },
): EffectiveAccess {
  const title = publicTitle(stored.title, stored.shieldedWords);
  if (stored.accessStatus === 'public' || stored.legalBasis === null || stored.legalBasis === 'offl14') {
    return { accessStatus: 'public', lifted: false, noark: publicNoark(stored.title) };
  }
  const rule = legalBases[stored.legalBasis];
  const endsOn =
    rule.endsAt === 'award'
      ? context.awardDecidedOn
      : rule.durationYears !== null
        ? addYears(stored.classifiedOn, rule.durationYears)
        : null;
  if (endsOn !== null && endsOn <= context.today) {
    return {
      accessStatus: 'public',
      lifted: true,
      noark: { ...publicNoark(stored.title), skjermingOpphoererDato: endsOn },
    };
  }
  return {
    accessStatus: stored.accessStatus,
    lifted: false,
    noark: {
      tilgangsrestriksjon: rule.restriction,
      skjermingshjemmel: rule.text,
      skjermingMetadata: stored.shieldedWords.length > 0 ? ['tittel'] : [],
      skjermingDokument: stored.accessStatus === 'exempt' ? 'Hele' : 'Delvis',
      skjermingsvarighet: rule.durationYears,
      skjermingOpphoererDato: endsOn,
      offentligTittel: title,
    },
  };
}

function publicNoark(title: string): NoarkAccessMetadata {
  return {
    tilgangsrestriksjon: null,
    skjermingshjemmel: null,
    skjermingMetadata: [],
    skjermingDokument: null,
    skjermingsvarighet: null,
    skjermingOpphoererDato: null,
    offentligTittel: title,
  };
}

/**
 * The access of an upload (case documents): an explicit legal basis makes it exempt, or partly exempt when the
 * basis covers only the information; a bare `restricted: true` keeps no basis, so checkAccess refuses it —
 * an exemption is never assumed (§ 23 tredje ledd lifts at award; § 13 never does, so the basis must be chosen).
 */
export function accessOfUpload(upload: {
  restricted?: boolean;
  accessStatus?: AccessStatus;
  legalBasis?: LegalBasis;
  shieldedWords?: string[];
}): AccessInput {
  const basis = upload.legalBasis ?? null;
  const inferred: AccessStatus =
    basis === null
      ? upload.restricted
        ? 'exempt'
        : 'public'
      : basis !== 'offl14' && legalBases[basis].informationOnly
        ? 'partlyExempt'
        : 'exempt';
  const accessStatus = upload.accessStatus ?? inferred;
  return {
    accessStatus,
    legalBasis: accessStatus === 'public' && upload.legalBasis === undefined ? null : basis,
    shieldedWords: upload.shieldedWords ?? [],
  };
}
