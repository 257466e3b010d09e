import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { importCategories } from '../../features/categories/categories.service.js';
import { parseCategoryCsv } from '../../features/categories/category-csv.js';
import { MAX_CATEGORY_FILE_BYTES } from '../../features/categories/categories.config.js';
import { badRequest } from '../../shared/app-error.js';
import { withCli } from '../context.js';

const fileArgument = z.string().min(1);

export function registerImportCommands(program: Command) {
  const importCommand = program.command('import').description('Import data files');
  importCommand
    .command('categories')
    .argument('<file>', 'CSV with columns code,name,parentCode,medical,runBy')
    .description('Load a full category structure: all rows or none, with row-numbered errors')
    .option('--dry-run', 'check the file and report what would change, without storing anything')
    .action((file: string, options: { dryRun?: boolean }) =>
      withCli(async ({ database, actor }) => {
        const path = fileArgument.parse(file);
        if (!fs.existsSync(path)) throw badRequest(`Finner ikke filen ${path}.`);
        if (fs.statSync(path).size > MAX_CATEGORY_FILE_BYTES)
          throw badRequest(`Filen er større enn ${MAX_CATEGORY_FILE_BYTES / 1024 / 1024} MB.`);
        const rows = parseCategoryCsv(fs.readFileSync(path, 'utf8'));
        const summary = await importCategories(database.db, actor, rows, { dryRun: options.dryRun ?? false });
        console.log(
          `${summary.dryRun ? 'Prøvekjøring (ingenting lagret)' : 'Importert'}: ${summary.rows} rader – ${summary.created} nye, ${summary.updated} endret, ${summary.unchanged} uendret.`,
        );
      }),
    );
}
