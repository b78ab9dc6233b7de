// The compose-box demo: lints the draft on every input event and paints each
// diagnostic behind the text, in a mirror of the textarea.
//
// Offsets come straight from postlint in UTF-16 code units, which is what
// String.prototype.slice takes, so no offset arithmetic happens here.
import init, { Linter, applyFixes, rules } from "./pkg/index.js";

const DIMENSIONS = [
  { key: "salesy", label: "Salesy", optimum: 0, yes: "Reads salesy", no: "Not salesy" },
  { key: "personal", label: "Personal", optimum: 1, yes: "Reads personal", no: "Not personal" },
  {
    key: "conversational",
    label: "Conversational",
    optimum: 1,
    yes: "Invites a conversation",
    no: "Not conversational",
  },
  {
    key: "identityReflecting",
    label: "Identity-reflecting",
    optimum: 1,
    yes: "Reflects the audience",
    no: "Not identity-reflecting",
  },
];
/** Drafts up to this many characters are linted on every input event. */
const DEBOUNCE_ABOVE = 10_000;
const DEBOUNCE_MS = 120;

const EXAMPLES = {
  Salesy: "🔥 HUGE SALE!!! Buy now, 50% off everything, today only! Link in bio 👇 #sale #deals #shopping #fashion #style",
  Personal:
    "Well. I drove off with my phone on the roof of the car. It survived the highway. 🙃 Huge thanks to the cyclist who waved me down. Has this ever happened to you?",
  Brand:
    "We are proud to announce our award-winning, industry-leading platform. Our team has worked hard and we just hit 50k followers!",
};

const $ = (id) => document.getElementById(id);
const draft = $("draft");
const backdrop = $("backdrop");
const mirror = $("mirror");
const tooltip = $("tooltip");

await init();
// The linter's config: the platform picked, and the findings the writer
// chose to ignore (`ignore` entries: the rule and the flagged words).
let platform = "";
const ignored = [];
function makeLinter() {
  const config = {};
  if (platform) config.platform = platform;
  if (ignored.length) config.ignore = ignored;
  return new Linter(config);
}
let linter = makeLinter();
const catalogue = rules();

// --- Static parts: meters, rule table, example buttons. -------------------

const meters = new Map();
for (const d of DIMENSIONS) {
  const row = document.createElement("div");
  row.className = "meter-row";
  const id = `meter-${d.key}`;
  row.innerHTML = `
    <label for="${id}">${d.label}</label>
    <meter id="${id}" min="0" max="1" low="0.35" high="0.65" optimum="${d.optimum}" value="0"
           aria-describedby="${id}-verdict"></meter>
    <output for="${id}" id="${id}-value">0%</output>
    <div class="verdict" id="${id}-verdict"></div>`;
  $("meters").append(row);
  meters.set(d.key, {
    meter: row.querySelector("meter"),
    value: row.querySelector("output"),
    verdict: row.querySelector(".verdict"),
  });
}

const ruleRows = new Map();
const tbody = $("rules-table").tBodies[0];
for (const r of catalogue) {
  const tr = document.createElement("tr");
  tr.dataset.rule = r.id;
  tr.title = r.description;
  for (const text of [r.id, DIMENSIONS.find((d) => d.key === r.dimension).label, r.defaultSeverity, "0"]) {
    const td = document.createElement("td");
    td.textContent = text;
    tr.append(td);
  }
  tr.lastChild.className = "num";
  tbody.append(tr);
  ruleRows.set(r.id, tr);
}

const examples = document.createElement("p");
examples.className = "examples muted";
examples.append("Try: ");
for (const [name, text] of Object.entries(EXAMPLES)) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = name;
  b.addEventListener("click", () => {
    draft.value = text;
    draft.dispatchEvent(new Event("input"));
    draft.focus();
  });
  examples.append(b, " ");
}
document.querySelector(".compose").append(examples);

// --- Linting. ---------------------------------------------------------------

let current = { text: "", report: null };

function lint() {
  const text = draft.value;
  const t0 = performance.now();
  const report = linter.analyze(text);
  const took = performance.now() - t0;
  current = { text, report };
  renderMirror(text, report.diagnostics);
  renderScores(report);
  renderFindings(text, report.diagnostics);
  renderRules(report.diagnostics);
  renderLength(report.length);
  $("chars").textContent = text.length.toLocaleString("en");
  // Browsers coarsen performance.now() (to 0.1 ms or so without cross-origin
  // isolation), so this is a rough figure; see bench/ for real numbers.
  $("took").textContent = took < 0.1 ? "< 0.1 ms" : `${took.toFixed(1)} ms`;
  hideTooltip();
  syncScroll();
}

// The platform picker: a new Linter for the platform, so reports carry its
// `length` and `too-long` marks the part past its limit.
$("platform").addEventListener("change", (e) => {
  platform = e.target.value;
  relint();
});

