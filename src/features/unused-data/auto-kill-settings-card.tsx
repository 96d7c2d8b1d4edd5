import { useId, useState } from 'react';
import { NotCoordinatorPropertiesError } from '../../api/auto-kill-config.ts';
import { isDruidApiError } from '../../api/druid-api-error.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import type { KillProperty } from '../../druid/auto-kill-settings.ts';
import { describeValue, killConfigValues } from './config-changes.ts';
import { DynamicConfigDialog } from './dynamic-config-dialog.tsx';
import { formatSpan, formatWhen } from './format-when.ts';
import type { AutoKillState } from './use-auto-kill-state.ts';

function propertyValue(property: KillProperty<number | boolean>, isDuration: boolean) {
  const shown = typeof property.value === 'number' && isDuration ? ` (${formatSpan(property.value)})` : '';
  return (
    <>
      <span className="mono">{property.text}</span>
      {property.source === 'set' ? shown : null}
      {property.source === 'default' && <span className="muted"> Druid’s default{shown}</span>}
      {property.source === 'invalid' && <span className="field-error"> not valid; Druid would not start with it</span>}
    </>
  );
}

function unreadableText(error: unknown): string {
  if (error instanceof NotCoordinatorPropertiesError) return error.message;
  if (isDruidApiError(error) && error.isForbidden)
    return 'Reading the Coordinator’s properties needs CONFIG read permission; predictions below assume Druid’s defaults.';
  if (isDruidApiError(error) && error.status === 404)
    return 'This Druid does not serve /status/properties; predictions below assume Druid’s defaults.';
  return error instanceof Error ? error.message : String(error);
}

/** The static properties (read-only) and the dynamic kill config (editable), in one place. */
export function AutoKillSettingsCard({ state }: { state: AutoKillState }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const { settings, properties, config, capacity, plan } = state;
  const rows: Array<[KillProperty<number | boolean>, boolean]> = settings
    ? [
        [settings.on, false],
        [settings.periodMs, true],
        [settings.indexingPeriodMs, true],
        [settings.durationToRetainMs, true],
        [settings.ignoreDurationToRetain, false],
        [settings.bufferPeriodMs, true],
        [settings.maxSegments, false],
        [settings.overlordKillEnabled, false],
        [settings.overlordBufferPeriodMs, true],
      ]
    : [];
  const values = config.data ? killConfigValues(config.data) : null;
  // Fields an older release does not have are said to be missing, never shown as a default.
  const shown = (field: 'killTaskSlotRatio' | 'maxKillTaskSlots', value: number) =>
    config.data && typeof config.data[field] === 'number' ? (
      describeValue(field, value)
    ) : (
      <span className="muted">not in this Druid release</span>
    );
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Auto-kill settings</h2>
      <div className="unused-settings-grid">
        <div className="stack">
          <h3>Static (runtime.properties, read-only)</h3>
          {properties.isPending && <p className="muted">Reading the Coordinator’s properties…</p>}
          {properties.isError && (
            <div role="alert" className="alert warning">
              <strong>Static settings unknown.</strong> {unreadableText(properties.error)}
            </div>
          )}
          {settings && (
            <table className="unused-settings-table">
              <caption className="visually-hidden">Static auto-kill properties</caption>
              <tbody>
                {rows.map(([property, isDuration]) => (
                  <tr key={property.key}>
                    <th scope="row">
                      {property.label}
                      <div className="mono muted unused-property-key">{property.key}</div>
                    </th>
                    <td>{propertyValue(property, isDuration)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="stack">
          <h3>Dynamic (Coordinator config)</h3>
          {config.isPending && <p className="muted">Reading the dynamic config…</p>}
          {config.isError && (
            <QueryErrorAlert title="Dynamic config unknown" error={config.error} onRetry={() => config.refetch()} />
          )}
          {values && (
            <dl className="key-values">
              <dt>killDataSourceWhitelist</dt>
              <dd data-testid="kill-whitelist">
                {describeValue('killDataSourceWhitelist', values.killDataSourceWhitelist)}
              </dd>
              <dt>killTaskSlotRatio</dt>
              <dd>{shown('killTaskSlotRatio', values.killTaskSlotRatio)}</dd>
              <dt>maxKillTaskSlots</dt>
              <dd>{shown('maxKillTaskSlots', values.maxKillTaskSlots)}</dd>
              <dt>Kill task slots</dt>
              <dd>
                {plan.maxSlots === null
                  ? 'unknown (task capacity unavailable)'
                  : `${plan.maxSlots} of ${capacity.data ?? '?'} task slots`}
                {plan.maxSlots === 0 && <span className="field-error"> — auto-kill can submit no task</span>}
              </dd>
              <dt>Next run (at the latest)</dt>
              <dd>{plan.on === false ? 'never: auto-kill is off' : formatWhen(state.nextRunAt)}</dd>
            </dl>
          )}
          {config.data && (
            <div>
              <button type="button" onClick={() => setEditing(true)}>
                Edit kill settings…
              </button>
            </div>
          )}
        </div>
      </div>
      {settings?.overlordKillEnabled.value && (
        <div role="note" className="alert warning">
          The Overlord’s embedded kill is on: it deletes unused segments of every datasource once they have been unused
          for {settings.overlordBufferPeriodMs.text}, whatever killDataSourceWhitelist says. The forecast below covers
          the Coordinator’s auto-kill only.
        </div>
      )}
      {config.data && <DynamicConfigDialog open={editing} onClose={() => setEditing(false)} current={config.data} />}
    </section>
  );
}
