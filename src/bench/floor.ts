// The floor: a bare node process that opens the database with better-sqlite3 and runs the SQL
// the console ran (captured from the real code), nothing else.
import { bareMain } from './bare-job.js';

bareMain();
