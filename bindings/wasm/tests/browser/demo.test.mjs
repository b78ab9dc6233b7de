// The demo page in a real, headless Chromium (puppeteer-core): type a salesy
// draft, check the meters and the highlights, hover one, take a screenshot.
//
// Chromium is /usr/bin/chromium unless $CHROMIUM_PATH says otherwise. The
// page is served from demo/ on 127.0.0.1 at a free port by a tiny server here.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";
import { bindingDir, outputDir } from "../helpers.mjs";

const demoDir = path.join(bindingDir, "demo");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const rel = decodeURIComponent(url.pathname === "/" ? "/index.html" : url.pathname);
    const file = path.resolve(root, "." + rel);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

let server, url, browser, page, profile;
const problems = [];

test.before(async () => {
  assert.ok(fs.existsSync(path.join(demoDir, "pkg/index.js")), "demo/pkg missing: run scripts/build.sh");
  assert.ok(fs.existsSync(chromium), `${chromium} missing (apt-get install chromium)`);
  ({ server, url } = await serve(demoDir));
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "postlint-chromium-"));
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
});

test.after(async () => {
  await browser?.close();
  server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

const meterValue = (key) => page.$eval(`#meter-${key}`, (m) => m.value);
const marks = (rule) =>
  page.$$eval(`#mirror mark[data-rule="${rule}"]`, (ms) => ms.map((m) => m.textContent));
const mirrorText = () =>
  page.$eval("#mirror", (m) =>
    Array.from(m.childNodes)
      .filter((n) => !(n.dataset && "sentinel" in n.dataset))
      .map((n) => n.textContent)
      .join(""),
  );

async function setDraft(text) {
  await page.$eval("#draft", (t) => {
    t.value = "";
    t.dispatchEvent(new Event("input"));
  });
  await page.focus("#draft");
  await page.keyboard.sendCharacter(text);
}

test("typing a salesy draft raises the salesy meter and highlights the hard sell", async () => {
  await setDraft("");
  const before = await meterValue("salesy");
  await page.focus("#draft");
  await page.type("#draft", "HUGE SALE!!! ");
  await page.keyboard.sendCharacter("🎉👩‍👩‍👧‍👦"); // astral characters before the phrase
  await page.type("#draft", " Buy now, 50% off everything, today only!");
  await page.waitForSelector('#mirror mark[data-rule="hard-sell"]');

  const after = await meterValue("salesy");
  assert.ok(after > before + 0.5 && after > 0.9, `salesy meter ${before} -> ${after}`);
  const label = await page.$eval("#meter-salesy-verdict", (v) => v.textContent);
  assert.equal(label, "Reads salesy");

  // The highlight covers exactly the flagged characters.
  assert.deepEqual(await marks("hard-sell"), ["Buy now"]);
  assert.deepEqual(await marks("discount"), ["50% off"]);
  const value = await page.$eval("#draft", (t) => t.value);
  assert.equal(await mirrorText(), value, "the mirror holds the same text as the textarea");

  // The mirror lays the text out like the textarea does.
  const geometry = await page.evaluate(() => {
    const t = document.getElementById("draft");
    const b = document.getElementById("backdrop");
    return { tw: t.clientWidth, bw: b.clientWidth, th: t.scrollHeight, bh: b.scrollHeight };
  });
  assert.equal(geometry.bw, geometry.tw, "same content width");
  assert.equal(geometry.bh, geometry.th, "same content height");
  // ...starting at the same point: the first character of the mirror sits
  // where the textarea's content box starts.
  const origin = await page.evaluate(() => {
    const t = document.getElementById("draft");
    const m = document.getElementById("mirror");
    const cs = getComputedStyle(t);
    const tr = t.getBoundingClientRect();
    const range = document.createRange();
    const walker = document.createTreeWalker(m, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    range.setStart(first, 0);
    range.setEnd(first, 1);
    const r = range.getClientRects()[0];
    return {
      dx: r.left - (tr.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft)),
      dy: r.top - (tr.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop)),
      lineHeight: parseFloat(cs.lineHeight),
    };
  });
  assert.ok(Math.abs(origin.dx) < 1, `mirror text starts ${origin.dx}px off horizontally`);
  // A line box is taller than the glyphs; the first glyph must be on line one.
  assert.ok(origin.dy > -1 && origin.dy < origin.lineHeight / 2, `mirror text starts ${origin.dy}px off vertically`);

  // Text alternatives: the findings list and the rule table say the same.
  const finding = await page.$eval('#findings li[data-rule="hard-sell"]', (li) => li.textContent);
  assert.match(finding, /Buy now/);
  const count = await page.$eval('#rules-table tr[data-rule="hard-sell"] td.num', (td) => td.textContent);
  assert.equal(count, "1");
  const describedBy = await page.$eval("#draft", (t) => t.getAttribute("aria-describedby"));
  const summary = await page.$eval(`#${describedBy}`, (s) => s.textContent);
  assert.match(summary, /Reads salesy.*finding/);
});

test("hovering a highlight shows its message and suggestion", async () => {
  const box = await page.$eval('#mirror mark[data-rule="hard-sell"]', (m) => {
    const r = m.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.waitForSelector("#tooltip:not([hidden])");
  const tip = await page.$eval("#tooltip", (t) => t.textContent);
  assert.match(tip, /hard-sell/);
  assert.match(tip, /tells readers to buy/);
  assert.match(tip, /Show what the thing does/);
  fs.mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: path.join(outputDir, "demo-salesy.png"), fullPage: true });
  await page.mouse.move(5, 5);
  await page.waitForSelector("#tooltip[hidden]");
});

test("the draft is never parsed as HTML", async () => {
  const text = '<b>Buy now</b> & save &amp; more <img src=x onerror="window.__pwned=1"> </textarea>';
  await setDraft(text);
  await page.waitForFunction(() => document.querySelector('#mirror mark[data-rule="hard-sell"]'));
  assert.equal(await page.$$eval("#mirror img, #mirror b", (els) => els.length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await mirrorText(), text);
  assert.deepEqual(await marks("hard-sell"), ["Buy now"]);
});

test("a long draft scrolls the mirror with the textarea", async () => {
  const lines = Array.from({ length: 60 }, (_, i) => (i === 55 ? "Last chance: buy now!" : `line ${i} 🙂`));
  await setDraft(lines.join("\n") + "\n");
  await page.$eval("#draft", (t) => {
    t.scrollTop = t.scrollHeight;
    t.dispatchEvent(new Event("scroll"));
  });
  const s = await page.evaluate(() => ({
    t: document.getElementById("draft").scrollTop,
    b: document.getElementById("backdrop").scrollTop,
  }));
  assert.ok(s.t > 0, "the textarea scrolled");
  assert.equal(s.b, s.t, "the mirror follows");
  assert.deepEqual(await marks("hard-sell"), ["buy now"]);
  await page.screenshot({ path: path.join(outputDir, "demo-scrolled.png") });
});

test("the platform counter counts like X and shades the overflow", async () => {
  await page.select("#platform", "x");
  // 250 letters, an emoji (2 on X) and a link (23 whatever its length):
  // 250 + 1 + 2 + 1 + 23 = 277, so 3 left.
  const link = "https://example.com/" + "a".repeat(60);
  await setDraft("x".repeat(250) + " 🎉 " + link);
  await page.waitForFunction(() => document.getElementById("left").textContent.startsWith("3 left"));
  assert.deepEqual(await marks("too-long"), []);
  // With 278 letters the emoji takes the count to 281: the emoji and all
  // after it are past the limit (278 + 1 + 2 + 1 + 23 = 305), and the
  // shading covers exactly them.
  await setDraft("x".repeat(278) + " 🎉 " + link);
  await page.waitForFunction(() => document.getElementById("left").textContent.startsWith("25 over"));
  assert.ok(await page.$eval("#left", (l) => l.classList.contains("over")));
  assert.deepEqual(await marks("too-long"), ["🎉 " + link]);
  const shaded = await page.$eval('#mirror mark[data-rule="too-long"]', (m) => getComputedStyle(m).backgroundImage);
  assert.match(shaded, /gradient/);
  await page.screenshot({ path: path.join(outputDir, "demo-too-long.png"), fullPage: true });
  await page.select("#platform", "");
  await page.waitForFunction(() => document.getElementById("left").hidden);
  assert.deepEqual(await marks("too-long"), []);
});

test("ignoring a finding re-lints without it; a fix rewrites the draft", async () => {
  await setDraft("Fresh bread every morning. Buy now, and tell a friend. Buy now! Order now.");
  await page.waitForSelector('#mirror mark[data-rule="hard-sell"]');
  assert.deepEqual(await marks("hard-sell"), ["Buy now", "Buy now", "Order now"]);
  const before = await meterValue("salesy");
  assert.ok(await page.$eval("#ignored", (p) => p.hidden));
  // Ignore the first "Buy now": both are the same words, so both go; the
  // evidence goes with them and the salesy score falls.
  await page.click('#findings li[data-rule="hard-sell"] button.ignore');
  await page.waitForFunction(() => document.querySelectorAll('#mirror mark[data-rule="hard-sell"]').length === 1);
  assert.deepEqual(await marks("hard-sell"), ["Order now"]);
  assert.ok((await meterValue("salesy")) < before, "ignored evidence no longer counts");
  assert.equal(await page.$eval("#ignored-count", (s) => s.textContent), "1");
  assert.equal(await page.$eval("#ignored", (p) => p.hidden), false);
  // The entry stays while the writer keeps typing.
  await page.type("#draft", " Buy now");
  await page.waitForFunction(() => document.getElementById("draft").value.endsWith("Buy now"));
  assert.deepEqual(await marks("hard-sell"), ["Order now"]);
  await page.screenshot({ path: path.join(outputDir, "demo-ignored.png"), fullPage: true });
  // Restore brings every finding back.
  await page.click("#restore");
  await page.waitForFunction(() => document.querySelectorAll('#mirror mark[data-rule="hard-sell"]').length === 4);
  assert.ok(await page.$eval("#ignored", (p) => p.hidden));
  // A finding with a fix: applying it rewrites the draft and the shout goes.
  await setDraft("🎉 GRAND OPENING THIS SATURDAY!!! Come early.");
  await page.waitForSelector('#findings li[data-rule="shouting"] button.fix');
  await page.click('#findings li[data-rule="shouting"] button.fix');
  await page.waitForFunction(() => !document.querySelector('#mirror mark[data-rule="shouting"]'));
  assert.equal(await page.$eval("#draft", (t) => t.value), "🎉 Grand opening this Saturday! Come early.");
});

test("a personal draft reads personal; no page errors all along", async () => {
  await setDraft(
    "Well. I drove off with my phone on the roof of the car. It survived the highway. 🙃 Has this ever happened to you?",
  );
  await page.waitForFunction(() => document.getElementById("meter-personal").value > 0.5);
  assert.ok((await meterValue("salesy")) < 0.5);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: path.join(outputDir, "demo-personal.png"), fullPage: true });
});
