import React, { createContext, useContext, type ReactNode } from 'react';
import type { DB } from '../../db/connection.js';
import type { Operator } from '../../db/operator.js';
import { changeRefusal } from '../../db/operator.js';

/** What every screen may reach: the database handle, where it is, and who is at the console. */
export interface Services {
  readonly db: DB;
  readonly path: string;
  readonly readOnly: boolean;
  readonly operator: Operator;
  /** why this operator cannot change anything, or null when they can (actions show only then) */
  readonly refusal: string | null;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Omit<Services, 'refusal'>; children: ReactNode }) {
  return <ServicesContext.Provider value={{ ...value, refusal: changeRefusal(value.operator) }}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices needs a ServicesProvider');
  return s;
}
