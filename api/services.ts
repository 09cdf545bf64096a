import type { ProcessRuntime } from '../engine/index.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DefinitionRegistry } from './procedures/definition-registry.js';
import type { Deadlines } from './dossiers/deadlines.js';

/** Long-lived collaborators shared by all requests of one process. */
export interface Services {
  config: Config;
  db: Database;
  runtime: ProcessRuntime;
  definitions: DefinitionRegistry;
  deadlines: Deadlines;
  /** The current instant; tests and what-if tools pin it. */
  clock: () => Date;
}
