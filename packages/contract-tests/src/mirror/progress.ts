import type { TemplateRef } from "../ground/template.js";
import type { CrawlProgress } from "./crawl.js";
import { describe } from "./model.js";

/** Where progress goes: a terminal gets a bar redrawn in place, anything else one line per step. */
export interface ProgressOut {
  write(text: string): void;
  isTTY: boolean;
  /** Columns of the terminal (default 80). */
  columns?: number;
}

/**
 * The mirror's progress: templates done of those known so far (children are discovered on the
 * way, so the total grows), reads sent, reads answered from an interrupted run, and what is being
 * read now.
 */
export class MirrorProgress implements CrawlProgress {
  private total = 0;
  private finished = 0;
  private skippedCount = 0;
  private reads = 0;
  private cached = 0;
  private current = "";
  private drawn = false;

  constructor(private readonly out: ProgressOut) {}

  known(count: number): void {
    this.total = count;
    this.redraw();
  }

  reading(ref: TemplateRef): void {
    this.current = describe(ref);
    this.redraw();
  }

  done(ref: TemplateRef, outcome: "mirrored" | "skipped"): void {
    this.finished += 1;
    if (outcome === "skipped") this.skippedCount += 1;
    if (!this.out.isTTY)
      this.out.write(
        `mirror: [${this.finished}/${this.total}] ${describe(ref)} ${outcome} (${this.reads} reads${this.cached ? `, ${this.cached} from the interrupted run` : ""})\n`,
      );
    this.redraw();
  }

  /** A read went to the deployment. */
  read(): void {
    this.reads += 1;
    this.redraw();
  }

  /** A read was answered from the interrupted run's answers. */
  fromCache(): void {
    this.cached += 1;
    this.redraw();
  }

  /** A step after the crawl (versions, files). */
  step(text: string): void {
    this.current = text;
    if (!this.out.isTTY) this.out.write(`mirror: ${text}\n`);
    this.redraw();
  }

  /** Clears the bar before other output. */
  end(): void {
    if (this.out.isTTY && this.drawn) this.out.write("\r\u001b[2K");
    this.drawn = false;
  }

  get counts() {
    return { reads: this.reads, cached: this.cached, templates: this.finished, skipped: this.skippedCount };
  }

  private redraw(): void {
    if (!this.out.isTTY) return;
    const width = 24;
    const filled = this.total === 0 ? 0 : Math.round((width * this.finished) / this.total);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const cached = this.cached ? `, ${this.cached} resumed` : "";
    const line = `mirror ${bar} ${this.finished}/${this.total} templates · ${this.reads} reads${cached} · ${this.current}`;
    const columns = Math.max(20, (this.out.columns ?? 80) - 1);
    this.out.write(`\r\u001b[2K${line.slice(0, columns)}`);
    this.drawn = true;
  }
}
