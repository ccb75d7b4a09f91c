/** Vocabulary the demo text is built from: a small SaaS codebase and its team. */

export const AREAS = [
  'authentication', 'billing', 'checkout', 'search', 'notifications', 'onboarding', 'reporting',
  'user profile', 'admin dashboard', 'webhooks', 'rate limiter', 'file uploads', 'invoice export',
  'session handling', 'audit trail', 'Slack integration', 'email templates', 'scheduler',
  'inventory sync', 'pricing page', 'permissions', 'API gateway', 'job queue', 'feature flags',
] as const;

export const MODULES = [
  'src/auth', 'src/billing', 'src/api', 'src/jobs', 'src/web/components', 'src/db', 'src/search',
  'src/notifications', 'src/integrations/slack', 'src/integrations/netsuite', 'packages/common',
  'packages/db', 'apps/admin', 'apps/worker', 'scripts', 'infra/terraform',
] as const;

export const FILE_NAMES = [
  'index.ts', 'service.ts', 'repository.ts', 'handler.ts', 'routes.ts', 'schema.ts', 'utils.ts',
  'client.ts', 'config.ts', 'types.ts', 'middleware.ts', 'worker.ts', 'validators.ts', 'cache.ts',
  'Button.tsx', 'Table.tsx', 'Modal.tsx', 'LoginForm.tsx', 'Invoice.tsx', 'Settings.tsx',
] as const;

export const ROOT_FILES = ['README.md', 'package.json', 'tsconfig.json', 'docker-compose.yml', '.github/workflows/ci.yml', 'CHANGELOG.md'] as const;

export const SYMPTOMS = [
  'returns a 500 when the payload is empty', 'times out under load', 'shows stale data after a refresh',
  'drops the last page of results', 'double-charges on retry', 'logs the user out every hour',
  'ignores the timezone of the account', 'crashes on emoji in the name', 'leaks a database connection',
  'sends the email twice', 'rounds totals the wrong way', 'fails when the list is longer than 100',
  'breaks on Safari', 'accepts an expired token', 'loses the sort order', 'hangs on large CSV files',
] as const;

export const FEATURES = [
  'CSV export', 'dark mode', 'bulk edit', 'audit history', 'two-factor login', 'saved filters',
  'usage quotas', 'retry with backoff', 'pagination', 'webhook signatures', 'SSO with Google',
  'keyboard shortcuts', 'a health check endpoint', 'per-team settings', 'soft delete', 'rate limits',
] as const;

export const QUALITIES = [
  'without breaking the public API', 'with tests', 'behind a feature flag', 'and update the docs',
  'keeping it backwards compatible', 'in small commits', 'and add logging', 'with a migration',
] as const;

export const ENVIRONMENTS = ['staging', 'production', 'preview', 'sandbox'] as const;
export const SERVICES = ['api', 'worker', 'web', 'scheduler', 'cloud service', 'agent'] as const;

export const ERRORS = [
  'Budget exceeded: estimated cost passed max_budget', 'Agent disconnected before the task finished',
  'TypeError: Cannot read properties of undefined (reading \'id\')', 'Command failed: npm test (exit code 1)',
  'Timed out after 30 minutes without output', 'git push rejected: non-fast-forward',
  'ENOENT: no such file or directory, open \'.env\'', 'Rate limited by the Anthropic API (429)',
  'SQLITE_BUSY: database is locked', 'Merge conflict in package-lock.json',
] as const;

export const COMMANDS_RUN = [
  'npm test', 'npm run build', 'npm run lint', 'npx tsc --noEmit', 'git status', 'git diff --stat',
  'git add -A', 'git commit -m "wip"', 'git push origin HEAD', 'npm ci', 'npx vitest run', 'ls -la',
  'grep -rn TODO src', 'docker compose up -d', 'npx prisma migrate deploy', 'railway logs --tail 200',
  'curl -s localhost:3000/health', 'cat package.json', 'node scripts/seed.js', 'npx eslint . --fix',
] as const;

export const FIRST_NAMES = [
  'alice', 'bob', 'carmen', 'dmitri', 'emeka', 'fatima', 'gustavo', 'hana', 'ivan', 'jia', 'kofi',
  'lena', 'mateo', 'nadia', 'oliver', 'priya', 'quentin', 'rosa', 'sven', 'tariq', 'uma', 'viktor',
  'wen', 'ximena', 'yusuf', 'zoe', 'aiko', 'bjorn', 'chloe', 'diego', 'elif', 'farid', 'greta',
  'hugo', 'ines', 'jonas', 'kira', 'luca', 'maya', 'nils',
] as const;

export const PROJECT_NAMES = [
  'acme-web', 'acme-api', 'billing-service', 'mobile-app', 'data-pipeline', 'marketing-site',
  'admin-portal', 'infra', 'design-system', 'search-service', 'notifications', 'erp-netsuite',
  'netsuite-suitelets', 'warehouse-sync', 'docs-site', 'customer-portal', 'analytics', 'auth-service',
  'payments', 'chatbot', 'legacy-monolith', 'partner-api', 'reporting', 'ml-models', 'ops-tools',
  'cli', 'sdk-js', 'sdk-python', 'status-page', 'internal-wiki',
] as const;

export const AGENTS = ['agent-mbp-alice', 'agent-build-01', 'agent-build-02', 'agent-linux-ci', 'agent-studio', 'agent-ops'] as const;

export const MODELS = ['claude-sonnet-4-5-20250929', 'claude-opus-4-1-20250805', 'claude-haiku-4-5-20251001'] as const;

/** prompt_history tags; one holds a double quote because real tags do and LIKE never finds them */
export const TAGS = [
  'api', 'performance', 'security', 'ui', 'database', 'testing', 'ci', 'auth', 'billing', 'slack',
  'netsuite', 'migration', 'docs', 'cleanup', 'urgent', 'tech-debt', 'customer-request', 'infra',
  'observability', 'accessibility', 'i18n', 'mobile', 'say "hi"', '50%_off', 'c++', 'backend',
  'frontend', 'devex',
] as const;

export const CONTEXTS = [
  'Customer reported it in the support channel', 'Follow-up from the sprint review',
  'Blocked the release last Friday', 'Asked for by the sales team', 'Part of the Q3 roadmap',
  'Found while on call', 'Security review finding', 'Needed before the SOC 2 audit',
  'Low priority, when there is time', 'Same as last week but for the EU region',
] as const;
