#!/usr/bin/env node
// Opens a page in headless Chromium at an emulated screen size and prints, as JSON, how the page
// lays out there: its scroll width against the viewport, and where given elements start.
// Headless `--window-size` cannot go below 500 px, so the screen is set through the DevTools
// protocol (Emulation.setDeviceMetricsOverride) over --remote-debugging-pipe; no npm package.
//
// It also measures what the page offers a reader without a mouse or with weak sight: how many
// of the event details (`<details>` summaries) pressing Tab reaches, in order, with `--tab N`
// (up to N presses), and the lowest contrast of a drawn border (of a control, box or table rule)
// against the background it sits on (WCAG 2.1 relative luminance; 1.4.11 asks for 3:1).
//
// Usage: node Scripts/browser-layout.js URL WIDTH HEIGHT [--mobile] [--screenshot PNG] [--tab N] [SELECTOR...]
// Prints {"viewport":..., "scrollWidth":..., "overflowing":[...], "elements":{SELECTOR: {top, bottom, left, right}|null},
//         "borders": {"lowest": RATIO, "where": DESCRIPTION}, "summaries": COUNT, "tabbed": COUNT}
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");

const args = process.argv.slice(2);
if (args.length < 3) {
  console.error("usage: browser-layout.js URL WIDTH HEIGHT [--mobile] [--screenshot PNG] [SELECTOR...]");
  process.exit(2);
}
const [url, widthText, heightText] = args;
const width = Number(widthText), height = Number(heightText);
let mobile = false, screenshot = null, tabs = 0;
const selectors = [];
for (let i = 3; i < args.length; i++) {
  if (args[i] === "--mobile") mobile = true;
  else if (args[i] === "--screenshot") screenshot = args[++i];
  else if (args[i] === "--tab") tabs = Number(args[++i]);
  else selectors.push(args[i]);
}

const browser = spawn(process.env.CHROMIUM || "chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
  "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
  "--remote-debugging-pipe", "about:blank",
], { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
const toBrowser = browser.stdio[3], fromBrowser = browser.stdio[4];
const timer = setTimeout(() => { console.error("browser-layout: timed out"); browser.kill("SIGKILL"); process.exit(1); }, 60000);

let nextId = 1, buffer = Buffer.alloc(0);
const pending = new Map(), waiters = [];
function send(method, params = {}, sessionId) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  toBrowser.write(JSON.stringify(message) + "\0");
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
}
function waitFor(method) { return new Promise((resolve) => waiters.push({ method, resolve })); }
fromBrowser.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
    buffer = buffer.subarray(end + 1);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`)); else resolve(message.result);
    } else if (message.method) {
      const index = waiters.findIndex((w) => w.method === message.method);
      if (index >= 0) waiters.splice(index, 1)[0].resolve(message.params);
    }
  }
});

const measure = (selectors) => `(() => {
  const doc = document.documentElement;
  const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right }; };
  const overflowing = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    const parentBox = el.parentElement ? el.parentElement.getBoundingClientRect() : null;
    if (r.width > 0 && r.right > ${width} + 0.5 && !(parentBox && parentBox.right > ${width} + 0.5)) {
      // Only the outermost element that sticks out, and not one inside a scrolling box.
      let p = el.parentElement, clipped = false;
      while (p && p !== document.body) { const s = getComputedStyle(p); if (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden") { clipped = true; break; } p = p.parentElement; }
      if (!clipped) overflowing.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : ""));
    }
  }
  const elements = {};
  for (const s of ${JSON.stringify(selectors)}) { const el = document.querySelector(s); elements[s] = el ? box(el) : null; }
  // Border contrast: every visible border side against the first opaque background behind it.
  const rgb = (text) => { const m = text.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const v = m[1].split(",").map(Number); return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 }; };
  const luminance = (c) => { const f = (x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  let lowest = Infinity, where = null;
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    for (const side of ["Top", "Right", "Bottom", "Left"]) {
      if (style["border" + side + "Style"] === "none" || parseFloat(style["border" + side + "Width"]) === 0) continue;
      const color = rgb(style["border" + side + "Color"]);
      if (!color || color.a === 0) continue;
      const behind = el.parentElement ? background(el.parentElement) : { r: 255, g: 255, b: 255, a: 1 };
      const [l1, l2] = [luminance(color), luminance(behind)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < lowest) { lowest = ratio; where = el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") + " " + side.toLowerCase() + " " + style["border" + side + "Color"]; }
    }
  }
  return { viewport: { width: innerWidth, height: innerHeight }, scrollWidth: doc.scrollWidth, overflowing: overflowing.slice(0, 20), elements,
           borders: { lowest: lowest === Infinity ? null : lowest, where }, summaries: document.querySelectorAll("details > summary").length };
})()`;

(async () => {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
  await send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile }, sessionId);
  await send("Page.enable", {}, sessionId);
  const loaded = waitFor("Page.loadEventFired");
  await send("Page.navigate", { url }, sessionId);
  await loaded;
  const { result } = await send("Runtime.evaluate", { expression: measure(selectors), returnByValue: true }, sessionId);
  // Tab through the page as a keyboard user would, counting the distinct summaries that get focus.
  const reached = new Set();
  for (let i = 0; i < tabs; i++) {
    for (const type of ["rawKeyDown", "keyUp"]) {
      await send("Input.dispatchKeyEvent", { type, key: "Tab", code: "Tab", windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 }, sessionId);
    }
    const { result: focused } = await send("Runtime.evaluate", { expression: `(() => { const el = document.activeElement; if (!el || el.tagName !== "SUMMARY" || el.parentElement.tagName !== "DETAILS") return -1; return Array.prototype.indexOf.call(document.querySelectorAll("details > summary"), el); })()`, returnByValue: true }, sessionId);
    if (focused.value >= 0) reached.add(focused.value);
  }
  result.value.tabbed = reached.size;
  if (screenshot) {
    const { data } = await send("Page.captureScreenshot", { format: "png" }, sessionId);
    fs.writeFileSync(screenshot, Buffer.from(data, "base64"));
  }
  console.log(JSON.stringify(result.value));
  await send("Browser.close").catch(() => {});
  clearTimeout(timer);
  process.exit(0);
})().catch((error) => { console.error("browser-layout:", error.message); browser.kill("SIGKILL"); process.exit(1); });
