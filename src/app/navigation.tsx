import React, { createContext, useContext, useMemo, useReducer, type ReactNode } from 'react';

/** A place in the console: a screen and what it was opened with (`{taskId}`). */
export interface Route {
  readonly screen: string;
  readonly params: Readonly<Record<string, string>>;
}

export type NavAction = { type: 'jump'; screen: string } | { type: 'push'; route: Route } | { type: 'back' };

/** The stack: number keys and the palette start a new one, Enter pushes, Esc pops (never the last). */
export function navigationReducer(stack: readonly Route[], action: NavAction): readonly Route[] {
  switch (action.type) {
    case 'jump':
      return [{ screen: action.screen, params: {} }];
    case 'push':
      return [...stack, action.route];
    case 'back':
      return stack.length > 1 ? stack.slice(0, -1) : stack;
  }
}

export interface Navigation {
  readonly stack: readonly Route[];
  readonly jump: (screen: string) => void;
  readonly push: (screen: string, params?: Record<string, string>) => void;
  readonly back: () => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ initial, children }: { initial: string; children: ReactNode }) {
  const [stack, dispatch] = useReducer(navigationReducer, [{ screen: initial, params: {} }]);
  const nav = useMemo<Navigation>(
    () => ({
      stack,
      jump: (screen) => dispatch({ type: 'jump', screen }),
      push: (screen, params = {}) => dispatch({ type: 'push', route: { screen, params } }),
      back: () => dispatch({ type: 'back' }),
    }),
    [stack],
  );
  return <NavigationContext.Provider value={nav}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const n = useContext(NavigationContext);
  if (!n) throw new Error('useNavigation needs a NavigationProvider');
  return n;
}
