package com.sovera.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypedSaveTest {

    @TempDir
    Path desk;

    private final List<Path> written = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    private final List<String> questions = new ArrayList<>();

    private void submit(String typed, Ask ask) {
        new TypedSave(new SameThreadTaskRunner(), desk).submit(typed, ask, written::add, refusals::add);
    }

    private Ask answering(int choice) {
        return (title, text, options) -> {
            questions.add(title + " " + text + " " + options);
            return choice;
        };
    }

    @Test
    void aNewFileIsWrittenWithoutAQuestion() {
        submit("users.csv", answering(0));
        assertThat(written).containsExactly(desk.resolve("users.csv"));
        assertThat(questions).isEmpty();
        assertThat(refusals).isEmpty();
    }

    @Test
    void aFileThereIsReplacedOnlyWhenTheOperatorChoosesReplace() throws Exception {
        Files.writeString(desk.resolve("users.csv"), "kept");
        submit("users.csv", answering(1));
        assertThat(questions).singleElement().asString().startsWith("Replace users.csv?")
                .endsWith("[Replace, Keep it]");
        assertThat(written).isEmpty();
        assertThat(refusals).containsExactly("Not saved: users.csv was kept as it was.");

        submit("users.csv", answering(0));
        assertThat(written).containsExactly(desk.resolve("users.csv"));
    }

    @Test
    void withNobodyToAskAFileThereIsRefusedNotReplaced() throws Exception {
        Files.writeString(desk.resolve("users.csv"), "kept");
        submit("users.csv", null);
        assertThat(written).isEmpty();
        assertThat(refusals).singleElement().asString().contains("users.csv exists already")
                .contains("Type another name");
    }

    @Test
    void aMissingFolderIsToldAndNothingIsWritten() {
        submit("~/Exports/users.csv", answering(0));
        assertThat(written).isEmpty();
        assertThat(refusals).singleElement().asString().startsWith("There is no folder");
    }
}
