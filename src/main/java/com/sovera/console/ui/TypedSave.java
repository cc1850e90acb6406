package com.sovera.console.ui;

import com.sovera.console.ui.task.Job;
import com.sovera.console.ui.task.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A save to a path typed beside a Save button: the path is checked off the FX thread ({@link TypedPath#forSaving}),
 * a file already there is replaced only when the operator says so through the console's one {@link Ask} (with none
 * to ask, it is refused), and a path that cannot be saved to is refused with the reason. The latest Enter wins.
 * Toolkit-free: what the field shows is its view's business.
 */
public final class TypedSave {

    static final List<String> REPLACE_OR_KEEP = List.of("Replace", "Keep it");

    private final TaskRunner runner;
    private final Path home;
    private Job checking;

    public TypedSave(TaskRunner runner, Path home) {
        this.runner = runner;
        this.home = home;
    }

    /**
     * Checks {@code typed}, then hands the file to {@code write} (which writes it off the FX thread, as a chooser's
     * choice), or tells {@code refused} why nothing was written. {@code ask} may be null: nobody can be asked.
     */
    public void submit(String typed, Ask ask, Consumer<Path> write, Consumer<String> refused) {
        if (checking != null) {
            checking.cancel();
        }
        checking = runner.run(() -> TypedPath.forSaving(typed, home), save -> {
            switch (save.verdict()) {
                case NEW -> write.accept(save.file());
                case EXISTS -> replaceOrKeep(save, ask, write, refused);
                default -> refused.accept(save.message());
            }
        }, failure -> refused.accept("Could not check " + typed.strip() + ": " + failure.getMessage()));
    }

    private static void replaceOrKeep(TypedPath.Save save, Ask ask, Consumer<Path> write, Consumer<String> refused) {
        if (ask == null) {
            refused.accept(save.message() + " Type another name: nothing is replaced without asking.");
            return;
        }
        if (ask.choose("Replace " + save.file().getFileName() + "?", save.message() + " Replace it with this one?",
                REPLACE_OR_KEEP) == 0) {
            write.accept(save.file());
        } else {
            refused.accept("Not saved: " + save.file().getFileName() + " was kept as it was.");
        }
    }
}
