// Classes: copy the join link, and ask before removing a student, leaving a class or replacing
// the code. A progressive enhancement: without this file the link is selectable text and the
// forms post without asking.
"use strict";

(() => {
  for (const button of document.querySelectorAll("[data-copy]")) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const input = document.querySelector(button.dataset.copy);
      await navigator.clipboard.writeText(input.value);
      button.textContent = button.dataset.copied;
    });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });
})();
