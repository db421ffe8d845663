package org.civicit.lms.csv;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes a CSV file the way spreadsheets read it right: UTF-8 with a byte-order mark,
 * RFC 4180, header first, and text that a spreadsheet would run as a formula made inert.
 * Vietnamese Excel splits a line at {@code ;} (its list separator) as well as at commas, so
 * each {@code ;}-separated part of a cell is made inert, and a cell holding a {@code ;} is
 * quoted so that it stays one cell.
 */
public final class CsvOutput implements RowWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    private static final int BUFFER = 1 << 16;
    private static final CSVFormat QUOTED = FORMAT.builder().setQuoteMode(QuoteMode.ALL).get();
    private static final byte[] LINE_END = FORMAT.getRecordSeparator().getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final StringBuilder line = new StringBuilder();

    private CsvOutput(OutputStream out, String... header) throws IOException {
        this.out = out;
        line.append('\uFEFF');
        print(header);
    }

    /** Buffered here: an export of a million rows would otherwise go out in small pieces. */
    public static CsvOutput open(OutputStream out, String... header) {
        try {
            return new CsvOutput(new BufferedOutputStream(out, BUFFER), header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = cell(values[i]);
        }
        try {
            print(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One record as PostgreSQL's {@code COPY ... TO STDOUT (FORMAT csv)} sends it: UTF-8, its
     * line end last, every value text. A record this file would write the same is copied byte
     * for byte, which is what lets a large export keep up with the database; any other is read
     * and written as a row.
     */
    public void copied(byte[] record) {
        int length = record.length > 0 && record[record.length - 1] == '\n' ? record.length - 1 : record.length;
        try {
            if (writtenAsIs(record, length)) {
                out.write(record, 0, length);
                out.write(LINE_END);
                return;
            }
            try (CSVParser parser = CSVParser.parse(new StringReader(new String(record, 0, length,
                    StandardCharsets.UTF_8)), FORMAT)) {
                List<CSVRecord> read = parser.getRecords();
                // Only a record of one empty value reads as no record at all.
                row((Object[]) (read.isEmpty() ? new String[] {""} : read.get(0).values()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@link #row} would write these values as they stand: no quotes (PostgreSQL quotes
     * what holds a comma, a quote or a line break, and writes an empty text as {@code ""}), no
     * {@code ;}, no formula, and nothing that Commons CSV would quote (a value starting with a
     * character up to {@code #} or ending in a space, or an empty first value).
     */
    static boolean writtenAsIs(byte[] record, int length) {
        int start = 0;
        for (int i = 0; i <= length; i++) {
            int b = i < length ? record[i] & 0xFF : ',';
            if (b == '"' || b == ';') {
                return false;
            }
            if (b != ',') {
                continue;
            }
            if (i > start) {
                int first = record[start] & 0xFF;
                if (first <= '#' || FORMULA_STARTS.indexOf(first) >= 0 || (record[i - 1] & 0xFF) <= ' ') {
                    return false;
                }
            } else if (start == 0) {
                return false;
            }
            start = i + 1;
        }
        return true;
    }

    private void print(Object[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            String text = String.valueOf(cells[i]);
            (text.indexOf(';') >= 0 ? QUOTED : FORMAT).print(text, line, i == 0);
        }
        FORMAT.println(line);
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    /** Numbers, booleans and dates stay as they are; only text can smuggle a formula in. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor) {
            return value.toString();
        }
        String text = value.toString();
        if (text.indexOf(';') < 0 && (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0)) {
            return text;
        }
        StringBuilder inert = new StringBuilder();
        for (String part : text.split(";", -1)) {
            if (!inert.isEmpty()) {
                inert.append(';');
            }
            if (!part.isEmpty() && FORMULA_STARTS.indexOf(part.charAt(0)) >= 0) {
                inert.append('\'');
            }
            inert.append(part);
        }
        return inert.toString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
