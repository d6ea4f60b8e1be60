import type { SqliteDatabase } from "./connection.js";
import { AppRepository } from "./repos/apps.js";
import { ProjectRepository } from "./repos/projects.js";
import { RunRepository } from "./repos/runs.js";
import { TaskRepository } from "./repos/tasks.js";
import { TemplateRepository } from "./repos/templates.js";
import { UserRepository } from "./repos/users.js";

/** Every repository over one database, with statements prepared once. */
export interface Store {
  db: SqliteDatabase;
  projects: ProjectRepository;
  apps: AppRepository;
  users: UserRepository;
  templates: TemplateRepository;
  tasks: TaskRepository;
  runs: RunRepository;
}

/**
 * Forgets what the repositories keep in memory (found apps, users, projects, parsed templates):
 * for when the rows were replaced behind them (a reset or a restore of the whole data).
 */
export function forgetCached(store: Store): void {
  store.apps.forget();
  store.users.forget();
  store.projects.forget();
  store.templates.forget();
}

export function createStore(db: SqliteDatabase): Store {
  return {
    db,
    projects: new ProjectRepository(db),
    apps: new AppRepository(db),
    users: new UserRepository(db),
    templates: new TemplateRepository(db),
    tasks: new TaskRepository(db),
    runs: new RunRepository(db),
  };
}
