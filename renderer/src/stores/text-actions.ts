/**
 * The texts a year keeps beside its tables, as the year store saves them: a warning's 出错说明, the
 * 补充信息 page and the 决算公开 texts. Each is written through the core first, then held here, and
 * the 审核 runs again (the rules read them); a refusal is shown as the store's error.
 */
import type { ReportTextDoc, YearInfo } from '../../../shared/contract';
import { call } from '../api';
import { confirmedAfterSave, type OrganisationUnits } from '../features/report/report-supp';

export interface TextActions {
  /** Saves a 出错说明 on a warning (an empty text removes it). */
  explain(key: string, text: string): Promise<void>;
  /** Saves the 补充信息 page; the rules that read it run again at once. */
  saveSupplementary(values: Record<string, string>): Promise<boolean>;
  /** Saves one 决算公开 text (empty removes it); the reason check (P-05) runs again. */
  saveReportText(key: string, text: string): Promise<void>;
}

interface TextState extends OrganisationUnits {
  info: YearInfo | null;
  explanations: Record<string, string>;
  supplementary: Record<string, string>;
  reportTexts: Record<string, ReportTextDoc>;
  savedAt: Date | null;
  error: string | null;
}

export function textActions(get: () => TextState, set: (partial: Partial<TextState>) => void, reaudit: () => void): TextActions {
  /** Writes through the core, then takes `after` into the store; false when the core refused. */
  async function saved(write: (file: string) => Promise<unknown>, after: () => Partial<TextState>): Promise<boolean> {
    const { info } = get();
    if (!info) return false;
    try {
      await write(info.file);
      set({ ...after(), savedAt: new Date() });
      reaudit();
      return true;
    } catch (error) {
      set({ error: (error as Error).message });
      return false;
    }
  }

  return {
    async explain(key, text) {
      await saved(
        (file) => call('explain', { file, key, text: text.trim() || null }),
        () => {
          const explanations = { ...get().explanations };
          if (text.trim()) explanations[key] = text.trim();
          else delete explanations[key];
          return { explanations };
        },
      );
    },

    saveSupplementary(values) {
      return saved((file) => call('setSupplementary', { file, values }), () => ({ supplementary: values, error: null }));
    },

    async saveReportText(key, text) {
      await saved(
        (file) => call('setReportText', { file, key, text: text.trim() || null }),
        () => {
          const reportTexts = { ...get().reportTexts };
          if (text.trim()) reportTexts[key] = { text: text.trim(), draft: false };
          else delete reportTexts[key];
          return { reportTexts, ...confirmedAfterSave(key, text, get()), error: null };
        },
      );
    },
  };
}
