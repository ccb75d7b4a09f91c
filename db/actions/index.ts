// What the console does for an operator: each action is one audited write transaction.
export { resolveOperator, currentOperator, type OperatorOptions } from './operator.js';
export { runAction, audit, assertUnchanged, pick, type Permission } from './run.js';
export { cancelTask, isCancellable, cancelRefusal, agentNotice, CANCELLABLE_STATUSES, type TaskCancellation, type CancelledTask } from './tasks.js';
export { changeUserRole, setUserActive, type UserExpectation } from './users.js';
export { revokeApiKey, generateApiKey, cleanupApiKeys, API_KEY_ENV_WARNING, type GeneratedApiKey } from './api-keys.js';
export { updateProject, PROJECT_CACHE_NOTE } from './projects.js';
export * from './schedules.js';
export { planUndo, undoAuditEntry, type UndoPlan, type UndoCheck, type UndoResult, type UndoChange } from './undo.js';
export { latestAuditId, undoOffer } from './undo-offer.js';
