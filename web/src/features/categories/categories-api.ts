import type {
  Category,
  CreateCategory,
  ImportSummary,
  UpdateCategory,
} from '@server/features/categories/categories.schemas.js';
import { api, withQuery } from '../../shared/api-client.js';
import { compareNb } from '../../shared/format.js';

export type { Category, ImportSummary };
export const categoriesPath = '/api/categories';

export type CategoryInput = Partial<CreateCategory>;

export const createCategory = (body: CategoryInput) => api.post<Category>(categoriesPath, body);
export const updateCategory = (id: string, body: UpdateCategory) =>
  api.patch<Category>(`${categoriesPath}/${id}`, body);

export function importCategories(csv: string, isDryRun: boolean): Promise<ImportSummary> {
  return api.post<ImportSummary>(
    withQuery(`${categoriesPath}/import`, { dryRun: String(isDryRun) }),
    undefined,
    {
      text: { body: csv, contentType: 'text/csv' },
    },
  );
}

export interface CategoryNode {
  category: Category;
  purchaseGroups: Category[];
}

/** The flat list as a two-level tree: categories by code, each with its purchase groups. */
export function buildCategoryTree(categories: readonly Category[]): CategoryNode[] {
  const byCode = (a: Category, b: Category) => compareNb(a.code, b.code);
  return categories
    .filter((category) => category.kind === 'category')
    .sort(byCode)
    .map((category) => ({
      category,
      purchaseGroups: categories.filter((child) => child.parentId === category.id).sort(byCode),
    }));
}
