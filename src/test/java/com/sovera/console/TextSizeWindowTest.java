package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.api.RetryPolicy;
import com.sovera.console.config.Settings;
import com.sovera.console.onboarding.Step;
import com.sovera.console.sandbox.SandboxConfig;
import com.sovera.console.sandbox.SandboxServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The text size of Settings: chosen, the window's text grows at once; kept, the next start opens with it; and at
 * the sizes an operator's screen is made for, no action on any view is cut to "…".
 */
class TextSizeWindowTest extends ConsoleWindowFixture {

    private void open(double width, double height, Settings settings) throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(30)), home,
                RetryPolicy.DEFAULT);
        console.width = width;
        console.height = height;
        console.settings = settings;
        console.open();
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.LOGIN);
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.CUSTOMER);
    }

    /** The size the node's text is drawn at, read on the FX thread (which may be restyling it). */
    private double fontSize(String query) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> lookup(query).queryAs(Labeled.class).getFont().getSize()).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not read the text size of " + query, e);
        }
    }

    @Test
    void choosingALargerTextSizeMakesTheWindowsTextLargerAtOnce() throws Exception {
        open(1366, 768, Settings.DEFAULTS);
        interact(() -> console.window.showView("nav-settings"));
        double before = fontSize("#settings-save");
        double header = fontSize("#sign-out");
        double heading = fontSize("#training .section-heading"); // sized in em: it grows with the rest

        @SuppressWarnings("unchecked")
        ComboBox<Integer> size = lookup("#settings-text-size").queryAs(ComboBox.class);
        assertThat(size.getItems()).containsExactly(100, 125, 150);
        interact(() -> size.getSelectionModel().select(Integer.valueOf(125)));
        waitUntil(() -> fontSize("#settings-save") > before);

        assertThat(fontSize("#settings-save")).isEqualTo(before * 1.25, org.assertj.core.data.Offset.offset(0.5));
        assertThat(fontSize("#sign-out")).as("the whole window, not the view alone").isGreaterThan(header);
        assertThat(fontSize("#training .section-heading")).isEqualTo(heading * 1.25,
                org.assertj.core.data.Offset.offset(0.5));
        interact(() -> size.getSelectionModel().select(Integer.valueOf(100)));
        waitUntil(() -> fontSize("#settings-save") == before);
    }

    @Test
    void aTextSizeKeptInTheSettingsIsTheOneTheConsoleStartsWith() throws Exception {
        open(1920, 1080, Settings.DEFAULTS.withTextSizePercent(150));
        assertThat(fontSize("#sign-out")).isEqualTo(19.5, org.assertj.core.data.Offset.offset(0.5));
    }

    /**
     * The forms of the steps ahead are prepared while the operator reads the first step, styled as the window will
     * show them: at its text size. (Prepared in a scene of their own, they were styled at the default size, and
     * reaching a step styled its whole form again: most of a frame over 50 ms, issue 22.)
     */
    @Test
    void theFormsOfTheStepsAheadArePreparedAtTheWindowsTextSize() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(30)), home,
                RetryPolicy.DEFAULT);
        console.settings = Settings.DEFAULTS.withTextSizePercent(150);
        console.open();
        com.sovera.console.onboarding.OnboardingView wizard = lookup("#onboarding")
                .queryAs(com.sovera.console.onboarding.OnboardingView.class);
        double shown = fontSize("#step-form .step-heading");
        waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() -> wizard.builtForm(Step.ADDRESS).isPresent()).get());

        double[] address = WaitForAsyncUtils.asyncFx(() -> {
            Node form = wizard.builtForm(Step.ADDRESS).orElseThrow();
            return new double[] {((Labeled) form.lookup(".step-heading")).getFont().getSize(),
                    form.getScene() == null ? 0 : 1};
        }).get();
        assertThat(address[1]).as("the address form is not on screen before its step").isZero();
        assertThat(address[0]).as("its heading, prepared at the window's text size").isEqualTo(shown,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(shown).as("150% of the theme's size").isGreaterThan(15);
    }

    /** The dialog shown with this title, or null. */
    private javafx.stage.Stage dialog(String title) {
        return listTargetWindows().stream().filter(w -> w instanceof javafx.stage.Stage s && s.isShowing()
                && title.equals(s.getTitle())).map(w -> (javafx.stage.Stage) w).findFirst().orElse(null);
    }

    /**
     * Opens the Help menu's dialog, reads the size its header and its first label of content are drawn at, and
     * closes it: {header, content}.
     */
    private double[] dialogTextSizes(String item, String title) throws Exception {
        interact(() -> lookup("#help").queryAs(javafx.scene.control.MenuButton.class).getItems().stream()
                .filter(i -> item.equals(i.getId())).findFirst().orElseThrow().fire());
        waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() -> dialog(title) != null).get());
        javafx.scene.control.DialogPane pane = WaitForAsyncUtils.asyncFx(() ->
                (javafx.scene.control.DialogPane) dialog(title).getScene().getRoot()).get();
        // About reads the audit trail's head off the FX thread, and is sized again to it at the next pulse: its
        // words are measured once they are there and drawn; words that stay cut fail after a few seconds
        try {
            waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() -> (pane.lookup("#about-audit-head") == null
                    || !((Labeled) pane.lookup("#about-audit-head")).getText().endsWith("reading..."))
                    && DrawnText.cut(pane).isEmpty()).get());
        } catch (java.util.concurrent.TimeoutException e) {
            // said below
        }
        double[] sizes = WaitForAsyncUtils.asyncFx(() -> new double[] {
                ((Labeled) pane.lookup(".header-panel .label")).getFont().getSize(),
                ((Labeled) pane.getContent().lookup(".label")).getFont().getSize()}).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> DrawnText.cut(pane)).get()).as(title + ": sized to its words")
                .isEmpty();
        assertThat(WaitForAsyncUtils.asyncFx(() -> pane.lookup("#about-audit-head") == null
                || !((Labeled) pane.lookup("#about-audit-head")).getText().endsWith("reading...")).get())
                .as(title + ": the trail's head is read").isTrue();
        interact(() -> dialog(title).close());
        return sizes;
    }

    @Test
    void everyDialogTakesTheWindowsTextSize() throws Exception {
        open(1920, 1080, Settings.DEFAULTS);
        double window = fontSize("#sign-out");
        double[] about = dialogTextSizes("help-about", "About SovX Console");
        double[] export = dialogTextSizes("help-export-audit", "Export audit trail");
        assertThat(about[1]).as("a dialog's words at the window's size").isEqualTo(window,
                org.assertj.core.data.Offset.offset(0.5));

        interact(() -> console.window.showView("nav-settings"));
        @SuppressWarnings("unchecked")
        ComboBox<Integer> size = lookup("#settings-text-size").queryAs(ComboBox.class);
        interact(() -> size.getSelectionModel().select(Integer.valueOf(150)));
        waitUntil(() -> fontSize("#sign-out") > window);

        assertThat(dialogTextSizes("help-about", "About SovX Console")).as("About at 150%")
                .containsExactly(new double[] {about[0] * 1.5, about[1] * 1.5},
                        org.assertj.core.data.Offset.offset(0.5));
        assertThat(dialogTextSizes("help-export-audit", "Export audit trail")).as("Export audit trail at 150%")
                .containsExactly(new double[] {export[0] * 1.5, export[1] * 1.5},
                        org.assertj.core.data.Offset.offset(0.5));
    }

    /**
     * Nothing under the window is cut, once laid out (a panel whose answer just arrived is drawn at the next pulse, a
     * page's columns are widened one pulse after its rows): text that stays cut fails after a few seconds.
     */
    private void assertNothingCut(String where) throws Exception {
        try {
            waitUntil(5, () -> WaitForAsyncUtils.asyncFx(() -> DrawnText.cut(console.window)).get().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            // say what is cut below
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> DrawnText.cut(console.window)).get()).as(where).isEmpty();
    }

    /** The cells of these columns (what the operator reads out: an e-mail, a name, a balance) drawn cut. */
    private static List<String> cutCells(javafx.scene.control.TableView<?> table, List<String> columns) {
        List<String> cut = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) n;
            String words = cell.getText();
            if (cell.isVisible() && cell.getTableColumn() != null && columns.contains(cell.getTableColumn().getText())
                    && words != null && !words.isEmpty()) {
                cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText())
                        .filter(drawn -> !drawn.equals(words)).findFirst()
                        .ifPresent(drawn -> cut.add(cell.getTableColumn().getText() + ": " + words + " drawn as "
                                + drawn));
            }
        }
        return cut;
    }

    /** No cell of these columns cut, once the page's columns are widened (one pulse after its rows). */
    private void assertNoCellCut(String where, javafx.scene.control.TableView<?> table, String... columns)
            throws Exception {
        try {
            waitUntil(5, () -> WaitForAsyncUtils.asyncFx(() -> cutCells(table, List.of(columns))).get().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            // say what is cut below
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> cutCells(table, List.of(columns))).get()).as(where).isEmpty();
    }

    @Test
    void atOneHundredFiftyPercentOnADesktopNothingTheOperatorReadsOrActsOnIsCut() throws Exception {
        console = new ConsoleHarness(SandboxServer.start(SandboxConfig.inMemory().withDemoUsers(30)), home,
                RetryPolicy.DEFAULT);
        console.width = 1920;
        console.height = 1080;
        console.settings = Settings.DEFAULTS.withTextSizePercent(150);
        console.open();
        assertNothingCut("the wizard's first step");
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.LOGIN);
        assertNothingCut("the wizard's login");
        clickOn("#wizard-action");
        waitUntil(() -> console.window.onboarding().stepProperty().get() == Step.CUSTOMER);
        assertNothingCut("the wizard's customer");

        interact(() -> console.window.showView("nav-users"));
        javafx.scene.control.TableView<?> users = lookup("#users-list-table").queryAs(
                javafx.scene.control.TableView.class);
        waitUntil(() -> !users.getItems().isEmpty());
        interact(() -> users.getSelectionModel().select(0));
        waitUntil(() -> !((Labeled) lookup("#user-detail-email").query()).getText().isEmpty());
        assertNothingCut("users, one selected");
        assertNoCellCut("users", users, "E-mail");

        interact(() -> console.window.showView("nav-wallets"));
        javafx.scene.control.TableView<?> wallets = lookup("#wallets-list-table").queryAs(
                javafx.scene.control.TableView.class);
        waitUntil(() -> !wallets.getItems().isEmpty());
        interact(() -> wallets.getSelectionModel().select(0));
        waitUntil(() -> lookup("#wallets #address-text").tryQuery().map(n -> !((Labeled) n).getText().isEmpty())
                .orElse(false));
        assertNothingCut("wallets, one selected");
        assertNoCellCut("wallets", wallets, "Name", "Balance (pending)");
    }

    /** Every action shown under the node whose words are drawn cut ("Re…"), with what it should read. */
    static List<String> cutActions(Node node) {
        List<String> cut = new ArrayList<>();
        collect(node, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ButtonBase b && b.getText() != null && !b.getText().isEmpty()) {
            String words = b.isMnemonicParsing() ? b.getText().replaceFirst("_(?=[^_])", "") : b.getText();
            b.getChildrenUnmodifiable().stream().filter(n -> n.getClass().getSimpleName().equals("LabeledText"))
                    .map(n -> ((Text) n).getText())
                    .filter(drawn -> !drawn.equals(words)).findFirst()
                    .ifPresent(drawn -> cut.add(b.getText() + " #" + b.getId() + " drawn as " + drawn));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }

    @ParameterizedTest(name = "{2}% at {0}x{1}")
    @CsvSource({"1366, 768, 100", "1920, 1080, 125", "1920, 1080, 150"})
    void noActionOfAnyViewIsCut(double width, double height, int percent) throws Exception {
        open(width, height, Settings.DEFAULTS.withTextSizePercent(percent));
        Map<String, List<String>> cut = new LinkedHashMap<>();
        for (String view : List.of("nav-onboarding", "nav-customers", "nav-users", "nav-wallets", "nav-transactions",
                "nav-bulk", "nav-activity", "nav-settings")) {
            interact(() -> console.window.showView(view));
            waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() ->
                    console.window.session().state().current().jobs().size() == 0).get());
            WaitForAsyncUtils.waitForFxEvents();
            List<String> found = WaitForAsyncUtils.asyncFx(() -> cutActions(console.window)).get();
            if (!found.isEmpty()) {
                cut.put(view, found);
            }
        }
        assertThat(cut).as("actions cut, by view").isEmpty();
    }
}
