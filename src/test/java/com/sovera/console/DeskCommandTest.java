package com.sovera.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desktop profile's commands: a hung one fails the journey with a reason instead of holding it forever. */
class DeskCommandTest {

    @Test
    void aCommandThatDoesNotEndInTimeFailsAndSaysWhy() {
        assertThatThrownBy(() -> Desk.run(List.of("sleep", "5"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not answer within 1 s");
    }

    @Test
    void aCommandThatEndsGivesWhatItPrinted() {
        assertThat(Desk.run(List.of("echo", "window 42"), Duration.ofSeconds(20))).isEqualTo("window 42\n");
    }
}
