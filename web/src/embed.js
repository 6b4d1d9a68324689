// The embed demo's own script (not needed to embed): it shows the
// mail-verdict-analyzed event reaching the host page.
const log = document.getElementById('event-log');
document.addEventListener('mail-verdict-analyzed', (event) => {
  if (log) log.textContent = `The page heard mail-verdict-analyzed: verdict "${event.report?.verdict?.status}".`;
});
