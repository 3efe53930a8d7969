/** Where to go after login: only paths inside the app, never an absolute URL from a crafted link. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/ecommerce';
}
