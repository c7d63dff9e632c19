import type { PrimaryAction } from './next-step.ts';

/** The one primary action on Home, with why it comes next. */
export function NextStepPanel({ action }: { readonly action: PrimaryAction }) {
  return (
    <section className="panel home-next" aria-labelledby="home-next-title">
      <h2 id="home-next-title">Up next</h2>
      <p className="home-next-detail">{action.detail}</p>
      <a className="btn btn-primary btn-large" href={action.href}>
        {action.label}
      </a>
    </section>
  );
}
