package org.civicit.lms.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;

import org.apache.commons.csv.CSVFormat;
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

    private final Writer writer;

    private CsvOutput(Writer writer, String... header) throws IOException {
        this.writer = writer;
        writer.write('\uFEFF');
        print(header);
    }

    /** Buffered here: written cell by cell, an export of a million rows would otherwise encode in small pieces. */
    public static CsvOutput open(OutputStream out, String... header) {
        try {
            return new CsvOutput(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER),
                    header);
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

    private void print(Object[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            String text = String.valueOf(cells[i]);
            (text.indexOf(';') >= 0 ? QUOTED : FORMAT).print(text, writer, i == 0);
        }
        FORMAT.println(writer);
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
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
