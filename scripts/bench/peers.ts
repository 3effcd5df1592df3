/**
 * Like-for-like peers, measured in the same run:
 * - our whole-process `validate` (the built CLI, a fresh process per call) beside LibreOffice
 *   recalculating an equivalent formula workbook (same rows; 类/款/合计 rows as SUM formulas; the
 *   cross-table checks as formulas returning TRUE/FALSE; no cached values, so it must calculate);
 * - an acknowledged edit (core.edit, committed with synchronous=FULL) beside the bare fsync floor
 *   (one single-row SQLite commit with the same settings).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { createCore } from '../../electron/core/core';
import { CLI_BUNDLE } from '../build-cli.mjs';
import { heading, measure, report, reportRatio } from './measure';
import { benchCodes, fillYear } from './years';

const TABLES_WITH_CODES = ['公开02表', '公开03表', '公开05表'];
/** Fresh processes per figure: a shared machine's noise needs more than a handful for a steady p50 (issue 18 reports medians of at least 10). */
const WHOLE_PROCESS_RUNS = 11;

/** The formula workbook: per table, 项 rows of values under SUM rows per 款, 类 and 合计; a check sheet first. */
async function formulaWorkbook(rows: number, file: string): Promise<number> {
  const codes = benchCodes(rows).map((entry) => entry.code).sort();
  const workbook = new ExcelJS.Workbook();
  const checks = workbook.addWorksheet('勾稽检查');
  let formulas = 0;
  const totalRow: Record<string, number> = {};
  for (const [t, table] of TABLES_WITH_CODES.entries()) {
    const sheet = workbook.addWorksheet(table);
    // Layout: 合计, then per 类 its row, per 款 its row, then the 项 rows; each group row sums its children.
    const lines: { code: string; children: number[] }[] = [{ code: '合计', children: [] }];
    const index = new Map<string, number>();
    for (const code of codes) {
      for (const prefix of [code.slice(0, 3), code.slice(0, 5)]) {
        if (!index.has(prefix)) {
          index.set(prefix, lines.length);
          lines.push({ code: prefix, children: [] });
          const parent = prefix.length === 3 ? 0 : index.get(prefix.slice(0, 3))!;
          lines[parent].children.push(lines.length - 1);
        }
      }
      index.set(code, lines.length);
      lines.push({ code, children: [] });
      lines[index.get(code.slice(0, 5))!].children.push(lines.length - 1);
    }
    lines.forEach((line, i) => {
      const excelRow = sheet.getRow(i + 1);
      excelRow.getCell(1).value = line.code;
      for (let col = 2; col <= 4; col++) {
        const letter = String.fromCharCode(64 + col);
        if (line.children.length) {
          excelRow.getCell(col).value = { formula: line.children.map((child) => `${letter}${child + 1}`).join('+') } as ExcelJS.CellFormulaValue;
          formulas++;
        } else excelRow.getCell(col).value = ((i * 37 + col + t) % 1000) / 100;
      }
    });
    totalRow[table] = 1;
    // Cross-table checks: each row of this table against the same row of 公开02表.
    if (t > 0) {
      lines.forEach((_, i) => {
        checks.getRow(checks.rowCount + 1).getCell(1).value = { formula: `ABS('${table}'!B${i + 1}-'公开02表'!B${i + 1})<=0.01` } as ExcelJS.CellFormulaValue;
        formulas++;
      });
    }
  }
  // The first sheet's first cell depends on every check, so exporting it calculates everything.
  checks.insertRow(1, [{ formula: `COUNTIF(A2:A${checks.rowCount + 1},FALSE)` }]);
  await workbook.xlsx.writeFile(file);
  return formulas;
}

/**
 * CPU time of the child processes a run waited for (Linux: cutime + cstime of /proc/self/stat), printed
 * beside the wall times: on a shared machine the wall time also counts the other users' load.
 */
function childCpu() {
  const ticks = () => {
    if (!fs.existsSync('/proc/self/stat')) return NaN;
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return Number(fields[13]) + Number(fields[14]);
  };
  const samples: number[] = [];
  return {
    sample<T>(run: () => T): T {
      const before = ticks();
      const result = run();
      samples.push((ticks() - before) * 10);
      return result;
    },
    print(): void {
      if (samples.some(Number.isNaN)) return;
      const [first, ...rest] = samples;
      const sorted = [...rest].sort((a, b) => a - b);
      console.log(`    其中 CPU 时间:首次 ${first} ms · p50 ${sorted[(sorted.length - 1) >> 1]} ms(时钟滴答 10 ms)`);
    },
  };
}

