"""End-to-end test of the analyst's page in a real browser (`make test-browser`).

Drives Debian's Chromium through chromium-driver with Selenium against a live
`arbiter serve`: scores the Belgrade fixture and checks the verdict, the score and an
evidence line that selects its line in the editor; scores a dossier with a typo and
checks the located diagnostic beside its line; scores through a server that needs a
token; checks the print style. Screenshots go to .build-browser/.
"""
import pathlib
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUT = ROOT / ".build-browser"
BIN = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/debug/arbiter")
BELGRADE = (ROOT / "Fixtures/projects/rs-belgrade-safe-city.yaml").read_text()
TYPO = "id: typo-case\nname: A dossier with a typo\nsurveillance:\n  facial_recogntion: true\n"
TOKEN = "browser-test-token-0123456789"
failures = []
passes = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    (passes if condition else failures).append(what)


def start_server(*extra):
    log = open(OUT / "server.log", "a")
    process = subprocess.Popen([BIN, "serve", "--port", "0", "--rules", "Rules", *extra], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline()
    if "listening on " not in line:
        process.kill()
        raise SystemExit("the server did not start: " + line)
    return process, line.strip().split("listening on ", 1)[1]


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--force-device-scale-factor=1"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def put(driver, text, as_of="2026-11-29"):
    """Pastes a dossier into the editor, as a person pasting would."""
    driver.execute_script("""
        const editor = document.getElementById('dossier');
        editor.value = arguments[0];
        editor.dispatchEvent(new Event('input', {bubbles: true}));
        document.getElementById('as-of').value = arguments[1];""", text, as_of)


def full_page(driver, name):
    height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    driver.set_window_size(1400, max(1000, height))
    driver.save_screenshot(str(OUT / name))
    driver.set_window_size(1400, 1000)
    print("     screenshot " + str((OUT / name).relative_to(ROOT)))


def main():
    OUT.mkdir(exist_ok=True)
    server, base = start_server()
    driver = browser()
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(base + "/")
        check(driver.title.startswith("Arbiter"), "the page loads at /")
        errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
        check(not errors, "no console errors (such as CSP violations) on load: %s" % errors)

        # What the API says of Belgrade, so the page is held to the service, not to a number
        # that changes whenever the packs do.
        import json
        import urllib.request
        request = urllib.request.Request(base + "/v1/score?as_of=2026-11-29", data=BELGRADE.encode(), method="POST",
                                         headers={"Content-Type": "application/yaml"})
        belgrade_score = "points %.1f" % json.load(urllib.request.urlopen(request))["projects"][0]["score"]

        put(driver, BELGRADE)
        driver.find_element(By.ID, "score").click()
        wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, "#report .verdict")))
        verdict = driver.find_element(By.CSS_SELECTOR, "#report .verdict").text
        check("Safe City, Belgrade" in verdict, "the verdict names the project")
        check("HIGH" in verdict.upper() and "Overall" in verdict, "the overall band is written: " + verdict.replace("\n", " | "))
        check(belgrade_score in verdict, "the score is shown (%s)" % belgrade_score)
        links = driver.find_elements(By.CSS_SELECTOR, "#report .finding a.line")
        check(len(links) > 0, "evidence lines are rendered as links")
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(str(OUT / "page.png"))
        full_page(driver, "score.png")

        target = next(link for link in links if link.text == "line 29")
        target.click()
        selected = driver.execute_script("""
            const editor = document.getElementById('dossier');
            return editor.value.slice(0, editor.selectionStart).split('\\n').length;""")
        check(selected == 29, "an evidence link selects its line in the editor (line %s)" % selected)

        driver.find_element(By.ID, "gate").click()
        wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, "#report .gate")))
        check("Gate failed" in driver.find_element(By.CSS_SELECTOR, "#report .gate").text, "Gate shows the decision")

        driver.find_element(By.ID, "plan").click()
        wait.until(lambda d: "Plan for" in d.find_element(By.CSS_SELECTOR, "#report .verdict").text)
        planned = driver.find_element(By.ID, "report-body").text
        check("DA-BIO-002" in planned and "DA-DPI-002" in planned and "Exact" in planned,
              "Plan shows the two mitigations that bring Belgrade to moderate")

        put(driver, TYPO)
        driver.find_element(By.ID, "score").click()
        wait.until(ready.visibility_of_element_located((By.ID, "problems")))
        problems = driver.find_element(By.ID, "problems").text
        check("line 4, column 3" in problems and "facial_recogntion" in problems, "the located diagnostic is shown")
        check("did you mean 'facial_recognition'?" in problems, "its hint is shown")
        marker = driver.find_elements(By.CSS_SELECTOR, "#gutter .bad")
        check(len(marker) == 1 and marker[0].text == "! 4", "a marker stands beside line 4")
        full_page(driver, "typo.png")

        driver.find_element(By.ID, "template").click()
        wait.until(lambda d: "Arbiter dossier" in d.find_element(By.ID, "dossier").get_attribute("value"))
        check(True, "New from template fills the editor")

        # Every real case, through the page, gives the verdict the API gives.
        for path in sorted((ROOT / "Fixtures/projects").glob("*.yaml")):
            text = path.read_text()
            request = urllib.request.Request(base + "/v1/score?as_of=2026-11-29", data=text.encode(), method="POST",
                                             headers={"Content-Type": "application/yaml"})
            expected = json.load(urllib.request.urlopen(request))["projects"][0]
            put(driver, text)
            driver.execute_script("document.getElementById('report-body').replaceChildren()")
            driver.find_element(By.ID, "score").click()
            wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, "#report .verdict")))
            verdict = driver.find_element(By.CSS_SELECTOR, "#report .verdict").text
            # The verdict, not the band: insufficient data or not applicable must never read as low.
            check("OVERALL " + expected["verdict"].upper() in verdict.upper() and "points %.1f" % expected["score"] in verdict,
                  "%s: %s, %.1f points, as the API says" % (path.name, expected["verdict"], expected["score"]))

        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        hidden = driver.execute_script("return getComputedStyle(document.querySelector('.workspace')).display")
        check(hidden == "none", "the print style leaves only the report")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    finally:
        driver.quit()
        server.terminate()
        server.wait()

    (OUT / "token").write_text(TOKEN + "\n")
    server, base = start_server("--token-file", str(OUT / "token"))
    driver = browser()
    wait = WebDriverWait(driver, 20)
    try:
        driver.get(base + "/")
        put(driver, BELGRADE)
        driver.find_element(By.ID, "score").click()
        wait.until(lambda d: "401" in d.find_element(By.ID, "status").text)
        check(True, "without the token the page says the server needs one")
        driver.find_element(By.ID, "token").send_keys(TOKEN)
        driver.find_element(By.ID, "score").click()
        wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, "#report .verdict")))
        check(belgrade_score in driver.find_element(By.CSS_SELECTOR, "#report .verdict").text, "with the token it scores")
    finally:
        driver.quit()
        server.terminate()
        server.wait()

    print("%d passed, %d failed" % (len(passes), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
