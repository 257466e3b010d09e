import { defineConfig } from 'drizzle-kit';

// Forward-only, timestamped SQL migrations, checked in and applied at start (src/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  migrations: { prefix: 'timestamp' },
});
