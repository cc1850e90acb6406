package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.Filter;
import com.sovera.console.api.RetryPolicy;
import com.sovera.console.api.SovxClient;
import com.sovera.console.bulkscreen.BulkView;
import com.sovera.console.bulkscreen.BulkViewModel;
import com.sovera.console.bulk.BulkImports;
import com.sovera.console.bulk.BulkRun;
import com.sovera.console.bulk.Column;
import com.sovera.console.bulk.Preview;
import com.sovera.console.bulk.ResultLine;
import com.sovera.console.bulk.SheetReader;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bulk onboarding in the real window over the embedded sandbox, as an operator does it: open Bulk (the demo
 * customer in context), load a file, fix the wrong cell in the table by typing in it, run, read the results; and an
 * import left unfinished, announced at start and resumed from the Bulk view.
 */
class BulkWindowTest extends ConsoleWindowFixture {

    @Test
    void aCellIsFixedInTheTableAndTheRunEndsInTheResultsTable() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        clickOn("#nav-bulk");
        waitUntil(() -> lookup("#bulk").tryQuery().isPresent());
        BulkViewModel model = lookup("#bulk").queryAs(BulkView.class).model();
        assertThat(model.customerId.get()).as("the lookups' customer in context").isEqualTo(
                console.sandbox.demo().customerId());
        Path file = Files.writeString(home.resolve("team.csv"), Column.headerLine() + "\n"
                + "individual,ines@example.com,Ines,Window,12025550131,1991-04-01,US,BTC\n"
                + "individual,omar@example,Omar,Window,+12025550132,1992-05-02,US,ETH\n", StandardCharsets.UTF_8);

        // opened by its path, typed beside the button: no native file chooser on the way
        clickOn("#bulk-open-path").write("\"" + file + "\"");
        type(KeyCode.ENTER);
        waitUntil(() -> text("#bulk-counts").startsWith("2 rows: 0 valid, 2 with errors")
                && text("#bulk-existing").startsWith("Looked up"));
        assertThat(lookup("#bulk-run").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text("#bulk-run-hint")).isEqualTo("No row can be sent: fix the rows with errors.");
        TableCell<?, ?> wrong = cell("omar@example");
        assertThat(wrong.getPseudoClassStates()).as("the wrong cell stands out")
                .contains(PseudoClass.getPseudoClass("error"));

