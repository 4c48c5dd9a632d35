// The `?` overlay: every key the window understands.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';

const KEYS: [string, MessageKey][] = [
  ['↑ ↓', 'keys.move'],
  ['PageUp PageDown', 'keys.page'],
  ['Home End', 'keys.ends'],
  ['← →', 'keys.fold'],
  ['/', 'keys.search'],
  ['t', 'keys.toggle'],
  ['Space', 'keys.pause'],
  ['Enter', 'keys.details'],
  ['k F9', 'keys.signal'],
  ['?', 'keys.help'],
  ['Esc', 'keys.close'],
];

export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
  }, []);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={t('keys.title')} onClick={onClose}>
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>{t('keys.title')}</h2>
        <table className="keys">
          <tbody>
            {KEYS.map(([keys, label]) => (
              <tr key={keys}>
                <td>
                  {keys.split(' ').map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </td>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
