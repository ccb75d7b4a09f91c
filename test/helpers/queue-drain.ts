import Database from 'better-sqlite3';

/**
 * A test double of the service's offline queue drain (packages/cloud/src/gateway/offline-queue.ts
 * OfflineQueue.drainAll, with packages/db OfflineQueueRepository.findAllPending and markDelivered),
 * reading offline_queue as COMPAT.md "offline_queue is live" says: every undelivered row
 * (`delivered = 0` in SQL) whose expires_at is later than now (compared as strings in JavaScript,
 * as the service does), sent to its agent when connected and not `auto`, else to any connected
 * agent; each sent row is marked delivered (delivered 1, delivered_at ISO), and for a
 * `task:submit` message (the stored JSON's `type`) with a taskId and slackContext, the task is set
 * back to `pending` (TaskRepository.update also sets updated_at).
 */
export interface SentMessage {
  readonly queueId: number;
  /** the agent the row was queued for */
  readonly queuedFor: string;
  /** the connected agent it went to */
  readonly agentId: string;
  /** the stored payload, parsed (what the agent receives); null when it is not JSON */
  readonly message: { type?: string; payload?: Record<string, unknown> } | null;
}

interface QueueRow {
  id: number;
  agent_id: string;
  payload: string;
  expires_at: string;
}

function resolveAgent(preferred: string, connected: readonly string[]): string | null {
  if (preferred && preferred !== 'auto' && connected.includes(preferred)) return preferred;
  return connected[0] ?? null; // the service picks the least busy; with one agent it is that one
}

const parse = (text: string): SentMessage['message'] => {
  try {
    return JSON.parse(text) as SentMessage['message'];
  } catch {
    return null;
  }
};

/** One drain with these agents connected, on its own connection to the file (as the service has). */
export function drainQueue(path: string, connected: readonly string[]): SentMessage[] {
  if (connected.length === 0) return []; // the periodic drain returns when no agent is connected
  const sqlite = new Database(path, { timeout: 5000 });
  try {
    const now = new Date().toISOString();
    const pending = (sqlite.prepare('SELECT id, agent_id, payload, expires_at FROM offline_queue WHERE delivered = 0').all() as QueueRow[]).filter((r) => r.expires_at > now);
    const markDelivered = sqlite.prepare('UPDATE offline_queue SET delivered = 1, delivered_at = ? WHERE id = ?');
    const backToPending = sqlite.prepare("UPDATE tasks SET status = 'pending', updated_at = ? WHERE id = ?");
    const sent: SentMessage[] = [];
    for (const row of pending) {
      const agentId = resolveAgent(row.agent_id, connected);
      if (!agentId) continue;
      markDelivered.run(new Date().toISOString(), row.id);
      const message = parse(row.payload);
      sent.push({ queueId: row.id, queuedFor: row.agent_id, agentId, message });
      const p = message?.payload;
      if (message?.type === 'task:submit' && p && typeof p.taskId === 'string' && p.slackContext) {
        backToPending.run(new Date().toISOString(), p.taskId);
      }
    }
    return sent;
  } finally {
    sqlite.close();
  }
}

/** A task:submit row exactly as the service's OfflineQueue.enqueue stores one for an offline agent. */
export function queueServiceSubmit(path: string, agentId: string, task: { id: string; projectId: string; channel: string; user: string }): number {
  const sqlite = new Database(path, { timeout: 5000 });
  try {
    const message = {
      id: `msg_${'S'.repeat(17)}${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}`,
      type: 'task:submit',
      payload: {
        taskId: task.id,
        projectId: task.projectId,
        botName: 'coder',
        command: 'fix',
        prompt: 'queued while offline',
        systemPrompt: '',
        localPath: '/srv/agents/web',
        model: 'claude-sonnet-4-5-20250929',
        maxBudget: 5,
        allowedTools: [],
        slackContext: { channelId: task.channel, threadTs: null, userId: task.user },
      },
      timestamp: Date.now(),
    };
    const at = new Date();
    const info = sqlite
      .prepare('INSERT INTO offline_queue (agent_id, message_type, payload, created_at, expires_at, delivered) VALUES (?, ?, ?, ?, ?, 0)')
      .run(agentId, message.type, JSON.stringify(message), at.toISOString(), new Date(at.getTime() + 86_400_000).toISOString());
    return Number(info.lastInsertRowid);
  } finally {
    sqlite.close();
  }
}
