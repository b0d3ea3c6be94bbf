import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes the snapshot at most once per `debounceMs` after a change, and once
 * more on close. Each write goes to a temporary file renamed over the old one,
 * so a crash mid-write never leaves a half-written snapshot behind.
 */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly render: () => string,
    private readonly debounceMs = 1000,
  ) {}

  read(): string | undefined {
    return existsSync(this.file) ? readFileSync(this.file, "utf8") : undefined;
  }

  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write().catch((error: Error) => console.error(`Simulator snapshot not written: ${error.message}`));
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now if a write was pending (or `force`), and waits for it. */
  async flush(force = false): Promise<void> {
    const pending = this.timer !== undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (pending || force) await this.write();
    else await this.writing;
  }

  private write(): Promise<void> {
    // Chained, so two writes never race on the temporary file.
    this.writing = this.writing.catch(() => undefined).then(async () => {
      const temporary = `${this.file}.${process.pid}.tmp`;
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, this.render(), { mode: 0o600 });
      await rename(temporary, this.file);
    });
    return this.writing;
  }
}
