import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** Page object for the shell and the table grids, in the terms a clerk uses: 表, 行次/科目, 栏次. */
export class AppPage {
  constructor(readonly page: Page) {}

  async openStart(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: '决算通' }).waitFor();
  }

  async createYear(year: number, unit: string, template?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: '新建年度文件' });
    await form.getByLabel('决算年度').fill(String(year));
    await form.getByLabel('单位名称').fill(unit);
    if (template) await form.getByLabel('报表模板').selectOption({ label: template });
    await form.getByRole('button', { name: '创建并打开' }).click();
    await this.page.locator('.app-header').getByText(unit).waitFor();
  }

  async openYear(unit: string): Promise<void> {
    await this.page.locator('.year-list button', { hasText: unit }).click();
    await this.page.locator('.app-header').getByText(unit).waitFor();
  }

  /** Opens a table by its printed label in the side list (公开01表, 表五, …). */
  async selectTable(label: string): Promise<void> {
    await this.page.locator('.side-item').filter({ has: this.page.locator('.side-label', { hasText: new RegExp(`^${label}$`) }) }).click();
    await this.page.locator('.table-page:not([inert]) .table-label', { hasText: label }).waitFor();
    await this.page.locator('.grid-host[data-active] .ag-row').first().waitFor();
  }

  /** A grid cell by printed line (0-based) and layout column id, e.g. line 27, "s0-c1". */
  cell(line: number, columnId: string): Locator {
    // Pinned and scrolling parts of a line share its row-id; the column id tells them apart.
    return this.page.locator(`.grid-host[data-active] [row-id="L${line}"] [col-id="${columnId}"]`).first();
  }

  /** Types into a cell the way a clerk does: select it, type, Enter. */
  async typeInto(line: number, columnId: string, text: string): Promise<void> {
    await this.cell(line, columnId).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  async expectCellText(line: number, columnId: string, text: string): Promise<void> {
    await expect.poll(() => this.cell(line, columnId).innerText(), { timeout: 5000 }).toBe(text);
  }

  async waitSaved(): Promise<void> {
    await this.page.locator('.save-status.saved').waitFor();
  }
}

/** Functional (功能分类) tables: the code bar above the grid. */
export class CodeRows {
  constructor(readonly page: Page) {}

  async add(query: string, pick: string): Promise<void> {
    await this.page.locator('.grid-host[data-active]').getByLabel('添加科目', { exact: true }).fill(query);
    await this.page.getByRole('option', { name: pick }).click();
  }

  /** Pastes tab-separated text at the focused cell through the real clipboard and Ctrl+V. */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.page.keyboard.press('Control+V');
  }
}
