package com.sovera.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.platform.SafeCsv;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV writer of the console: quoting, and no cell a spreadsheet would run. */
class SafeCsvTest {

    @Test
    void formulaStartsAreNeutralisedNumbersAreNot() {
        assertThat(SafeCsv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(SafeCsv.cell("+SUM(A1)")).isEqualTo("'+SUM(A1)");
        assertThat(SafeCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SafeCsv.cell("@cmd")).isEqualTo("'@cmd");
        assertThat(SafeCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(SafeCsv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(SafeCsv.cell("+14155550123")).isEqualTo("+14155550123");
        assertThat(SafeCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(SafeCsv.cell(null)).isEmpty();
    }

    @Test
    void quotesWhatCsvNeedsQuoted() {
        assertThat(SafeCsv.line(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, "=x,y")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\"'=x,y\"\r\n");
        assertThat(SafeCsv.line(List.of("plain"))).isEqualTo("plain\r\n");
    }
}
