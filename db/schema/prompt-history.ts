import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

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

export const promptHistory = sqliteTable('prompt_history', promptHistoryColumns());
