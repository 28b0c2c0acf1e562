// Small progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("change", (event) => {
  // The language switcher submits itself when a language is picked (its button stays for no-JS).
  const select = event.target.closest("select[data-autosubmit]");
  if (select) select.form.requestSubmit();
});
