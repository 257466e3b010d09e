// `styr report portfolio` and `styr export ocds`: the portfolio report as PDF/XLSX/CSV and the OCDS package.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { exportOcds } from '../../features/open-data/open-data.service.js';
import { renderReportCsv } from '../../features/reporting/report-csv.js';
import { renderReportPdf } from '../../features/reporting/report-pdf.js';
import { renderReportXlsx } from '../../features/reporting/report-xlsx.js';
import { buildPortfolioReport } from '../../features/reporting/reporting.service.js';
import { badRequest } from '../../shared/app-error.js';
import { withCli } from '../context.js';

const portfolioArgs = z.object({
  steeringGroup: z.string().trim().min(1).optional(),
  category: z.string().trim().min(1).optional(),
  rhf: z.string().trim().min(1).optional(),
  format: z.enum(['pdf', 'xlsx', 'csv'], { message: 'Format må være pdf, xlsx eller csv' }),
  out: z.string().min(1, 'Oppgi fil med --out'),
});

function parseArgs<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw badRequest(
      'Ugyldige argumenter.',
      parsed.error.issues.map((issue) => ({
        path: `--${String(issue.path[0] ?? '')}`,
        message: issue.message,
      })),
    );
  return parsed.data;
}

export function registerPortfolioCommands(program: Command) {
  const report =
    program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('Reports');
  report
    .command('portfolio')
    .description('The portfolio report (one format for a steering group, category, RHF or everything)')
    .option('--steering-group <code>', 'steering-group code, e.g. KIR')
    .option('--category <code>', 'category or purchase-group code')
    .option('--rhf <code>', 'RHF code, e.g. HV')
    .requiredOption('--format <format>', 'pdf | xlsx | csv')
    .requiredOption('--out <file>', 'where to write the report')
    .action((raw: unknown) =>
      withCli(async ({ database, clock }) => {
        const args = parseArgs(portfolioArgs, raw);
        const query = args.steeringGroup
          ? ({ scope: 'steeringGroup', code: args.steeringGroup } as const)
          : args.category
            ? ({ scope: 'category', code: args.category } as const)
            : args.rhf
              ? ({ scope: 'rhf', code: args.rhf } as const)
              : ({ scope: 'all' } as const);
        const data = await buildPortfolioReport(database.db, query, clock.today());
        const body =
          args.format === 'pdf'
            ? await renderReportPdf(data)
            : args.format === 'xlsx'
              ? await renderReportXlsx(data)
              : renderReportCsv(data);
        await writeFile(args.out, body);
        console.log(
          `${data.title}: ${data.rows.length} anskaffelser, ${data.rollup.late} forsinket → ${args.out}`,
        );
      }),
    );
  program
    .command('export')
    .description('Exports')
    .command('ocds')
    .description('The portfolio as an OCDS 1.1.5 release package (JSON), checked before it is written')
    .requiredOption('--out <file>', 'where to write the JSON')
    .action((raw: unknown) =>
      withCli(async ({ database, clock }) => {
        const args = parseArgs(z.object({ out: z.string().min(1) }), raw);
        const pkg = await exportOcds(database.db, { clock });
        await writeFile(args.out, `${JSON.stringify(pkg, null, 2)}\n`);
        console.log(`${pkg.releases.length} releases → ${args.out}`);
      }),
    );
}
