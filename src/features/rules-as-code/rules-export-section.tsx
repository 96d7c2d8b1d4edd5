import { useMutation } from '@tanstack/react-query';
import { fetchRawRules } from '../../api/rules-raw.ts';
import { downloadFile } from '../../components/download-file.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatRulesFile } from '../../druid/rules-file.ts';

/** `druid-rules-2026-11-26.json`. */
export function exportFileName(now: Date): string {
  return `druid-rules-${now.toISOString().slice(0, 10)}.json`;
}

/** Downloads the cluster's rules, `_default` included, exactly as `GET /druid/coordinator/v1/rules` answers them. */
export function RulesExportSection() {
  const exportRules = useMutation({
    mutationFn: async () => {
      const text = formatRulesFile(await fetchRawRules());
      downloadFile(exportFileName(new Date()), text, 'application/json');
    },
  });
  return (
    <section className="card stack" aria-labelledby="rules-code-export">
      <h2 id="rules-code-export">Export</h2>
      <p className="muted">
        Every datasource’s rules and the cluster defaults in one JSON file, in the exact shape of{' '}
        <code>GET /druid/coordinator/v1/rules</code>: keep it in version control, edit it, import it here or apply it
        with <code>npm run rules -- apply</code>.
      </p>
      <div>
        <button
          type="button"
          onClick={() => exportRules.mutate()}
          disabled={exportRules.isPending}
          aria-busy={exportRules.isPending}
        >
          Download all rules (JSON)
        </button>
      </div>
      {exportRules.error && <QueryErrorAlert error={exportRules.error} onRetry={() => exportRules.mutate()} />}
    </section>
  );
}
