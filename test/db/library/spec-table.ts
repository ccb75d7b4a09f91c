// The spec's repository table (spec 04 "Package: @bematic/db", section Repositories), as given.
// The conformance test parses it, so a method the spec lists and no test exercises fails it.
export const SPEC_REPOSITORY_TABLE = `
| Repository | Key Methods |
|-----------|-------------|
| \`ProjectRepository\` | \`create\`, \`findById\`, \`findByChannelId\`, \`findByAgentId\`, \`findAll\`, \`update\`, \`delete\` |
| \`TaskRepository\` | \`create\`, \`findById\`, \`findByProjectId(id, limit?)\`, \`findByStatus\`, \`findActiveByProjectId\`, \`update\`, \`complete(id, result, metrics)\`, \`fail(id, errorMessage)\` |
| \`SessionRepository\` | \`create\`, \`findById\`, \`findByTaskId\`, \`complete(id, metrics)\` |
| \`UserRepository\` | \`create\`, \`findById\`, \`findBySlackUserId\`, \`upsert\`, \`updateRole\`, \`findAll\` |
| \`AuditLogRepository\` | \`create\`, \`log(action, resourceType, resourceId?, userId?, metadata?)\`, \`findRecent(limit?)\` |
| \`OfflineQueueRepository\` | \`enqueue\`, \`findPendingByAgentId\`, \`markDelivered\`, \`cleanExpired\` |
| \`NetSuiteConfigRepository\` | \`create\`, \`findById\`, \`findByProjectId\`, \`findAll\`, \`update\`, \`upsertByProjectId\`, \`delete\`, \`deleteByProjectId\` |
| \`ApiKeyRepository\` | \`create\`, \`findById\`, \`findByKey\`, \`findByAgentId\`, \`updateLastUsed\`, \`revoke\`, \`findActive\`, \`cleanup\` |
| \`PromptHistoryRepository\` | \`create\`, \`log(prompt, options?)\`, \`findById\`, \`findAll(options?)\`, \`findRecent(limit?)\`, \`update\`, \`complete\`, \`fail\`, \`cancel\`, \`getStats\`, \`getCategories\`, \`getTags\`, \`delete\` |
| \`ScheduledTaskRepository\` | \`create\`, \`findById\`, \`findAll(options?)\`, \`findByProjectId\`, \`findByUserId\`, \`findDue\`, \`findUpcoming(limit)\`, \`findActive\`, \`findByStatus\`, \`update\`, \`pause\`, \`resume\`, \`cancel\`, \`markExecuted\`, \`delete\`, \`countByUser\` |
`;

/** Repository name -> the method names the spec lists for it, in its order. */
export function specMethods(table = SPEC_REPOSITORY_TABLE): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of table.split('\n')) {
    const m = /^\|\s*`(\w+Repository)`\s*\|(.*)\|\s*$/.exec(line.trim());
    if (!m) continue;
    out.set(
      m[1]!,
      [...m[2]!.matchAll(/`(\w+)(?:\([^`]*\))?`/g)].map((x) => x[1]!),
    );
  }
  return out;
}
