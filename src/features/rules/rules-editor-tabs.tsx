import type { KeyboardEvent, ReactNode } from 'react';

export type EditorTab = 'form' | 'json';

interface RulesEditorTabsProps {
  tab: EditorTab;
  onSelect: (tab: EditorTab) => void;
  children: ReactNode;
}

const TABS: ReadonlyArray<[EditorTab, string]> = [
  ['form', 'Form'],
  ['json', 'JSON'],
];

/** WAI-ARIA tabs (arrow keys move between them); the panel content is the caller's. */
export function RulesEditorTabs({ tab, onSelect, children }: RulesEditorTabsProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'form' ? 'json' : 'form';
    onSelect(next);
    document.getElementById(`rules-tab-${next}`)?.focus();
  };
  return (
    <div className="rules-tabs">
      <div role="tablist" aria-label="Edit rules as" className="row" onKeyDown={onKeyDown}>
        {TABS.map(([value, label]) => (
          <button
            key={value}
            id={`rules-tab-${value}`}
            type="button"
            role="tab"
            className={`ghost rules-tab${tab === value ? ' selected' : ''}`}
            aria-selected={tab === value}
            aria-controls="rules-tab-panel"
            tabIndex={tab === value ? 0 : -1}
            onClick={() => onSelect(value)}
          >
            {label}
          </button>
        ))}
      </div>
      <div id="rules-tab-panel" role="tabpanel" aria-labelledby={`rules-tab-${tab}`}>
        {children}
      </div>
    </div>
  );
}
