import { Command } from 'commander';
import { registerAgreementCommands } from './commands/agreements.js';
import { registerMasterAgreementCommands } from './commands/master-agreements.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerImportCommands } from './commands/import.js';
import { registerJournalCommands } from './commands/journal.js';
import { registerPortfolioCommands } from './commands/portfolio.js';
import { registerReportCommands } from './commands/report.js';
import { registerSeedCommand } from './commands/seed.js';
import { registerSecretariatCommands } from './commands/secretariat.js';
import { registerSpendCommands } from './commands/spend.js';
import { registerUserCommands } from './commands/users.js';
import { reportCliError } from './context.js';

const program = new Command()
  .name('styr')
  .description(
    'Styringsportalen: administration, imports, exports and reports. Uses PGlite under STYR_DATA_DIR (default ./data), or DATABASE_URL.',
  );
registerSeedCommand(program);
registerSecretariatCommands(program);
registerImportCommands(program);
registerSpendCommands(program);
registerAgreementCommands(program);
registerMasterAgreementCommands(program);
registerUserCommands(program);
registerReportCommands(program);
registerPortfolioCommands(program);
registerAuditCommands(program);
registerJournalCommands(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportCliError(error);
}
