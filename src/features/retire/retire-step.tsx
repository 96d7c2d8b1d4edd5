import { type ReactNode, useId } from 'react';
import type { RetireStepStatus } from './retire-steps.ts';

const STATUS_TEXT: Record<RetireStepStatus, string> = {
  done: 'Done',
  current: 'Next',
  running: 'Running',
  later: 'Later',
};

interface RetireStepProps {
  number: number;
  title: string;
  status: RetireStepStatus;
  children: ReactNode;
}

/** One numbered step: its title, where it stands (read from Druid) and its content. */
export function RetireStep({ number, title, status, children }: RetireStepProps) {
  const id = useId();
  return (
    <li>
      <section
        className={`card stack retire-step retire-step-${status}`}
        aria-labelledby={`${id}-title`}
        aria-current={status === 'current' || status === 'running' ? 'step' : undefined}
      >
        <div className="row retire-step-head">
          <h2 id={`${id}-title`}>
            {number}. {title}
          </h2>
          <span className={`badge retire-status retire-status-${status}`}>{STATUS_TEXT[status]}</span>
        </div>
        {children}
      </section>
    </li>
  );
}
