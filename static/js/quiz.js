// Taking a quiz from the keyboard: 1–9 pick an option, Enter checks or goes on.
// A progressive enhancement: the quiz works with plain forms and links without this file.
"use strict";

(() => {
  const typing = (el) =>
    el && (el.matches("input[type=text], textarea, select") || el.isContentEditable);

  document.addEventListener("keydown", (event) => {
    const root = document.querySelector("[data-quiz-keys]");
    if (!root || event.altKey || event.ctrlKey || event.metaKey) return;
    const form = root.querySelector("[data-answer-form]");
    if (form && /^[1-9]$/.test(event.key) && !typing(event.target)) {
      const input = form.querySelector(`input[data-key="${event.key}"]`);
      if (input) {
        event.preventDefault();
        if (input.type === "checkbox") input.checked = !input.checked;
        else input.checked = true;
        input.focus();
      }
      return;
    }
    // Enter in a select (matching, ordering) checks the answer too; not in a textarea, and a
    // focused button or link acts by itself.
    if (event.key !== "Enter" || event.target.matches("textarea, button, a")) return;
    if (form) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    const next = root.querySelector("[data-next]");
    if (next) {
      event.preventDefault();
      next.click();
    }
  });

  // After htmx swaps in the next question, focus its heading, so that a screen reader reads the
  // new card and Tab starts from its first option (the old card, and its focus, are gone). A
  // refused answer comes back with its message: focus goes to the first field to correct.
  document.addEventListener("htmx:afterSettle", () => {
    const card = document.getElementById("question-card");
    if (!card || !card.querySelector("[data-answer-form]")) return;
    if (card.contains(document.activeElement)) return;
    const field = card.querySelector(".error") && card.querySelector("[data-answer-form] input, [data-answer-form] select");
    (field || card.querySelector("#question-heading"))?.focus();
  });

  // Ask before finishing early (the form still posts without JavaScript).
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });

  // A countdown for the time limit; the server enforces it, this only shows it.
  const tick = () => {
    for (const el of document.querySelectorAll("time[data-deadline]")) {
      const left = Math.max(0, Math.round((Date.parse(el.dataset.deadline) - Date.now()) / 1000));
      el.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
      if (left === 0 && !el.dataset.done) {
        el.dataset.done = "1";
        window.location.reload();
      }
    }
  };
  tick();
  setInterval(tick, 1000);
})();
