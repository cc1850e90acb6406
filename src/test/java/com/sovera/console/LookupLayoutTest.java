package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.bulk.Column;
import com.sovera.console.bulkscreen.BulkView;
import com.sovera.console.bulkscreen.BulkViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lookups laid out for the job on the most common ops laptop (1366x768) and on a desktop (1920x1080): every
 * column support scans is on screen without scrolling sideways, the detail pane says what to do when nothing is
 * selected, and the header never cuts the environment badge or the account.
 */
class LookupLayoutTest extends ConsoleWindowFixture {

    private void open(double width, double height) throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(60)), home,
                RetryPolicy.DEFAULT);
        console.width = width;
        console.height = height;
        console.open();
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.LOGIN);
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.CUSTOMER);
    }

    /** What a label draws: its text, or an elided "LOCAL SAND..." when it was given too little room. */
    private String drawn(String query) {
        Node label = lookup(query).query();
        return from(label).lookup((Node n) -> n instanceof Text).queryAs(Text.class).getText();
    }

    private void assertAllColumnsVisible(String tableQuery, int columns) {
        TableView<?> table = lookup(tableQuery).queryAs(TableView.class);
        assertThat(table.getColumns()).hasSize(columns);
        double used = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(used).as("columns fit the table's width: %s", table.getColumns().stream()
                .map(c -> c.getText() + " " + c.getWidth() + " (at least " + c.getMinWidth() + ")").toList())
                .isLessThanOrEqualTo(table.getWidth());
        assertThat(table.getColumns()).allSatisfy(c -> assertThat(c.getWidth()).as(c.getText())
                .isGreaterThanOrEqualTo(c.getMinWidth()).isPositive());
        assertThat(from(table).lookup((Node n) -> n instanceof ScrollBar s
                && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible()).tryQuery())
                .as("no sideways scrolling").isEmpty();
    }

    /**
     * Nothing under the window is cut, once laid out: a panel whose answer just arrived is drawn at the next pulse
     * (its texts read empty until then); text that stays cut fails after a few seconds.
     */
    private void assertNothingCut(String where) throws Exception {
        try {
            waitUntil(5, () -> WaitForAsyncUtils.asyncFx(() -> DrawnText.cut(console.window)).get().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            // say what is cut below
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> DrawnText.cut(console.window)).get()).as(where).isEmpty();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void noTextBesideTheLookupsTablesIsCut(double width, double height) throws Exception {
        open(width, height);
        clickOn("#nav-users");
        waitUntil(() -> !lookup("#users-list-table").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> lookup("#users-list-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> !text("#user-detail-email").isEmpty());
        assertNothingCut("users");

        clickOn("#nav-wallets");
        waitUntil(() -> !lookup("#wallets-list-table").queryAs(TableView.class).getItems().isEmpty());
        interact(() -> lookup("#wallets-list-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> !text("#wallet-detail-id").isEmpty());
        assertNothingCut("wallets");
        javafx.scene.Node exportPath = lookup("#wallets-list-export-path").query();
        assertThat(exportPath.isVisible()).isTrue();
        assertThat(exportPath.getLayoutBounds().getWidth()).as("room to type the export's path").isGreaterThan(120);

        // the wallet's address read back on the phone: the groups and their words fit the side pane
        waitUntil(() -> lookup("#wallets #read-back-toggle").tryQuery()
                .map(t -> t.isVisible() && !t.isDisabled()).orElse(false));
        interact(() -> lookup("#wallets #read-back-toggle").queryAs(javafx.scene.control.Button.class).fire());
        waitUntil(() -> lookup("#wallets #read-back").query().isVisible());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut("wallets, reading back");
    }

    @Test
    void anAddressFoundBySearchLeavesTheTableItsRowsAndCanBeClosed() throws Exception {
        open(1366, 768);
        clickOn("#nav-users");
        TableView<?> users = lookup("#users-list-table").queryAs(TableView.class);
        waitUntil(() -> !users.getItems().isEmpty());
        String address = console.lookups.api().listAddresses(com.sovera.console.api.Filter.none().asQuery())
                .execute().rows().get(0).address();
        interact(() -> lookup("#search").queryAs(javafx.scene.control.TextField.class).setText(address));
        clickOn("#search-go");
        waitUntil(() -> lookup("#search-box #address-panel").tryQuery().map(Node::isVisible).orElse(false));
        double row = from(users).lookup(".table-row-cell").queryAs(javafx.scene.control.TableRow.class).getHeight();
        assertThat(users.getHeight() / row).as("rows of the table still on screen").isGreaterThanOrEqualTo(8);

        clickOn("#search-close");
        waitUntil(() -> !lookup("#search-box #address-panel").query().isVisible());
        assertThat(lookup("#search-result").query().isVisible()).isFalse();
    }

    @Test
    void theOwnerKeysActionsKeepTheirWordsOnALaptop() throws Exception {
        open(1366, 768);
        clickOn("#nav-customers");
        @SuppressWarnings("unchecked")
        TableView<Customer> customers = lookup("#customers-list-table").queryAs(TableView.class);
        waitUntil(() -> customers.getItems().stream().anyMatch(c -> c.customerId().equals(DemoAccount.CUSTOMER_ID)));
        interact(() -> customers.getSelectionModel().select(customers.getItems().stream()
                .filter(c -> c.customerId().equals(DemoAccount.CUSTOMER_ID)).findFirst().orElseThrow()));
        waitUntil(() -> !lookup("#owner-keys-list-table").queryAs(TableView.class).getItems().isEmpty());
        assertThat(WaitForAsyncUtils.asyncFx(() -> DrawnText.cut(lookup("#customers").query())).get()).isEmpty();
    }

    /**
     * The table's cells drawn shorter than their text ("quentin.kowalski.58@de..."): each is named with its column.
     * A cell that says its whole text on hover is cut knowingly (an id, shortened on purpose), unless its column is
     * one of {@code whole}: what the operator reads out or acts on (an e-mail, a wallet's name, a balance).
     */
    private List<String> cutCells(String tableQuery, String... whole) {
        TableView<?> table = lookup(tableQuery).queryAs(TableView.class);
        List<String> cut = new java.util.ArrayList<>();
        for (javafx.scene.control.TableCell<?, ?> cell : from(table).lookup(".table-cell")
                .<javafx.scene.control.TableCell<?, ?>>queryAll()) {
            String words = cell.getText();
            if (!cell.isVisible() || cell.getTableColumn() == null || words == null || words.isEmpty()) {
                continue;
            }
            String column = cell.getTableColumn().getText();
            String drawn = cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                    .map(n -> ((Text) n).getText()).findFirst().orElse(words);
            boolean saysItOnHover = cell.getTooltip() != null
                    && cell.getTooltip().getText().equals(String.valueOf(cell.getItem()));
            if (!drawn.equals(words) && (List.of(whole).contains(column) || !saysItOnHover)) {
                cut.add(column + ": " + words + " drawn as " + drawn);
            }
        }
        return cut;
    }

    /**
     * No cell of the table cut, once laid out: a page just arrived is measured after it is drawn and its columns
     * widened at the next pulse (read before it, a balance reads "258.4868408..."); a cell that stays cut fails
     * after a few seconds.
     */
    private void assertNoCellCut(String where, String tableQuery, String... whole) throws Exception {
        try {
            waitUntil(5, () -> WaitForAsyncUtils.asyncFx(() -> cutCells(tableQuery, whole)).get().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            // say what is cut below
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> cutCells(tableQuery, whole)).get()).as(where).isEmpty();
    }

    /**
     * The table's column headers drawn shorter than their words ("Balance (pendi..."), each with what it should read:
     * a header cut is a column the operator cannot name.
     */
    private List<String> cutHeaders(String tableQuery) {
        TableView<?> table = lookup(tableQuery).queryAs(TableView.class);
        List<String> cut = new java.util.ArrayList<>();
        for (Labeled header : from(table).lookup(".column-header .label").<Labeled>queryAll()) {
            String words = header.getText();
            if (!header.isVisible() || words == null || words.isEmpty()) {
                continue;
            }
            header.getChildrenUnmodifiable().stream().filter(n -> n.getClass().getSimpleName().equals("LabeledText"))
                    .map(n -> ((Text) n).getText()).filter(drawn -> !drawn.equals(words)).findFirst()
                    .ifPresent(drawn -> cut.add(words + " drawn as " + drawn));
        }
        return cut;
    }

    /**
     * Every header of the table whole, with each sortable column sorted in turn (its arrow takes room beside its
     * words), once laid out; the columns still all on screen without scrolling sideways.
     */
    private void assertNoHeaderCut(String where, String tableQuery, int columns) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<Object> table = lookup(tableQuery).queryAs(TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        List<TableColumn<Object, ?>> sortable = WaitForAsyncUtils.asyncFx(() -> table.getColumns().stream()
                .filter(TableColumn::isSortable).toList()).get();
        assertThat(sortable).as(where + ": some column sorts").isNotEmpty();
        for (TableColumn<Object, ?> column : sortable) {
            interact(() -> table.getSortOrder().setAll(List.of(column)));
            try {
                waitUntil(5, () -> WaitForAsyncUtils.asyncFx(() -> cutHeaders(tableQuery)).get().isEmpty());
            } catch (java.util.concurrent.TimeoutException e) {
                // say what is cut below
            }
            assertThat(WaitForAsyncUtils.asyncFx(() -> cutHeaders(tableQuery)).get())
                    .as(where + ", sorted by " + column.getText()).isEmpty();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertAllColumnsVisible(tableQuery, columns);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void everyColumnHeaderIsWholeWithItsSortArrow(double width, double height) throws Exception {
        open(width, height);
        clickOn("#nav-customers");
        assertNoHeaderCut("customers", "#customers-list-table", 4);
        clickOn("#nav-users");
        assertNoHeaderCut("users", "#users-list-table", 7);
        clickOn("#nav-wallets");
        assertNoHeaderCut("wallets", "#wallets-list-table", 7);
        clickOn("#nav-transactions");
        assertNoHeaderCut("transactions", "#transactions-list-table", 8);
    }

    @Test
    void theEmailsNamesAndBalancesTheOperatorReadsAreWholeOnALaptop() throws Exception {
        open(1366, 768);
        clickOn("#nav-users");
        waitUntil(() -> !lookup("#users-list-table").queryAs(TableView.class).getItems().isEmpty());
        assertNoCellCut("users", "#users-list-table", "E-mail");

        clickOn("#nav-wallets");
        waitUntil(() -> !lookup("#wallets-list-table").queryAs(TableView.class).getItems().isEmpty());
        assertNoCellCut("wallets", "#wallets-list-table", "Name", "Balance (pending)");

        clickOn("#nav-transactions");
        waitUntil(() -> !lookup("#transactions-list-table").queryAs(TableView.class).getItems().isEmpty());
        assertNoCellCut("transactions", "#transactions-list-table", "Amount");
    }

    @Test
    void theBulkPreviewsErrorsAreOnScreenOnALaptop() throws Exception {
        open(1366, 768);
        clickOn("#nav-bulk");
        waitUntil(() -> lookup("#bulk").tryQuery().isPresent());
        BulkViewModel model = lookup("#bulk").queryAs(BulkView.class).model();
        Path file = Files.writeString(home.resolve("team.csv"), Column.headerLine() + "\n"
                + "individual,ines@example.com,Ines,Window,+12025550131,1991-04-01,US,BTC\n"
                + "individual,omar@example,Omar,Window,+12025550132,1992-05-02,US,ETH\n", StandardCharsets.UTF_8);
        interact(() -> model.open(file));
        waitUntil(() -> text("#bulk-counts").startsWith("2 rows: 1 valid, 1 with errors"));
        String why = model.preview().rows().get(1).errorText();
        assertThat(why).isNotBlank();

        TableView<?> table = lookup("#bulk-preview-table").queryAs(TableView.class);
        javafx.geometry.Bounds shown = table.localToScreen(table.getBoundsInLocal());
        Node errors = lookup("#bulk-preview-table .table-cell").match((javafx.scene.control.TableCell<?, ?> c)
                -> why.equals(c.getText())).tryQuery().orElse(null);
        assertThat(errors).as("the row's errors are drawn in the table").isNotNull();
        javafx.geometry.Bounds cell = errors.localToScreen(errors.getBoundsInLocal());
        assertThat(cell.getMinX()).as("the Errors column starts on screen").isLessThan(shown.getMaxX() - 100);
        assertThat(cell.getMinX()).isGreaterThanOrEqualTo(shown.getMinX());
        assertThat(((javafx.scene.control.TableCell<?, ?>) errors).getTooltip()).as("the whole sentence on hover")
                .isNotNull().extracting(javafx.scene.control.Tooltip::getText).isEqualTo(why);
    }

    @Test
    void aUserFoundByEmailIsOpenedInUsersAndInWalletsAndEscapeClosesTheResult() throws Exception {
        open(1366, 768);
        clickOn("#nav-users");
        @SuppressWarnings("unchecked")
        TableView<User> users = lookup("#users-list-table").queryAs(TableView.class);
        waitUntil(() -> !users.getItems().isEmpty());
        // a user of the second page: not one already in the table
        User someone = console.lookups.api().listUsers(com.sovera.console.api.Filter.page(1, 33).asQuery()).execute()
                .rows().get(0);
        clickOn("#search").write(someone.email());
        type(KeyCode.ENTER);
        waitUntil(() -> text("#search-result").startsWith("User " + someone.userId()));
        clickOn("#search-open-user");
        waitUntil(() -> users.getSelectionModel().getSelectedItem() != null
                && users.getSelectionModel().getSelectedItem().userId().equals(someone.userId()));
        waitUntil(() -> text("#user-detail-email").equals(someone.email()));
        assertThat(lookup("#nav-users").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        clickOn("#search-open-wallets");
        @SuppressWarnings("unchecked")
        TableView<Wallet> wallets = lookup("#wallets-list-table").queryAs(TableView.class);
        waitUntil(() -> !wallets.getItems().isEmpty()
                && wallets.getItems().stream().allMatch(w -> w.userId().equals(someone.userId()))
                && wallets.getSelectionModel().getSelectedItem() != null);
        waitUntil(() -> text("#wallet-detail-user").equals(someone.userId()));
        waitUntil(() -> lookup("#wallets #address-text").tryQuery().map(n -> !((Labeled) n).getText().isEmpty())
                .orElse(false));
        assertThat(lookup("#wallets-list-table").query().isFocused()).as("the wallets, for the arrow keys").isTrue();

        clickOn("#search");
        type(KeyCode.ESCAPE);
        waitUntil(() -> !lookup("#search-result").query().isVisible());
        assertThat(lookup("#search-open-wallets").query().isVisible()).isFalse();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1366, 768", "1920, 1080"})
    void everyColumnTheDetailPaneAndTheHeaderFit(double width, double height) throws Exception {
        open(width, height);
        assertThat(drawn("#environment-badge")).isEqualTo("LOCAL SANDBOX");
        assertThat(drawn("#header-account")).isEqualTo(DemoAccount.EMAIL);

        clickOn("#nav-users");
        waitUntil(() -> !lookup("#users-list-table").queryAs(TableView.class).getItems().isEmpty());
        assertAllColumnsVisible("#users-list-table", 7);
        assertThat(text("#user-detail-placeholder")).startsWith("Select a user");
        assertThat(lookup("#user-detail-placeholder").query().isVisible()).isTrue();
        interact(() -> lookup("#users-list-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> !text("#user-detail-email").isEmpty());
        assertThat(lookup("#user-detail-placeholder").query().isVisible()).isFalse();
        assertThat(lookup("#user-detail-id-copy").query().isVisible()).isTrue();

        clickOn("#nav-wallets");
        waitUntil(() -> !lookup("#wallets-list-table").queryAs(TableView.class).getItems().isEmpty());
        assertAllColumnsVisible("#wallets-list-table", 7);
        assertThat(drawn("#environment-badge")).isEqualTo("LOCAL SANDBOX");
        assertThat(drawn("#header-account")).isEqualTo(DemoAccount.EMAIL);
        assertThat(((Labeled) lookup("#header-customer").query()).getText()).isEmpty();

        clickOn("#nav-transactions");
        waitUntil(() -> !lookup("#transactions-list-table").queryAs(TableView.class).getItems().isEmpty());
        assertAllColumnsVisible("#transactions-list-table", 8);
    }
}
