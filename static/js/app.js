// Small progressive enhancements; every page works without this file.
"use strict";

// A select that submits itself needs no button (the button stays for no-JS).
for (const select of document.querySelectorAll("select[data-autosubmit]")) {
  const button = select.form?.querySelector("button[type=submit]");
  if (button) button.hidden = true;
}

document.addEventListener("change", (event) => {
  // The language switcher submits itself when a language is picked (its button stays for no-JS).
  const select = event.target.closest("select[data-autosubmit]");
  if (select) select.form.requestSubmit();
});

// The main menu folds behind a "Menu" button on a phone (the CSS decides below which width).
// Without this file the button stays hidden and the menu shows in full.
(() => {
  const toggle = document.querySelector(".nav-toggle");
  if (!toggle) return;
  const nav = toggle.closest(".nav");
  toggle.hidden = false;
  nav.classList.add("nav-collapsible");
  const open = (value) => toggle.setAttribute("aria-expanded", String(value));
  toggle.addEventListener("click", () => open(toggle.getAttribute("aria-expanded") !== "true"));
  nav.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
      open(false);
      toggle.focus();
    }
  });
})();
