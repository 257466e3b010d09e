// Helse Nord's Styringsmodell for innkjøp (seed 000, annex to board case 173-2021) as the first version of the
// region's configuration. Another region is configured the same way (PUT /api/governance-models/:regionCode).
import type { RegionalModelConfig } from '../../domain/governance-bodies.rules.js';

export const HELSE_NORD_CODE = 'HN';

export const helseNordModel: RegionalModelConfig = {
  bodies: [
    {
      code: 'HN-DM',
      name: 'Direktørmøte',
      kind: 'directorMeeting',
      description:
        'Direktørene i helseforetakene. Peker retning for samhandling og samordning, og avklarer saker der Strategisk innkjøpsforum eller Innkjøpsforum ikke kommer til enighet (§4).',
      secretariatCode: 'HN',
      escalationTargetCode: null,
      mandates: ['settleDisagreement'],
    },
    {
      code: 'HN-SIF',
      name: 'Strategisk innkjøpsforum',
      kind: 'strategicForum',
      description:
        'Linje 2-ledere fra alle helseforetakene; Sykehusinnkjøp divisjon nord er sekretariat. Godkjenner planer og strategier, oppnevner anskaffelsesstyrer og tar stilling til hvem som fatter beslutningene i den enkelte anskaffelsen (§6).',
      secretariatCode: 'SHI-NORD',
      escalationTargetCode: 'HN-DM',
      mandates: [
        'approveProcurementPlan',
        'approveCategoryStrategy',
        'appointProcurementBoard',
        'appointNationalRepresentatives',
        'setDecisionLevel',
      ],
    },
    {
      code: 'HN-AS',
      name: 'Anskaffelsesstyre Helse Nord',
      kind: 'procurementBoard',
      description:
        'Det faste anskaffelsesstyret, i utgangspunktet innkjøpssjefene i helseforetakene. Sykehusinnkjøp forbereder møter og innkaller (§6).',
      secretariatCode: 'SHI-NORD',
      escalationTargetCode: 'HN-SIF',
      mandates: [
        'approveProjectPlan',
        'approveProjectGroup',
        'approveTenderDocuments',
        'approveRejections',
        'approveSupplierRecommendation',
        'contractManagement',
        'recommendInNationalProcurement',
      ],
    },
    {
      code: 'HN-PG',
      name: 'Prosjektgruppe',
      kind: 'projectGroup',
      description:
        'Oppnevnes per anskaffelse av anskaffelsesstyret; alle berørte helseforetak er representert med mindre styret bestemmer noe annet. Sykehusinnkjøp leder arbeidet. Enkle anskaffelser kan delegeres hit (§6).',
      secretariatCode: 'SHI-NORD',
      escalationTargetCode: 'HN-AS',
      mandates: [
        'recommendToBoard',
        'approveProjectPlan',
        'approveTenderDocuments',
        'approveSupplierRecommendation',
      ],
    },
    {
      code: 'HN-IMP',
      name: 'Implementeringsforum',
      kind: 'implementationForum',
      description:
        'Fast møtepunkt for å overlevere tildelte avtaler til driften i helseforetakene; fasilitert av avtaleforvaltere i Sykehusinnkjøp divisjon nord (§6).',
      secretariatCode: 'SHI-NORD',
      escalationTargetCode: 'HN-IF',
      mandates: ['implementAgreements'],
    },
    {
      code: 'HN-IF',
      name: 'Innkjøpsforum',
      kind: 'purchasingForum',
      description:
        'Innkjøpssjefene i helseforetakene, fasilitert av Helse Nord RHF. Eier innholdet i registrene, fordeler kategoriansvar og følger opp implementering. Uenighet går til Direktørmøtet (§7, §8).',
      secretariatCode: 'HN',
      escalationTargetCode: 'HN-DM',
      mandates: [
        'coordinatePurchasing',
        'distributeCategoryResponsibility',
        'followUpImplementation',
        'ownRegisterContent',
      ],
    },
    {
      code: 'HN-REFIL',
      name: 'REFIL – Regional forvaltningsenhet for innkjøp og logistikk',
      kind: 'registerGroup',
      description:
        'Under Innkjøpsseksjonen i Helse Nord RHF: drifter Clockwork, vedlikeholder artikkel-, leverandør-, avtale- og EHF-registre og oppretter masteravtaler (§8).',
      secretariatCode: 'HN',
      escalationTargetCode: 'HN-IF',
      mandates: ['maintainRegisters', 'createMasterAgreement'],
    },
  ],
};
