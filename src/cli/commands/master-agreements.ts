import fs from 'node:fs';
import type { Command } from 'commander';
import { and, eq } from 'drizzle-orm';
import { organisations } from '../../db/core.tables.js';
import { importArticleMappings } from '../../features/master-agreements/index.js';
import { badRequest } from '../../shared/app-error.js';
import { uuid } from '../../shared/schemas.js';
import { withCli } from '../context.js';
import { importGroup } from './spend.js';

export function registerMasterAgreementCommands(program: Command) {
  importGroup(program)
    .command('article-mappings')
    .argument('<file>', 'CSV or XLSX with the columns lokalt_artikkelnummer and masterartikkelnummer')
    .description(
      "Load an HF's local → master article numbers for a master agreement: all rows or none (streamed)",
    )
    .requiredOption('--master-agreement <id>', 'the master agreement (id from /masteravtaler)')
    .requiredOption('--hf <code>', 'the HF by organisation code, e.g. UNIVERSITETSSYKEHUSET-NORD-NORGE-HF')
    .option('--dry-run', 'check the file and report what would change, without storing anything')
    .action((file: string, options: { masterAgreement: string; hf: string; dryRun?: boolean }) =>
      withCli(async ({ database, actor }) => {
        if (!fs.existsSync(file)) throw badRequest(`Finner ikke filen ${file}.`);
        if (!uuid.safeParse(options.masterAgreement).success)
          throw badRequest('Masteravtalen angis med sin id (en UUID).');
        const [hf] = await database.db
          .select()
          .from(organisations)
          .where(and(eq(organisations.code, options.hf.toUpperCase()), eq(organisations.kind, 'HF')));
        if (!hf) throw badRequest(`Finner ikke helseforetaket ${options.hf}.`);
        // The operator at the database's command line acts with the secretariat's grant; the audit names them.
        const summary = await importArticleMappings(
          database.db,
          { ...actor, roles: [{ role: 'secretariat', organisationId: '' }] },
          options.masterAgreement,
          hf.id,
          {
            stream: fs.createReadStream(file),
            format: file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
          },
          { dryRun: options.dryRun ?? false },
        );
        console.log(
          `${summary.dryRun ? 'Prøvekjøring (ingenting lagret)' : 'Importert'}: ${summary.rows} artikkelnumre for ${hf.name}, ${summary.mappedMasterArticles} av ${summary.masterArticles} masterartikler mappet${summary.dryRun ? '' : `, ${summary.replaced} tidligere erstattet`}.`,
        );
      }),
    );
}
