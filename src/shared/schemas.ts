// Zod building blocks shared by server, web and CLI.
import { z } from 'zod';

// Validation messages in Norwegian for every schema, on the server, in the web app and in the CLI.
z.config(z.locales.no());

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dato må skrives som ÅÅÅÅ-MM-DD')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: 'Ugyldig dato',
    },
  );

export const uuid = z.string().uuid('Ugyldig id');

/** Free search text: PostgreSQL text cannot hold the NUL character, so it is refused here with a 400. */
export const searchText = (max = 200) =>
  z
    .string()
    .max(max, `Høyst ${max} tegn`)
    .refine((value) => !value.includes('\u0000'), 'Søketeksten kan ikke inneholde tegnet NUL');
export const idParams = z.object({ id: uuid });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string().optional(), row: z.number().optional(), message: z.string() })),
});

/** Amounts stay decimal strings end to end: never a float. */
export const nokAmount = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim().replace(/\s/g, '').replace(',', '.'))
  .refine((value) => /^-?\d{1,16}(\.\d{1,2})?$/.test(value), {
    message: 'Beløp må være et tall i kroner (høyst to desimaler)',
  })
  .refine((value) => !value.startsWith('-'), { message: 'Beløp kan ikke være negativt' });

/** Limit/offset paging of a list endpoint; the answer carries the total matching the filter. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Rows per page (at most 500)'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
};
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
