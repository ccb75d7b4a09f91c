import type { DB } from '../connection.js';
import { shapedTables, type ShapedTables } from '../tables.js';

/** Every repository takes the DB by constructor injection (spec) and reads the file's shape from it. */
export abstract class BaseRepository {
  constructor(protected readonly db: DB) {}

  /** Table objects naming only the columns this file has; rebuilt when the schema changes. */
  protected get tables(): ShapedTables {
    return shapedTables(this.db.$client);
  }
}