        doubleClickOn(wrong);
        write("omar@example.com");
        type(KeyCode.ENTER);
        waitUntil(() -> text("#bulk-counts").startsWith("2 rows: 1 valid, 1 with errors"));
        // typed, then the operator clicks elsewhere instead of pressing Enter: what was typed is kept (the phone lies
        // right of the errors: on this narrower window the operator scrolls to it)
        interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<Object> preview = lookup("#bulk-preview-table").queryAs(TableView.class);
            preview.scrollToColumn(preview.getColumns().stream().filter(c -> "bulk-col-phone".equals(c.getId()))
                    .findFirst().orElseThrow());
        });
        doubleClickOn(cell("12025550131"));
        write("+12025550131");
        clickOn(cell("1991-04-01"));
        waitUntil(() -> text("#bulk-counts").startsWith("2 rows: 2 valid, 0 with errors"));
        assertThat(model.preview().rows().get(0).cell(Column.PHONE)).isEqualTo("+12025550131");
        assertThat(text("#bulk-run-hint")).isEmpty();

        clickOn("#bulk-run");
        waitUntil(() -> model.run().stateProperty().get() == BulkRun.State.FINISHED);
        Tab shown = lookup("#bulk .tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
        assertThat(shown.getId()).as("the results are shown").isEqualTo("bulk-tab-results");
        @SuppressWarnings("unchecked")
        TableView<ResultLine> table = lookup("#bulk-results-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(ResultLine::email, ResultLine::status, ResultLine::currency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ines@example.com", "created", "BTC"),
                        org.assertj.core.groups.Tuple.tuple("omar@example.com", "created", "ETH"));
        assertThat(table.getItems()).allSatisfy(l -> assertThat(l.address()).isNotBlank());
        assertThat(text("#bulk-summary")).isEqualTo("Finished: 2 rows created, 0 already there (reused), 0 failed.");
    }

    @Test
    void theTemplateIsSavedToAPathTypedBesideItsButtonAndAFileThereIsKeptUnlessReplaced() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        clickOn("#nav-bulk");
        waitUntil(() -> lookup("#bulk").tryQuery().isPresent());
        Path file = home.resolve("template.csv");

        // typed beside Download template...: no native file chooser on the way
        clickOn("#bulk-template-path").write(file.toString());
        type(KeyCode.ENTER);
        waitUntil(() -> text("#bulk-message").startsWith("Saved the template to"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(com.sovera.console.bulk.Template.text());

        // Enter again: the file is there now, and the console's one question asks before it is replaced
        Files.writeString(file, "the operator's own notes");
        clickOn("#bulk-template-path");
        type(KeyCode.ENTER);
        waitUntil(() -> lookup("Keep it").tryQuery().isPresent());
        clickOn("Keep it");
        waitUntil(() -> text("#bulk-template-path-problem").equals("Not saved: template.csv was kept as it was."));
        assertThat(Files.readString(file)).isEqualTo("the operator's own notes");
        assertThat(lookup("#bulk-template-path").queryAs(javafx.scene.control.TextField.class).getText())
                .as("what was typed stays").isEqualTo(file.toString());
    }

    @Test
    void pauseStaysWhereItIsWhileTheProgressTextGrows() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT).open();
        // the row's create answers slowly: the run is under way while the test looks at its bar
        console.sandbox.training().slowness(java.time.Duration.ofSeconds(10));
        console.sandbox.training().arm("POST /users", com.sovera.console.sandbox.Training.Fault.SLOW, 1);
        clickOn("#nav-bulk");
        waitUntil(() -> lookup("#bulk").tryQuery().isPresent());
        BulkViewModel model = lookup("#bulk").queryAs(BulkView.class).model();
        Path file = Files.writeString(home.resolve("one.csv"), Column.headerLine() + "\n"
                + "individual,ines@example.com,Ines,Window,+12025550131,1991-04-01,US,BTC\n", StandardCharsets.UTF_8);
        interact(() -> model.open(file));
        waitUntil(() -> !lookup("#bulk-run").queryAs(Button.class).isDisabled());
        clickOn("#bulk-run");
        waitUntil(() -> lookup("#bulk-pause").query().isVisible());
        Button pause = lookup("#bulk-pause").queryAs(Button.class);
        double before = pause.localToScene(0, 0).getX();

        interact(() -> model.run().progressTextProperty().set("1 of 1 rows, 2 requests, about 2 hours 59 minutes"
                + " left at the rate the server allows"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pause.localToScene(0, 0).getX()).as("Pause where the operator's pointer is").isEqualTo(before);
        assertThat(pause.getText()).isEqualTo("_Pause");
        interact(() -> model.run().cancel());
        // the run's end reaches the screen before the console closes (else it would meet a closed task runner)
        waitUntil(() -> model.run().stateProperty().get() == BulkRun.State.CANCELLED);
    }

    private TableCell<?, ?> cell(String text) {
        return lookup("#bulk-preview-table .table-cell").match((TableCell<?, ?> c) -> text.equals(c.getText()))
                .query();
    }

    @Test
    void anImportLeftUnfinishedIsAnnouncedAtStartAndResumedFromTheBulkView() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(0)), home,
                RetryPolicy.DEFAULT);
        String customer = console.sandbox.demo().customerId();
        // a run that found no server stops short and keeps its journal, as a console killed mid-run leaves it
        Preview preview = Preview.of(SheetReader.read(new ByteArrayInputStream((Column.headerLine() + "\n"
                + "individual,rita@example.com,Rita,Resume,+12025550141,1990-01-01,US,BTC\n"
                + "individual,sam@example.com,Sam,Resume,+12025550142,1990-01-01,US,ETH\n"
                + "individual,tea@example.com,Tea,Resume,+12025550143,1990-01-01,US,\n")
                .getBytes(StandardCharsets.UTF_8)), "left.csv"), true, LocalDate.now(ZoneOffset.UTC));
        try (SovxClient nobody = SovxClient.builder("http://127.0.0.1:9/sovx/v1").retryPolicy(RetryPolicy.NONE)
                .build()) {
            nobody.credentials().useOwnerKey(console.sandbox.demo().ownerKey());
            BulkRun.Outcome left = new BulkImports(console.dirs.data()).start(nobody.api(),
                    new BulkImports.Target("embedded", customer, true), new BulkImports.Source("left.csv", "0"),
                    preview.plan(), BulkRun.Options.defaults()).await();
            assertThat(left.state()).isEqualTo(BulkRun.State.INCOMPLETE);
        }

        console.open();
        waitUntil(() -> text("#bulk-notice").contains("A bulk import did not finish"));
        clickOn("#nav-bulk");
        waitUntil(() -> lookup("#bulk-unfinished").query().isVisible());
        assertThat(text("#bulk-unfinished-text")).contains("left.csv for " + customer).contains("0 of 3 rows done");
        clickOn("#bulk-resume"); // the same customer as in context: its key is the one in use
        BulkViewModel model = lookup("#bulk").queryAs(BulkView.class).model();
        waitUntil(() -> model.run().stateProperty().get() == BulkRun.State.FINISHED);
        assertThat(lookup("#bulk-unfinished").query().isVisible()).isFalse();
        assertThat(text("#bulk-notice")).as("the banner, once the run finished").isEmpty();
        assertThat(model.run().results()).extracting(ResultLine::email, ResultLine::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("rita@example.com", "created"),
                org.assertj.core.groups.Tuple.tuple("sam@example.com", "created"),
                org.assertj.core.groups.Tuple.tuple("tea@example.com", "created"));
        try (SovxClient server = SovxClient.builder(console.sandbox.baseUrl()).build()) {
            server.credentials().useOwnerKey(console.sandbox.demo().ownerKey());
            assertThat(server.api().listUsers(Filter.page(10, 0).asQuery()).execute().total()).isEqualTo(3);
        }
    }
}
