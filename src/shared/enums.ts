// Identifier lists shared by the database schema, the API schemas, the web app and the CLI.
export const roleIds = [
  'secretariat',
  'procurementLead',
  'steeringGroupMember',
  'rhfContact',
  'hfPurchasing',
  'readOnly',
  /** The Sykehusinnkjøp line (line management above the leder anskaffelse), V01 §7.3. */
  'shiLine',
] as const;

export const competenceAreaIds = ['okonomi', 'marked', 'fag'] as const;

export const procurementStatusIds = [
  'planned',
  'ongoing',
  'announced',
  'awarded',
  'completed',
  'cancelled',
] as const;

export const annualPlanStatusIds = ['draft', 'rhfFeedback', 'approved'] as const;

export const kpiSourceIds = [
  'manual',
  'onTimeDelivery',
  'categoryStrategies',
  'innovativeShare',
  'gainOnCompleted',
  'agreementCoverage',
] as const;
export const kpiDirectionIds = ['higherIsBetter', 'lowerIsBetter', 'withinRange', 'minimumBand'] as const;
