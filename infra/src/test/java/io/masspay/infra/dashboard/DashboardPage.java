package io.masspay.infra.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The dashboard as a user sees it: what they type and click, and what the page shows back. */
final class DashboardPage {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver browser;
    private final String baseUrl;

    DashboardPage(WebDriver browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    void open() {
        browser.get(baseUrl + "/dashboard/");
        await(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    void enterToken(String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        browser.findElement(By.id("connect")).click();
    }

    /** The issuer or operator badge the page shows once the token is accepted. */
    String signedInAs() {
        return await(ExpectedConditions.visibilityOfElementLocated(By.id("who"))).getText();
    }

    String notice() {
        return await(ExpectedConditions.visibilityOfElementLocated(By.id("notice"))).getText();
    }

    void signOut() {
        browser.findElement(By.id("sign-out")).click();
        await(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    void go(String navLabel) {
        await(ExpectedConditions.elementToBeClickable(By.linkText(navLabel))).click();
    }

    /** Pastes a JSON or CSV batch into the submit form, as a user would from a file, and sends it. */
    void submit(String content, String customerBatchId) {
        go("Submit a batch");
        WebElement text = await(ExpectedConditions.visibilityOfElementLocated(By.id("batch-text")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", text, content);
        browser.findElement(By.id("customer-batch-id")).sendKeys(customerBatchId);
        browser.findElement(By.id("submit-batch")).click();
    }

    /**
     * What the submit form says once the API answered and some items were rejected ("n of m items accepted. Open
     * the batch →"), or the refusal; the form shows "Submitting…" until then.
     */
    String submitOutcome() {
        return await(driver -> driver.findElements(By.cssSelector("#submit-result .card p")).stream()
                .map(WebElement::getText).findFirst().orElse(null));
    }

    /** The rejected items listed under the submit form, as "Field ErrorCode". */
    List<String> rejectedItems() {
        return rows("#rejected tbody tr", cells -> Map.of("Field", cells.get(0), "ErrorCode", cells.get(1))).stream()
                .map(row -> row.get("Field") + " " + row.get("ErrorCode")).toList();
    }

    void openSubmittedBatch() {
        await(ExpectedConditions.elementToBeClickable(By.linkText("Open the batch →"))).click();
    }

    /** Waits until the batch page shows {@code status} (the page polls the API while the batch runs). */
    String awaitBatchStatus(String status) {
        await(ExpectedConditions.attributeToBe(By.cssSelector("#batch-status .badge"), "data-status", status));
        return browser.findElement(By.id("batch-title")).getText();
    }

    String batchIdInUrl() {
        String hash = browser.getCurrentUrl().replaceFirst("^[^#]*#/batches/", "");
        return hash.replaceFirst("\\?.*$", "");
    }

    /** The chart's legend: item count per status, as displayed. */
    Map<String, String> chartLegend() {
        return await(driver -> driver.findElements(By.cssSelector("#chart-legend li")).stream().collect(Collectors.toMap(
                li -> li.getAttribute("data-status"), li -> li.findElement(By.className("legend-count")).getText())));
    }

    /** The arcs drawn in the SVG donut, by status. */
    List<String> chartArcs() {
        return await(driver -> driver.findElements(By.cssSelector("#status-chart svg circle.arc")).stream()
                .map(arc -> arc.getAttribute("data-status")).toList());
    }

    List<Map<String, String>> itemRows() {
        return rows("#items tbody tr[data-status]", cells -> Map.of("CustomerTransactionId", cells.get(0),
                "Method", cells.get(2), "Amount", cells.get(3), "Status", cells.get(4), "ErrorCode", cells.get(5)));
    }

    String itemsSummary() {
        return await(driver -> driver.findElement(By.id("items-summary")).getText());
    }

    /** Picks the items' filters ("" for any) and waits until the table shows that selection. */
    void filterItems(String status, String method) {
        choose("filter-status", status, status + "|");
        choose("filter-method", method, status + "|" + method + "|1");
    }

    private void choose(String selectId, String value, String shownPrefix) {
        Select select = new Select(browser.findElement(By.id(selectId)));
        if (!value.equals(select.getFirstSelectedOption().getAttribute("value"))) {
            select.selectByValue(value);
        }
        await(driver -> {
            String shown = driver.findElement(By.id("items")).getAttribute("data-shows");
            return shown != null && shown.startsWith(shownPrefix);
        });
    }

    /** Opens a batch from the list, as a user clicks its row. */
    void openBatch(String batchId) {
        go("Batches");
        await(ExpectedConditions.elementToBeClickable(By.cssSelector("#batches tr[data-batch-id='" + batchId + "']")))
                .click();
        await(driver -> batchIdInUrl().equals(batchId) && !driver.findElements(By.id("batch-status")).isEmpty());
    }

    /** Approve with an approver's token typed in the page; null uses the one the tab kept from before. */
    void approve(String approverToken) {
        typeApproverToken(approverToken);
        browser.findElement(By.id("approve")).click();
    }

    void reject(String approverToken, String reason) {
        typeApproverToken(approverToken);
        WebElement field = browser.findElement(By.id("reject-reason"));
        field.clear();
        field.sendKeys(reason);
        browser.findElement(By.id("reject")).click();
    }

    /** Cancel takes two clicks: the first one only arms the button. */
    void cancelBatch() {
        await(ExpectedConditions.elementToBeClickable(By.id("cancel-batch"))).click();
        await(ExpectedConditions.textToBe(By.id("cancel-batch"), "Click again to cancel every item"));
        browser.findElement(By.id("cancel-batch")).click();
    }

    boolean showsApprovalControls() {
        return !browser.findElements(By.id("approve")).isEmpty();
    }

    /** The line under the controls once the last approve, reject or cancel was answered. */
    String controlOutcome() {
        return await(driver -> {
            String text = driver.findElement(By.id("control-outcome")).getText();
            return text.isBlank() ? null : text;
        });
    }

    private void typeApproverToken(String token) {
        WebElement field = await(ExpectedConditions.visibilityOfElementLocated(By.id("approver-token")));
        if (token != null) {
            field.clear();
            field.sendKeys(token);
        }
    }

    List<Map<String, String>> batchRows() {
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#batches tbody tr[data-batch-id]")));
        return rows("#batches tbody tr[data-batch-id]", cells -> Map.of("Batch", cells.get(1), "Status", cells.get(2),
                "Progress", cells.get(3), "Items", cells.get(4), "Amount", cells.get(5)));
    }

    List<String> walletBalances() {
        await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#wallets .wallet")));
        return await(driver -> driver.findElements(By.cssSelector("#wallets .wallet")).stream()
                .map(WebElement::getText).toList());
    }

    Map<String, String> ledgerRow(String currency) {
        List<String> cells = await(driver -> driver.findElement(By.cssSelector("#ledger tr[data-currency='" + currency
                + "']")).findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        return Map.of("IssuerWallets", cells.get(1), "RecipientWallets", cells.get(3), "External", cells.get(5),
                "Total", cells.get(6));
    }

    /** Waits for a condition; the page re-renders while it polls, so an element gone stale is simply read again. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private List<Map<String, String>> rows(String selector, Function<List<String>, Map<String, String>> mapper) {
        return await(driver -> driver.findElements(By.cssSelector(selector)).stream()
                .map(row -> mapper.apply(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()))
                .toList());
    }
}
