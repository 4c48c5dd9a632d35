// What the selected process does with each signal: handler, ignored or default; blocked; pending.
import { useState } from 'react';
import type { SignalDisposition } from '../../../shared/model/Signals';
import { useI18n } from '../i18n/I18n';

export function DispositionTable({ dispositions }: { dispositions: SignalDisposition[] }) {
  const { t } = useI18n();
  const [onlyNotable, setOnlyNotable] = useState(true);
  const notable = (d: SignalDisposition) => d.handling !== 'default' || d.blocked || d.pending;
  const rows = onlyNotable ? dispositions.filter(notable) : dispositions;
  return (
    <div data-testid="dispositions">
      <label className="check">
        <input type="checkbox" checked={onlyNotable} onChange={(e) => setOnlyNotable(e.target.checked)} />
        {t('disp.onlyNonDefault')}
      </label>
      {rows.length === 0 ? (
        <p className="muted">{t('disp.none')}</p>
      ) : (
        <table className="mini-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('disp.signal')}</th>
              <th>{t('disp.handling')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.number} data-disposition={d.name}>
                <td className="num">{d.number}</td>
                <td className="mono">{d.name}</td>
                <td>
                  <span className={`disp disp-${d.handling}`}>{t(`disp.${d.handling}`)}</span>
                </td>
                <td>
                  {d.blocked && <span className="badge badge-warning">{t('disp.blocked')}</span>}
                  {d.pending && <span className="badge badge-ghost">{t('disp.pending')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
