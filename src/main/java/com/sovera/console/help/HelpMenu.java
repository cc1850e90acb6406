package com.sovera.console.help;

import com.sovera.console.audit.ConsoleAudit;
import com.sovera.console.session.ActivityLog;
import com.sovera.console.api.Redactor;
import com.sovera.console.platform.Build;
import com.sovera.console.platform.Folders;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.ui.task.TaskRunner;
import com.sovera.console.ui.Icons;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;

/** The Help menu: keyboard shortcuts, About, the log folder, and a support bundle to paste. */
public final class HelpMenu extends MenuButton {

    /** The keys JavaFX itself binds, as the list shows them after the console's own ({@link Shortcut}). */
    private static final List<String[]> TOOLKIT_KEYS = List.of(
            new String[] {"Enter", "The step's main action (Continue, Create...) when its fields are valid;"
                    + " otherwise the first field to fix"},
            new String[] {"Alt+letter", "The button or view with that letter underlined (hold Alt to see them)"},
            new String[] {"Tab / Shift+Tab", "Next / previous field"},
            new String[] {"Esc", "Close a dialog"});

    private List<String[]> views = List.of();

    private final Environment environment;
    private final String baseUrl;
    private final Supplier<Settings> settings;
    private final Supplier<String> account;
    private final ActivityLog activity;
    private final TaskRunner background;
    private final Redactor redactor;
    private final ConsoleAudit audit;

    public HelpMenu(Environment environment, String baseUrl, Supplier<Settings> settings, Supplier<String> account,
                    ActivityLog activity, TaskRunner background, Redactor redactor, ConsoleAudit audit) {
        super("_Help");
        this.environment = environment;
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.account = account;
        this.activity = activity;
        this.background = background;
        this.redactor = redactor;
        this.audit = audit;
        setId("help");
        setGraphic(Icons.of("fth-help-circle"));
        MenuItem shortcuts = item("Keyboard _shortcuts", "help-shortcuts", "fth-command", this::showShortcuts);
        shortcuts.setAccelerator(Shortcut.HELP.keys());
        getItems().addAll(shortcuts,
                item("Open _log folder", "help-open-logs", "fth-folder", this::openLogFolder),
                item("Copy support _bundle", "help-support-bundle", "fth-clipboard", this::copySupportBundle),
                item("_Export audit trail...", "help-export-audit", "fth-download", this::showAuditExport),
                item("_About SovX Console", "help-about", "fth-info", this::showAbout));
    }

    private static MenuItem item(String text, String id, String icon, Runnable action) {
        MenuItem item = new MenuItem(text, Icons.of(icon));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The navigation's mnemonics, as its buttons spell them: {"Alt+U", "Users"}, ... */
    public void setViews(List<String[]> views) {
        this.views = List.copyOf(views);
    }

    /** Every row of the shortcut list: the console's bindings, the navigation's letters, then JavaFX's keys. */
    public List<String[]> shortcuts() {
        List<String[]> rows = new java.util.ArrayList<>();
        for (Shortcut s : Shortcut.values()) {
            rows.add(new String[] {s.keyText(), s.does()});
        }
        rows.addAll(views);
        rows.addAll(TOOLKIT_KEYS);
        return rows;
    }

    public void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setId("shortcut-list");
        grid.setHgap(24);
        grid.setVgap(6);
        List<String[]> rows = shortcuts();
        for (int i = 0; i < rows.size(); i++) {
            Label key = new Label(rows.get(i)[0]);
            key.getStyleClass().add("shortcut-key");
            grid.addRow(i, key, new Label(rows.get(i)[1]));
        }
        dialog("Keyboard shortcuts", grid).show();
    }

    private void showAbout() {
        Path logs = Build.logDirectory();
        Hyperlink logLink = new Hyperlink(logs.toString());
        logLink.setId("about-log-folder");
        logLink.setOnAction(e -> openLogFolder());
        Label version = new Label("Version " + Build.version());
        version.setId("about-version");
        Label env = new Label("Environment: " + environment.name() + " — " + baseUrl);
        env.setId("about-environment");
        Label head = new Label("Audit trail: reading...");
        head.setId("about-audit-head");
        head.setWrapText(true);
        head.setMaxWidth(560);
        // read off the FX thread: the count and last hash, to compare with the log and with --verify-audit
        background.run(audit::head, h -> arrived(head, "Audit trail: " + h.shortForm() + " (in "
                + audit.trail().directory() + ")"), failure -> arrived(head, "Audit trail: " + failure.getMessage()));
        VBox box = new VBox(8, new Label("SovX Console"), version, env,
                new Label("Java " + System.getProperty("java.version") + ", JavaFX "
                        + System.getProperty("javafx.runtime.version", "?")),
                new Label("Log folder:"), logLink, head,
                new Label("Licensed under the Apache License 2.0."));
        box.setPadding(new Insets(4));
        dialog("About SovX Console", box).show();
    }

    /**
     * A text that arrives once the dialog is shown: the dialog grows to it (a head wrapped to a second line read
     * "(in ..." in a dialog sized for "reading...").
     */
    private static void arrived(Label label, String text) {
        label.setText(text);
        if (label.getScene() != null && label.getScene().getWindow() != null) {
            label.getScene().getWindow().sizeToScene();
        }
    }

    /** Help → Export audit trail: this month's entries by default, written off the FX thread. */
    public void showAuditExport() {
        AuditExportViewModel model = new AuditExportViewModel(audit.trail(), background, java.time.Clock.systemUTC(),
                Path.of(System.getProperty("user.home")));
        AuditExportDialog.of(model, getScene() == null ? null : getScene().getWindow()).show();
    }

    private void openLogFolder() {
        Path logs = Build.logDirectory();
        background.run(() -> {
            Folders.open(logs);
            return logs;
        }, opened -> notify("Log folder", "Opened " + opened + "."), failure -> notify("Log folder",
                failure.getMessage()));
    }

    /** Gathers the bundle off the FX thread, then puts it on the clipboard. */
    public void copySupportBundle() {
        List<com.sovera.console.api.CallRecord> calls = List.copyOf(activity.entries());
        Settings now = settings.get();
        String who = account.get();
        background.run(() -> SupportBundle.gather(environment, baseUrl, now, who, calls, Build.logDirectory(),
                redactor), bundle -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(bundle);
                    Clipboard.getSystemClipboard().setContent(content);
                    notify("Support bundle", "Copied to the clipboard (" + bundle.lines().count()
                            + " lines, secrets removed). Paste it into your support request.");
                }, failure -> notify("Support bundle", "Could not gather it: " + failure.getMessage()));
    }

    private void notify(String title, String text) {
        Notifications.create().owner(getScene() == null ? null : getScene().getWindow()).title(title).text(text)
                .showInformation();
    }

    private Alert dialog(String title, Node content) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(content);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        return alert;
    }
}
