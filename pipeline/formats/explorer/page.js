// The provenance explorer's behaviour: tooltips on highlights, sortable and filterable record lists, records
// that lead to their words in the text and highlights that lead to their records. Inlined into the page at
// build time; no dependencies.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("explorer-data").textContent);
  const tip = document.getElementById("tip");
  const memo = document.querySelector(".memo-text");
  const memoPane = memo.closest(".pane");
  const HIDE_DELAY_MS = 200;
  let tipAnchor = null;
  let hideTimer = 0;
  let selectedIds = [];

  // ---- tooltip ----

  function idsOf(mark) {
    return mark.dataset.ids.split(" ");
  }

  function card(id) {
    const record = data.records[id];
    const section = document.createElement("section");
    section.className = `card ${record.kind}${selectedIds.includes(id) ? " current" : ""}`;
    section.dataset.id = id;
    const title = document.createElement("p");
    title.className = "card-title";
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = record.kind;
    title.append(badge, record.heading);
    const list = document.createElement("dl");
    for (const [label, value] of record.fields) {
      const term = document.createElement("dt");
      term.textContent = label;
      const description = document.createElement("dd");
      description.textContent = value;
      list.append(term, description);
    }
    section.append(title, list);
    if (record.note !== null) {
      const note = document.createElement("p");
      note.className = "note";
      note.textContent = record.note;
      section.append(note);
    }
    return section;
  }

  function showTip(mark) {
    clearTimeout(hideTimer);
    if (tipAnchor !== mark) {
      tipAnchor?.removeAttribute("aria-describedby");
      tip.replaceChildren(...idsOf(mark).map(card));
      tipAnchor = mark;
      mark.setAttribute("aria-describedby", "tip");
    }
    tip.hidden = false;
    placeTip();
  }

  function hideTip() {
    clearTimeout(hideTimer);
    tip.hidden = true;
    tipAnchor?.removeAttribute("aria-describedby");
    tipAnchor = null;
  }

  // Leaves time to move the pointer onto the tooltip, which stays while hovered (WCAG 1.4.13); then the
  // focused highlight, if any, gets its tooltip back.
  function hideTipSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      const focused = document.activeElement;
      if (focused.matches("mark[data-ids]")) showTip(focused);
      else hideTip();
    }, HIDE_DELAY_MS);
  }

  /**
   * Below the highlight, or above it when there is more room there; never over its words (a tall tooltip
   * scrolls instead), and inside the memo's pane where it fits, to leave the tables in view.
   */
  function placeTip() {
    if (!tipAnchor) return;
    const words = tipAnchor.getBoundingClientRect();
    const gap = 6;
    const roomBelow = window.innerHeight - words.bottom - 2 * gap;
    const roomAbove = words.top - 2 * gap;
    tip.style.maxHeight = "none";
    const below = tip.offsetHeight <= roomBelow || roomBelow >= roomAbove;
    tip.style.maxHeight = `${Math.max(below ? roomBelow : roomAbove, 0)}px`;
    const paneRight = memoPane.getBoundingClientRect().right;
    const rightLimit = paneRight >= tip.offsetWidth + 2 * gap ? paneRight : window.innerWidth;
    tip.style.top = `${below ? words.bottom + gap : words.top - gap - tip.offsetHeight}px`;
    tip.style.left = `${Math.max(gap, Math.min(words.left, rightLimit - tip.offsetWidth - gap))}px`;
  }

  memo.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark[data-ids]");
    if (mark) showTip(mark);
  });
  memo.addEventListener("mouseout", (event) => {
    if (event.target.closest("mark[data-ids]")) hideTipSoon();
  });
  memo.addEventListener("focusin", (event) => {
    const mark = event.target.closest("mark[data-ids]");
    if (mark) showTip(mark);
  });
  memo.addEventListener("focusout", hideTip);
  tip.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  tip.addEventListener("mouseleave", hideTipSoon);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideTip();
  });
  document.addEventListener("scroll", placeTip, { capture: true, passive: true });
  window.addEventListener("resize", placeTip);

  // ---- selecting records ----

  function marksOf(ids) {
    const selector = ids.map((id) => `mark[data-ids~="${CSS.escape(id)}"]`).join(", ");
    return [...memo.querySelectorAll(selector)];
  }

  /** Marks the records selected: their rows and every word of their quotes. */
  function markSelected(ids, rows) {
    for (const element of document.querySelectorAll("mark.active, tr.selected")) element.classList.remove("active", "selected");
    selectedIds = ids;
    for (const row of rows) row.classList.add("selected");
    const marks = marksOf(ids);
    for (const mark of marks) mark.classList.add("active");
    hideTip(); // so that a highlight focused next rebuilds its tooltip with the selected records' cards marked current
    return marks;
  }

  /** Highlights every word of the records and brings the first into view, with focus (and so its tooltip). */
  function selectFromRow(ids, row) {
    const marks = markSelected(ids, [row]);
    if (marks.length === 0) return;
    marks[0].scrollIntoView({ block: "center" });
    marks[0].focus({ preventScroll: true });
  }

  function activate(row) {
    const table = row.closest("table");
    const ids = table.dataset.kind === "indicators" ? data.inputs[row.dataset.id] : [row.dataset.id];
    selectFromRow(ids, row);
  }

  /** The figure and event rows of the records, shown again if a filter hid them. */
  function rowsOf(ids) {
    const rows = ids.map((id) => document.querySelector(`table:not([data-kind="indicators"]) tr[data-id="${CSS.escape(id)}"]`)).filter(Boolean);
    for (const row of rows.filter((row) => row.hidden)) {
      const name = row.closest("table").dataset.kind;
      const input = document.getElementById(`${name}-filter`);
      input.value = "";
      input.dispatchEvent(new Event("input"));
    }
    return rows;
  }

  /** A highlight's records selected in their lists and the first brought into view, with focus. */
  function selectFromMark(mark) {
    const ids = idsOf(mark);
    const rows = rowsOf(ids);
    markSelected(ids, rows);
    if (rows.length === 0) return;
    rows[0].scrollIntoView({ block: "center" });
    rows[0].focus({ preventScroll: true });
  }

  memo.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-ids]");
    if (mark) selectFromMark(mark);
  });
  memo.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark[data-ids]");
    if (mark && event.key === "Enter") {
      event.preventDefault();
      selectFromMark(mark);
    }
  });

  // ---- tables ----

  function sortKey(cell) {
    return cell.dataset.sort ?? cell.textContent.trim();
  }

  /** Missing values last in either direction; numbers as numbers; text in natural order ("2" before "10"). */
  function compareCells(a, b, numeric, direction) {
    const x = sortKey(a);
    const y = sortKey(b);
    if (x === "" || y === "") return (x === "") - (y === "");
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "en", { numeric: true, sensitivity: "base" });
    return order * direction;
  }

  function sortTable(table, header) {
    const column = header.cellIndex;
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const numeric = header.dataset.type === "number";
    const body = table.tBodies[0];
    const rows = [...body.rows].sort((a, b) => compareCells(a.cells[column], b.cells[column], numeric, ascending ? 1 : -1));
    body.append(...rows);
  }

  /** Keeps the rows that hold every word typed, in any of their cells. */
  function filterTable(table, input, status) {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    const rows = [...table.tBodies[0].rows];
    for (const row of rows) {
      const text = [...row.cells].map((cell) => cell.textContent.toLowerCase()).join("\n");
      row.hidden = !words.every((word) => text.includes(word));
    }
    status.value = `${rows.filter((row) => !row.hidden).length} of ${rows.length}`;
  }

  for (const table of document.querySelectorAll("table[data-kind]")) {
    const name = table.dataset.kind;
    const input = document.getElementById(`${name}-filter`);
    const status = document.getElementById(`${name}-status`);
    input.addEventListener("input", () => filterTable(table, input, status));
    table.tHead.addEventListener("click", (event) => {
      const button = event.target.closest("button.sort");
      if (button) sortTable(table, button.closest("th"));
    });
    table.tBodies[0].addEventListener("click", (event) => {
      const row = event.target.closest("tr[data-id]");
      if (row) activate(row);
    });
    table.tBodies[0].addEventListener("keydown", (event) => {
      const row = event.target;
      if (row.matches("tr[data-id]") && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        activate(row);
      }
    });
  }
})();
