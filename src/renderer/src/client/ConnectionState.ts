// How the page's link to the main process is doing, shown to the person and used to resubscribe.
export type ConnectionState = 'connecting' | 'open' | 'closed';
