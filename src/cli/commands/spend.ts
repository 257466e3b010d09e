import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { MAX_EHF_FILE_BYTES } from '../../features/spend/ehf-parser.js';
import { parseColumnMapping, parseRatesCsv, parseSpendCsv } from '../../features/spend/spend-csv.js';
import {
  importSpendDocuments,
  ingestEhfFiles,
  type IngestReport,
} from '../../features/spend/spend-ingest.service.js';
import { getBreakdown, getSummary } from '../../features/spend/spend-kpi.service.js';
import { spendDirectory } from '../../features/spend/spend.config.js';
import { dimensions, spendFilterSchema } from '../../features/spend/spend.schemas.js';
import { importRates } from '../../features/spend/spend.service.js';
import { openSpendStore } from '../../features/spend/spend-store.js';
import { badRequest } from '../../shared/app-error.js';
import { withCli } from '../context.js';

/** The `import` command group, created by whichever register function runs first. */
export function importGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'import') ??
    program.command('import').description('Import data files')
  );
}

const nok = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 });
const pct = (value: number | null) => (value === null ? '–' : percent.format(value));

function printReport(report: IngestReport) {
  console.log(
    `${report.dryRun ? 'Prøvekjøring (ingenting lagret)' : 'Importert'}: ${report.files} filer – ${report.invoices} fakturaer, ${report.creditNotes} kreditnotaer, ${report.lines} linjer.`,
  );
  if (report.linesWithoutRate > 0)
    console.log(
      `  ${report.linesWithoutRate} linjer i annen valuta uten kurs (flagget, ikke regnet som NOK).`,
    );
  for (const duplicate of report.duplicates)
    console.log(
      `  duplikat: ${duplicate.file} – faktura ${duplicate.invoiceNumber} fra ${duplicate.supplier} finnes fra ${duplicate.firstSeenIn}`,
    );
  for (const rejected of report.rejected) console.log(`  avvist: ${rejected.file} – ${rejected.reason}`);
}

export function registerSpendCommands(program: Command) {
  const importCommand = importGroup(program);
  importCommand
    .command('ehf')
    .argument('<dir>', 'folder with EHF / Peppol BIS Billing 3.0 XML files (invoices and credit notes)')
    .description(
      'Import EHF invoices into the spend store; bad files are reported per file and store nothing',
    )
    .option('--dry-run', 'check the files without storing anything')
    .action((dir: string, options: { dryRun?: boolean }) =>
      withCli(async ({ database, actor, config }) => {
        const folder = z.string().min(1).parse(dir);
        if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())
          throw badRequest(`Finner ikke mappen ${folder}.`);
        const names = fs
          .readdirSync(folder)
          .filter((name) => name.toLowerCase().endsWith('.xml'))
          .sort();
        const files = names.map((name) => ({
          name,
          read: () => {
            const file = path.join(folder, name);
            if (fs.statSync(file).size > MAX_EHF_FILE_BYTES) throw new Error('filen er større enn 20 MB');
            return fs.readFileSync(file, 'utf8');
          },
        }));
        const store = await openSpendStore(spendDirectory(config));
        const bar = new SingleBar(
          { format: 'EHF {bar} {value}/{total} filer', hideCursor: true },
          Presets.shades_classic,
        );
        try {
          if (process.stderr.isTTY) bar.start(files.length, 0);
          const report = await ingestEhfFiles({ db: database.db, store }, actor, files, {
            dryRun: options.dryRun ?? false,
            batchSize: 2000,
            onProgress: (done) => bar.update(done),
          });
          bar.stop();
          printReport(report);
          if (report.rejected.length > 0) process.exitCode = 2;
        } finally {
          bar.stop();
          store.close();
        }
      }),
    );
  importCommand
    .command('spend')
    .argument('<file>', 'accounts-payable / ERP export as CSV')
    .description(
      'Import spend lines from CSV; columns fakturanummer, fakturadato, leverandor_orgnr, kjoper_orgnr, belop, … or a mapping',
    )
    .option(
      '--mapping <pairs>',
      'column mapping, e.g. amount=Beløp,issueDate=Bilagsdato,invoiceNumber=Bilagsnr',
    )
    .option('--dry-run', 'check the file without storing anything')
    .action((file: string, options: { mapping?: string; dryRun?: boolean }) =>
      withCli(async ({ database, actor, config }) => {
        if (!fs.existsSync(file)) throw badRequest(`Finner ikke filen ${file}.`);
        const documents = parseSpendCsv(fs.readFileSync(file, 'utf8'), parseColumnMapping(options.mapping));
        const store = await openSpendStore(spendDirectory(config));
        try {
          printReport(
            await importSpendDocuments({ db: database.db, store }, actor, documents, {
              dryRun: options.dryRun ?? false,
              fileName: path.basename(file),
            }),
          );
        } finally {
          store.close();
        }
      }),
    );
  importCommand
    .command('rates')
    .argument('<file>', 'exchange rates: valuta;dato;kurs (NOK per unit), or Norges Bank CSV')
    .description('Import exchange rates used to convert foreign-currency invoices to NOK')
    .option('--dry-run', 'check the file without storing anything')
    .action((file: string, options: { dryRun?: boolean }) =>
      withCli(async ({ database, actor }) => {
        if (!fs.existsSync(file)) throw badRequest(`Finner ikke filen ${file}.`);
        const summary = await importRates(database.db, actor, parseRatesCsv(fs.readFileSync(file, 'utf8')), {
          dryRun: options.dryRun ?? false,
        });
        console.log(
          `${summary.dryRun ? 'Prøvekjøring' : 'Importert'}: ${summary.rates} kurser (${summary.currencies.join(', ')}).`,
        );
      }),
    );

  program
    .command('spend')
    .description(
      'Print the spend KPIs (avtaledekning, avtalelojalitet, lekkasjekjøp, fritekstkjøp, e-handelsandel)',
    )
    .option('--from <month>', 'first month, YYYY-MM')
    .option('--to <month>', 'last month, YYYY-MM')
    .option('--rhf <code>', 'RHF code')
    .option('--hf <code>', 'organisation code')
    .option('--category <code>', 'category code')
    .option('--by <dimension>', `break down by ${dimensions.join(', ')}`)
    .action((options: Record<string, string | undefined>) =>
      withCli(async ({ database, config }) => {
        const { by, ...rest } = options;
        const filter = spendFilterSchema.parse(rest);
        const dimension = by === undefined ? undefined : z.enum(dimensions).parse(by);
        const store = await openSpendStore(spendDirectory(config));
        try {
          const deps = { db: database.db, store };
          const { measures } = await getSummary(deps, filter);
          console.log(
            `Forbruk ${nok.format(Number(measures.total))} · avtaledekning ${pct(measures.coverage)} (mål 85 %) · avtalelojalitet ${pct(measures.loyalty)} · lekkasjekjøp ${nok.format(Number(measures.leakage))} · fritekstkjøp ${pct(measures.freeTextShare)} · e-handelsandel ${pct(measures.eProcurementShare)} · uklassifisert ${pct(measures.unclassifiedShare)}`,
          );
          if (dimension)
            for (const row of await getBreakdown(deps, filter, dimension, 50))
              console.log(
                `${row.key.padEnd(24)} ${row.name.slice(0, 40).padEnd(40)} ${nok.format(Number(row.total)).padStart(18)}  dekning ${pct(row.coverage).padStart(7)}  lojalitet ${pct(row.loyalty).padStart(7)}`,
              );
        } finally {
          store.close();
        }
      }),
    );
}
