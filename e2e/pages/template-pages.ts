import { expect, type Locator, type Page } from "@playwright/test";

/** The /templates upload page: file and folder inputs, the drop zone, the chosen list and the audit button. */
export class TemplateUploadPage {
  readonly form: Locator;
  readonly files: Locator;
  readonly folder: Locator;
  readonly dropZone: Locator;
  readonly status: Locator;
  readonly problems: Locator;
  readonly chosen: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId("template-upload");
    this.files = page.getByTestId("choose-files");
    this.folder = page.getByTestId("choose-folder");
    this.dropZone = page.getByTestId("drop-zone");
    this.status = page.getByTestId("upload-status");
    this.problems = page.getByTestId("upload-problems");
    this.chosen = page.getByTestId("chosen-file");
    this.submit = page.getByTestId("audit-templates");
  }

  async open() {
    await this.page.goto("/templates");
    await expect(this.form).toBeVisible();
  }

  chosenPath(path: string): Locator {
    return this.page.locator(`[data-testid=chosen-file][data-path="${path}"]`);
  }

  /** Drops files the way a browser does for a drag from the desktop (a DataTransfer of File objects). */
  async drop(files: { name: string; text: string }[]) {
    const transfer = await this.page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const file of list) data.items.add(new File([file.text], file.name));
      return data;
    }, files);
    await this.dropZone.dispatchEvent("dragenter", { dataTransfer: transfer });
    await this.dropZone.dispatchEvent("drop", { dataTransfer: transfer });
  }

  /** Audits the chosen files and returns the template audit's id from /templates/<id>. */
  async audit(): Promise<string> {
    await this.submit.click();
    await this.page.waitForURL(/\/templates\/[A-Za-z0-9_-]{22}$/, { timeout: 30_000 });
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }
}
