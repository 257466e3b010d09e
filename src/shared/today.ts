/** Today's date in Norway as YYYY-MM-DD (rules about terms and deadlines are about Norwegian days). */
export function todayInOslo(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
