// The app's one spend store (Parquet files + the KPI engine's DuckDB instance), opened on first use and closed
// with the app. Every feature that reads spend asks for it here, so the server holds one engine.
import type { App, AppDeps } from '../../shared/http.js';
import { spendDirectory } from './spend.config.js';
import { openSpendStore, type SpendStore } from './spend-store.js';

const stores = new WeakMap<App, () => Promise<SpendStore>>();

/** The app's spend store; `deps.spendStore` (tests) is used as given and left open. */
export function appSpendStore(
  app: App,
  deps: AppDeps & { spendStore?: SpendStore },
): () => Promise<SpendStore> {
  const known = stores.get(app);
  if (known) return known;
  // The DuckDB store opens on first use, so starting the app touches no spend files.
  let opened: Promise<SpendStore> | null = deps.spendStore ? Promise.resolve(deps.spendStore) : null;
  const store = () => (opened ??= openSpendStore(spendDirectory(deps.config)));
  app.addHook('onClose', async () => {
    if (opened && !deps.spendStore) (await opened).close();
  });
  stores.set(app, store);
  return store;
}
