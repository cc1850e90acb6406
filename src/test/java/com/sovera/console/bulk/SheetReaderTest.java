package com.sovera.console.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader makes of good files in their many spellings, and the bad-input list of issue 13. */
class SheetReaderTest {

    private static final String HEADER = Column.headerLine();
    private static final String ROW = "individual,ada@example.com,Ada,Lovelace,+442071234567,1985-12-10,GB,BTC";

    @TempDir
    Path dir;

    @Test
    void utf8WithByteOrderMarkSemicolonsQuotesAndCrlf() throws Exception {
        String text = "\uFEFFwallets;email;user_type;first_name;last_name;phone;date_of_birth;country\r\n"
                + "\"BTC:bitcoin-testnet;ETH\";zoë@example.com;individual;\"Zoë \"\"Z\"\" \";Ünal;+491701234567;"
                + "1990-02-03;DE\r\n";
        Sheet sheet = read(text.getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.delimiter()).isEqualTo(';');
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.cell(Column.EMAIL)).isEqualTo("zoë@example.com");
            assertThat(r.cell(Column.FIRST_NAME)).isEqualTo("Zoë \"Z\"");
            assertThat(r.cell(Column.WALLETS)).isEqualTo("BTC:bitcoin-testnet;ETH");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.shapeProblem()).isNull();
        });
    }

    @Test
    void headerNamesInAnyOrderAndCaseAndBlankLinesSkipped() throws Exception {
        String text = "EMAIL,Country,wallets,user_type,first_name,last_name,phone,date_of_birth\n\n"
                + "ada@example.com,GB,BTC,individual,Ada,Lovelace,+442071234567,1985-12-10\n,,,,,,,\n";
        Sheet sheet = read(text.getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.rows()).singleElement().satisfies(r -> {
            assertThat(r.cell(Column.COUNTRY)).isEqualTo("GB");
            assertThat(r.cell(Column.DATE_OF_BIRTH)).isEqualTo("1985-12-10");
        });
    }

    @Test
    void aRowWithTooFewOrTooManyCellsIsARowProblemNotAFileOne() throws Exception {
        Sheet sheet = read((HEADER + "\nindividual,a@example.com,A\n" + ROW + ",extra\n" + ROW + ",,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(sheet.rows()).extracting(SheetRow::shapeProblem).containsExactly(
                "It has 3 cells; the header has 8.", "It has a value in cell 9, under no column of the header.", null);
    }

    @Test
    void anEmptyFileSaysWhatItNeeds() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(SheetException.class)
                .hasMessageContaining("is empty").hasMessageContaining(HEADER);
        assertThatThrownBy(() -> read("\uFEFF\r\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> read((HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("has the header but no rows");
    }

    @Test
    void aWrongOrMissingHeaderNamesWhatIsWrong() {
        assertThatThrownBy(() -> read((ROW + "\n" + ROW).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SheetException.class).hasMessageContaining("not the template's header")
                .hasMessageContaining("'individual'");
        assertThatThrownBy(() -> read(("user_type,e-mail,first_name,last_name,phone,date_of_birth,country,wallets\n"
                + ROW).getBytes(StandardCharsets.UTF_8))).hasMessageContaining("'e-mail'")
                .hasMessageContaining("lacks email");
        assertThatThrownBy(() -> read(("user_type,email,first_name,last_name,phone,date_of_birth,country\n" + ROW)
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("it lacks wallets");
        assertThatThrownBy(() -> read((HEADER + ",email\n" + ROW).getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("names email twice");
    }

    @Test
    void aFileOfFiftyMegabytesIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.csv");
        try (var out = Files.newOutputStream(big)) {
            out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] line = (ROW + "\n").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1000 * 1000; written += line.length) {
                out.write(line);
            }
        }
        assertThatThrownBy(() -> SheetReader.read(big)).isInstanceOf(SheetException.class)
                .hasMessageContaining("50.0 MB").hasMessageContaining("at most 10 MB");
    }

    @Test
    void aStreamPastTheSizeCapStopsThereWithoutReadingTheRest() {
        // an endless stream: the reader must stop at the cap, not try to take it all
        InputStream endless = new InputStream() {
            private final byte[] row = ("\n" + ROW).getBytes(StandardCharsets.UTF_8);
            private long n;

            @Override
            public int read() {
                if (n < HEADER.length()) {
                    return HEADER.charAt((int) n++);
                }
                return row[(int) (n++ - HEADER.length()) % row.length];
            }
        };
        assertThatThrownBy(() -> SheetReader.read(endless, "pipe")).isInstanceOf(SheetException.class)
                .hasMessageMatching("(?s).*(over 10 MB|more than 20,000 rows).*");
    }

    @Test
    void aHundredThousandRowsAreRefusedWithTheCap() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 100_000; i++) {
            text.append("individual,u").append(i).append("@example.com,A,B,+12025550100,1990-01-01,US,BTC\n");
        }
        assertThatThrownBy(() -> read(text.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SheetException.class).hasMessageContaining("more than 20,000 rows")
                .hasMessageContaining("Split it");
    }

    @Test
    void binaryJunkIsNotText() {
        byte[] junk = new byte[64 * 1024];
        new Random(13).nextBytes(junk);
        assertThatThrownBy(() -> read(junk)).isInstanceOf(SheetException.class)
                .hasMessageMatching("(?s).*(not UTF-8 text|binary data|not the template's header).*");
        byte[] zipLike = "PK\u0003\u0004\u0000\u0000 header".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(zipLike)).isInstanceOf(SheetException.class);
        byte[] latin1 = (HEADER + "\nindividual,m@example.com,M\u00fcller,B,+12025550100,1990-01-01,DE,BTC\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1)).hasMessageContaining("not UTF-8 text")
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void aThreeThousandCharacterCellIsAnErrorOfItsRowAndAHugeOneEndsTheFile() throws Exception {
        String long3000 = "x".repeat(3000);
        Sheet sheet = read((HEADER + "\nindividual,a@example.com," + long3000 + ",B,+12025550100,1990-01-01,US,BTC\n"
                + ROW + "\n").getBytes(StandardCharsets.UTF_8));
        Preview preview = Preview.of(sheet, true, java.time.LocalDate.of(2026, 3, 12));
        assertThat(preview.row(1).error(Column.FIRST_NAME)).isEqualTo("At most 1000 characters (this cell has 3,000).");
        assertThat(preview.row(2).isValid()).isTrue();

        String huge = "y".repeat(SheetReader.MAX_CELL_READ + 1);
        assertThatThrownBy(() -> read((HEADER + "\n\"" + huge + "\"\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SheetException.class).hasMessageContaining("not a CSV file this console can read");
    }

    @Test
    void anUnclosedQuoteDoesNotSwallowTheFileUnbounded() {
        String text = HEADER + "\nindividual,\"a@example.com,A,B\n" + (ROW + "\n").repeat(2000);
        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8))).isInstanceOf(SheetException.class);
    }

    @Test
    void theSheetCarriesTheHashOfTheWholeFileItWasReadFrom() throws Exception {
        byte[] bytes = ("\uFEFF" + HEADER + "\r\n" + ROW + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes));
        assertThat(read(bytes).sha256()).isEqualTo(expected);
    }

    private static Sheet read(byte[] bytes) throws SheetException {
        return SheetReader.read(new ByteArrayInputStream(bytes), "users.csv");
    }
}
