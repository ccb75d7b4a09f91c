import type { ScheduledTaskInsert, ScheduledTaskRow } from '../types.js';

/** A schedule to create: `cronExpression` makes it recurring, else it fires once at `scheduledFor`. */
export interface NewScheduledTask {
  id?: string;
  projectId: string;
  /** the owner's Slack user id (U...), not users.id */
  userId: string;
  taskType: string;
  botName: string;
  command: string;
  prompt: string;
  slackChannelId: string;
  slackThreadTs?: string | null;
  timezone: string;
  cronExpression?: string | null;
  scheduledFor?: Date | string | null;
  maxExecutions?: number | null;
  expiresAt?: Date | string | null;
  metadata?: Record<string, unknown>;
}

/** Any stored field; time-changing fields go through the scheduling rules again. */
export type ScheduledTaskPatch = Partial<Omit<ScheduledTaskInsert, 'id' | 'createdAt' | 'updatedAt' | 'metadata'>> & {
  metadata?: Record<string, unknown> | string;
};

export interface ScheduledTaskFilter {
  status?: string | readonly string[];
  projectId?: string;
  userId?: string;
  taskType?: string;
  limit?: number;
}

export interface ResumeOptions {
  /** a one-shot schedule whose time has passed is refused unless this is set; then it fires at once */
  fireNow?: boolean;
}

export interface ResumeResult {
  row: ScheduledTaskRow;
  /** what will happen that the operator may not expect (a past one-shot firing at once) */
  warning?: string;
}
