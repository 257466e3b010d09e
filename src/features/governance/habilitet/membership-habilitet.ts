// Governance's habilitet view of steering-group members, handed to the steering-groups service as its port
// (governance uses steering groups, so they cannot import it back).
import type { MembershipHabilitet } from '../../steering-groups/index.js';
import { listAppointmentChecks } from './habilitet.repo.js';
import { listLastingWarnings } from './lasting-inhabilitet.js';

export const membershipHabilitet: MembershipHabilitet = { listAppointmentChecks, listLastingWarnings };
