// Risk profile from the 15 risk parameters (seed 001 §5.1.3: "totaliteten av risikoparameterne").
// The rule is configuration (RiskRule); the default is documented on riskRuleDefault. Pure.
export type Level3 = 'høy' | 'medium' | 'lav';

export const riskParameters = [
  {
    key: 'forsyningskritikalitet',
    label: 'Forsyningskritikalitet',
    help: 'Hvor alvorlig er det for pasientbehandlingen om leveransen svikter? 1 = lett å klare seg uten, 5 = behandling stopper.',
  },
  {
    key: 'pasientsikkerhet',
    label: 'Pasientsikkerhet',
    help: 'Kan produktet eller tjenesten skade pasienter ved feil, mangler eller feil bruk? 1 = ingen risiko, 5 = alvorlig skade mulig.',
  },
  {
    key: 'markedskonsentrasjon',
    label: 'Markedskonsentrasjon',
    help: 'Hvor få leverandører dominerer markedet? 1 = mange likeverdige, 5 = én eller to leverandører.',
  },
  {
    key: 'forventetKonkurranse',
    label: 'Forventet konkurranse',
    help: 'Hvor lite konkurranse ventes om kontrakten? 1 = mange gode tilbud, 5 = ett eller ingen tilbud.',
  },
  {
    key: 'kontraktsverdi',
    label: 'Kontraktsverdi',
    help: 'Samlet verdi over hele avtaleperioden. 1 = under terskelverdi, 5 = flere hundre millioner.',
  },
  {
    key: 'varighetOgBindingstid',
    label: 'Varighet og bindingstid',
    help: 'Hvor lenge binder avtalen virksomhetene? 1 = kort og lett å avslutte, 5 = lang binding, høye byttekostnader.',
  },
  {
    key: 'kompleksitetIKrav',
    label: 'Kompleksitet i krav',
    help: 'Hvor vanskelig er det å spesifisere behovet? 1 = standardvare, 5 = sammensatte og nye krav.',
  },
  {
    key: 'implementeringskompleksitet',
    label: 'Implementeringskompleksitet',
    help: 'Hvor krevende er innføringen i helseforetakene? 1 = ingen endring, 5 = omfattende omlegging.',
  },
  {
    key: 'iktIntegrasjon',
    label: 'IKT-integrasjon',
    help: 'Må løsningen integreres med kliniske eller administrative systemer? 1 = nei, 5 = mange kritiske integrasjoner.',
  },
  {
    key: 'informasjonssikkerhetOgPersonvern',
    label: 'Informasjonssikkerhet og personvern',
    help: 'Behandles helseopplysninger eller andre sensitive data? 1 = nei, 5 = store mengder særlige kategorier.',
  },
  {
    key: 'juridiskRisikoOgKlagerisiko',
    label: 'Juridisk risiko og klagerisiko',
    help: 'Hvor sannsynlig er klage, KOFA-sak eller rettslig tvist? 1 = lite sannsynlig, 5 = svært sannsynlig.',
  },
  {
    key: 'samfunnsansvarOgEtiskHandel',
    label: 'Samfunnsansvar og etisk handel',
    help: 'Risiko for brudd på menneskerettigheter og arbeidsforhold i leverandørkjeden. 1 = lav, 5 = høy.',
  },
  {
    key: 'miljoOgKlima',
    label: 'Miljø og klima',
    help: 'Miljø- og klimabelastning fra produkt, transport og avfall. 1 = ubetydelig, 5 = betydelig.',
  },
  {
    key: 'standardiseringsbehov',
    label: 'Standardiseringsbehov',
    help: 'Hvor stort er behovet for å samordne produkter og praksis på tvers av regionene? 1 = lite, 5 = stort.',
  },
  {
    key: 'tidskritikalitet',
    label: 'Tidskritikalitet',
    help: 'Hvor alvorlig er forsinkelse, f.eks. når gjeldende avtale løper ut? 1 = god tid, 5 = ingen slakk.',
  },
] as const;

export type RiskParameterKey = (typeof riskParameters)[number]['key'];
export type RiskScores = Record<RiskParameterKey, number>;

export interface RiskRule {
  /** Mean score at or above which the profile is høy / medium. */
  highMeanAtLeast: number;
  mediumMeanAtLeast: number;
  /** A score of 5 on any of these makes the profile høy whatever the mean. */
  criticalParameters: RiskParameterKey[];
  /** A score of 5 on any other parameter makes the profile at least medium. */
  anyFiveRaisesToMedium: boolean;
}

/**
 * Default: høy when the mean of the 15 scores is ≥ 3.5 or forsyningskritikalitet or pasientsikkerhet is 5;
 * medium when the mean is ≥ 2.5 or any parameter is 5; otherwise lav.
 */
export const riskRuleDefault: RiskRule = {
  highMeanAtLeast: 3.5,
  mediumMeanAtLeast: 2.5,
  criticalParameters: ['forsyningskritikalitet', 'pasientsikkerhet'],
  anyFiveRaisesToMedium: true,
};

export function assessRisk(
  scores: RiskScores,
  rule: RiskRule = riskRuleDefault,
): { profile: Level3; mean: number; reasons: string[] } {
  const values = riskParameters.map((parameter) => scores[parameter.key]);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const rounded = Math.round(mean * 100) / 100;
  const critical = rule.criticalParameters.filter((key) => scores[key] === 5);
  const labelOf = (key: RiskParameterKey) =>
    riskParameters.find((parameter) => parameter.key === key)!.label.toLowerCase();
  if (critical.length > 0) {
    return {
      profile: 'høy',
      mean: rounded,
      reasons: [`${critical.map(labelOf).join(' og ')} har høyeste score (5)`],
    };
  }
  if (mean >= rule.highMeanAtLeast)
    return {
      profile: 'høy',
      mean: rounded,
      reasons: [`gjennomsnittlig score ${rounded} ≥ ${rule.highMeanAtLeast}`],
    };
  if (mean >= rule.mediumMeanAtLeast)
    return {
      profile: 'medium',
      mean: rounded,
      reasons: [`gjennomsnittlig score ${rounded} ≥ ${rule.mediumMeanAtLeast}`],
    };
  const fives = riskParameters
    .filter((parameter) => scores[parameter.key] === 5)
    .map((parameter) => parameter.key);
  if (rule.anyFiveRaisesToMedium && fives.length > 0) {
    return {
      profile: 'medium',
      mean: rounded,
      reasons: [`${fives.map(labelOf).join(', ')} har høyeste score (5)`],
    };
  }
  return {
    profile: 'lav',
    mean: rounded,
    reasons: [`gjennomsnittlig score ${rounded} < ${rule.mediumMeanAtLeast}`],
  };
}
