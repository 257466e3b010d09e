import fs from 'node:fs';
import type { Command } from 'commander';
import {
  MAX_AGREEMENT_FILE_BYTES,
  readAgreementTables,
  readCsvTable,
  readXlsxTables,
} from '../../features/agreements/agreement-file.js';
import { importAgreements } from '../../features/agreements/agreements.service.js';
import * as organisationsRepo from '../../features/organisations/organisations.repo.js';
import { badRequest } from '../../shared/app-error.js';
import { withCli } from '../context.js';
import { importGroup } from './spend.js';

export function registerAgreementCommands(program: Command) {
  importGroup(program)
    .command('agreements')
    .argument('<file>', 'CSV, or XLSX with the sheets «Avtaler» and «Artikler»')
    .description(
      'Load agreements (avtaleregister) with their articles: all rows or none, with row-numbered errors',
    )
    .option('--articles <file>', 'articles as a separate CSV (with a CSV agreement file)')
    .option('--dry-run', 'check the file and report what would change, without storing anything')
    .action((file: string, options: { articles?: string; dryRun?: boolean }) =>
      withCli(async ({ database, actor }) => {
        for (const name of [file, options.articles].filter((n): n is string => Boolean(n))) {
          if (!fs.existsSync(name)) throw badRequest(`Finner ikke filen ${name}.`);
          if (fs.statSync(name).size > MAX_AGREEMENT_FILE_BYTES)
            throw badRequest(`Filen ${name} er for stor.`);
        }
        const tables = file.toLowerCase().endsWith('.xlsx')
          ? await readXlsxTables(fs.readFileSync(file))
          : {
              agreements: readCsvTable(fs.readFileSync(file, 'utf8')),
              articles: options.articles
                ? readCsvTable(fs.readFileSync(options.articles, 'utf8'), 'Artikler')
                : null,
            };
        const orgs = await organisationsRepo.listOrganisations(database.db);
        const rows = readAgreementTables(
          tables.agreements,
          tables.articles,
          new Map(orgs.map((o) => [o.code, o])),
        );
        const summary = await importAgreements(database.db, actor, rows, { dryRun: options.dryRun ?? false });
        console.log(
          `${summary.dryRun ? 'Prøvekjøring (ingenting lagret)' : 'Importert'}: ${summary.agreements} avtaler – ${summary.created} nye, ${summary.updated} endret, ${summary.articles} artikler.`,
        );
      }),
    );
}
