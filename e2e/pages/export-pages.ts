import { readFile } from "node:fs/promises";
import { expect, type Download, type Locator, type Page } from "@playwright/test";

/** A finished download: the name the server suggested and the bytes. */
export interface DownloadedFile {
  filename: string;
  bytes: Buffer;
  text: string;
}

export async function downloadFrom(page: Page, trigger: Locator): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent("download"), trigger.click()]);
  return readDownload(download);
}

async function readDownload(download: Download): Promise<DownloadedFile> {
  const failure = await download.failure();
  if (failure) throw new Error(`download of ${download.suggestedFilename()} failed: ${failure}`);
  const bytes = await readFile(await download.path());
  return { filename: download.suggestedFilename(), bytes, text: bytes.toString("utf8") };
}

/** The Export buttons on a live or stored audit page. */
export class ExportMenu {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("export-menu");
  }

  link(format: "json" | "sarif" | "md" | "csv"): Locator {
    return this.root.getByTestId(`export-${format}`);
  }

  download(format: "json" | "sarif" | "md" | "csv"): Promise<DownloadedFile> {
    return downloadFrom(this.page, this.link(format));
  }
}

/** The "Fix everything" tab of the audit view. */
export class FixAllPanel {
  readonly root: Locator;
  readonly tabs: Locator;
  readonly codePanel: Locator;
  readonly bundle: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("fix-all");
    this.tabs = this.root.getByRole("tab");
    this.codePanel = this.root.getByTestId("remediation-panel");
    this.bundle = this.root.getByTestId("download-bundle");
  }

  async open() {
    await this.page.getByTestId("tab-fix").click();
    await expect(this.root).toBeVisible();
  }

  /** Selects the format's tab and returns the file name and text it shows. */
  async show(label: string): Promise<{ filename: string; code: string }> {
    await this.tabs.filter({ hasText: label }).first().click();
    await expect(this.root.getByRole("tab", { selected: true })).toHaveText(label);
    const code = (await this.codePanel.locator("pre").textContent()) ?? "";
    const filename = (await this.codePanel.getByTestId("snippet-filename").textContent()) ?? "";
    return { filename, code };
  }

  downloadShown(): Promise<DownloadedFile> {
    return downloadFrom(this.page, this.codePanel.getByTestId("download-snippet"));
  }

  downloadBundle(): Promise<DownloadedFile> {
    return downloadFrom(this.page, this.bundle);
  }
}
