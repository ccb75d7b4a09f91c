/**
 * How the dashboard fits its height: three rows of panels (status | running, tokens | schedules,
 * audit), each a title and its lines. When every line fits, a blank line separates the rows; when
 * not, the rows share the lines so each keeps its title and at least one line, and a panel cut
 * short says how many lines it hides — nothing is drawn over anything else.
 */
export interface DashboardLayout {
  /** content lines (below the title) of each row */
  readonly budgets: number[];
  /** blank lines between rows */
  readonly gap: number;
}

/** Lines for each row: all they need when they fit, else the largest cut first (water-filling). */
export function dashboardLayout(needs: readonly number[], height: number): DashboardLayout {
  const titles = needs.length;
  const want = needs.map((n) => Math.max(1, n));
  const total = want.reduce((a, b) => a + b, 0);
  const gaps = needs.length - 1;
  if (total + titles + gaps <= height) return { budgets: want, gap: 1 };
  const lines = Math.max(needs.length, height - titles);
  // the largest cap c with sum(min(need, c)) <= lines; what is left goes to the rows cut short, in order
  const most = Math.max(...want);
  let cap = 1;
  while (cap < most && want.reduce((a, n) => a + Math.min(n, cap + 1), 0) <= lines) cap++;
  const budgets = want.map((n) => Math.min(n, cap));
  let left = lines - budgets.reduce((a, b) => a + b, 0);
  for (let i = 0; i < budgets.length && left > 0; i++) {
    if (want[i]! > budgets[i]!) {
      budgets[i]!++;
      left--;
    }
  }
  return { budgets, gap: 0 };
}

export interface Clipped<T> {
  readonly shown: T[];
  /** lines hidden above and below the window */
  readonly above: number;
  readonly below: number;
}

/**
 * At most `budget` lines of `items`, the `selected` one always among them; when some are hidden
 * one line of the budget is kept for saying so.
 */
export function clipLines<T>(items: readonly T[], budget: number, selected = -1): Clipped<T> {
  if (items.length <= budget) return { shown: [...items], above: 0, below: 0 };
  const room = Math.max(1, budget - 1);
  const start = selected < 0 ? 0 : Math.max(0, Math.min(selected - room + 1, items.length - room));
  return { shown: items.slice(start, start + room), above: start, below: items.length - start - room };
}
