// How the page's link to the main process is doing, shown to the person and used to resubscribe.
/** `refused`: the server is there but says the page's token is wrong (a link from an earlier start). */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'refused';
