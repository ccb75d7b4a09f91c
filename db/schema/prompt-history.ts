import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

export const promptHistoryColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  prompt: text('prompt').notNull(),
  category: text('category'),
  tags: text('tags').notNull().default('[]'),
  context: text('context'),
  relatedFiles: text('related_files').notNull().default('[]'),
  executionStatus: text('execution_status').notNull().default('pending'),
  executionNotes: text('execution_notes'),
  estimatedDurationMinutes: integer('estimated_duration_minutes'),
  actualDurationMinutes: integer('actual_duration_minutes'),
  timestamp: text('timestamp').notNull(),
  completedAt: text('completed_at'),
});

export const promptHistory = sqliteTable('prompt_history', promptHistoryColumns(), (t) => [
  // Covers `history --stats` in one pass: counts and durations grouped by status and category.
  index('idx_prompt_history_stats').on(t.executionStatus, t.category, t.estimatedDurationMinutes, t.actualDurationMinutes),
  // Prompts per week reads only the last 12 weeks.
  index('idx_prompt_history_timestamp').on(t.timestamp),
]);
