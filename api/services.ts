import type { ProcessRuntime } from '../engine/index.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { DefinitionRegistry } from './procedures/definition-registry.js';
import type { Deadlines } from './dossiers/deadlines.js';
import type { CalendarProvider } from './calendar/calendar-provider.js';

/** Long-lived collaborators shared by all requests of one process. */
export interface Services {
  config: Config;
  db: Database;
  runtime: ProcessRuntime;
  definitions: DefinitionRegistry;
  deadlines: Deadlines;
  /** The working calendar every deadline uses: seeded official years + the `calendar_day` rows. */
  calendar: CalendarProvider;
  /** The current instant; tests and what-if tools pin it. */
  clock: () => Date;
}
