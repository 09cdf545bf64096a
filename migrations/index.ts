import { Migration20261203162446 } from './Migration20261203162446.js';
import { Migration20261203165958 } from './Migration20261203165958.js';
import { Migration20261203170908 } from './Migration20261203170908.js';
import { Migration20261203171117 } from './Migration20261203171117.js';
import { Migration20261203174249 } from './Migration20261203174249.js';
import { Migration20261203183456 } from './Migration20261203183456.js';
import { Migration20261203185945 } from './Migration20261203185945.js';

/** Every migration, in order: loaded statically so the same list runs under tsx, vitest and node. Append new ones. */
export const migrationsList = [
  { name: 'Migration20261203162446', class: Migration20261203162446 },
  { name: 'Migration20261203165958', class: Migration20261203165958 },
  { name: 'Migration20261203170908', class: Migration20261203170908 },
  { name: 'Migration20261203171117', class: Migration20261203171117 },
  { name: 'Migration20261203174249', class: Migration20261203174249 },
  { name: 'Migration20261203183456', class: Migration20261203183456 },
  { name: 'Migration20261203185945', class: Migration20261203185945 },
];
