import type { CreatePerson, Person } from '@server/features/people/people.schemas.js';
import { api } from '../../shared/api-client.js';

export type { Person };
export const peoplePath = '/api/people';

export const createPerson = (body: Partial<CreatePerson>) => api.post<Person>(peoplePath, body);
