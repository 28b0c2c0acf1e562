// The question bank: "Select all on this page" ticks every row's box of the bulk form.
// A progressive enhancement: without it each box is ticked by hand.
"use strict";

document.addEventListener("change", (event) => {
  const all = event.target.closest("input[data-select-all]");
  if (!all) return;
  const boxes = document.querySelectorAll(`input[name=ids][form="${all.dataset.selectAll}"]`);
  for (const box of boxes) box.checked = all.checked;
});