function sofficeAvailable(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * Node's own start-up (`node -e 0`, a fresh process per call): no Node program can start faster, so
 * LibreOffice's time over this is the best ratio any Node-built CLI could reach.
 */
async function nodeFloor(): Promise<number> {
  const cpu = childCpu();
  const floor = await measure(() => cpu.sample(() => spawnSync(process.execPath, ['-e', '0'])), { runs: WHOLE_PROCESS_RUNS });
  report('Node 自身启动(node -e 0,整进程,任何 Node 程序的下限)', floor);
  cpu.print();
  return floor.p50;
}

async function validatePeers(dir: string, rows: number, floor: number): Promise<void> {
  const core = createCore({ resolveFile: (file) => path.join(dir, file) });
  const yearFile = `year-${rows}.sqlite`;
  await core.createYear({ file: yearFile, fiscalYear: 2023, unitName: '基准测试单位' });
  await fillYear(core, yearFile, rows);
  core.close();
  const oursCpu = childCpu();
  const ours = await measure(() => oursCpu.sample(() => spawnSync(process.execPath, [CLI_BUNDLE, 'validate', path.join(dir, yearFile)])), { runs: WHOLE_PROCESS_RUNS });
  report(`整进程 validate(${rows} 个项级科目行的年度文件)`, ours, { p50: 500 });
  oursCpu.print();
  if (!sofficeAvailable()) {
    console.log('未安装 LibreOffice(soffice),跳过对照(apt-get install -y libreoffice-calc)');
    return;
  }
  const workbook = path.join(dir, `peer-${rows}.xlsx`);
  const formulas = await formulaWorkbook(rows, workbook);
  const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
  const theirsCpu = childCpu();
  const theirs = await measure(() => theirsCpu.sample(() => spawnSync('soffice', [profile, '--headless', '--convert-to', 'csv', '--outdir', path.join(dir, 'lo-out'), workbook])), { runs: 3 });
  report(`LibreOffice 整进程重算等量公式工作簿(${rows} 个项级科目行,${formulas} 个公式)`, theirs);
  theirsCpu.print();
  reportRatio(`  决算通 validate 比 LibreOffice 快(${rows} 个项级科目行,p50 之比)`, theirs.p50 / ours.p50, 20);
  // Printed without a target: it is a property of Node and LibreOffice, not of our code.
  reportRatio(`  任何 Node 程序可达的最大倍数(LibreOffice ÷ node -e 0,p50)`, theirs.p50 / floor);
  console.log(`  决算通 validate 在 Node 自身启动之外用时(p50):${Math.round(ours.p50 - floor)} ms`);
}

async function fsyncFloor(dir: string): Promise<void> {
  const db = new Database(path.join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)');
  const insert = db.prepare('INSERT OR REPLACE INTO t (k, v) VALUES (1, ?)');
  let n = 0;
  const floor = await measure(() => insert.run(n++), { runs: 50 });
  db.close();
  const core = createCore({ resolveFile: (file) => path.join(dir, file) });
  await core.createYear({ file: 'edit.sqlite', fiscalYear: 2023, unitName: '基准测试单位' });
  const edit = await measure(() => core.edit({ file: 'edit.sqlite', cells: [{ table: '公开01表', row: '28', col: '1', value: `${n++}.25` }] }), { runs: 50 });
  core.close();
  report('SQLite 单行提交(synchronous=FULL,fsync 下限)', floor);
  report('录入一个单元格到持久保存(core.edit)', edit);
  reportRatio('  录入保存耗时为 fsync 下限的倍数', edit.p50 / floor.p50);
}

export async function benchPeers(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-bench-peers-'));
  try {
    heading('对照(同一次运行中)');
    if (!fs.existsSync(CLI_BUNDLE)) console.log(`跳过整进程 validate:缺少 ${CLI_BUNDLE}(先运行 npm run build)`);
    else {
      const floor = await nodeFloor();
      for (const rows of [300, 5000]) await validatePeers(dir, rows, floor);
    }
    await fsyncFloor(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
