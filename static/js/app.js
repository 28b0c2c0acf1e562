// Small progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("change", (event) => {
  // The language switcher submits itself when a language is picked (its button stays for no-JS).
  const select = event.target.closest("select[data-autosubmit]");
  if (select) select.form.requestSubmit();
  // "Select all on this page" in the question bank: ticks every row's box of that form.
  const all = event.target.closest("input[data-select-all]");
  if (all) {
    const boxes = document.querySelectorAll(`input[name=ids][form="${all.dataset.selectAll}"]`);
    for (const box of boxes) box.checked = all.checked;
  }
});
