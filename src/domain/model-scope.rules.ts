// Which procurements belong to Sykehusinnkjøp's national and multi-regional governance model. Pure.
// Outside it: lokal and regional procurements; the category the RHFs run themselves (seed 001 V01 §6.2);
// and an ongoing procurement marked "Nei" in Vedlegg 04, which finishes in the old model (§10.4).
import { isInNationalModel, levelLabels, type ProcurementLevel } from './level.rules.js';

export type OutsideModelReason = 'runByRhf' | 'oldModel' | 'level';

export interface ModelScopeInput {
  level: ProcurementLevel | null;
  /** Who runs the procurement's category (a purchase group inherits its category's). */
  categoryRunBy: 'SHI' | 'RHF';
  categoryName: string;
  /** Vedlegg 04 "Overgang til ny modell": false for the procurements that stay in the old model. */
  transferToNewModel: boolean;
}

/** Why the procurement is outside the model, or null when it is in it (or its level is not known yet). */
export function outsideModel(input: ModelScopeInput): { reason: OutsideModelReason; message: string } | null {
  if (input.categoryRunBy === 'RHF')
    return {
      reason: 'runByRhf',
      message: `${input.categoryName} gjennomføres av de regionale helseforetakene selv og er utenfor Sykehusinnkjøps styringsmodell (ingen styringsgruppe, ingen faseporter).`,
    };
  if (!input.transferToNewModel)
    return {
      reason: 'oldModel',
      message:
        'Anskaffelsen ble startet før styringsgruppen ble etablert og fullføres i den gamle modellen (overgang til ny modell: Nei); den tar ikke saker i styringsgruppen.',
    };
  if (input.level !== null && !isInNationalModel(input.level))
    return {
      reason: 'level',
      message: `En ${levelLabels[input.level].toLowerCase()} anskaffelse er utenfor den nasjonale styringsmodellen (ingen styringsgruppe, ingen faseporter).`,
    };
  return null;
}
