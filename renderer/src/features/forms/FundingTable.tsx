import type { Block, FundingColumn, Profile } from '../../../../shared/forms/profiles';
import { fundingLine, type PerfForm, type PerfFormJson } from '../../../../shared/forms/model';
import { formatPoints } from '../../../../shared/forms/decimal';
import { formatRate, lineRateBp, type FormScore } from '../../../../shared/forms/scoring';
import { lineOf, setFundingAmount, setFundingText, type AmountField } from './form-draft';
import { AmountCell, TextCell } from './inputs';
import { HeaderRows } from './HeaderRows';

type FundingBlock = Extract<Block, { kind: 'funding' }>;

const AMOUNT_FIELDS = new Set<string>(['budget_initial', 'budget_adjustment', 'budget_adjusted', 'actual']);

interface Props {
  block: FundingBlock;
  profile: Profile;
  json: PerfFormJson;
  computed: PerfForm | null;
  score: FormScore | null;
  onChange(recipe: (json: PerfFormJson) => PerfFormJson): void;
}

/**
 * 预算执行情况 as the profile lays it out: label cells (merged where the print merges them), the
 * amounts as inputs, 执行率 and 预算执行得分 computed live. Parents fill with the sum of their
 * children as these are typed (form-draft setFundingAmount).
 */
export function FundingTable({ block, profile, json, computed, score, onChange }: Props) {
  const labelWidth = Math.max(block.labelHeader ? 1 : 0, ...block.rows.map((row) => row.label.length));
  const section = block.label.join(' ');
  return (
    <div className="form-block form-funding">
      {section && <h3 className="form-block-title">{section}</h3>}
      <table className="form-grid">
        <thead>
          <HeaderRows leading={labelWidth > 0 ? [{ text: (block.labelHeader ?? []).join(' '), colSpan: labelWidth }] : []} headers={block.columns.map((column) => column.header)} />
        </thead>
        <tbody>
          {block.rows.map((row, r) => {
            const prefix = block.rows[r - 1]?.label[0];
            const firstMerged = row.label.length > 1 && prefix === row.label[0];
            const span = row.label.length > 1 ? block.rows.slice(r).findIndex((other) => other.label[0] !== row.label[0] || other.label.length < 2) : 1;
            const rowName = row.label.filter((text) => text && text !== '——').join(' ') || '合计';
            return (
              <tr key={row.key} className={row.key === 'TOTAL' ? 'form-total-row' : undefined}>
                {labelWidth > 0 &&
                  row.label.map((text, i) =>
                    i === 0 && firstMerged ? null : (
                      <th
                        key={i}
                        scope="row"
                        className="form-row-label"
                        rowSpan={i === 0 && row.label.length > 1 ? (span < 0 ? block.rows.length - r : span) : undefined}
                        colSpan={i === row.label.length - 1 ? labelWidth - i : undefined}
                      >
                        {text}
                      </th>
                    ),
                  )}
                {labelWidth > 0 && row.label.length === 0 && <th className="form-row-label" colSpan={labelWidth} />}
                {block.columns.map((column, c) => (
                  <td key={c} className={cellClass(column)}>
                    <FundingCell
                      column={column}
                      rowKey={row.key}
                      rowName={rowName}
                      nav={{ grid: 'funding', row: r, col: c }}
                      profile={profile}
                      json={json}
                      computed={computed}
                      score={score}
                      onChange={onChange}
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(column: FundingColumn): string {
  if (column.value === 'exec_rate' || column.value === 'score' || column.value === 'weight') return 'form-computed';
  return AMOUNT_FIELDS.has(column.value) ? 'form-amount' : '';
}

interface CellProps extends Omit<Props, 'block'> {
  column: FundingColumn;
  rowKey: PerfFormJson['funding'][number]['key'];
  rowName: string;
  nav: { grid: string; row: number; col: number };
}

function FundingCell({ column, rowKey, rowName, nav, profile, json, computed, score, onChange }: CellProps) {
  const field = `funding[${rowKey}].${column.value}`;
  const label = `${rowName} ${column.header.join('')}`;
  const line = lineOf(json, rowKey);
  if (column.otherRows !== undefined && rowKey !== 'TOTAL') return <span className="form-muted">{column.otherRows}</span>;
  switch (column.value) {
    case 'exec_rate': {
      const bp = computed ? lineRateBp(fundingLine(computed, rowKey)) : null;
      return (
        <output data-field={field} aria-label={label}>
          {bp === null ? '' : formatRate(bp)}
        </output>
      );
    }
    case 'weight':
      return <output aria-label={label}>{line?.weight ?? formatPoints(profile.scoring.budgetWeight) ?? ''}</output>;
    case 'score':
      return (
        <output data-field={field} aria-label={label}>
          {formatPoints(score?.budgetScore ?? null) ?? ''}
        </output>
      );
    case 'reason':
    case 'unit':
      return (
        <TextCell
          singleLine
          field={field}
          label={label}
          nav={nav}
          value={line?.[column.value]}
          placeholder={column.value === 'unit' ? '万元' : undefined}
          onValue={(text) => onChange((current) => setFundingText(current, rowKey, column.value as 'reason' | 'unit', text))}
        />
      );
    default: {
      const amountField = column.value as AmountField;
      return (
        <AmountCell
          field={field}
          label={label}
          nav={nav}
          value={line?.[amountField]}
          onValue={(value) => onChange((current) => setFundingAmount(current, profile, rowKey, amountField, value))}
        />
      );
    }
  }
}
