import { useState } from 'react';
import type { Customer } from '../../lib/plans/config-schema.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { ContractTimelineView } from './contract-timeline-view.tsx';
import { CustomerEditor } from './customer-editor.tsx';
import { LockedSection, useLocked } from './locked-section.tsx';
import { nowIn, useEnvironment } from './options-environment.ts';
import { RequesterTest } from './requester-test.tsx';

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * Customers in matching order (first match wins): drag a card by its handle, or use the move
 * buttons, which also announce the new position.
 */
export function CustomersSection() {
  const { now } = useEnvironment();
  const customers = useOptionsStore((state) => state.draft.customers);
  const plans = useOptionsStore((state) => state.draft.plans);
  const edit = useOptionsStore((state) => state.edit);
  const locked = useLocked('customers');
  const [dragging, setDragging] = useState<number | undefined>();
  const [announcement, setAnnouncement] = useState('');

  const move = (from: number, to: number): void => {
    if (to < 0 || to >= customers.length || from === to) return;
    const name = customers[from]?.name ?? '';
    edit((draft) => {
      draft.customers = moved(draft.customers, from, to);
    });
    setAnnouncement(`${name} moved to position ${to + 1} of ${customers.length}.`);
  };
  const setCustomer = (i: number, customer: Customer): void =>
    edit((draft) => {
      draft.customers[i] = customer;
    });

  return (
    <>
      <RequesterTest />
      <LockedSection parts={['customers']} legend="Customers">
        <p className="hint">Customers are tried in this order; the first with a matching rule wins.</p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        <ol className="customer-list">
          {customers.map((customer, i) => (
            <li
              key={i}
              className={dragging === i ? 'card dragging' : 'card'}
              aria-label={customer.name || `Customer ${i + 1}`}
              onDragOver={(event) => {
                if (dragging !== undefined) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging !== undefined) move(dragging, i);
                setDragging(undefined);
              }}
            >
              <div className="card-header">
                <span
                  className="drag-handle"
                  draggable={!locked}
                  aria-hidden="true"
                  title="Drag to reorder"
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', String(i));
                    setDragging(i);
                  }}
                  onDragEnd={() => setDragging(undefined)}
                >
                  ⠿
                </span>
                <strong>
                  {i + 1}. {customer.name || customer.id}
                </strong>
                <button type="button" aria-label={`Move ${customer.name} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </button>
                <button type="button" aria-label={`Move ${customer.name} down`} disabled={i === customers.length - 1} onClick={() => move(i, i + 1)}>
                  ↓
                </button>
                <button
                  type="button"
                  className="danger"
                  aria-label={`Delete customer ${customer.name}`}
                  onClick={() =>
                    edit((draft) => {
                      draft.customers.splice(i, 1);
                    })
                  }
                >
                  Delete
                </button>
              </div>
              <ContractTimelineView customer={customer} plans={plans} today={nowIn(now, customer.timezone ?? 'UTC').toISODate() ?? ''} />
              <details>
                <summary>Edit {customer.name || 'customer'}</summary>
                <CustomerEditor value={customer} plans={plans} path={['customers', i]} onChange={(next) => setCustomer(i, next)} />
              </details>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() =>
            edit((draft) => {
              const n = draft.customers.length + 1;
              draft.customers.push({ id: `customer-${n}`, name: `Customer ${n}`, rules: [{ emailDomain: 'example.com' }], contracts: [] });
            })
          }
        >
          Add customer
        </button>
      </LockedSection>
    </>
  );
}
