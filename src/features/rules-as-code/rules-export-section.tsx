import { useMutation } from '@tanstack/react-query';
import { formatRulesFileText, type RulesFileFormat } from '../../api/rules-file-text.ts';
import { fetchRawRules } from '../../api/rules-raw.ts';
import { downloadFile } from '../../components/download-file.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';

const MEDIA_TYPE: Record<RulesFileFormat, string> = { json: 'application/json', yaml: 'application/yaml' };

/** `druid-rules-2026-11-26.json` (or `.yaml`). */
export function exportFileName(now: Date, format: RulesFileFormat = 'json'): string {
  return `druid-rules-${now.toISOString().slice(0, 10)}.${format}`;
}

/** Downloads the cluster's rules, `_default` included, exactly as `GET /druid/coordinator/v1/rules` answers them. */
export function RulesExportSection() {
  const exportRules = useMutation({
    mutationFn: async (format: RulesFileFormat) => {
      const text = await formatRulesFileText(await fetchRawRules(), format);
      downloadFile(exportFileName(new Date(), format), text, MEDIA_TYPE[format]);
    },
  });
  return (
    <section className="card stack" aria-labelledby="rules-code-export">
      <h2 id="rules-code-export">Export</h2>
      <p className="muted">
        Every datasource’s rules and the cluster defaults in one JSON (or YAML) file, in the exact shape of{' '}
        <code>GET /druid/coordinator/v1/rules</code>: keep it in version control, edit it, import it here or apply it
        with <code>npm run rules -- apply</code>.
      </p>
      <div className="row">
        {(['json', 'yaml'] as const).map((format) => (
          <button
            key={format}
            type="button"
            onClick={() => exportRules.mutate(format)}
            disabled={exportRules.isPending}
            aria-busy={exportRules.isPending && exportRules.variables === format}
          >
            Download all rules ({format.toUpperCase()})
          </button>
        ))}
      </div>
      {exportRules.error && (
        <QueryErrorAlert
          error={exportRules.error}
          onRetry={() => exportRules.mutate(exportRules.variables ?? 'json')}
        />
      )}
    </section>
  );
}