/** A new Linter for the current config, then lint again. */
function relint() {
  linter.free();
  linter = makeLinter();
  lint();
  $("ignored").hidden = ignored.length === 0;
  $("ignored-count").textContent = String(ignored.length);
}

$("restore").addEventListener("click", () => {
  ignored.length = 0;
  relint();
});

/** "N characters left" (or "N over") in the platform's own count. */
function renderLength(length) {
  const left = $("left");
  left.hidden = !length;
  if (!length) return;
  const n = length.limit - length.count;
  left.textContent = n >= 0 ? `${n.toLocaleString("en")} left ·` : `${(-n).toLocaleString("en")} over ·`;
  left.classList.toggle("over", n < 0);
  left.title = `${length.count} of ${length.limit}, counted as ${length.platform} counts`;
}

let timer = 0;
draft.addEventListener("input", () => {
  clearTimeout(timer);
  if (draft.value.length <= DEBOUNCE_ABOVE) lint();
  else timer = setTimeout(lint, DEBOUNCE_MS);
});

// --- The mirror. ------------------------------------------------------------

/**
 * Nests diagnostic spans into a tree so each becomes one <mark> (a span that
 * crosses another's end is split in two; both pieces carry its index).
 */
function nest(diagnostics) {
  const queue = diagnostics
    .map((d, i) => ({ start: d.start, end: d.end, i }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || a.i - b.i);
  const root = { start: 0, end: Infinity, children: [] };
  const stack = [root];
  for (let k = 0; k < queue.length; k++) {
    const item = queue[k];
    while (stack.at(-1).end <= item.start) stack.pop();
    const parent = stack.at(-1);
    if (item.end > parent.end) {
      const rest = { start: parent.end, end: item.end, i: item.i };
      item.end = parent.end;
      let j = k + 1;
      while (j < queue.length && (queue[j].start < rest.start || (queue[j].start === rest.start && queue[j].end >= rest.end))) j++;
      queue.splice(j, 0, rest);
    }
    const node = { ...item, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/** Appends text[from, to) with the marks of `children`; text nodes only, so
 *  nothing in the draft is ever parsed as HTML. */
function appendRange(parent, text, from, to, children, diagnostics) {
  let at = from;
  for (const c of children) {
    if (c.start > at) parent.append(document.createTextNode(text.slice(at, c.start)));
    const d = diagnostics[c.i];
    const mark = document.createElement("mark");
    mark.className = d.severity;
    mark.dataset.rule = d.rule;
    mark.dataset.index = String(c.i);
    appendRange(mark, text, c.start, c.end, c.children, diagnostics);
    parent.append(mark);
    at = c.end;
  }
  if (to > at) parent.append(document.createTextNode(text.slice(at, to)));
}

function renderMirror(text, diagnostics) {
  const frag = document.createDocumentFragment();
  appendRange(frag, text, 0, text.length, nest(diagnostics).children, diagnostics);
  // A textarea shows an empty last line after a final newline; a mirror
  // would not, and the two would scroll apart.
  const sentinel = document.createElement("span");
  sentinel.dataset.sentinel = "";
  sentinel.textContent = " ";
  frag.append(sentinel);
  mirror.replaceChildren(frag);
}

function syncScroll() {
  backdrop.scrollTop = draft.scrollTop;
  backdrop.scrollLeft = draft.scrollLeft;
}
draft.addEventListener("scroll", syncScroll);
new ResizeObserver(syncScroll).observe(draft);

// --- Scores, findings, rules. -------------------------------------------------

const pct = (x) => `${Math.round(x * 100)}%`;

function renderScores(report) {
  for (const d of DIMENSIONS) {
    const m = meters.get(d.key);
    const score = report.scores[d.key];
    const on = report.labels[d.key];
    m.meter.value = score;
    m.meter.setAttribute("aria-valuetext", `${d.label} ${pct(score)}`);
    m.value.textContent = pct(score);
    m.verdict.textContent = on ? d.yes : d.no;
    m.verdict.classList.toggle("on", on);
  }
  const flags = DIMENSIONS.filter((d) => report.labels[d.key]).map((d, i) =>
    i === 0 ? d.yes : d.yes[0].toLowerCase() + d.yes.slice(1),
  );
  const n = report.diagnostics.length;
  const bySeverity = ["error", "warning", "info"]
    .map((s) => [s, report.diagnostics.filter((x) => x.severity === s).length])
    .filter(([, c]) => c > 0)
    .map(([s, c]) => `${c} ${s}${c > 1 && s !== "info" ? "s" : ""}`);
  const summary =
    `${flags.length ? flags.join("; ") : "Neutral"}. ` +
    (n ? `${n} finding${n > 1 ? "s" : ""}: ${bySeverity.join(", ")}.` : "No findings.");
  if ($("summary").textContent !== summary) $("summary").textContent = summary;
}

function renderFindings(text, diagnostics) {
  const list = $("findings");
  const items = diagnostics.map((d, i) => {
    const li = document.createElement("li");
    li.id = `finding-${i}`;
    li.dataset.rule = d.rule;
    const sev = document.createElement("span");
    sev.className = `sev ${d.severity}`;
    sev.textContent = d.severity;
    const rule = document.createElement("code");
    rule.textContent = d.rule;
    const quote = document.createElement("button");
    quote.type = "button";
    quote.className = "quote";
    quote.textContent = `“${abbreviate(text.slice(d.start, d.end))}”`;
    quote.setAttribute("aria-label", `Select the flagged text: ${text.slice(d.start, d.end)}`);
    quote.addEventListener("click", () => {
      draft.focus();
      draft.setSelectionRange(d.start, d.end);
    });
    const flagged = text.slice(d.start, d.end);
    const actions = [];
    if (d.fix) {
      const fix = document.createElement("button");
      fix.type = "button";
      fix.className = "fix";
      fix.textContent = d.fix.replacement ? "Fix" : "Remove";
      fix.title = d.fix.replacement ? `Replace with “${d.fix.replacement}”` : "Delete it";
      fix.addEventListener("click", () => {
        draft.value = applyFixes(text, { diagnostics: [d] });
        draft.dispatchEvent(new Event("input"));
      });
      actions.push(" ", fix);
    }
    // An ignore entry names words; a run of "!!!!" has none to name.
    if (/[\p{L}\p{N}]/u.test(flagged)) {
      const ignore = document.createElement("button");
      ignore.type = "button";
      ignore.className = "ignore";
      ignore.textContent = "Ignore";
      ignore.setAttribute("aria-label", `Ignore ${d.rule} on “${abbreviate(flagged)}” from now on`);
      ignore.addEventListener("click", () => {
        ignored.push({ rule: d.rule, text: flagged });
        relint();
      });
      actions.push(" ", ignore);
    }
    const message = document.createElement("div");
    message.textContent = d.message;
    li.append(sev, " ", rule, " ", quote, ...actions, message);
    if (d.suggestion) {
      const s = document.createElement("div");
      s.className = "suggestion";
      s.textContent = `Suggestion: ${d.suggestion}`;
      li.append(s);
    }
    return li;
  });
  list.replaceChildren(...items);
  $("findings-count").textContent = String(diagnostics.length);
  $("no-findings").hidden = diagnostics.length > 0;
}

function abbreviate(s) {
  const chars = Array.from(s);
  return chars.length > 60 ? `${chars.slice(0, 28).join("")} … ${chars.slice(-28).join("")}` : s;
}

function renderRules(diagnostics) {
  const counts = new Map();
  for (const d of diagnostics) counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
  for (const [id, tr] of ruleRows) {
    const n = counts.get(id) ?? 0;
    tr.lastChild.textContent = String(n);
    tr.classList.toggle("hit", n > 0);
  }
}

// --- Hover: the textarea is on top, so find the mark under the pointer. -----

function markAt(x, y) {
  let hit = null;
  for (const mark of mirror.querySelectorAll("mark")) {
    for (const r of mark.getClientRects()) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) hit = mark; // innermost wins
    }
  }
  return hit;
}

let active = null;
function showTooltip(mark, x, y) {
  const d = current.report.diagnostics[Number(mark.dataset.index)];
  if (active !== mark) {
    active?.classList.remove("active");
    active = mark;
    mark.classList.add("active");
    const head = document.createElement("div");
    const rule = document.createElement("span");
    rule.className = "rule";
    rule.textContent = d.rule;
    head.append(rule, ` · ${d.severity}`);
    const message = document.createElement("div");
    message.className = "message";
    message.textContent = d.message;
    tooltip.replaceChildren(head, message);
    if (d.suggestion) {
      const s = document.createElement("div");
      s.className = "suggestion";
      s.textContent = d.suggestion;
      tooltip.append(s);
    }
    tooltip.hidden = false;
  }
  const pad = 14;
  const w = tooltip.offsetWidth;
  tooltip.style.left = `${Math.min(x + pad, window.innerWidth - w - 8)}px`;
  tooltip.style.top = `${y + pad}px`;
}

function hideTooltip() {
  active?.classList.remove("active");
  active = null;
  tooltip.hidden = true;
}

draft.addEventListener("mousemove", (e) => {
  const mark = markAt(e.clientX, e.clientY);
  if (mark) showTooltip(mark, e.clientX, e.clientY);
  else hideTooltip();
});
draft.addEventListener("mouseleave", hideTooltip);

lint();
document.body.dataset.ready = "true";
