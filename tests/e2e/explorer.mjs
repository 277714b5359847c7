// End-to-end test of the web explorer in real headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core): search for an idol, open it, expand a neighbour in the graph, find a path and
// check the hop-by-hop explanation, and keep a screenshot.
//
// Usage: node tests/e2e/explorer.mjs PATH/TO/hallyu SCREENSHOT.png
// Exit 77 (a skip for CTest) when Chromium or playwright-core is not installed.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createInterface } from "node:readline";

const [hallyu, screenshot] = process.argv.slice(2);
const chromiumPath = "/usr/bin/chromium";
let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  console.log("e2e: playwright-core is not installed (npm ci --prefix tests/e2e); skipping");
  process.exit(77);
}
if (!existsSync(chromiumPath)) {
  console.log(`e2e: ${chromiumPath} is not installed (apt-get install chromium); skipping`);
  process.exit(77);
}

let passed = 0, failed = 0;
function check(condition, what) {
  if (condition) { passed++; console.log(`ok: ${what}`); }
  else { failed++; console.log(`FAILED: ${what}`); }
}

// Start the server on a free port and read the port from its first line.
const server = spawn(hallyu, ["serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the server did not start")), 20000);
  createInterface({ input: server.stdout }).once("line", (line) => {
    clearTimeout(timer);
    const match = line.match(/http:\/\/[^ ]+\//);
    match ? resolve(match[0]) : reject(new Error(`unexpected first line: ${line}`));
  });
  server.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(url);

  // Search for an idol and open her from the suggestions.
  await page.fill("#search", "이지은");
  await page.waitForSelector("#suggestions li");
  check((await page.textContent("#suggestions li")).includes("IU"), "Hangul search suggests IU");
  await page.click("#suggestions li");
  await page.waitForFunction(() => document.querySelector("#entity-name")?.textContent === "IU");
  check(true, "the entity panel shows IU");
  const panel = await page.textContent("#entity");
  check(panel.includes("IU starred in Hotel del Luna (2019) as Jang Man-wol"), "IU's relations are explained");

  // The graph shows her neighbourhood; click a neighbour to expand it.
  await page.waitForSelector("#graph svg g.node");
  const hotel = page.locator("#graph svg g.node", { has: page.locator("title", { hasText: /^hotel-del-luna$/ }) });
  check(await hotel.count() === 1, "Hotel del Luna is a node of IU's neighbourhood");
  await hotel.click();
  await page.waitForFunction(() => document.querySelector("#graph-title")?.textContent === "2 expanded");
  await page.waitForFunction(() => document.querySelector("#entity-name")?.textContent === "Hotel del Luna");
  const nodes = await page.$$eval("#graph svg g.node title", (titles) => titles.map((t) => t.textContent));
  check(nodes.includes("yeo-jin-goo"), "expanding Hotel del Luna adds its cast (Yeo Jin-goo)");
  check(nodes.includes("iu"), "the expanded view keeps IU");

  // Find a path between two idols; hubs are hidden by default.
  await page.fill("#path-from", "IU");
  await page.fill("#path-to", "D.O.");
  await page.click("#path-go");
  await page.waitForSelector("#path-result li");
  const explanation = await page.textContent("#path-result");
  check(explanation.includes("Path 1: 4 hops"), "the path has 4 hops without agencies and networks");
  check(explanation.includes("IU starred in Moon Lovers: Scarlet Heart Ryeo (2016) as Hae Soo"), "the first hop is explained");
  check(explanation.includes("D.O. is a member of EXO"), "the last hop is explained");
  await page.waitForFunction(() => document.querySelector("#graph-title")?.textContent === "Path");

  // Centrality and clusters tables link to entities.
  await page.waitForSelector("#centrality-table a.entity");
  check(await page.locator("#centrality-table a.entity").count() === 20, "the centrality table lists 20 entities");
  check(errors.length === 0, `no errors in the page console${errors.length ? ": " + errors.join("; ") : ""}`);

  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
} catch (error) {
  failed++;
  console.log(`FAILED: ${error.message}`);
} finally {
  await browser.close();
  server.kill();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
