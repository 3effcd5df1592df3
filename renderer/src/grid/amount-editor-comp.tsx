/**
 * AmountEditor (a React component) as the grid's cell editor now that the grid is drawn without
 * ag-grid-react (PlainGrid.tsx): each editor gets a React root of its own, given the props
 * AgGridReact used to give it; the text it reports through onValueChange is the edit's value.
 */
import { createRoot, type Root } from 'react-dom/client';
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { AmountEditor, type AmountEditorProps } from './AmountEditor';
import type { LineData } from './column-defs';
import { claimPending, releasePending, untakenText } from './type-to-edit';

export class AmountEditorComp implements ICellEditorComp<LineData, string> {
  private readonly gui = document.createElement('div');
  private root: Root | null = null;
  private value: string | null | undefined = null;

  init(params: ICellEditorParams<LineData, string>): void {
    this.value = params.value;
    claimPending(this);
    const props: AmountEditorProps = { ...params, initialValue: params.value, onValueChange: (value) => (this.value = value) };
    this.root = createRoot(this.gui);
    // Drawn a moment later, as AgGridReact drew it: keys typed meanwhile wait in type-to-edit's buffer.
    this.root.render(<AmountEditor {...props} />);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  getValue(): string | null | undefined {
    // Closed (a click elsewhere) before it had the focus: what was typed is still the value.
    return untakenText(this) ?? this.value;
  }

  isPopup(): boolean {
    return true;
  }

  destroy(): void {
    releasePending(this);
    this.root?.unmount();
    this.root = null;
  }
}
