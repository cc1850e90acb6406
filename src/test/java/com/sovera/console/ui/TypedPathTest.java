package com.sovera.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypedPathTest {

    private static final Path HOME = Path.of("/desk/operator"); // a home directory, of no machine in particular

    @Test
    void aPastedPathIsReadAsTheFileManagerCopiedIt() {
        assertThat(TypedPath.parse("/data/team.csv", HOME)).contains(Path.of("/data/team.csv"));
        assertThat(TypedPath.parse("  '/data/my team.csv' ", HOME)).contains(Path.of("/data/my team.csv"));
        assertThat(TypedPath.parse("\"/data/my team.csv\"", HOME)).contains(Path.of("/data/my team.csv"));
        assertThat(TypedPath.parse("file:///data/my%20team.csv", HOME)).contains(Path.of("/data/my team.csv"));
    }

    @Test
    void homeAndRelativePathsAreReadFromTheHomeDirectory() {
        assertThat(TypedPath.parse("~/Downloads/team.csv", HOME)).contains(HOME.resolve("Downloads/team.csv"));
        assertThat(TypedPath.parse("Downloads/team.csv", HOME)).contains(HOME.resolve("Downloads/team.csv"));
        assertThat(TypedPath.parse("~", HOME)).contains(HOME);
    }

    @Test
    void nothingTypedOrNoPathIsNothing() {
        assertThat(TypedPath.parse("", HOME)).isEmpty();
        assertThat(TypedPath.parse("  \"\" ", HOME)).isEmpty();
        assertThat(TypedPath.parse(null, HOME)).isEmpty();
        assertThat(TypedPath.parse("a\u0000b", HOME)).isEmpty();
    }

    @Test
    void aNewFileInAFolderThatExistsIsSavedAndARelativeOneGoesToTheHomeFolder(@TempDir Path desk) throws Exception {
        Files.createDirectory(desk.resolve("Downloads"));
        TypedPath.Save save = TypedPath.forSaving("Downloads/users.csv", desk);
        assertThat(save.verdict()).isEqualTo(TypedPath.Verdict.NEW);
        assertThat(save.file()).isEqualTo(desk.resolve("Downloads/users.csv"));
        assertThat(TypedPath.forSaving("~/users.csv", desk).file()).isEqualTo(desk.resolve("users.csv"));
    }

    @Test
    void aFileThereAlreadyIsOnlyReplacedWhenTheOperatorAgrees(@TempDir Path desk) throws Exception {
        Files.writeString(desk.resolve("users.csv"), "kept");
        TypedPath.Save save = TypedPath.forSaving(desk.resolve("users.csv").toString(), desk);
        assertThat(save.verdict()).isEqualTo(TypedPath.Verdict.EXISTS);
        assertThat(save.message()).contains("users.csv exists already");
        assertThat(Files.readString(desk.resolve("users.csv"))).isEqualTo("kept");
    }

    @Test
    void aMissingFolderAFolderOrNothingIsRefusedWithTheReason(@TempDir Path desk) {
        TypedPath.Save missing = TypedPath.forSaving("~/Exports/users.csv", desk);
        assertThat(missing.verdict()).isEqualTo(TypedPath.Verdict.REFUSED);
        assertThat(missing.message()).startsWith("There is no folder " + desk.resolve("Exports"));
        assertThat(Files.exists(desk.resolve("Exports"))).as("no folder is made behind the operator's back").isFalse();
        TypedPath.Save folder = TypedPath.forSaving(desk.toString(), desk);
        assertThat(folder.verdict()).isEqualTo(TypedPath.Verdict.REFUSED);
        assertThat(folder.message()).contains("is a folder");
        assertThat(TypedPath.forSaving("  ", desk).verdict()).isEqualTo(TypedPath.Verdict.REFUSED);
    }
}
