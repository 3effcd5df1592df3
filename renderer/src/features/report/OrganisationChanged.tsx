import { organisationChange, organisationChangeText } from '../../../../shared/report';
import { useYearStore } from '../../stores/use-year-store';
import { useReadOnlyReason } from '../../stores/read-only';

/**
 * Under a 汇总's confirmed 决算单位构成: the units added or removed by a re-汇总 since it was confirmed
 * (the 审核 says the same, P-07), until the clerk confirms the text again or takes the new draft.
 */
export function OrganisationChanged({ onConfirm, onTakeDraft }: { onConfirm(): void; onTakeDraft(): void }) {
  const units = useYearStore((state) => state.consolidatedUnits);
  const confirmed = useYearStore((state) => state.confirmedOrganisation);
  const readOnly = useReadOnlyReason();
  const change = units && organisationChange(confirmed, units);
  if (!change) return null;
  return (
    <div className="organisation-changed" role="note" aria-label="汇总单位有变化">
      确认后汇总的单位有变化:{organisationChangeText(change)}。上面的文字仍按原来的单位,请核实:
      <button type="button" disabled={readOnly !== null} title={readOnly ?? '文字已按现在的汇总单位改好(或无须修改),确认后不再提示'} onClick={onConfirm}>
        按现在的单位确认
      </button>
      <button type="button" disabled={readOnly !== null} title={readOnly ?? '清除所填文字,采用按现在的汇总单位生成的草稿'} onClick={onTakeDraft}>
        采用新的草稿
      </button>
    </div>
  );
}
