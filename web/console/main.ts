// console.js: starts the staff console in the shell's #console element (served by functions/console/routes.ts).
import { StaffConsole } from './app.ts';

function start() {
  const root = document.getElementById('console');
  if (root) void new StaffConsole(root).start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
