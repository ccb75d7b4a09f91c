import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.js';

// consumer_key, consumer_secret, token_id and token_secret hold AES-256-GCM ciphertext; never decrypt by default.
export const netsuiteConfigColumns = () => ({
  id: text('id').primaryKey(),
  projectId: text('project_id')
    .notNull()
    .unique()
    .references(() => projects.id, { onDelete: 'cascade' }),
  accountNumber: text('account_number').notNull(),
  productionUrl: text('production_url').notNull(),
  sandboxUrl: text('sandbox_url'),
  restletUrl: text('restlet_url').notNull(),
  consumerKey: text('consumer_key').notNull(),
  consumerSecret: text('consumer_secret').notNull(),
  tokenId: text('token_id').notNull(),
  tokenSecret: text('token_secret').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const netsuiteConfigs = sqliteTable('netsuite_configs', netsuiteConfigColumns());
