import { Link } from 'wouter';
import { RuleList } from '../../components/rules/rule-summary.tsx';
import type { Rule } from '../../druid/rule-schemas.ts';

/** The cluster defaults, read-only under a datasource's own rules, with the way to edit them. */
export function DefaultRulesSection({ rules }: { rules: readonly Rule[] }) {
  return (
    <section className="default-rules card stack" aria-labelledby="default-rules-heading">
      <div className="row default-rules-header">
        <h2 id="default-rules-heading">Default rules</h2>
        <Link href="/rules/_default">Edit default rules</Link>
      </div>
      <p className="muted">
        These cluster-wide rules apply when none of this datasource’s rules match a segment, in this order.
      </p>
      <RuleList rules={rules} source="default" label="Default rules" emptyText="The cluster has no default rules." />
    </section>
  );
}
