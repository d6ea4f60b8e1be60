import type { Store } from "../db/store.js";
import { type Logger, silentLogger } from "../logger.js";
import { DataState, type ResetListener } from "./data-state.js";
import { ConnectionFaults } from "./faults.js";
import { Journal } from "./journal.js";
import { RuleBook } from "./rules.js";
import { ScenarioPlayer } from "./scenario.js";

export type { ResetEvent, ResetListener } from "./data-state.js";

/** The reserved prefix of the control API. */
export const CONTROL_PREFIX = "/_bksops";

export interface ControlsOptions {
  store: Store;
  /** Loads what the server holds at start; a reset runs it again on emptied tables. */
  seed: () => void;
  /** The database file, beside which snapshots are kept (`:memory:`: a temporary folder). */
  databasePath: string;
  /** Requests the journal keeps (`JOURNAL_SIZE`). */
  journalSize: number;
  logger?: Logger;
}

/** Scenario control: rules, `Prefer`, the journal and the data state, for one server. */
export interface Controls {
  rules: RuleBook;
  journal: Journal;
  data: DataState;
  scenarios: ScenarioPlayer;
  /**
   * Calls `listener` after every reset and restore, once committed (an engine that keeps state
   * in memory reloads it from the database there); returns its removal.
   */
  onReset(listener: ResetListener): () => void;
  /** Lets held and delayed requests go and removes temporary snapshots (the server is stopping). */
  close(): void;
}

export function createControls(options: ControlsOptions): Controls {
  const logger = options.logger ?? silentLogger;
  const rules = new RuleBook();
  const journal = new Journal(options.journalSize);
  const data = new DataState({
    store: options.store,
    seed: options.seed,
    databasePath: options.databasePath,
    logger,
  });
  const scenarios = new ScenarioPlayer(rules, new ConnectionFaults(), options.store);
  return {
    rules,
    journal,
    data,
    scenarios,
    onReset: (listener) => data.onReset(listener),
    close() {
      scenarios.close();
      data.close();
    },
  };
}
