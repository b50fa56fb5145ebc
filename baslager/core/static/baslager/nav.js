// The navigation works without this script (includes/nav.html is built of <details>). It only adds
// what people expect of a menu: Escape closes the open list and returns to its button, and a
// click or focus elsewhere on the page closes it.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const open = document.activeElement?.closest(".site-nav__group[open], .site-menu[open]");
  if (open) {
    open.open = false;
    open.querySelector("summary").focus();
  }
});

function closeMenusOutside(target) {
  document.querySelectorAll(".site-nav__group[open], .site-menu[open]").forEach((menu) => {
    if (!menu.contains(target)) menu.open = false;
  });
}
document.addEventListener("click", (event) => closeMenusOutside(event.target));
document.addEventListener("focusin", (event) => closeMenusOutside(event.target));
