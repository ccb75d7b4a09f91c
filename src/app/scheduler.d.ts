// The part of React's scheduler (0.27, the copy react-reconciler uses) the key feed calls.
declare module 'scheduler' {
  export const unstable_IdlePriority: 5;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
  export function unstable_cancelCallback(task: unknown): void;
}
