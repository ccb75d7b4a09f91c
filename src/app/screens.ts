import type { ComponentType } from 'react';
import type { ScreenProps } from './screen-props.js';
// The dashboard is the first frame: loaded with the app. Every other screen is its own chunk of
// the bundle, loaded after that frame (App preloads them) or when first opened.
import { DashboardScreen } from '../../screens/dashboard/DashboardScreen.js';
import { lazyScreen, type LazyScreen } from './lazy-screen.js';

const TasksScreen = lazyScreen(() => import('../../screens/tasks/TasksScreen.js').then((m) => m.TasksScreen));
const TaskDetailScreen = lazyScreen(() => import('../../screens/tasks/TaskDetailScreen.js').then((m) => m.TaskDetailScreen));
const SessionsScreen = lazyScreen(() => import('../../screens/sessions/SessionsScreen.js').then((m) => m.SessionsScreen));
const SessionDetailScreen = lazyScreen(() => import('../../screens/sessions/SessionDetailScreen.js').then((m) => m.SessionDetailScreen));
const ProjectsScreen = lazyScreen(() => import('../../screens/projects/ProjectsScreen.js').then((m) => m.ProjectsScreen));
const ProjectDetailScreen = lazyScreen(() => import('../../screens/projects/ProjectDetailScreen.js').then((m) => m.ProjectDetailScreen));
const UsersScreen = lazyScreen(() => import('../../screens/users/UsersScreen.js').then((m) => m.UsersScreen));
const UserDetailScreen = lazyScreen(() => import('../../screens/users/UserDetailScreen.js').then((m) => m.UserDetailScreen));
const ApiKeysScreen = lazyScreen(() => import('../../screens/api-keys/ApiKeysScreen.js').then((m) => m.ApiKeysScreen));
const AuditScreen = lazyScreen(() => import('../../screens/audit/AuditScreen.js').then((m) => m.AuditScreen));
const AuditEntryScreen = lazyScreen(() => import('../../screens/audit/AuditEntryScreen.js').then((m) => m.AuditEntryScreen));
const PromptsScreen = lazyScreen(() => import('../../screens/prompts/PromptsScreen.js').then((m) => m.PromptsScreen));
const PromptDetailScreen = lazyScreen(() => import('../../screens/prompts/PromptDetailScreen.js').then((m) => m.PromptDetailScreen));
const SchedulesScreen = lazyScreen(() => import('../../screens/schedules/SchedulesScreen.js').then((m) => m.SchedulesScreen));
const ScheduleDetailScreen = lazyScreen(() => import('../../screens/schedules/ScheduleDetailScreen.js').then((m) => m.ScheduleDetailScreen));
const ScheduleFormScreen = lazyScreen(() => import('../../screens/schedules/ScheduleFormScreen.js').then((m) => m.ScheduleFormScreen));

export interface ScreenEntry {
  readonly id: string;
  /** its number key and place in the palette; none for views opened from another (a task's detail) */
  readonly number?: number;
  readonly title: string;
  readonly component: ComponentType<ScreenProps>;
  /** the breadcrumb when opened with these params; the title otherwise */
  readonly crumb?: (params: Readonly<Record<string, string>>) => string;
}

const short = (id: string | undefined): string => (id && id.length > 16 ? `${id.slice(0, 15)}…` : (id ?? '?'));

/**
 * Every screen of the console. To add one: write screens/<name>/<Name>Screen.tsx taking
 * ScreenProps, and add one entry here with the number DESIGN.md gives it
 * (4 users, 5 API keys, 6 schedules, 7 prompts, 8 audit log).
 */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'dashboard', number: 1, title: 'Dashboard', component: DashboardScreen },
  { id: 'tasks', number: 2, title: 'Tasks', component: TasksScreen, crumb: (p) => (p.filter ? `Tasks (${p.filter})` : 'Tasks') },
  { id: 'sessions', number: 3, title: 'Sessions', component: SessionsScreen },
  { id: 'users', number: 4, title: 'Users', component: UsersScreen, crumb: (p) => (p.filter ? `Users (${p.filter})` : 'Users') },
  { id: 'api-keys', number: 5, title: 'API keys', component: ApiKeysScreen },
  { id: 'audit', number: 8, title: 'Audit log', component: AuditScreen, crumb: (p) => (p.filter ? `Audit log (${p.filter})` : 'Audit log') },
  { id: 'schedules', number: 6, title: 'Schedules', component: SchedulesScreen, crumb: (p) => (p.filter ? `Schedules (${p.filter})` : 'Schedules') },
  { id: 'prompts', number: 7, title: 'Prompts', component: PromptsScreen },
  { id: 'projects', number: 9, title: 'Projects', component: ProjectsScreen },
  { id: 'task', title: 'Task', component: TaskDetailScreen, crumb: (p) => `Task ${short(p.taskId)}` },
  { id: 'project', title: 'Project', component: ProjectDetailScreen, crumb: (p) => `Project ${short(p.name ?? p.projectId)}` },
  { id: 'session', title: 'Session', component: SessionDetailScreen, crumb: (p) => `Session ${short(p.sessionId)}` },
  { id: 'user', title: 'User', component: UserDetailScreen, crumb: (p) => `User ${short(p.userId)}` },
  { id: 'audit-entry', title: 'Audit entry', component: AuditEntryScreen, crumb: (p) => `Audit #${p.auditId ?? '?'}` },
  { id: 'schedule', title: 'Schedule', component: ScheduleDetailScreen, crumb: (p) => `Schedule ${short(p.scheduleId)}` },
  { id: 'schedule-form', title: 'Schedule form', component: ScheduleFormScreen, crumb: (p) => (p.scheduleId ? `Edit ${short(p.scheduleId)}` : 'New schedule') },
  { id: 'prompt', title: 'Prompt', component: PromptDetailScreen, crumb: (p) => `Prompt #${p.promptId ?? '?'}` },
];

export const screenById = (id: string): ScreenEntry | undefined => SCREENS.find((s) => s.id === id);

export const screenByNumber = (n: number): ScreenEntry | undefined => SCREENS.find((s) => s.number === n);

/** The screens the number keys and the palette reach, by number. */
export const numberedScreens = (): ScreenEntry[] => SCREENS.filter((s) => s.number !== undefined).sort((a, b) => a.number! - b.number!);

/** Loads every screen's module now (each once): App calls it once the first frame has had its time. */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(SCREENS.map((s) => (s.component as Partial<LazyScreen>).preload?.()));
}
