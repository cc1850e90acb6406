package com.sovera.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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
}
