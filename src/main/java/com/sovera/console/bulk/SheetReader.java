package com.sovera.console.bulk;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a bulk onboarding file: UTF-8 with or without a byte-order mark, {@code ,} or {@code ;} between cells
 * (told by the header line), quoted cells, CRLF or LF, the template's header names in any order. Streams the
 * file and keeps its memory bounded by the caps below; anything that makes the whole file unusable is a
 * {@link SheetException} whose message says what to do.
 */
public final class SheetReader {

    /** The largest file read: 20,000 rows of the template take about 3 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    /** The most data rows in one file; split a longer list. */
    public static final int MAX_ROWS = 20_000;
    /** The longest cell a row may have; no template field needs more than 254 characters. */
    public static final int MAX_CELL = 1_000;
    /** A cell longer than this ends the reading at once (it is junk, not a cell to fix). */
    static final int MAX_CELL_READ = 16 * 1024;
    private static final int MAX_FIELDS = 64;
    private static final int HEADER_PEEK = 16 * 1024;

    private SheetReader() {
    }

    public static Sheet read(Path file) throws SheetException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new SheetException("There is no file " + file + ".");
        } catch (IOException e) {
            throw new SheetException("Cannot read " + file + ": " + e.getMessage());
        }
        if (size > MAX_BYTES) {
            throw tooLarge(size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new SheetException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads a stream (a file the screen opened); stops at {@link #MAX_BYTES}. */
    public static Sheet read(InputStream in, String name) throws SheetException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        CountingStream counted = new CountingStream(new DigestInputStream(in, digest));
        BufferedReader text = new BufferedReader(new InputStreamReader(counted, decoder), HEADER_PEEK);
        try {
            String headerLine = peekFirstLine(text);
            if (headerLine.isBlank()) {
                throw new SheetException("The file " + name + " is empty. It needs the header line "
                        + Column.headerLine() + " and one row per user (download the template).");
            }
            char delimiter = delimiterOf(headerLine);
            CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).quoteCharacter('"')
                    .skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
                    .build(CsvRecordHandler.builder().maxFields(MAX_FIELDS).maxFieldSize(MAX_CELL_READ)
                            .maxRecordSize(MAX_FIELDS * MAX_CELL_READ).build(), text);
            List<SheetRow> rows = rows(csv, name);
            counted.transferTo(java.io.OutputStream.nullOutputStream()); // the hash covers the whole file
            return new Sheet(name, delimiter, rows, HexFormat.of().formatHex(digest.digest()));
        } catch (UncheckedIOException e) {
            throw failure(e.getCause(), counted.count, name);
        } catch (IOException e) {
            throw failure(e, counted.count, name);
        } catch (CsvParseException e) {
            throw new SheetException("The file " + name + " is not a CSV file this console can read: "
                    + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")")
                    + ". Cells are at most " + MAX_CELL + " characters.");
        }
    }

    private static List<SheetRow> rows(CsvReader<CsvRecord> csv, String name) throws SheetException {
        List<SheetRow> rows = new ArrayList<>();
        Column[] columns = null;
        for (CsvRecord record : csv) {
            refuseBinary(record);
            if (columns == null) {
                columns = header(record);
                continue;
            }
            if (isBlank(record)) {
                continue; // a spreadsheet's empty line: ";;;;;;;"
            }
            if (rows.size() == MAX_ROWS) {
                throw new SheetException("The file " + name + " has more than " + String.format("%,d", MAX_ROWS)
                        + " rows. Split it into files of at most " + String.format("%,d", MAX_ROWS) + " rows.");
            }
            rows.add(row(rows.size() + 1, record, columns));
        }
        if (columns == null) {
            throw new SheetException("The file " + name + " is empty. It needs the header line "
                    + Column.headerLine() + " and one row per user.");
        }
        if (rows.isEmpty()) {
            throw new SheetException("The file " + name + " has the header but no rows: add one row per user.");
        }
        return rows;
    }

    /** The column of each position; null for a blank header cell (a spreadsheet's trailing empty column). */
    private static Column[] header(CsvRecord record) throws SheetException {
        Column[] columns = new Column[record.getFieldCount()];
        EnumMap<Column, Integer> seen = new EnumMap<>(Column.class);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            String name = record.getField(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                continue;
            }
            Optional<Column> column = Column.byHeader(name);
            if (column.isEmpty()) {
                unknown.add("'" + printable(name) + "'");
            } else if (seen.putIfAbsent(column.get(), i) != null) {
                throw wrongHeader("it names " + column.get().header() + " twice");
            } else {
                columns[i] = column.get();
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (!seen.containsKey(c)) {
                missing.add(c.header());
            }
        }
        List<String> why = new ArrayList<>();
        if (!unknown.isEmpty()) {
            why.add("it names " + String.join(", ", unknown.subList(0, Math.min(3, unknown.size())))
                    + (unknown.size() > 3 ? " and " + (unknown.size() - 3) + " more" : "")
                    + ", which the template does not have");
        }
        if (!missing.isEmpty()) {
            why.add("it lacks " + String.join(", ", missing));
        }
        if (!why.isEmpty()) {
            throw wrongHeader(String.join("; ", why));
        }
        return columns;
    }

    private static SheetException wrongHeader(String why) {
        return new SheetException("The first line is not the template's header: " + why + ". It must name the "
                + "columns " + Column.headerLine() + " (in any order), separated by , or ;.");
    }

    private static SheetRow row(int number, CsvRecord record, Column[] columns) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        String shape = null;
        int count = record.getFieldCount();
        for (int i = 0; i < count; i++) {
            String value = record.getField(i).strip();
            if (i < columns.length && columns[i] != null) {
                cells.put(columns[i], value);
            } else if (!value.isEmpty() && shape == null) {
                shape = "It has a value in cell " + (i + 1) + ", under no column of the header.";
            }
        }
        if (count < columns.length && shape == null) {
            int named = 0;
            for (int i = count; i < columns.length; i++) {
                named += columns[i] != null ? 1 : 0;
            }
            if (named > 0) {
                shape = "It has " + count + " cells; the header has " + columns.length + ".";
            }
        }
        return new SheetRow(number, record.getStartingLineNumber(), cells, shape);
    }

    private static boolean isBlank(CsvRecord record) {
        for (String field : record.getFields()) {
            if (!field.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static void refuseBinary(CsvRecord record) throws SheetException {
        for (String field : record.getFields()) {
            if (field.indexOf('\0') >= 0) {
                throw new SheetException("Line " + record.getStartingLineNumber() + " holds binary data (a NUL "
                        + "character): this is not a CSV text file. Save the sheet as CSV UTF-8.");
            }
        }
    }

    /** The first line, read ahead and given back, without a byte-order mark (which is then skipped). */
    private static String peekFirstLine(BufferedReader text) throws IOException {
        text.mark(HEADER_PEEK);
        StringBuilder line = new StringBuilder();
        int c;
        while (line.length() < HEADER_PEEK - 1 && (c = text.read()) >= 0 && c != '\n' && c != '\r') {
            line.append((char) c);
        }
        text.reset();
        if (line.length() > 0 && line.charAt(0) == '\uFEFF') {
            text.skip(1);
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    /** {@code ;} when the header has more of them than commas outside quotes (a European spreadsheet), else {@code ,}. */
    static char delimiterOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static SheetException failure(Throwable e, long bytes, String name) {
        if (e instanceof TooLarge) {
            return tooLarge(bytes);
        }
        if (e instanceof CharacterCodingException) {
            return new SheetException("The file " + name + " is not UTF-8 text (a byte near position "
                    + String.format("%,d", bytes) + " is not UTF-8): it may be a binary file or another encoding. "
                    + "Save the sheet as \"CSV UTF-8\".");
        }
        return new SheetException("Cannot read " + name + ": " + e.getMessage());
    }

    private static SheetException tooLarge(long bytes) {
        return new SheetException("The file is " + (bytes > MAX_BYTES ? String.format("%.1f MB", bytes / 1e6)
                : "over " + MAX_BYTES / (1024 * 1024) + " MB") + "; at most " + MAX_BYTES / (1024 * 1024)
                + " MB (" + String.format("%,d", MAX_ROWS) + " rows) can be imported at once. Split it.");
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** The file was longer than {@link #MAX_BYTES}. */
    private static final class TooLarge extends IOException {
        TooLarge() {
            super("the file is too large");
        }
    }

    /** Counts bytes read, and stops past {@link #MAX_BYTES}. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > MAX_BYTES) {
                throw new TooLarge();
            }
        }
    }
}
