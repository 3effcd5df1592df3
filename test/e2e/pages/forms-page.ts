import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * Page object for the 预算绩效自评 pages, in a clerk's terms: 项目列表, 地区表样, 资金来源 ×
 * 栏目, 第 n 条指标 × 列名, and the live 自评结果.
 */
export class FormsPage {
  constructor(readonly page: Page) {}

  async openProjects(): Promise<void> {
    await this.page.locator('.side-item', { hasText: '项目支出绩效自评' }).click();
    await this.page.getByRole('region', { name: '项目支出绩效自评' }).waitFor();
  }

  async openDepartment(): Promise<void> {
    await this.page.locator('.side-item', { hasText: '部门整体支出绩效自评' }).click();
    await this.page.locator('.form-sheet').waitFor();
  }

  async chooseRegion(name: string): Promise<void> {
    await this.page.getByLabel('地区表样').selectOption({ label: name });
    await this.page.locator('.form-region', { hasText: name }).waitFor();
  }

  async addProject(code: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: '＋ 新增项目' }).click();
    const form = this.page.getByRole('form', { name: '新增项目' });
    await form.getByLabel('项目编码').fill(code);
    await form.getByLabel('项目名称').fill(name);
    await form.getByRole('button', { name: '创建并填写' }).click();
    await this.page.locator('.form-sheet').waitFor();
  }

  async openProject(name: string): Promise<void> {
    await this.page.locator('.form-registry-table').getByRole('button', { name, exact: true }).click();
    await this.page.locator('.form-sheet').waitFor();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: '← 项目列表' }).click();
    await this.page.getByRole('region', { name: '项目支出绩效自评' }).waitFor();
  }

  /** A cell of the form by its accessible name: "合计 实际支出数", "第 2 条指标 分值", "年度绩效目标". */
  cell(name: string): Locator {
    return this.page.locator('.form-sheet').getByLabel(name, { exact: true });
  }

  /** Types into a cell as a clerk does (click, type, Tab on) and returns the cell. */
  async type(name: string, text: string): Promise<Locator> {
    const cell = this.cell(name);
    await cell.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Tab');
    return cell;
  }

  /** Types into whatever has the focus, then Tab (the grid moves the focus itself on add). */
  async typeHere(...texts: string[]): Promise<void> {
    for (const text of texts) {
      if (text) await this.page.keyboard.type(text);
      await this.page.keyboard.press('Tab');
    }
  }

  async addIndicator(): Promise<void> {
    await this.page.getByRole('button', { name: '＋ 添加指标' }).click();
  }

  /** A live result above the form: 执行率, 预算执行得分, 指标得分, 自评得分, 等级. */
  result(label: string): Locator {
    return this.page.locator('.form-score-bar').getByLabel(label, { exact: true });
  }

  async expectResult(label: string, text: string): Promise<void> {
    await expect.poll(() => this.result(label).innerText(), { timeout: 5000 }).toBe(text);
  }

  listRow(code: string): Locator {
    return this.page.locator(`.form-registry-table tr[data-code="${code}"]`);
  }

  /** Waits until every edit has been acknowledged by the core (the header says 已保存). */
  async waitSaved(): Promise<void> {
    await expect.poll(async () => (await this.page.locator('.save-status.saving').count()) === 0 && (await this.page.locator('.save-status.saved').count()) === 1, { timeout: 5000 }).toBe(true);
  }

  findings(rule: string): Locator {
    return this.page.getByRole('region', { name: '审核结果' }).locator(`.finding[data-rule="${rule}"]`);
  }
}
