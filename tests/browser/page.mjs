// The gwlint web page in headless Chromium, as a drafter uses it: open the page that
// `gwlint serve` hands out, pick a file (and drop one), wait for the result, count the findings
// marked in the text, download the annotated .docx, and record every request the page makes.
// Prints one JSON line per file and a last line with the requests that left the page's origin.
// usage: node page.mjs GWLINT_BINARY CHROMIUM OUT_DIR FILE...   (SCREENSHOT=path for a picture)
import { spawn } from "child_process";
import path from "path";
import readline from "readline";
import { chromium } from "playwright-core";

const [gwlint, browserPath, outDir, ...files] = process.argv.slice(2);
const server = spawn(gwlint, ["serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const first = await new Promise((resolve) => readline.createInterface({ input: server.stdout }).once("line", resolve));
const url = first.match(/http:\/\/\S+\//)[0];
const origin = new URL(url).origin;

const browser = await chromium.launch({ executablePath: browserPath, args: ["--no-sandbox"] });
const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
const foreign = [];
page.on("request", (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) foreign.push(r.url()); });
try {
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("请选择"), null, { timeout: 60000 });
  for (const [i, file] of files.entries()) {
    const name = path.basename(file);
    const before = await page.textContent("#status");
    if (i % 2 === 0) {
      await page.setInputFiles("#file", file);
    } else {
      // Drop the file on the drop zone, as from the desktop.
      const bytes = (await import("fs")).readFileSync(file).toString("base64");
      await page.evaluate(({ name, bytes }) => {
        const data = Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], name));
        document.getElementById("drop").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, { name, bytes });
    }
    await page.waitForFunction(({ name, before }) => {
      const s = document.getElementById("status").textContent;
      return s !== before && s.startsWith(name + "：");
    }, { name, before }, { timeout: 60000 });
    const line = { file: name, how: i % 2 === 0 ? "pick" : "drop", status: await page.textContent("#status") };
    line.refs = await page.locator("sup.ref").count();
    line.items = await page.locator("#list li").count();
    if (name.endsWith(".docx")) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
      const saved = path.join(outDir, download.suggestedFilename());
      await download.saveAs(saved);
      line.download = saved;
    }
    if (process.env.SCREENSHOT && i === 0) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: false });
    console.log(JSON.stringify(line));
  }
} finally {
  console.log(JSON.stringify({ foreign }));
  await browser.close();
  server.kill();
}
