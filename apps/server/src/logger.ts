import { LOG_LEVELS, type LogLevel } from "./config.js";

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** A plain line logger on stdout/stderr that drops lines below `level`. */
export function createLogger(level: LogLevel, write = defaultWrite): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const at = (name: Exclude<LogLevel, "silent">) => (message: string) => {
    if (threshold >= LOG_LEVELS.indexOf(name))
      write(name, `${new Date().toISOString()} ${name.padEnd(5)} ${message}`);
  };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}

function defaultWrite(level: string, line: string): void {
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const silentLogger: Logger = createLogger("silent");
