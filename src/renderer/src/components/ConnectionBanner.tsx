// Under the header: the link to ProcLab is not open (connecting, dropped, or refused for its
// token), or the last call failed.
import { useI18n } from '../i18n/I18n';
import type { LiveStatus } from '../store/LiveConnection';

const MESSAGES = { connecting: 'conn.connecting', closed: 'conn.closed', refused: 'conn.refused' } as const;

export function ConnectionBanner({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  const { connection, error } = status;
  return (
    <>
      {connection !== 'open' && (
        <div
          className={`banner ${connection === 'refused' ? 'banner-error' : 'banner-warning'}`}
          role={connection === 'refused' ? 'alert' : 'status'}
          data-testid="connection-banner"
          data-connection={connection}
        >
          {t(connection === 'refused' && !linkHasToken() ? 'conn.noToken' : MESSAGES[connection])}
        </div>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          {t('conn.error', { message: error })}
        </div>
      )}
    </>
  );
}

/** A browser-mode link carries its token as ?token=…; one opened without it was cut short. */
function linkHasToken(): boolean {
  return new URLSearchParams(window.location.search).has('token');
}
